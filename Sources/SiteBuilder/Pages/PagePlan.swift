import TemplateEngine

/// What a page's output depends on, beyond the site-wide inputs. Two builds that give a page
/// equal keys give it equal bytes, so a rebuild renders only pages whose key changed.
struct PageKey: Sendable, Equatable {
    /// `SiteWideInputs.key`.
    var site: ContentKey
    var template: String
    var text: [String]
    /// The shown documents' `SiteModel.shownKey(of:)`.
    var documents: [ContentKey]

    /// One SHA-256 of the whole key, for the output manifest kept between builds.
    var digest: ContentKey { ContentKey("page\u{0}" + template, text, keys: [site] + documents) }
}

/// One HTML page to render: where it goes, with which template, and how to build its data.
final class PageJob: Sendable {
    let path: String
    let template: String
    /// Who asked for this path, for conflict errors.
    let claimedBy: String
    let key: PageKey
    let context: @Sendable () -> DataValue
    let outputFile: String
    /// Its line in sitemap.xml; nil for pages left out (404, aliases).
    let sitemapEntry: String?
    /// Source paths of the documents whose text this page shows.
    let documents: [String]

    init(path: String, template: String, claimedBy: String, key: PageKey, sitemapEntry: String?, documents: [String] = [],
        context: @escaping @Sendable () -> DataValue)
    {
        self.sitemapEntry = sitemapEntry
        self.documents = documents
        self.path = path
        self.template = template
        self.claimedBy = claimedBy
        self.key = key
        self.context = context
        outputFile = SiteURLs.outputFile(for: path)
    }

    private init(_ job: PageJob) {
        path = job.path
        template = job.template
        claimedBy = job.claimedBy
        key = job.key
        sitemapEntry = job.sitemapEntry
        documents = job.documents
        outputFile = job.outputFile
        context = { .null }
    }

    /// This job without its data: what a session keeps of a rendered page for the next plan
    /// (`EarlierPageJobs`), which never renders a kept job again. Its data would hold on to
    /// the site model of the build that planned it, one model per rebuild of a preview server.
    func withoutData() -> PageJob { PageJob(self) }
}

