import ContentAddressing
import Foundation

/// The kubo vectors in Fixtures/unixfs.json, and a port of ../shared/vectors/make_tree.py that
/// materializes a case on disk or as an `InMemoryTree`.
struct VectorCase: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let file: VectorEntry?
    let entries: [VectorEntry]?
    let cid_v0: String
    let cid_v1: String

    var description: String { name }

    /// The expected root CID under `profile`.
    func expectedCID(_ profile: ImportProfile) -> String {
        profile == .unixfsV0_2015 ? cid_v0 : cid_v1
    }

    static let all: [VectorCase] = {
        struct File: Decodable { let cases: [VectorCase] }
        let url = Bundle.module.url(forResource: "unixfs", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    static func named(_ name: String) -> VectorCase {
        all.first { $0.name == name }!
    }

    /// The case's entries with series expanded, as make_tree.py's `expand`.
    var items: [TreeItem] {
        (entries ?? []).flatMap { entry -> [TreeItem] in
            guard let series = entry.series else { return [entry.item] }
            return (0..<series.count).map { i in
                let size = series.size ?? (i % series.size_mod! + 1)
                return TreeItem(path: Printf.format(series.path, i), kind: .file(XorShift32.bytes(seed: series.seed + UInt32(i), count: size)))
            }
        }
    }

    /// Writes the case at `dest` (a file, or a directory tree), like make_tree.py.
    func materialize(at dest: URL) throws {
        let fm = FileManager.default
        if let file {
            try Data(file.content).write(to: dest)
            return
        }
        try fm.createDirectory(at: dest, withIntermediateDirectories: false)
        for item in items {
            let url = dest.appendingPathComponent(item.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch item.kind {
            case .file(let bytes): try Data(bytes).write(to: url)
            case .directory: try fm.createDirectory(at: url, withIntermediateDirectories: true)
            case .symlink(let target): try fm.createSymbolicLink(atPath: url.path, withDestinationPath: target)
            }
        }
    }

    /// The case as an in-memory tree (directory cases only).
    var inMemoryTree: InMemoryTree {
        var tree = InMemoryTree()
        for item in items {
            switch item.kind {
            case .file(let bytes): tree.set(item.path, .file(bytes))
            case .directory: tree.set(item.path, .directory)
            case .symlink(let target): tree.set(item.path, .symlink(target))
            }
        }
        return tree
    }
}

struct VectorEntry: Decodable, Sendable {
    struct Series: Decodable, Sendable {
        let count: Int
        let path: String
        let seed: UInt32
        let size: Int?
        let size_mod: Int?
    }

    let path: String?
    let text: String?
    let size: Int?
    let seed: UInt32?
    let dir: Bool?
    let symlink: String?
    let series: Series?

    var content: [UInt8] {
        text.map { Array($0.utf8) } ?? XorShift32.bytes(seed: seed!, count: size!)
    }

    var item: TreeItem {
        if dir == true { return TreeItem(path: path!, kind: .directory) }
        if let symlink { return TreeItem(path: path!, kind: .symlink(symlink)) }
        return TreeItem(path: path!, kind: .file(content))
    }
}

struct TreeItem: Sendable {
    enum Kind: Sendable { case file([UInt8]), directory, symlink(String) }
    let path: String
    let kind: Kind
}

/// make_tree.py's PRNG: xorshift32, one output byte (the low 8 bits) per step.
enum XorShift32 {
    static func bytes(seed: UInt32, count: Int) -> [UInt8] {
        var x = seed == 0 ? 1 : seed
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                x ^= x << 13
                x ^= x >> 17
                x ^= x << 5
                buffer[i] = UInt8(truncatingIfNeeded: x)
            }
            initialized = count
        }
    }
}

/// The `%d` / `%0Nd` subset of printf that the vector series use.
enum Printf {
    static func format(_ pattern: String, _ value: Int) -> String {
        var out = ""
        var chars = pattern[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            guard c == "%" else { out.append(c); continue }
            let spec = chars.prefix { $0 != "d" }
            chars = chars.dropFirst(spec.count + 1)
            let width = Int(spec) ?? 0
            let digits = String(value)
            out += String(repeating: spec.hasPrefix("0") ? "0" : " ", count: max(0, width - digits.count)) + digits
        }
        return out
    }
}

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
