import Foundation
import Testing
@testable import SiteBuilder

/// Folders are made by whichever worker writes first under them: deep trees spread over many
/// workers come out complete, fresh and over a recycled tree.
@Test func deepTreesAreWrittenCompletelyByParallelWorkers() throws {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-deep-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: parent) }
    let output = parent.appendingPathComponent("public")
    func site(_ round: Int) -> SiteOutput {
        var files: [String: OutputContent] = [:]
        for index in 0..<1500 {
            // Parents shared across chunk boundaries, and children deeper than their first file.
            let path = "t\(index % 7)/\(index % 5 == 0 ? "page/\(index % 13)/" : "")p\(index)/\(index % 3 == 0 ? "deep/er/" : "")index.html"
            files[path] = .bytes(Data("\(round) \(index)".utf8))
        }
        files["index.html"] = .bytes(Data("root \(round)".utf8))
        return SiteOutput(files: files)
    }
    for round in 1...3 {
        let expected = site(round)
        try SiteWriter.write(expected, to: output)
        var found: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            found[String(url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        #expect(found == expected.files.mapValues { try! $0.data() }, "round \(round)")
    }
}

/// Files of one folder spread over every worker: each finds the folder made, whoever made it.
@Test func oneFolderSharedByAllWorkersIsMadeOnce() throws {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-shared-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: parent) }
    let output = parent.appendingPathComponent("public")
    for round in 1...5 {
        var files: [String: OutputContent] = [:]
        for index in 0..<3000 { files["posts/bundle/deeper/f\(index).svg"] = .bytes(Data("\(round)-\(index)".utf8)) }
        files["posts/bundle/index.html"] = .bytes(Data("page".utf8))
        try SiteWriter.write(SiteOutput(files: files), to: output)
        let listed = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("posts/bundle/deeper").path)
        #expect(listed.count == 3000)
        #expect(try Data(contentsOf: output.appendingPathComponent("posts/bundle/deeper/f2999.svg")) == Data("\(round)-2999".utf8))
        // A fresh folder every other round, the recycled tree otherwise.
        if round % 2 == 0 { try? FileManager.default.removeItem(atPath: parent.path + "/" + SiteWriter.recycleName(forOutputNamed: "public")) }
    }
}
