import Foundation
import Testing
@testable import SiteBuilder

/// The outputs folder of the cache: what a save leaves of other builds' files.
@Suite struct OutputManifestFileTests {
    func tree(_ inode: UInt64) -> FileIdentity { FileIdentity(device: 1, inode: inode, size: 0, modified: 0, changed: 0) }

    @Test func saveKeepsAnotherBuildsTemporaryFileButNotOneAKilledBuildLeft() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("manifests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let saving = directory.appendingPathComponent(".manifest.tmp-1")
        let killed = directory.appendingPathComponent(".manifest.tmp-2")
        try Data("half".utf8).write(to: saving)
        try Data("half".utf8).write(to: killed)
        let hourAgo = Date().addingTimeInterval(-3600)
        try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: killed.path)
        // Other output folders' manifests: the six newest stay.
        for inode in 10..<18 {
            let other = directory.appendingPathComponent("1-\(inode)")
            try Data("m".utf8).write(to: other)
            try FileManager.default.setAttributes([.modificationDate: hourAgo.addingTimeInterval(Double(inode))], ofItemAtPath: other.path)
        }

        OutputManifest().save(to: directory, tree: tree(1), keeping: [tree(2)])

        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(left.contains(".manifest.tmp-1"))
        #expect(!left.contains(".manifest.tmp-2"))
        #expect(left.contains("1-1"))
        #expect(left == Set([".manifest.tmp-1", "1-1"] + (12..<18).map { "1-\($0)" }))
        #expect(OutputManifest.load(from: directory, tree: tree(1))?.manifest == OutputManifest())
    }
}
