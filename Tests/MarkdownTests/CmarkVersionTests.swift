import Testing
@testable import Markdown

@Test func linksCmarkGFM() {
    #expect(cmarkVersion.contains("gfm"))
}
