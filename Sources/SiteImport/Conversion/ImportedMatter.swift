/// The front matter of a converted document, in blogctl's keys (docs/site.md, Front matter).
struct ImportedMatter: Sendable, Equatable {
    var title: String
    var date: String?
    var updated: String?
    var draft = false
    var slug: String?
    var path: String?
    var aliases: [String] = []
    var tags: [String] = []
    var authors: [String] = []
    var summary: String?
    var description: String?
    var weight: Int?
    var extra = ImportTable()

    init(title: String) {
        self.title = title
    }
}