/// Lists every HTML page of a site model.
enum PagePlan {
    /// Every page of `model`; with `only`, just the pages showing the text of those documents
    /// (source paths) — for a rebuild after edits that changed no document's structure.
    /// `archive` gives each post's archive entry and year, in `model.posts` order, when the
    /// archive is rendered (a caller keeps them between builds; see `ArchiveEntry.entries`); nil computes them.
    /// `earlier` offers the last build's jobs: a page planned with equal inputs keeps its job.
    static func jobs(for model: SiteModel, context builder: PageContext, siteKey: ContentKey, only: Set<String>? = nil,
        archive: (@Sendable () -> [ArchiveEntry])? = nil, earlier: EarlierPageJobs = EarlierPageJobs()) -> [PageJob]
    {
        var jobs: [PageJob] = []
        var earlier = earlier
        /// Appends the earlier job for this page when its inputs are equal, else a new one from `make`.
        func add(_ path: String, _ template: String, _ claimedBy: String, _ key: PageKey, make: () -> PageJob) {
            if let job = earlier.reusable(at: jobs.count, path: path, template: template, claimedBy: claimedBy, key: key) {
                jobs.append(job)
            } else {
                jobs.append(make())
            }
        }
        let tagNames = model.tagNames
        let perPage = model.config.postsPerPage
        func generatedEntry(_ path: String) -> String {
            SiteIndexFiles.sitemapEntry(absoluteURL: model.urls.absolute(path), lastModified: nil)
        }
        func key(_ template: String, _ text: [String], _ documents: [ContentKey] = []) -> PageKey {
            PageKey(site: siteKey, template: template, text: text, documents: documents)
        }
        let shownKeys = model.posts.map { model.shownKey(of: $0, tagNames: tagNames) }

        // Lists (home, the posts list and tag pages) share one shape.
        func listJobs(kind: PageContext.Kind, template: String, members: [Int], title: String,
            pathOf: @escaping @Sendable (Int) -> String, tag: TagGroup?)
        {
            // Not `count + perPage - 1`: posts_per_page may be as big as Int.max ("all on one page").
            let total = members.isEmpty ? 1 : (members.count - 1) / perPage + 1
            let claimedBy = "generated \(kind.rawValue) page"
            for number in 1...total {
                let slice = members[min((number - 1) * perPage, members.count)..<min(number * perPage, members.count)]
                if let only, !slice.contains(where: { only.contains(model.posts[$0].sourcePath) }) { continue }
                let path = pathOf(number)
                let text = [tag?.name ?? "", tag?.slug ?? "", String(number), String(total), String(members.count)]
                let pageKey = key(template, text, slice.map { shownKeys[$0] })
                add(path, template, claimedBy, pageKey) {
                let posts = slice.map { model.posts[$0] }
                return PageJob(path: path, template: template, claimedBy: claimedBy,
                    key: pageKey, sitemapEntry: generatedEntry(path), documents: posts.map(\.sourcePath))
                {
                    var value = builder.common(path: path, kind: kind, title: title, absolutePath: path)
                    value["posts"] = .array(posts.map { .map(builder.document($0, from: path, tagNames: tagNames)) })
                    if let pagination = builder.pagination(current: number, total: total, from: path, pathOf: pathOf) {
                        value["pagination"] = pagination
                    }
                    if kind == .posts { value["count"] = .int(members.count) }
                    if let tag {
                        value["tag"] = .map([
                            "name": .string(tag.name), "url": .string(SiteURLs.relative(from: path, to: SiteURLs.tag(slug: tag.slug))),
                            "count": .int(tag.posts.count),
                        ])
                    }
                    return .map(value)
                }
                }
            }
        }

        listJobs(kind: .home, template: "home", members: Array(model.posts.indices), title: model.config.title,
            pathOf: { SiteURLs.home(page: $0) }, tag: nil)
        listJobs(kind: .posts, template: "posts", members: Array(model.posts.indices), title: "Posts",
            pathOf: { SiteURLs.posts(page: $0) }, tag: nil)

        for (index, post) in model.posts.enumerated() {
            if let only, !only.contains(post.sourcePath) { continue }
            let older = index + 1 < model.posts.count ? model.posts[index + 1] : nil
            let newer = index > 0 ? model.posts[index - 1] : nil
            let template = post.frontMatter.template ?? "post"
            let pageKey = key(template, [older?.structureSignature ?? "", newer?.structureSignature ?? ""], [shownKeys[index]])
            add(post.path, template, post.displayPath, pageKey) { PageJob(path: post.path, template: template, claimedBy: post.displayPath,
                key: pageKey, sitemapEntry: post.sitemapEntry, documents: [post.sourcePath])
            {
                var value = builder.common(path: post.path, kind: .post, title: post.title, description: post.descriptionText)
                var data = builder.document(post, from: post.path, tagNames: tagNames)
                for (name, neighbour) in [("previous", older), ("next", newer)] {
                    if let neighbour {
                        data[name] = .map([
                            "title": .string(neighbour.title),
                            "url": .string(SiteURLs.relative(from: post.path, to: neighbour.path)),
                        ])
                    }
                }
                value["post"] = .map(data)
                return .map(value)
            } }
        }

        for page in model.pages {
            if let only, !only.contains(page.sourcePath) { continue }
            let template = page.frontMatter.template ?? "page"
            let pageKey = key(template, [], [model.shownKey(of: page, tagNames: tagNames)])
            add(page.path, template, page.displayPath, pageKey) { PageJob(path: page.path, template: template, claimedBy: page.displayPath,
                key: pageKey, sitemapEntry: page.sitemapEntry, documents: [page.sourcePath])
            {
                var value = builder.common(path: page.path, kind: .page, title: page.title, description: page.descriptionText)
                value["post"] = .map(builder.document(page, from: page.path, tagNames: tagNames))
                return .map(value)
            } }
        }

        for tag in model.tags {
            let slug = tag.slug
            listJobs(kind: .tag, template: "tag", members: tag.posts, title: tag.name,
                pathOf: { SiteURLs.tag(slug: slug, page: $0) }, tag: tag)
        }

        // The rest shows no document text.
        if only != nil { return jobs }

        let tagSummary = model.tags.map { "\($0.slug)\u{0}\($0.name)\u{0}\($0.posts.count)" }
        let tagsKey = key("tags", tagSummary)
        add(SiteURLs.tags, "tags", "generated tags page", tagsKey) { PageJob(path: SiteURLs.tags, template: "tags", claimedBy: "generated tags page", key: tagsKey,
            sitemapEntry: generatedEntry(SiteURLs.tags)) {
            var value = builder.common(path: SiteURLs.tags, kind: .tags, title: "Tags")
            value["tags"] = .array(model.tags.map { tag in
                .map([
                    "name": .string(tag.name), "url": .string(SiteURLs.relative(from: SiteURLs.tags, to: SiteURLs.tag(slug: tag.slug))),
                    "count": .int(tag.posts.count),
                ])
            })
            return .map(value)
        } }

        // Its entries show tags by their display names, which the signatures do not hold.
        let archiveKey = key("archive", model.posts.map(\.structureSignature) + model.tags.map { $0.slug + "\u{0}" + $0.name })
        add(SiteURLs.archive, "archive", "generated archive page", archiveKey) { PageJob(path: SiteURLs.archive, template: "archive", claimedBy: "generated archive page",
            key: archiveKey, sitemapEntry: generatedEntry(SiteURLs.archive))
        {
            var value = builder.common(path: SiteURLs.archive, kind: .archive, title: "Archive")
            var years: [DataValue] = []
            var currentYear: Int?
            var bucket: [DataValue] = []
            let entries = archive?() ?? model.posts.map { ArchiveEntry($0, builder: builder, tagNames: tagNames) }
            for entry in entries {
                if entry.year != currentYear, let previous = currentYear {
                    years.append(.map(["year": .int(previous), "posts": .array(bucket)]))
                    bucket = []
                }
                currentYear = entry.year
                bucket.append(entry.value)
            }
            if let currentYear { years.append(.map(["year": .int(currentYear), "posts": .array(bucket)])) }
            value["years"] = .array(years)
            return .map(value)
        } }

        let notFoundKey = key("404", [])
        add(SiteURLs.notFound, "404", "generated 404 page", notFoundKey) {
            PageJob(path: SiteURLs.notFound, template: "404", claimedBy: "generated 404 page", key: notFoundKey, sitemapEntry: nil) {
                .map(builder.common(path: SiteURLs.notFound, kind: .notFound, title: "Page not found"))
            }
        }

        for document in model.posts + model.pages {
            for alias in document.aliases {
                let target = document.path
                let claimedBy = "alias in \(document.displayPath)"
                let aliasKey = key("alias", [target, document.title])
                add(alias, "alias", claimedBy, aliasKey) { PageJob(path: alias, template: "alias", claimedBy: claimedBy,
                    key: aliasKey, sitemapEntry: nil)
                {
                    var value = builder.common(path: alias, kind: .alias, title: document.title, absolutePath: target)
                    value["target_url"] = .string(SiteURLs.relative(from: alias, to: target))
                    value["target_absolute_url"] = .string(builder.urls.absolute(target))
                    return .map(value)
                } }
            }
        }
        return jobs
    }
}

