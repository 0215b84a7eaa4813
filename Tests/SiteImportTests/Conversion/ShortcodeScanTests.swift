@testable import SiteImport
import Testing

@Test func hugoShortcodesAreFoundOutsideCodeOnly() {
    let body = """
        Intro {{< youtube "abc" >}} and `{{< inline >}}`.

        ```
        {{< fenced >}}
        ```

        {{</* literal */>}}
        {{% note type="a \\"b\\"" %}}x{{% /note %}}
        """
    let found = HugoStyleShortcode.scan(body)
    #expect(found.map(\.name) == ["youtube", "note", "note"])
    #expect(found.map(\.line) == [0, 7, 7])
    #expect(found[0].positional == ["abc"])
    #expect(found[1].named.first?.value == "a \"b\"")
    #expect(found[1].delimiter == "%")
    #expect(found[2].isClosing)
}

@Test func writtenShortcodesQuoteTheirArguments() {
    #expect(HugoStyleShortcode.write(name: "figure", named: [("src", "a.png"), ("alt", "say \"hi\"")]) == "{{< figure src=\"a.png\" alt=\"say \\\"hi\\\"\" >}}")
    #expect(HugoStyleShortcode.write(name: "note", delimiter: "%", closing: true) == "{{% /note %}}")
}

@Test func zolaCallsParseWithTheirArgumentsAndBody() throws {
    let text = "{% note(kind='warn', n=3) %}Inner {{ x }}{% end %} after"
    let call = try #require(ZolaShortcodes.parseCall(Array(text.utf8), at: 0, line: 4))
    #expect(call.name == "note")
    #expect(call.arguments.map(\.key) == ["kind", "n"])
    #expect(call.inner == "Inner {{ x }}")
    #expect(call.line == 4)
    #expect(ZolaShortcodes.parseCall(Array("{{ not a call }}".utf8), at: 0, line: 0) == nil)
}

@Test func yamlFrontMatterReadsBackAsWritten() throws {
    var matter = ImportedMatter(title: "true")
    matter.date = "2024-01-02T03:04:05+01:00"
    matter.tags = ["null", "a: b", "#hash", "- dash", "2024", "ünïcode"]
    matter.description = "line one\nline two"
    matter.extra = ImportTable(entries: [.init(key: "n", value: .int(3)), .init(key: "flag", value: .bool(false)), .init(key: "quoted", value: .string("yes"))])
    let text = try YAMLWriter.frontMatter(matter)
    let yaml = try #require(SiteFolder.yaml(String(text.dropFirst(4).dropLast(4))))
    #expect(yaml["title"] as? String == "true")
    #expect(yaml["date"] as? String == "2024-01-02T03:04:05+01:00")
    #expect(yaml["tags"] as? [String] == matter.tags)
    #expect(yaml["description"] as? String == "line one\nline two")
    let extra = try #require(yaml["extra"] as? [String: Any])
    #expect(extra["n"] as? Int == 3 && extra["flag"] as? Bool == false && extra["quoted"] as? String == "yes")
    #expect(text.hasPrefix("---\ntitle: 'true'\ndate: 2024-01-02T03:04:05+01:00\n"))
}
