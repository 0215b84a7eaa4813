import ContentAddressing

/// Walks a DAG in a store and checks the invariants kubo relies on; returns the problems found.
enum DAGAudit {
    static func problems(root: CID, store: MemoryBlockStore) throws -> [String] {
        var problems: [String] = []
        var cumulative: [CID: UInt64] = [:]
        func tsize(of cid: CID) throws -> UInt64 {
            if let known = cumulative[cid] { return known }
            guard let data = store.get(cid) else {
                problems.append("missing block \(cid)")
                return 0
            }
            if !Block(cid: cid, data: data).isIntact { problems.append("block \(cid) does not hash to its CID") }
            var total = UInt64(data.count)
            if cid.codec == CID.dagPB {
                let node = try PBNode(decoding: data)
                let names = node.links.map { Array($0.name.utf8) }
                if names != names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                    problems.append("links of \(cid) are not in name byte order")
                }
                for link in node.links {
                    let child = try tsize(of: link.cid)
                    if link.tsize != child { problems.append("link '\(link.name)' of \(cid) has Tsize \(link.tsize), expected \(child)") }
                    total += link.tsize
                }
            }
            cumulative[cid] = total
            return total
        }
        _ = try tsize(of: root)
        return problems
    }
}
