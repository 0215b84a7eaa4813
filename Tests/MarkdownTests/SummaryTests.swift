import Testing
@testable import Markdown

private let renderer = MarkdownRenderer()

@Test func summaryIsFirstParagraphWithoutMarker() {
    let rendered = renderer.render("# Title\n\nFirst *one*.\n\nSecond.\n")
    #expect(rendered.summary == "<p>First <em>one</em>.</p>\n")
    #expect(rendered.summaryText == "First one.")
    #expect(!rendered.hasMoreMarker)
}

@Test func summaryIsEmptyWithoutParagraphs() {
    #expect(renderer.render("# Only a heading\n\n- a list\n").summary == "")
}

@Test func summaryIsEverythingBeforeBlockMarker() {
    let rendered = renderer.render("Intro one.\n\n- point\n\n<!--more-->\n\nRest of it.\n")
    #expect(rendered.hasMoreMarker)
    #expect(rendered.summary == "<p>Intro one.</p>\n<ul>\n<li>point</li>\n</ul>\n")
    #expect(rendered.summaryText == "Intro one. point")
    #expect(rendered.html == "<p>Intro one.</p>\n<ul>\n<li>point</li>\n</ul>\n<p>Rest of it.</p>\n")
}

@Test func markerWithSpacesAndInlineMarkerWork() {
    let spaced = renderer.render("Before.\n\n<!-- more -->\n\nAfter.")
    #expect(spaced.hasMoreMarker)
    #expect(spaced.summary == "<p>Before.</p>\n")

    // On a line of its own the marker is an HTML block, which interrupts the paragraph.
    let interrupting = renderer.render("Lead sentence.\n<!--more-->\nRest.")
    #expect(interrupting.summary == "<p>Lead sentence.</p>\n")
    #expect(interrupting.html == "<p>Lead sentence.</p>\n<p>Rest.</p>\n")

    // Inside a paragraph it is inline; the summary then ends with that whole paragraph.
    let inline = renderer.render("Lead sentence.<!--more--> Same paragraph.\n\nNext.")
    #expect(inline.hasMoreMarker)
    #expect(inline.summary == "<p>Lead sentence. Same paragraph.</p>\n")
    #expect(inline.html == "<p>Lead sentence. Same paragraph.</p>\n<p>Next.</p>\n")
}

@Test func markerNeverAppearsInOutput() {
    for options in [MarkdownOptions(), MarkdownOptions(rawHTML: true)] {
        let rendered = MarkdownRenderer(options: options).render("A.\n\n<!--more-->\n\nB.")
        #expect(rendered.html == "<p>A.</p>\n<p>B.</p>\n")
        #expect(rendered.summary == "<p>A.</p>\n")
    }
}

@Test func otherCommentsAreNotMarkers() {
    let rendered = renderer.render("A.\n\n<!-- more to come -->\n\nB.")
    #expect(!rendered.hasMoreMarker)
    #expect(rendered.summary == "<p>A.</p>\n")
}

@Test func markerInCodeIsNotAMarker() {
    let rendered = renderer.render("A.\n\n```\n<!--more-->\n```\n\n`<!--more-->`")
    #expect(!rendered.hasMoreMarker)
    #expect(rendered.html.contains("&lt;!--more--&gt;"))
}

@Test func summaryHeadingsKeepTheirIDs() {
    let rendered = renderer.render("## Part\n\nText.\n\n<!--more-->\n\n## Part\n")
    #expect(rendered.summary.hasPrefix("<h2 id=\"part\">"))
    #expect(rendered.html.contains("<h2 id=\"part-1\">"))
}

/// A summary taken from the first paragraph keeps `summaryWords` words, cut after a word with an
/// ellipsis, its markup whole; the page itself keeps everything.
@Test func automaticSummariesAreCutAfterTheWordLimit() {
    let short = MarkdownRenderer(options: MarkdownOptions(summaryWords: 3))
    let long = short.render("One two *three four* five six.\n\nNext.\n")
    #expect(long.summary == "<p>One two <em>three …</em></p>\n")
    #expect(long.summaryText == "One two three …")
    #expect(long.html == "<p>One two <em>three four</em> five six.</p>\n<p>Next.</p>\n", "the page is not cut")

    // Words joined across markup are one word; a code span is never split.
    #expect(short.render("Un*break*able two `three four` five.\n").summary == "<p>Un<em>break</em>able two <code>three four</code> …</p>\n")
    #expect(short.render("One two three `four` five.\n").summary == "<p>One two three …</p>\n")
    #expect(short.render("One two\nthree four.\n").summary == "<p>One two\nthree …</p>\n")

    // Short paragraphs, explicit <!--more--> summaries and a limit of 0 are whole.
    #expect(short.render("One two three.\n").summary == "<p>One two three.</p>\n")
    let marked = short.render("One two three four five.\n\n<!--more-->\n\nRest.\n")
    #expect(marked.summary == "<p>One two three four five.</p>\n")
    #expect(renderer.render("One two three four five.\n").summary == "<p>One two three four five.</p>\n")
}
