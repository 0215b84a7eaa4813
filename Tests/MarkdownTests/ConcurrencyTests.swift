import Testing
@testable import Markdown

private func document(_ i: Int) -> String {
    """
    # Post \(i)

    Some \(i % 2 == 0 ? "~~struck~~" : "**bold**") text with https://example.com/\(i) and www.site\(i).org, a footnote[^n].

    <!--more-->

    ## Section \(i % 3)

    | col | n |
    |-----|---|
    | \(i % 4 == 0 ? "~x~" : "x") | \(i) |

    - [x] done \(i)

    [^n]: Note \(i).
    """
}

@Test func concurrentRenderingMatchesSerial() async {
    let renderer = MarkdownRenderer()
    let count = 4000  // enough to expose cmark-gfm's global special-character table race (see CmarkExtensions)
    let serial = (0..<count).map { renderer.render(document($0)).html }
    let parallel = await withTaskGroup(of: (Int, String).self) { group in
        for i in 0..<count {
            group.addTask { (i, renderer.render(document(i)).html) }
        }
        var results = [String](repeating: "", count: count)
        for await (i, html) in group { results[i] = html }
        return results
    }
    #expect(parallel == serial)
    #expect(serial[8].contains("<del>struck</del>"))
    #expect(serial[8].contains("<td><del>x</del></td>"))
    #expect(serial[7].contains("<strong>bold</strong>"))
    #expect(serial[7].contains("<a href=\"http://www.site7.org\">"))
}
