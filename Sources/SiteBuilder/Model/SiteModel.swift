import ContentAddressing
import Foundation

/// Posts sharing one tag (`TagName`); `name` is the spelling most posts use, then the first in byte order.
struct TagGroup: Sendable {
    let name: String
    let slug: String
    /// Indexes into `SiteModel.posts`, newest first.
    let posts: [Int]
}

/// The whole site in memory: visible documents in order, tags and years. Cheap to make from
/// loaded documents, so every build makes it afresh.
struct SiteModel: Sendable {
    let config: SiteConfig
    let urls: SiteURLs
    /// Newest first; ties by source path bytes.
    let posts: [Document]
    /// Standalone pages in menu order: weight, then title, then source path.
    let pages: [Document]
    /// Sorted by name (case-insensitive), then slug.
    let tags: [TagGroup]
    /// The newest post's year: the copyright year without reading the clock.
    let year: Int?
    /// Documents left out as drafts, and posts left out as dated after the build's time.
    let draftsLeftOut: Int
    let futureLeftOut: Int

    init(config: SiteConfig, documents: [Document], options: BuildOptions) throws(SiteBuildError) {
        self.config = config
        urls = SiteURLs(baseURL: config.baseURL)
        let visible = documents.filter { Self.isVisible($0, options: options) }
        draftsLeftOut = options.includeDrafts ? 0 : documents.count { $0.isDraft }
        futureLeftOut = documents.count { (!$0.isDraft || options.includeDrafts) && !Self.isVisible($0, options: options) }
        posts = visible.filter { $0.kind == .post }.sorted(by: Self.newer)
        pages = visible.filter { $0.kind == .page }.sorted { a, b in
            if a.frontMatter.weight != b.frontMatter.weight { return a.frontMatter.weight < b.frontMatter.weight }
            if a.title != b.title { return a.title.precedesInUTF8(b.title) }
            return a.sourcePath.precedesInUTF8(b.sourcePath)
        }
        // Grouped by tag identity (TagName.key); a spelling's key is computed once per build.
        var keys: [String: String] = [:]
        var members: [String: [Int]] = [:]
        var slugs: [String: String] = [:]
        var spellings: [String: [String: Int]] = [:]
        for (index, post) in posts.enumerated() {
            for tag in post.tags {
                let key = keys[tag.name] ?? TagName.key(tag.name)
                keys[tag.name] = key
                members[key, default: []].append(index)
                slugs[key] = tag.slug
                spellings[key, default: [:]][tag.name, default: 0] += 1
            }
        }
        let groups = members.keys.map { key in
            let name = spellings[key]!.max { a, b in
                a.value != b.value ? a.value < b.value : b.key.precedesInUTF8(a.key)
            }!.key
            return TagGroup(name: name, slug: slugs[key]!, posts: members[key]!)
        }
        // Two different tags on one URL would merge silently: refuse, naming both (first by slug, then name).
        var bySlug: [String: TagGroup] = [:]
        var conflict: (TagGroup, TagGroup)?
        for group in groups {
            if let other = bySlug[group.slug] {
                let pair = other.name.precedesInUTF8(group.name) ? (other, group) : (group, other)
                if conflict.map({ (pair.0.slug, pair.0.name) < ($0.0.slug, $0.0.name) }) ?? true { conflict = pair }
            } else {
                bySlug[group.slug] = group
            }
        }
        if let (first, second) = conflict {
            let posts = posts
            func file(_ group: TagGroup) -> String {
                group.posts.map { posts[$0].displayPath }.min { $0.precedesInUTF8($1) }!
            }
            throw .tagConflict(path: SiteURLs.tag(slug: first.slug), first: TagUse(first.name, file(first)), second: TagUse(second.name, file(second)))
        }
        tags = groups.sorted { a, b in
            // By name, ignoring case; the slug breaks ties so the order never depends on hashing.
            let left = a.name.lowercased(), right = b.name.lowercased()
            if left != right { return left.precedesInUTF8(right) }
            return a.slug.precedesInUTF8(b.slug)
        }
        year = posts.first?.date?.year
    }

    /// Whether `document` is in the site: drafts and future posts only when `options` ask for them.
    static func isVisible(_ document: Document, options: BuildOptions) -> Bool {
        if document.isDraft, !options.includeDrafts { return false }
        let now = Int64(options.now.timeIntervalSince1970.rounded(.down))
        if document.kind == .post, !options.includeFuture, let date = document.date, date.seconds > now { return false }
        return true
    }

    /// Post order: newest first; ties by source path bytes.
    static func newer(_ a: Document, _ b: Document) -> Bool {
        if a.sortSeconds != b.sortSeconds { return a.sortSeconds > b.sortSeconds }
        return a.sourcePath.precedesInUTF8(b.sourcePath)
    }

    /// The display name of each tag slug (spellings merged).
    var tagNames: [String: String] {
        Dictionary(uniqueKeysWithValues: tags.map { ($0.slug, $0.name) })
    }
}
