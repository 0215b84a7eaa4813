import Foundation
import Mustache
import Testing
import BuiltinTheme
@Test func zzDumpPreview() throws {
    guard let dir = ProcessInfo.processInfo.environment["THEME_PREVIEW_DIR"] else { return }
    var library = MustacheLibrary()
    for (path, data) in BuiltinTheme.files where path.hasSuffix(".mustache") {
        try library.register(String(decoding: data, as: UTF8.self), named: String(path.dropLast(9)))
    }
    let post: [String: Any] = ["title": "Pinning", "url": "./", "date": "2026-03-14", "date_display": "14 March 2026",
      "content": "<p>Hello <code>x</code></p><pre><code>let a = 1\n  let b = 2</code></pre>", "summary": "<p>S</p>", "reading_minutes": 3,
      "tags": [["name": "ipfs", "url": "../../tags/ipfs/"]], "authors": ["A", "B"]]
    let ctx: [String: Any] = ["site": ["title": "T", "language": "en", "stylesheet_url": "../../css/style.css", "year": "2026", "rss_url": "x.xml"],
      "menu": [["title": "Home", "url": "../../", "current": true]], "page": ["title": "Pinning", "kind": "post", "is_post": true, "absolute_url": "https://b/"],
      "post": post, "posts": [post, post], "pagination": ["current": 2, "total": 3, "previous_url": "../", "next_url": "../3/", "pages": [["number": 1, "url": "a", "current": false], ["number": 2, "url": "b", "current": true]]]]
    for t in ["post", "home"] {
        try library.render(ctx, withTemplate: t)!.write(toFile: dir + "/" + t + ".html", atomically: true, encoding: .utf8)
    }
}
