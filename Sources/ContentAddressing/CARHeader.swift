/// The header of a CARv1: its root CIDs.
public struct CARHeader: Sendable, Equatable {
    public var roots: [CID]
    public var version: UInt64

    public init(roots: [CID], version: UInt64 = 1) {
        self.roots = roots
        self.version = version
    }

    /// DAG-CBOR `{"roots": [CID…], "version": 1}`: keys in canonical order (shorter first), as kubo writes them.
    public func encoded() -> [UInt8] {
        DAGCBOR.encode(.map([
            CBORMapEntry("roots", .array(roots.map(CBORValue.link))),
            CBORMapEntry("version", .unsigned(version)),
        ]))
    }

    /// Decodes a header; throws a reason that the reader turns into `CARError.badHeader`.
    init(decoding bytes: [UInt8]) throws(HeaderProblem) {
        let value: CBORValue
        do { value = try DAGCBOR.decode(bytes) } catch { throw HeaderProblem(reason: error.description) }
        guard case .map = value else { throw HeaderProblem(reason: "not a DAG-CBOR map") }
        guard case .unsigned(let version)? = value["version"] else { throw HeaderProblem(reason: "no integer \"version\"") }
        self.version = version
        guard version == 1 else { self.roots = []; return }
        guard case .array(let items)? = value["roots"] else { throw HeaderProblem(reason: "no \"roots\" array") }
        var roots: [CID] = []
        for item in items {
            guard case .tag(42, .bytes(let b)) = item, let cid = try? CID(bytes: Array(b.dropFirst())) else {
                throw HeaderProblem(reason: "a root is not a CID")
            }
            roots.append(cid)
        }
        self.roots = roots
    }

    struct HeaderProblem: Error {
        let reason: String
    }
}
