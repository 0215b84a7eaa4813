/// The pages of the last finished build, so the next build's plan keeps each page whose path,
/// template, key and owner are unchanged as the same `PageJob` (no new closure, sitemap line or
/// output path: a structural edit on a 10,000-post site re-plans a handful of pages, not all).
struct EarlierPageJobs {
    private let jobs: [PageJob]
    /// Built on the first miss by position (after a post was added, removed or moved).
    private var byPath: [String: PageJob]?

    init(_ jobs: [PageJob] = []) { self.jobs = jobs }

    /// The earlier job for the page at `path` if it was planned with equal inputs; `position` is
    /// where the new plan puts it (usually where the earlier plan had it too).
    mutating func reusable(at position: Int, path: String, template: String, claimedBy: String, key: PageKey) -> PageJob? {
        var earlier: PageJob?
        // Where it was, or one place off: after a post was added, removed or moved, the pages
        // between its old and new place moved by one.
        func at(_ index: Int) -> PageJob? { index >= 0 && index < jobs.count && jobs[index].path == path ? jobs[index] : nil }
        if let found = at(position) ?? at(position - 1) ?? at(position + 1) {
            earlier = found
        } else if byPath == nil, let distance = (2...8).first(where: { at(position - $0) ?? at(position + $0) != nil }) {
            // A post moved a few places (a re-date by a day or two).
            earlier = at(position - distance) ?? at(position + distance)
        } else if !jobs.isEmpty {
            if byPath == nil { byPath = Dictionary(jobs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }) }
            earlier = byPath![path]
        }
        guard let earlier, earlier.key == key, earlier.template == template, earlier.claimedBy == claimedBy else { return nil }
        return earlier
    }
}
