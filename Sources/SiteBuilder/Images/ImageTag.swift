/// An `<img>` tag as the page's last rewriting pass meets it (`URLRewriter.imageEditor`).
struct ImageTag {
    /// Its `src`, before any rewriting (root-absolute for the site's own images).
    var source: Substring?
    /// Its attribute names, lowercased.
    var attributeNames: Set<String> = []
    /// How many `<img>` tags come before it on the page.
    var ordinal: Int

    init(source: Substring? = nil, attributeNames: Set<String> = [], ordinal: Int) {
        self.source = source
        self.attributeNames = attributeNames
        self.ordinal = ordinal
    }
}

/// What an image editor adds around and inside one `<img>` tag, as HTML.
struct ImageTagEdit: Equatable {
    /// Written just before the tag (`<picture><source …>`).
    var before = ""
    /// Written before the tag's `>`, each with a leading space.
    var attributes = ""
    /// Written just after the tag (`</picture>`).
    var after = ""
}
