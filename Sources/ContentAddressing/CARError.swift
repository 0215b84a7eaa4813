/// What went wrong reading or writing a CAR file; each case names the file and, for bad bytes, the offset.
public enum CARError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case badHeader(path: String, reason: String)
    case unsupportedVersion(path: String, version: UInt64)
    case badVarint(path: String, offset: UInt64)
    case truncated(path: String, offset: UInt64, needed: UInt64, available: UInt64)
    case sectionTooLarge(path: String, offset: UInt64, length: UInt64)
    case badCID(path: String, offset: UInt64, reason: String)
    /// The writer found a link to a block the store lacks.
    case missingBlock(path: String, cid: CID, linkedFrom: CID?)
    /// The writer could not find the links of a block it must follow.
    case undecodableBlock(path: String, cid: CID, reason: String)
    /// The block store itself failed.
    case storeFailed(path: String, reason: String)
    /// A `CARBlockStore` cannot take new blocks.
    case readOnly(path: String)
    /// A block read from the CAR does not hash to its CID.
    case corruptBlock(path: String, cid: CID, offset: UInt64)

    public var description: String {
        switch self {
        case .cannotOpen(let p, let why): "\(p): \(why)"  // why already says "cannot open: …"
        case .readFailed(let p, let why): "\(p): read failed: \(why)"
        case .writeFailed(let p, let why): "\(p): write failed: \(why)"
        case .badHeader(let p, let why): "\(p): not a CAR file: bad header: \(why)"
        case .unsupportedVersion(let p, let v): "\(p): unsupported CAR version \(v) (blogctl reads versions 1 and 2)"
        case .badVarint(let p, let o): "\(p): malformed section length (varint) at byte \(o)"
        case .truncated(let p, let o, let needed, let available):
            "\(p): truncated: the section at byte \(o) needs \(needed) bytes but only \(available) remain"
        case .sectionTooLarge(let p, let o, let n): "\(p): section at byte \(o) claims \(n) bytes, more than any block blogctl accepts"
        case .badCID(let p, let o, let why): "\(p): bad CID in the section at byte \(o): \(why)"
        case .missingBlock(let p, let cid, let parent):
            if let parent { "cannot write \(p): block \(cid) (linked from \(parent)) is missing" } else { "cannot write \(p): root block \(cid) is missing" }
        case .undecodableBlock(let p, let cid, let why): "cannot write \(p): block \(cid) cannot be decoded: \(why)"
        case .storeFailed(let p, let why): "\(p): block store failed: \(why)"
        case .readOnly(let p): "\(p): a CAR file's block store is read-only"
        case .corruptBlock(let p, let cid, let o): "\(p): block \(cid) (section at byte \(o)) does not match its hash"
        }
    }
}
