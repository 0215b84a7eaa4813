import Foundation
import POSIXFiles

/// One section of a CAR: a block's CID, where the section starts and where its data lies.
public struct CARSection: Sendable {
    public let cid: CID
    /// File offset of the section (its length varint).
    public let offset: UInt64
    /// File offset and length of the block data.
    public let dataOffset: UInt64
    public let dataLength: Int
    /// The block data; nil when the caller asked to skip it.
    public let data: [UInt8]?
}

/// Reads a CAR file section by section through a bounded buffer, never the whole file at once.
/// Accepts CARv1 and CARv2 (whose inner v1 payload it reads); offsets are always file offsets.
public final class CARReader {
    /// Sections longer than this are refused as corrupt (go-car's limit; kubo's blocks are at most 2 MiB).
    public static let maxSectionLength: UInt64 = 32 << 20
    static let maxHeaderLength: UInt64 = 1 << 20
    private static let chunk = 1 << 20
    private static let v2HeaderLength: UInt64 = 40

    public let url: URL
    public let header: CARHeader
    /// 1 for a plain CARv1, 2 for a CARv2 wrapping one.
    public let containerVersion: UInt64
    /// Length of the file in bytes.
    public let fileSize: UInt64

    public var roots: [CID] { header.roots }

    /// The open file, shared with `CARBlockStore` for its on-demand reads.
    let file: ReadOnlyFile
    private let payloadEnd: UInt64
    private var position: UInt64
    private var buffer: [UInt8] = []
    private var bufferStart: UInt64 = 0

