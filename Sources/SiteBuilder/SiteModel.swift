import Foundation

/// Posts sharing one tag slug; `name` is the spelling most posts use.
struct TagGroup: Sendable {
    let name: String
    let slug: String
    /// Indexes into `SiteModel.posts`, newest first.
    let posts: [Int]
}

/// The whole site in memory: visible documents in order, tags and years. Cheap to rebuild
/// from cached documents, so every build assembles it afresh.
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

    init(config: SiteConfig, documents: [Document], options: BuildOptions) {
        self.config = config
        urls = SiteURLs(baseURL: config.baseURL)
        let now = Int64(options.now.timeIntervalSince1970.rounded(.down))
        let visible = documents.filter { document in
            if document.isDraft, !options.includeDrafts { return false }
            if document.kind == .post, !options.includeFuture, let date = document.date, date.seconds > now { return false }
            return true
        }
        posts = visible.filter { $0.kind == .post }.sorted { a, b in
            if a.sortSeconds != b.sortSeconds { return a.sortSeconds > b.sortSeconds }
            return a.sourcePath.utf8.lexicographicallyPrecedes(b.sourcePath.utf8)
        }
        pages = visible.filter { $0.kind == .page }.sorted { a, b in
            if a.frontMatter.weight != b.frontMatter.weight { return a.frontMatter.weight < b.frontMatter.weight }
            if a.title != b.title { return a.title.utf8.lexicographicallyPrecedes(b.title.utf8) }
            return a.sourcePath.utf8.lexicographicallyPrecedes(b.sourcePath.utf8)
        }
        var members: [String: [Int]] = [:]
        var spellings: [String: [String: Int]] = [:]
        for (index, post) in posts.enumerated() {
            for tag in post.tags {
                members[tag.slug, default: []].append(index)
                spellings[tag.slug, default: [:]][tag.name, default: 0] += 1
            }
        }
        tags = members.keys.map { slug in
            let name = spellings[slug]!.max { a, b in
                a.value != b.value ? a.value < b.value : b.key.utf8.lexicographicallyPrecedes(a.key.utf8)
            }!.key
            return TagGroup(name: name, slug: slug, posts: members[slug]!)
        }.sorted { a, b in
            // By name, ignoring case; the slug breaks ties so the order never depends on hashing.
            let left = a.name.lowercased(), right = b.name.lowercased()
            if left != right { return left.utf8.lexicographicallyPrecedes(right.utf8) }
            return a.slug.utf8.lexicographicallyPrecedes(b.slug.utf8)
        }
        year = posts.first?.date?.year
    }

    /// The display name of each tag slug (spellings merged).
    var tagNames: [String: String] {
        Dictionary(uniqueKeysWithValues: tags.map { ($0.slug, $0.name) })
    }
}
