import Foundation
import Synchronization

/// Chroma's lexer definitions found on this machine, by name and alias; each lexer is compiled
/// the first time a code block asks for it, then shared by every thread.
public final class LexerCatalog: Sendable {
    /// Where Debian's golang-github-alecthomas-chroma-v2-dev puts Chroma.
    public static let debianFolder = "/usr/share/gocode/src/github.com/alecthomas/chroma/v2"

    /// The Chroma folder (with `lexers/embedded` and `styles`).
    public let folder: String
    /// Changes whenever any definition does, so cached highlighted pages are not reused across versions.
    public let fingerprint: String
    /// The languages, by display name, with the names a fence may use.
    public let languages: [(name: String, aliases: [String])]

    private enum Source: Sendable {
        case file(String)
        case transcribed(Int)
    }

    private let sources: [String: Source]
    private let extensions: [String: String]
    private let compiled = Mutex<[String: CompiledLexer?]>([:])

    /// The catalog in `folder` (default: `BLOGCTL_CHROMA`, else Debian's place).
    public convenience init(folder: String? = nil) throws(HighlightError) {
        let folder = folder ?? ProcessInfo.processInfo.environment["BLOGCTL_CHROMA"] ?? Self.debianFolder
        let lexers = folder + "/lexers/embedded"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: lexers) else {
            throw .definitionsMissing(folder: lexers)
        }
        var entries: [(name: String, aliases: [String], filenames: [String], source: Source)] = []
        var digest = FNV1a()
        for name in names.sorted() where name.hasSuffix(".xml") {
            guard let data = FileManager.default.contents(atPath: lexers + "/" + name) else { continue }
            digest.add(Array(name.utf8))
            digest.add(Array(data))
            let config = Self.config(of: String(decoding: data, as: UTF8.self))
            entries.append((config.name, config.aliases, config.filenames, .file(lexers + "/" + name)))
        }
        for (index, xml) in TranscribedLexers.xml.enumerated() {
            let config = Self.config(of: xml)
            entries.append((config.name, config.aliases, config.filenames, .transcribed(index)))
        }
        self.init(folder: folder, fingerprint: "chroma:\(names.count):\(String(digest.value, radix: 16))", entries: entries)
    }

    private init(folder: String, fingerprint: String,
                 entries: [(name: String, aliases: [String], filenames: [String], source: Source)]) {
        var sources: [String: Source] = [:]
        var extensions: [String: String] = [:]
        for entry in entries {
            // Later entries win: the transcribed lexers are the ones Chroma registers in Go.
            sources[entry.name.lowercased()] = entry.source
            for alias in entry.aliases { sources[alias] = entry.source }
            for pattern in entry.filenames where pattern.hasPrefix("*.") {
                let ext = pattern.dropFirst(2).lowercased()
                if extensions[ext] == nil { extensions[ext] = entry.name.lowercased() }
            }
        }
        self.folder = folder
        self.fingerprint = fingerprint
        self.sources = sources
        self.extensions = extensions
        self.languages = entries.map { ($0.name, $0.aliases) }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// The lexer for a fence's language (`rust`, `rs`, `Rust`, or a file extension such as `yml`),
    /// nil when Chroma has none or its definition does not compile.
    func lexer(for language: String) -> CompiledLexer? {
        let key = language.lowercased()
        guard let source = sources[key] ?? extensions[key].flatMap({ sources[$0] }) else { return nil }
        let id: String
        switch source {
        case .file(let path): id = path
        case .transcribed(let index): id = "#\(index)"
        }
        if let known = compiled.withLock({ $0[id] }) { return known }
        let lexer = try? Self.compile(source)
        compiled.withLock { $0[id] = lexer }
        return lexer
    }

    private static func compile(_ source: Source) throws -> CompiledLexer {
        let data: Data
        let file: String
        switch source {
        case .file(let path):
            file = path
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        case .transcribed(let index):
            file = "transcribed lexer \(index)"
            data = Data(TranscribedLexers.xml[index].utf8)
        }
        return try CompiledLexer(LexerDefinitionParser.parse(data, file: file))
    }

    /// The name, aliases and file patterns in a definition's `<config>`, found by plain search:
    /// this runs for every definition at start-up, before any lexer is needed.
    private static func config(of xml: String) -> (name: String, aliases: [String], filenames: [String]) {
        let config = xml[..<(xml.firstRange(of: "</config>")?.lowerBound ?? xml.endIndex)]
        func values(_ tag: String) -> [String] {
            var out: [String] = []
            var rest = config[...]
            while let open = rest.firstRange(of: "<\(tag)>"), let close = rest[open.upperBound...].firstRange(of: "</\(tag)>") {
                out.append(LexerDefinitionParser.decodeEntities(String(rest[open.upperBound..<close.lowerBound])))
                rest = rest[close.upperBound...]
            }
            return out
        }
        return (values("name").first ?? "", values("alias").map { $0.lowercased() }, values("filename"))
    }
}

/// FNV-1a, 64 bits: a cheap change detector, not a security hash.
private struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }
}
