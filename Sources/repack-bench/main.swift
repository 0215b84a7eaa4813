import ContentAddressing
import Foundation

// usage: repack-bench FOLDER [EDITS]
// Packs FOLDER into a PackedTree, then edits one file EDITS times (default 20) and times each
// re-pack: what a preview server pays after an author saves one post.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: repack-bench FOLDER [EDITS]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let edits = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

var paths: [String] = []
let walker = FileManager.default.enumerator(atPath: folder.path)!
while let path = walker.nextObject() as? String {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
        paths.append(path)
    }
}
paths.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }

let tree = PackedTree(store: DiscardingBlockStore())
let clock = ContinuousClock()
let loading = try clock.measure {
    for path in paths {
        try tree.setFile(path, Array(try Data(contentsOf: folder.appendingPathComponent(path))))
    }
    _ = try tree.rootNode()
}
let target = paths.first { $0.hasPrefix("posts/") && $0.hasSuffix("index.html") } ?? paths[0]
var original = Array(try Data(contentsOf: folder.appendingPathComponent(target)))
var timings: [Double] = []
for i in 0..<edits {
    original.append(UInt8(ascii: "0") + UInt8(i % 10))
    let edited = original
    timings.append(seconds(try clock.measure {
        try tree.setFile(target, edited)
        _ = try tree.rootNode()
    }))
}
timings.sort()
print("files: \(paths.count), initial pack: \(String(format: "%.2f", seconds(loading))) s (serial, from disk)")
print("re-pack after editing \(target): median \(String(format: "%.2f", timings[timings.count / 2] * 1000)) ms, "
    + "max \(String(format: "%.2f", timings.last! * 1000)) ms over \(edits) edits")
