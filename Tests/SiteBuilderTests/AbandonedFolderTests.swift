import Foundation
import Testing

@testable import SiteBuilder

/// A build killed mid-write leaves `.public.tmp-<pid>-…` (often the whole recycled tree) or
/// `.public.old-<pid>-…` beside the output; the next write reclaims or deletes those of dead
/// processes and never touches a live build's folder.
@Test func writerReclaimsFoldersOfKilledBuilds() throws {
    let fileManager = FileManager.default
    let parent = fileManager.temporaryDirectory.appendingPathComponent("blogctl-abandoned-\(UUID().uuidString)")
    defer { try? fileManager.removeItem(at: parent) }
    // Above Linux's largest pid_max (4,194,304): no such process can exist.
    let dead = "999999999"
    func folder(_ name: String, file: String) throws {
        let url = parent.appendingPathComponent(name)
        try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("left over".utf8).write(to: url.appendingPathComponent(file))
    }
    try folder(".public.tmp-\(dead)-abc", file: "stale.html")
    try folder(".public.old-\(dead)-def", file: "older.html")
    try folder(".public.tmp-\(dead)-ghi-fresh", file: "fresh.html")
    let live = ".public.tmp-\(getpid())-running"
    try folder(live, file: "busy.html")
    try folder(".other.tmp-\(dead)-abc", file: "not ours.html")

    let output = parent.appendingPathComponent("public")
    try SiteWriter.write(SiteOutput(files: ["index.html": .bytes(Data("home".utf8))]), to: output)

    let names = Set(try fileManager.contentsOfDirectory(atPath: parent.path))
    #expect(names == ["public", live, ".other.tmp-\(dead)-abc"], "\(names.sorted())")
    // The first one became the recycled tree and was corrected to the new output exactly.
    #expect(try fileManager.contentsOfDirectory(atPath: output.path) == ["index.html"])
    #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "home")

    // The next write recycles as usual and leaves no temporary folder of its own.
    try SiteWriter.write(SiteOutput(files: ["index.html": .bytes(Data("home 2".utf8))]), to: output)
    let after = Set(try fileManager.contentsOfDirectory(atPath: parent.path))
    #expect(after == ["public", ".public-recycle", live, ".other.tmp-\(dead)-abc"], "\(after.sorted())")
}
