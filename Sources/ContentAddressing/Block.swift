import Foundation

/// A block: bytes and the CID that names them.
public struct Block: Sendable, Equatable {
    public let cid: CID
    public let data: [UInt8]

    /// Hashes `data` (sha2-256) and names it with a CID of the given version and codec.
    public init(data: [UInt8], codec: UInt64, cidVersion: Int) {
        let hash = Multihash.sha256(of: data)
        self.cid = cidVersion == 0 ? .v0(hash) : .v1(codec: codec, hash)
        self.data = data
    }

    /// A block whose CID is already known (read from a store or a CAR, not yet verified).
    public init(cid: CID, data: [UInt8]) {
        self.cid = cid
        self.data = data
    }

    /// Whether the data hashes to the CID.
    public var isIntact: Bool { cid.multihash.matches(data) }
}
