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

/// A build in another PID namespace (a container sharing the folder) has a pid this process
/// cannot see; its held lock file is what keeps its folder safe. A dead owner's lock file goes
/// with its folder, and no build leaves a lock file behind.
@Test func writerKeepsFoldersWhoseOwnerLockIsHeld() throws {
    let fileManager = FileManager.default
    let parent = fileManager.temporaryDirectory.appendingPathComponent("blogctl-locked-\(UUID().uuidString)")
    defer { try? fileManager.removeItem(at: parent) }
    let unseen = "999999998"  // no such pid here, as a pid of another namespace looks
    let busy = ".public.tmp-\(unseen)-busy1"
    try fileManager.createDirectory(at: parent.appendingPathComponent(busy), withIntermediateDirectories: true)
    let lockPath = parent.appendingPathComponent(".public.lock-\(unseen)-busy1").path
    let held = open(lockPath, O_CREAT | O_RDWR, 0o644)
    #expect(held >= 0)
    #expect(flock(held, LOCK_EX) == 0)
    // A dead owner: its lock file exists but nobody holds it.
    let deadFolder = ".public.old-\(unseen)-gone2"
    try fileManager.createDirectory(at: parent.appendingPathComponent(deadFolder), withIntermediateDirectories: true)
    try Data().write(to: parent.appendingPathComponent(".public.lock-\(unseen)-gone2"))

    let output = parent.appendingPathComponent("public")
    try SiteWriter.write(SiteOutput(files: ["index.html": .bytes(Data("home".utf8))]), to: output)
    var names = Set(try fileManager.contentsOfDirectory(atPath: parent.path))
    #expect(names == ["public", busy, ".public.lock-\(unseen)-busy1"], "\(names.sorted())")

    // Once the owner is gone (its lock released), the next build reclaims the folder.
    close(held)
    try SiteWriter.write(SiteOutput(files: ["index.html": .bytes(Data("home 2".utf8))]), to: output)
    names = Set(try fileManager.contentsOfDirectory(atPath: parent.path))
    #expect(names == ["public", ".public-recycle"], "\(names.sorted())")
}