    /// Opens `url` and reads its header.
    public init(url: URL) throws(CARError) {
        self.url = url
        do { file = try ReadOnlyFile(path: url.path) } catch { throw .cannotOpen(path: url.path, reason: error.reason) }
        fileSize = file.size
        var end = file.size
        var header = try CARReader.readHeader(file, at: 0, end: end)
        var version: UInt64 = 1
        if header.header.version == 2 {
            // CARv2: the pragma `{"version": 2}` is followed by 16 bytes of characteristics and three
            // little-endian u64s: data offset, data size, index offset. The data is a whole CARv1.
            version = 2
            let fixed = try CARReader.read(file, at: header.end, count: Int(CARReader.v2HeaderLength), end: end, section: header.end)
            func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(fixed[at + $1]) << (8 * UInt64($1)) } }
            let dataOffset = u64(16), dataSize = u64(24)
            guard dataOffset >= header.end + CARReader.v2HeaderLength, dataOffset <= end else {
                throw .badHeader(path: url.path, reason: "CARv2 data offset \(dataOffset) lies outside the file")
            }
            guard dataSize <= end - dataOffset else {
                throw .truncated(path: url.path, offset: dataOffset, needed: dataSize, available: end - dataOffset)
            }
            end = dataOffset + dataSize
            header = try CARReader.readHeader(file, at: dataOffset, end: end)
            guard header.header.version == 1 else {
                throw .badHeader(path: url.path, reason: "CARv2 payload has version \(header.header.version), not 1")
            }
        } else if header.header.version != 1 {
            throw .unsupportedVersion(path: url.path, version: header.header.version)
        }
        self.header = header.header
        self.containerVersion = version
        self.position = header.end
        self.payloadEnd = end
    }

    /// The next section, or nil at the end; with `readingData` false the data is skipped (for indexing).
    public func nextSection(readingData: Bool = true) throws(CARError) -> CARSection? {
        let start = position
        guard start < payloadEnd else { return nil }
        let head = try bytes(at: start, count: 10)
        var cursor = head.startIndex
        let length: UInt64
        do { length = try Varint.read(head, at: &cursor) } catch {
            if case .truncated = error {
                throw .truncated(path: url.path, offset: start, needed: UInt64(head.count + 1), available: UInt64(head.count))
            }
            throw .badVarint(path: url.path, offset: start)
        }
        let bodyStart = start + UInt64(cursor - head.startIndex)
        let available = payloadEnd - bodyStart
        guard length > 0 else { throw .badCID(path: url.path, offset: start, reason: "empty section") }
        guard length <= CARReader.maxSectionLength else {
            throw .sectionTooLarge(path: url.path, offset: start, length: length)
        }
        guard length <= available else {
            throw .truncated(path: url.path, offset: start, needed: length, available: available)
        }
        // Parse the CID from a short prefix; re-read the whole section only for an unusually long CID.
        var body = try bytes(at: bodyStart, count: readingData ? Int(length) : min(Int(length), 256))
        var cidEnd = body.startIndex
        var cid: CID
        do { cid = try CID.read(body, at: &cidEnd) } catch {
            guard error == .truncated, body.count < Int(length) else { throw .badCID(path: url.path, offset: start, reason: error.description) }
            body = try bytes(at: bodyStart, count: Int(length))
            cidEnd = body.startIndex
            do { cid = try CID.read(body, at: &cidEnd) } catch { throw .badCID(path: url.path, offset: start, reason: error.description) }
        }
        let cidLength = cidEnd - body.startIndex
        position = bodyStart + length
        return CARSection(
            cid: cid, offset: start,
            dataOffset: bodyStart + UInt64(cidLength), dataLength: Int(length) - cidLength,
            data: readingData ? Array(body[cidEnd...]) : nil)
    }

    /// The next block, or nil at the end.
    public func next() throws(CARError) -> Block? {
        guard let section = try nextSection() else { return nil }
        return Block(cid: section.cid, data: section.data ?? [])
    }

    /// Up to `count` bytes at `offset` within the payload, through the buffer.
    private func bytes(at offset: UInt64, count: Int) throws(CARError) -> ArraySlice<UInt8> {
        let count = Int(min(UInt64(count), payloadEnd - offset))
        if offset >= bufferStart, offset + UInt64(count) <= bufferStart + UInt64(buffer.count) {
            let from = Int(offset - bufferStart)
            return buffer[from..<(from + count)]
        }
        if count > CARReader.chunk {
            return try ArraySlice(CARReader.read(file, at: offset, count: count, end: payloadEnd, section: offset))
        }
        let fill = Int(min(UInt64(CARReader.chunk), payloadEnd - offset))
        buffer = try CARReader.read(file, at: offset, count: fill, end: payloadEnd, section: offset)
        bufferStart = offset
        return buffer[0..<count]
    }

    /// Exactly `count` bytes at `offset` (bounded by `end`), or a truncation error naming `section`.
    private static func read(_ file: ReadOnlyFile, at offset: UInt64, count: Int, end: UInt64, section: UInt64) throws(CARError) -> [UInt8] {
        let available = end > offset ? end - offset : 0
        guard UInt64(count) <= available else {
            throw .truncated(path: file.path, offset: section, needed: UInt64(count), available: available)
        }
        let bytes: [UInt8]
        do { bytes = try file.read(at: offset, count: count) } catch { throw .readFailed(path: file.path, reason: error.reason) }
        guard bytes.count == count else {
            throw .truncated(path: file.path, offset: section, needed: UInt64(count), available: UInt64(bytes.count))
        }
        return bytes
    }

    /// Reads `varint(length) DAG-CBOR header` at `offset`; returns it and where the first section starts.
    private static func readHeader(_ file: ReadOnlyFile, at offset: UInt64, end: UInt64) throws(CARError) -> (header: CARHeader, end: UInt64) {
        guard end > offset else { throw .badHeader(path: file.path, reason: "the file is empty") }
        let head = try read(file, at: offset, count: Int(min(10, end - offset)), end: end, section: offset)
        var cursor = 0
        let length: UInt64
        do { length = try Varint.read(head, at: &cursor) } catch {
            throw .badHeader(path: file.path, reason: "the header length is not a varint")
        }
        guard length > 0, length <= maxHeaderLength else {
            throw .badHeader(path: file.path, reason: "implausible header length \(length)")
        }
        let bodyStart = offset + UInt64(cursor)
        guard length <= end - bodyStart else {
            throw .badHeader(path: file.path, reason: "header of \(length) bytes is longer than the \(end - bodyStart) bytes that remain")
        }
        let body = try read(file, at: bodyStart, count: Int(length), end: end, section: offset)
        do {
            return (try CARHeader(decoding: body), bodyStart + length)
        } catch {
            throw .badHeader(path: file.path, reason: error.reason)
        }
    }
}
