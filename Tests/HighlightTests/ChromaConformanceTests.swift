import Foundation
import Testing
@testable import Highlight

/// Chroma's own test samples (lexers/testdata: a source file and the tokens Chroma makes of it),
/// from Debian's golang-github-alecthomas-chroma-v2-dev; CI installs it.
struct ChromaSample {
    let language: String
    let source: String
    let expected: [Token]

    static let folder = LexerCatalog.debianFolder + "/lexers/testdata"

    /// Samples of lexers Chroma 2.5 writes in Go code (lexers/*.go; `go-text-template`, `phtml` and
    /// `vshell` are registered in go.go, php.go and v.go), which blogctl does not read: it carries
    /// only Go, HTML and Dockerfile, transcribed. Their samples test Go code, not definitions.
    static let goCodedLanguages: Set<String> = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: LexerCatalog.debianFolder + "/lexers")) ?? []
        return Set(files.filter { $0.hasSuffix(".go") && !$0.hasSuffix("_test.go") }.map { String($0.dropLast(3)) })
            .subtracting(["go", "html", "docker", "lexers", "bash"]).union(["go-text-template", "phtml", "vshell"])
    }()

    /// Equal, or equal up to a token where Chroma's regex engine (regexp2) lets `[^\\W\\d]` match a
    /// digit and calls a number a name; Oniguruma does what the pattern says, the number stays a
    /// number, and from there the two may take different states.
    static func sameUntilRegexp2Digits(_ ours: [Token], _ chroma: [Token]) -> Bool {
        guard let index = zip(ours, chroma).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
            return ours.count == chroma.count
        }
        let mine = ours[index], theirs = chroma[index]
        return mine.text == theirs.text && mine.text.allSatisfy { $0.isASCII && $0.isNumber }
            && mine.type.name.hasPrefix("LiteralNumber") && theirs.type.name.hasPrefix("Name")
    }

    static func all() -> [ChromaSample] {
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".actual") && !$0.hasPrefix("analysis") }.sorted().compactMap { path in
            let language = path.contains("/") ? String(path.split(separator: "/")[0])
                : String(path.split(separator: ".")[0])
            guard !goCodedLanguages.contains(language) else { return nil }
            let base = folder + "/" + path.dropLast(".actual".count)
            guard let source = try? String(contentsOfFile: folder + "/" + path, encoding: .utf8),
                  let json = FileManager.default.contents(atPath: base + ".expected"),
                  let list = try? JSONSerialization.jsonObject(with: json) as? [[String: String]]
            else { return nil }
            let expected = list.compactMap { item -> Token? in
                guard let name = item["type"], let type = TokenType(name: name) else { return nil }
                return Token(type: type, text: item["value"] ?? "")
            }
            return ChromaSample(language: language, source: source, expected: expected)
        }
    }
}

@Test func chromaSamplesLexAsChromaLexesThem() throws {
    let samples = ChromaSample.all()
    guard !samples.isEmpty else {
        print("SKIPPED: Chroma's test samples are not installed (apt-get install golang-github-alecthomas-chroma-v2-dev)")
        return
    }
    let highlighter = Highlighter(catalog: try LexerCatalog(folder: LexerCatalog.debianFolder))
    var same = 0, differ: [String] = [], unknown: [String] = []
    for sample in samples {
        guard let tokens = highlighter.tokens(sample.source, language: sample.language) else {
            unknown.append(sample.language); continue
        }
        if ChromaSample.sameUntilRegexp2Digits(tokens, sample.expected) { same += 1 } else {
            let index = zip(tokens, sample.expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset ?? min(tokens.count, sample.expected.count)
            let got = index < tokens.count ? "\(tokens[index].type.name) \(tokens[index].text.debugDescription)" : "end"
            let want = index < sample.expected.count ? "\(sample.expected[index].type.name) \(sample.expected[index].text.debugDescription)" : "end"
            differ.append("\(sample.language) #\(index): \(got) != \(want)")
        }
    }
    print("Chroma samples: \(same) lexed as Chroma does, \(differ.count) differ, no lexer: \(unknown)")
    #expect(differ.isEmpty)
    // Oniguruma refuses variable-length look-behind (Fish, SCSS) and a repeated `\\b` (AL): those
    // three lexers are not available, and their blocks stay plain.
    #expect(Set(unknown) == ["al", "fish", "scss"], "every other sample of a language Chroma defines in XML has its lexer")
    #expect(same >= 180, "Debian's Chroma 2.5 has 190 such samples")
}