/// One post as the archive lists it, with its year (both cost a time zone lookup and a small
/// map each; a session keeps them, so a retitle on a 10,000-post site rebuilds one, not all).
struct ArchiveEntry: Sendable {
    let document: Document
    let year: Int
    let value: DataValue

    init(_ document: Document, builder: PageContext, tagNames: [String: String]) {
        self.document = document
        year = document.date!.year
        value = .map(builder.brief(document, from: SiteURLs.archive, tagNames: tagNames))
    }

    /// The entries of `posts`, taking each from `earlier` (an earlier build's entries in its
    /// post order, made with the same site-wide inputs and tag names) when it shows the same
    /// document. After most edits each is found at the same place.
    static func entries(for posts: [Document], reusing earlier: [ArchiveEntry], builder: PageContext,
        tagNames: [String: String]) -> [ArchiveEntry]
    {
        var archive: [ArchiveEntry] = []
        archive.reserveCapacity(posts.count)
        var byPath: [String: ArchiveEntry]?
        for (index, post) in posts.enumerated() {
            if index < earlier.count, earlier[index].document === post {
                archive.append(earlier[index])
                continue
            }
            // A new version in the same place (a retitle): no need to look further.
            if index < earlier.count, earlier[index].document.sourcePath == post.sourcePath {
                archive.append(ArchiveEntry(post, builder: builder, tagNames: tagNames))
                continue
            }
            if byPath == nil {
                byPath = Dictionary(earlier.map { ($0.document.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
            }
            archive.append(byPath![post.sourcePath].flatMap { $0.document === post ? $0 : nil }
                ?? ArchiveEntry(post, builder: builder, tagNames: tagNames))
        }
        return archive
    }
}
