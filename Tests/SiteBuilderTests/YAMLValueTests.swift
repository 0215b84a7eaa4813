import Foundation
import Testing
import Yams

@testable import SiteBuilder

/// Template values keep their YAML 1.1 types; the shortcut for plain strings must agree with
/// Yams' resolver on every kind of scalar.
@Test func yamlScalarsKeepTheirTypes() throws {
    let yaml = """
        a: hello world
        b: Yes
        c: no
        d: 42
        e: -7
        f: 3.5
        g: .inf
        h: ~
        i: Null
        j: "42"
        k: !!null abc
        l: !!str 12
        m: 2026-01-02
        n: Hello
        o: Off
        p: 0x1F
        q: <<
        r: ''
        s: zebra
        t: é
        """
    let expected: [String: DataValue] = [
        "a": "hello world", "b": true, "c": false, "d": 42, "e": -7, "f": .double(3.5), "g": .double(.infinity),
        "h": .null, "i": .null, "j": "42", "k": .null, "l": "12", "m": "2026-01-02", "n": "Hello", "o": false,
        "p": 31, "q": "<<", "r": "", "s": "zebra", "t": "é",
    ]
    let entries = try YAMLDocument.rootMapping(yaml, file: "x.yml", lineOffset: 0)
    for (key, _, node) in entries {
        #expect(YAMLDocument.value(node) == expected[key], "key \(key)")
    }
    #expect(entries.count == expected.count)
}
