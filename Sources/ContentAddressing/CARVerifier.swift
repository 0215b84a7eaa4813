import Foundation

/// Something wrong (or unknowable) about a CAR's blocks or DAG.
public enum CARProblem: Sendable, Equatable, CustomStringConvertible {
    /// The block's data does not hash to its CID.
    case corruptBlock(CID, offset: UInt64)
    /// A block the DAG needs is not in the CAR; `linkedFrom` is nil for a root.
    case missingBlock(CID, linkedFrom: CID?)
    /// A dag-pb or dag-cbor block whose links cannot be read.
    case undecodableBlock(CID, reason: String)
    /// A hash function blogctl cannot compute (anything but sha2-256 and identity); not a failure.
    case unverifiableBlock(CID, hashCode: UInt64)

    /// Whether this problem makes the CAR unusable (unverifiable blocks only warrant a warning).
    public var isFailure: Bool {
        if case .unverifiableBlock = self { false } else { true }
    }

    public var description: String {
        switch self {
        case .corruptBlock(let cid, let o): "block \(cid) (section at byte \(o)) does not match its hash"
        case .missingBlock(let cid, nil): "root block \(cid) is missing"
        case .missingBlock(let cid, let parent?): "block \(cid) is missing (linked from \(parent))"
        case .undecodableBlock(let cid, let why): "block \(cid) cannot be decoded: \(why)"
        case .unverifiableBlock(let cid, let code): "block \(cid) uses hash function 0x\(String(code, radix: 16)), which blogctl cannot check"
        }
    }
}

/// What verifying a CAR found.
public struct CARVerification: Sendable, Equatable {
    public let roots: [CID]
    /// Sections in the file (a duplicated block counts each time).
    public let blockCount: Int
    /// Length of the file.
    public let byteCount: UInt64
    /// Failures first, in the order found, then warnings.
    public let problems: [CARProblem]

    /// Every block matches its hash and the DAG under every root is complete.
    public var isValid: Bool { failures.isEmpty }
    public var failures: [CARProblem] { problems.filter(\.isFailure) }
    public var warnings: [CARProblem] { problems.filter { !$0.isFailure } }
}

/// Checks a CAR: every block against its CID, and that the DAG under each root is complete.
public enum CARVerifier {
    /// Reads `url` once, streaming; throws only when the file itself cannot be read as a CAR.
    public static func verify(url: URL) throws(CARError) -> CARVerification {
        let reader = try CARReader(url: url)
        var linksOf: [CID: [CID]] = [:]
        var corrupt = Set<CID>()
        var failures: [CARProblem] = []
        var warnings: [CARProblem] = []
        var blockCount = 0
        while let section = try reader.nextSection() {
            blockCount += 1
            let cid = section.cid, data = section.data ?? []
            guard linksOf[cid] == nil else { continue }
            if !cid.multihash.isVerifiable {
                warnings.append(.unverifiableBlock(cid, hashCode: cid.multihash.code))
            } else if !cid.multihash.matches(data) {
                // Its links cannot be trusted, so they are not followed; a later intact copy may still stand in.
                if corrupt.insert(cid).inserted { failures.append(.corruptBlock(cid, offset: section.offset)) }
                continue
            }
            linksOf[cid] = links(of: cid, data: data, failures: &failures)
        }
        reportMissingBlocks(under: reader.roots, linksOf: linksOf, corrupt: corrupt, into: &failures)
        return CARVerification(roots: reader.roots, blockCount: blockCount, byteCount: reader.fileSize, problems: failures + warnings)
    }

    private static func links(of cid: CID, data: [UInt8], failures: inout [CARProblem]) -> [CID] {
        do { return try BlockLinks.links(of: cid, data: data) } catch {
            failures.append(.undecodableBlock(cid, reason: "\(error)"))
            return []
        }
    }

    /// Walks each root's DAG over the links found, reporting every needed block that is absent.
    private static func reportMissingBlocks(
        under roots: [CID], linksOf: [CID: [CID]], corrupt: Set<CID>, into failures: inout [CARProblem]
    ) {
        DAGWalk.depthFirst(roots: roots) { cid, parent in
            if let known = linksOf[cid] { return known }
            if let inline = BlockLinks.inlineData(of: cid) { return links(of: cid, data: inline, failures: &failures) }
            // A corrupt block is already reported; calling it missing too would say the same thing twice.
            if !corrupt.contains(cid) { failures.append(.missingBlock(cid, linkedFrom: parent)) }
            return []
        }
    }
}
