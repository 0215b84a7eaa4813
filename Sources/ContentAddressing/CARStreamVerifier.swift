/// Checks a CAR as it arrives (a gateway's answer to `?format=car`), never holding it whole: the
/// header, every section's length, every block against its CID. What arrived is then compared
/// with the DAG it should hold (`missing(from:)`).
public struct CARStreamVerifier: Sendable {
    /// Bytes of the section (or header) not complete yet.
    private var pending: [UInt8] = []
    private var headerRead = false
    public private(set) var roots: [CID] = []
    /// Every CID whose block arrived intact.
    public private(set) var received: Set<CID> = []
    public private(set) var bytes: UInt64 = 0
    /// Bytes before `pending`, for the offsets errors name.
    private var consumed: UInt64 = 0
    /// Sections (and a header) may be at most this long: kubo's 2 MiB block limit, and room for the CID.
    private let largestSection = (2 << 20) + 256

    public init() {}

    /// Takes the next bytes of the CAR; throws at the first thing wrong with it.
    public mutating func feed(_ chunk: some Collection<UInt8>) throws(CARError) {
        pending += chunk
        bytes += UInt64(chunk.count)
        var offset = 0
        while true {
            var cursor = offset
            guard let length = try? Varint.read(pending, at: &cursor) else { break }
            guard length <= UInt64(largestSection) else { throw .sectionTooLarge(path: "the answer", offset: consumed + UInt64(offset), length: length) }
            guard pending.count - cursor >= Int(length) else { break }
            let section = Array(pending[cursor..<(cursor + Int(length))])
            if !headerRead {
                do { roots = try CARHeader(decoding: section).roots } catch {
                    throw .badHeader(path: "the answer", reason: "\(error)")
                }
                headerRead = true
            } else {
                var at = 0
                let cid: CID
                do { cid = try CID.read(section, at: &at) } catch {
                    throw .badCID(path: "the answer", offset: consumed + UInt64(offset), reason: "\(error)")
                }
                let data = Array(section[at...])
                guard BlockLinks.inlineData(of: cid) != nil || cid.multihash.matches(data) else {
                    throw .corruptBlock(path: "the answer", cid: cid, offset: consumed + UInt64(offset))
                }
                received.insert(cid)
            }
            offset = cursor + Int(length)
        }
        if offset > 0 {
            pending.removeFirst(offset)
            consumed += UInt64(offset)
        }
    }

    /// Throws when the CAR ended in the middle of a section or had no header.
    public func finish() throws(CARError) {
        guard headerRead else { throw .badHeader(path: "the answer", reason: "no CAR header") }
        guard pending.isEmpty else {
            throw .truncated(path: "the answer", offset: consumed, needed: UInt64(pending.count) + 1, available: UInt64(pending.count))
        }
    }

    /// The blocks of `dag` that did not arrive.
    public func missing(from dag: DAGBlocks) -> [CID] {
        dag.blocks.lazy.map(\.cid).filter { !received.contains($0) && BlockLinks.inlineData(of: $0) == nil }
    }
}
