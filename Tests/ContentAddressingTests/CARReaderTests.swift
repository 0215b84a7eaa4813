import Foundation
import Testing
@testable import ContentAddressing

@Suite struct CARReaderTests {
    /// A small CAR written by the writer: a directory with two raw files; returns the file and its sections.
    func sampleCAR(in folder: TemporaryFolder) throws -> (url: URL, root: CID, bytes: [UInt8]) {
        let dag = HandDAG()
        let root = dag.directory([("a.txt", dag.raw("alpha")), ("b.txt", dag.raw("beta beta"))])
        let url = folder.file("sample.car")
        _ = try CARWriter.write(root: root.cid, from: dag.store, to: url)
        return (url, root.cid, Array(try Data(contentsOf: url)))
    }

    func write(_ bytes: [UInt8], _ folder: TemporaryFolder, _ name: String = "bad.car") throws -> URL {
        let url = folder.file(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func readsHeaderAndSectionsWithOffsets() throws {
        let folder = try TemporaryFolder()
        let (url, root, bytes) = try sampleCAR(in: folder)
        let reader = try CARReader(url: url)
        #expect(reader.roots == [root])
        #expect(reader.containerVersion == 1)
        #expect(reader.fileSize == UInt64(bytes.count))
        var sections: [CARSection] = []
        while let section = try reader.nextSection() { sections.append(section) }
        #expect(sections.count == 3)
        #expect(sections[0].cid == root)
        #expect(sections[0].offset == 59)  // 1-byte varint + 58-byte header
        for section in sections {
            let data = Array(bytes[Int(section.dataOffset)..<(Int(section.dataOffset) + section.dataLength)])
            #expect(data == section.data)
            #expect(Block(cid: section.cid, data: data).isIntact)
        }
        // Skipping data gives the same layout.
        let skipping = try CARReader(url: url)
        var skipped: [CARSection] = []
        while let section = try skipping.nextSection(readingData: false) { skipped.append(section) }
        #expect(skipped.map(\.dataOffset) == sections.map(\.dataOffset))
        #expect(skipped.allSatisfy { $0.data == nil })
    }

    @Test func garbageHeaderIsAClearError() throws {
        let folder = try TemporaryFolder()
        let url = try write(Array("<html>this is not a CAR file</html>".utf8), folder)
        do {
            _ = try CARReader(url: url)
            Issue.record("garbage accepted")
        } catch {
            guard case .badHeader(let path, _) = error else { Issue.record("\(error)"); return }
            #expect(path == url.path)
            #expect(error.description.contains("not a CAR file"))
        }
    }

    @Test func emptyFileIsABadHeader() throws {
        let folder = try TemporaryFolder()
        #expect(throws: CARError.badHeader(path: folder.file("bad.car").path, reason: "the file is empty")) {
            try CARReader(url: try write([], folder))
        }
    }

    @Test func unknownVersionIsRejected() throws {
        let folder = try TemporaryFolder()
        let header = DAGCBOR.encode(.map([CBORMapEntry("roots", .array([])), CBORMapEntry("version", .unsigned(3))]))
        let url = try write(Varint.encode(UInt64(header.count)) + header, folder)
        #expect(throws: CARError.unsupportedVersion(path: url.path, version: 3)) { try CARReader(url: url) }
    }

    @Test func truncatedSectionNamesItsOffset() throws {
        let folder = try TemporaryFolder()
        let (url, _, bytes) = try sampleCAR(in: folder)
        var offsets: [UInt64] = []
        let reader = try CARReader(url: url)
        while let s = try reader.nextSection() { offsets.append(s.offset) }
        let cut = try write(Array(bytes.dropLast(3)), folder, "cut.car")
        let truncated = try CARReader(url: cut)
        _ = try truncated.nextSection()
        _ = try truncated.nextSection()
        do {
            _ = try truncated.nextSection()
            Issue.record("truncation not noticed")
        } catch {
            guard case .truncated(_, let offset, let needed, let available) = error else { Issue.record("\(error)"); return }
            #expect(offset == offsets[2])
            #expect(needed == available + 3)
            #expect(error.description.contains("cut.car"))
            #expect(error.description.contains("byte \(offsets[2])"))
        }
    }

    @Test func malformedSectionLengthIsABadVarint() throws {
        let folder = try TemporaryFolder()
        let (_, _, bytes) = try sampleCAR(in: folder)
        let url = try write(Array(bytes[..<59]) + [0x80, 0x00], folder)  // not minimally encoded
        let reader = try CARReader(url: url)
        #expect(throws: CARError.badVarint(path: url.path, offset: 59)) { try reader.nextSection() }
    }

    @Test func badCIDNamesTheSection() throws {
        let folder = try TemporaryFolder()
        let (_, _, bytes) = try sampleCAR(in: folder)
        let url = try write(Array(bytes[..<59]) + [0x04, 0x02, 0x55, 0x12, 0x00], folder)  // CID version 2
        let reader = try CARReader(url: url)
        #expect(throws: CARError.badCID(path: url.path, offset: 59, reason: "unsupported CID version 2")) { try reader.nextSection() }
    }

    @Test func hugeSectionLengthIsRefusedBeforeAllocating() throws {
        let folder = try TemporaryFolder()
        let (_, _, bytes) = try sampleCAR(in: folder)
        let url = try write(Array(bytes[..<59]) + Varint.encode(1 << 40) + [1, 2, 3], folder)
        let reader = try CARReader(url: url)
        #expect(throws: CARError.sectionTooLarge(path: url.path, offset: 59, length: 1 << 40)) { try reader.nextSection() }
    }

    /// CARv2: pragma, 40-byte header (characteristics, data offset, data size, index offset), then the v1 payload.
    func wrapV2(_ v1: [UInt8], padding: Int = 7, claimedSize: UInt64? = nil) -> [UInt8] {
        let pragma: [UInt8] = [0x0a, 0xa1, 0x67] + Array("version".utf8) + [0x02]
        func le(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
        let dataOffset = UInt64(pragma.count + 40 + padding)
        let header = [UInt8](repeating: 0, count: 16) + le(dataOffset) + le(claimedSize ?? UInt64(v1.count)) + le(0)
        return pragma + header + [UInt8](repeating: 0, count: padding) + v1 + [0xde, 0xad]  // trailing bytes stand for an index
    }

    @Test func readsTheV1PayloadOfACARv2() throws {
        let folder = try TemporaryFolder()
        let (_, root, v1) = try sampleCAR(in: folder)
        let url = try write(wrapV2(v1), folder, "v2.car")
        let reader = try CARReader(url: url)
        #expect(reader.containerVersion == 2)
        #expect(reader.roots == [root])
        var blocks: [Block] = []
        while let b = try reader.next() { blocks.append(b) }
        #expect(blocks.count == 3)
        #expect(blocks.allSatisfy { $0.isIntact })
        let verification = try CARVerifier.verify(url: url)
        #expect(verification.isValid)
        let store = try CARBlockStore(url: url)
        #expect(try UnixFSReader(store: store).list(root: root).map(\.path) == ["a.txt", "b.txt"])
    }

    @Test func carV2WhosePayloadRunsPastTheFileIsTruncated() throws {
        let folder = try TemporaryFolder()
        let (_, _, v1) = try sampleCAR(in: folder)
        let url = try write(wrapV2(v1, claimedSize: UInt64(v1.count) + 100), folder, "v2.car")
        do {
            _ = try CARReader(url: url)
            Issue.record("accepted")
        } catch {
            guard case .truncated = error else { Issue.record("\(error)"); return }
        }
    }

    @Test func missingFileCannotBeOpened() {
        let url = URL(fileURLWithPath: "/nonexistent/\(UUID().uuidString).car")
        do {
            _ = try CARReader(url: url)
            Issue.record("opened")
        } catch {
            #expect(error.description.contains(url.path))
            #expect(error.description.contains("No such file"))
        }
    }
}
