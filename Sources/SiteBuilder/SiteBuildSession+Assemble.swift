import Foundation

/// Assembling a build from the cached documents and templates: the site model, every page
/// (rendering only those whose inputs changed), feeds, index files and static files.
extension SiteBuildSession {
    func assemble(changedSources: Set<String>?, started: ContinuousClock.Instant) async throws -> BuildResult {
        guard let config, let templates else { throw SiteBuildError.io(path: display("site.yml"), "not loaded") }
        let phases = PhaseTrace()
        func trace(_ name: String) { phases.phase(name) }
        let order = documentOrder ?? inventory.documents.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        documentOrder = order
        let all = order.compactMap { documents[$0]?.document }
        trace("documents")
        let model = try SiteModel(config: config, documents: all, options: options)
        trace("model")
        for document in model.posts + model.pages {
            if let name = document.frontMatter.template, !templates.has(name) {
                let location = document.frontMatter.locations["template"] ?? SourceLocation(file: document.displayPath, line: 1)
                throw SiteBuildError.missingTemplate(name: name, referencedBy: location.description)
            }
        }

        // Static files: the site's own win over the theme's.
        var staticSources: [String: OutputContent] = [:]
        var staticOwners: [String: String] = [:]
        for (output, data) in templates.staticFiles {
            staticSources[output] = .bytes(data)
            staticOwners[output] = "built-in theme static/\(output)"
        }
        for (output, path) in inventory.staticFiles {
            staticSources[output] = .copy(of: siteDirectory.appendingPathComponent(path).path)
            staticOwners[output] = display(path)
        }
        let favicon = ["favicon.svg", "favicon.ico", "favicon.png"].first { staticSources[$0] != nil }.map { "/" + $0 }

        let inputs = SiteWideInputs(config: config, templatesRevision: templatesRevision,
            menu: model.pages.map { [$0.title, $0.path] }, tags: model.tags.map { [$0.slug, $0.name] }, year: model.year,
            favicon: favicon)
        if inputs != siteWide {
            siteWide = inputs
            siteRevision += 1
        }
        let builder = PageContext(model: model, faviconPath: favicon)
        // Archive entries depend on the document and the site-wide inputs only.
        if archiveRevision != siteRevision { archiveEntries = [:] }
        archiveRevision = siteRevision
        let tagNames = model.tagNames
        var archive: [ArchiveEntry] = []
        archive.reserveCapacity(model.posts.count)
        var kept: [String: ArchiveEntry] = [:]
        kept.reserveCapacity(model.posts.count)
        for post in model.posts {
            let entry = archiveEntries[post.sourcePath].flatMap { $0.document === post ? $0 : nil }
                ?? ArchiveEntry(post, builder: builder, tagNames: tagNames)
            archive.append(entry)
            kept[post.sourcePath] = entry
        }
        archiveEntries = kept
        let jobs = PagePlan.jobs(for: model, context: builder, siteRevision: siteRevision, archive: archive)

        trace("jobs")
        // Claim every output path once; a second claimant is an error naming both.
        var claims: [String: String] = [:]
        claims.reserveCapacity(jobs.count + inventory.staticFiles.count + 16)
        func claim(_ file: String, by owner: String) throws {
            if let first = claims[file] { throw SiteBuildError.urlConflict(path: "/" + file, first: first, second: owner) }
            claims[file] = owner
        }
        for job in jobs { try claim(job.outputFile, by: job.claimedBy) }
        let generated: [(String, String)] = [
            (SiteURLs.rss, "RSS feed"), (SiteURLs.atom, "Atom feed"), (SiteURLs.jsonFeed, "JSON feed"),
            (SiteURLs.sitemap, "sitemap"), (SiteURLs.redirects, "redirects file"),
        ]
        for (path, owner) in generated { try claim(SiteURLs.outputFile(for: path), by: "generated " + owner) }
        var files: [String: OutputContent] = [:]
        // Everything but the rendered pages, so change detection can skip the unchanged pages.
        var nonPageFiles: [String] = []
        for document in model.posts + model.pages {
            guard let bundle = document.bundle, let assets = inventory.assets[bundle] else { continue }
            let directory = SiteURLs.outputFile(for: document.path).split(separator: "/").dropLast().joined(separator: "/")
            for asset in assets.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let relative = String(asset.dropFirst(bundle.count + 1))
                let output = directory.isEmpty ? relative : directory + "/" + relative
                try claim(output, by: display(asset))
                files[output] = .copy(of: siteDirectory.appendingPathComponent(asset).path)
                nonPageFiles.append(output)
            }
        }
        // The site's own static/robots.txt (only that) replaces the generated robots.txt.
        let robotsFile = SiteURLs.outputFile(for: SiteURLs.robots)
        let siteRobots = inventory.staticFiles[robotsFile] != nil
        try claim(robotsFile, by: siteRobots ? staticOwners[robotsFile]! : "generated robots.txt")
        for output in staticSources.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            if output == robotsFile && siteRobots { continue }
            try claim(output, by: staticOwners[output]!)
        }
        // A file cannot also be a folder holding another claimed file.
        var folderClash: (folder: String, inside: String)?
        for file in claims.keys {
            var end = file.utf8.startIndex
            while let slash = file.utf8[end...].firstIndex(of: UInt8(ascii: "/")) {
                let folder = String(file[..<slash])
                if claims[folder] != nil, folderClash.map({ (folder, file) < ($0.folder, $0.inside) }) ?? true {
                    folderClash = (folder, file)
                }
                end = file.utf8.index(after: slash)
            }
        }
        if let folderClash {
            throw SiteBuildError.urlConflict(path: "/" + folderClash.folder, first: claims[folderClash.folder]!,
                second: "\(claims[folderClash.inside]!) (which needs it to be a folder for /\(folderClash.inside))")
        }

        trace("claims")
        // Render the pages whose inputs changed, on all cores.
        var toRender: [PageJob] = []
        var pageBytes: [String: (key: PageKey, bytes: Data)] = [:]
        pageBytes.reserveCapacity(jobs.count)
        for job in jobs {
            if let previous = renderedPages[job.outputFile], previous.key == job.key {
                pageBytes[job.outputFile] = previous
            } else {
                toRender.append(job)
            }
        }
        let urls = model.urls
        let rendered = try await Parallel.map(toRender) { job -> Data in
            let html = templates.render(job.template, job.context())
            return urls.outputRewriter(for: job.path).rewriteHTMLData(html)
        }
        trace("render")
        var renderedFiles: Set<String> = []
        for (job, bytes) in zip(toRender, rendered) {
            pageBytes[job.outputFile] = (job.key, bytes)
            renderedFiles.insert(job.outputFile)
        }
        renderedPages = pageBytes
        files.reserveCapacity(files.count + pageBytes.count + staticSources.count + 8)
        for (file, page) in pageBytes { files[file] = .bytes(page.bytes) }
        trace("files: pages")

        for (path, data) in feedFiles(model) { files[path] = .bytes(data) }
        trace("files: feeds")
        files[SiteURLs.outputFile(for: SiteURLs.sitemap)] = .bytes(Data(SiteIndexFiles.sitemap(pages: jobs).utf8))
        files[SiteURLs.outputFile(for: SiteURLs.redirects)] = .bytes(Data(SiteIndexFiles.redirects(model).utf8))
        files[robotsFile] = .bytes(Data(SiteIndexFiles.robots(model).utf8))
        nonPageFiles += [SiteURLs.rss, SiteURLs.atom, SiteURLs.jsonFeed, SiteURLs.sitemap, SiteURLs.redirects, SiteURLs.robots]
            .map(SiteURLs.outputFile(for:))
        nonPageFiles += staticSources.keys.filter { $0 != robotsFile }
        trace("files: sitemap")
        for (output, content) in staticSources {
            // Stylesheets get the same page-relative treatment as HTML.
            if output.hasSuffix(".css") {
                let data = try content.dataOrFail(display: staticOwners[output]!)
                guard let css = String(data: data, encoding: .utf8) else { throw SiteBuildError.notUTF8(file: staticOwners[output]!) }
                files[output] = .bytes(Data(urls.pageRelativeRewriter(for: "/" + output).rewriteCSS(css).utf8))
            } else {
                files[output] = content
            }
        }

        trace("files")
        let output = SiteOutput(files: files)
        // Pages that were not rendered again kept their bytes, so only rendered pages and the
        // other files are compared; removals only when the list of pages changed.
        var changed: [String] = []
        func compare(_ path: String) {
            guard let content = files[path] else { return }
            guard let previous = previousOutput.files[path] else { return changed.append(path) }
            if previous != content {
                changed.append(path)
            } else if case .copy(let source) = content, changedSources?.contains(source) ?? true {
                changed.append(path)
            }
        }
        for path in renderedFiles { compare(path) }
        let otherFiles = nonPageFiles
        for path in otherFiles { compare(path) }
        let pageFiles = jobs.map(\.outputFile)
        var removed: [String] = []
        if pageFiles != previousPageFiles {
            removed = previousOutput.files.keys.filter { files[$0] == nil }
        } else {
            removed = previousOtherFiles.filter { files[$0] == nil }
        }
        previousPageFiles = pageFiles
        previousOtherFiles = otherFiles
        previousOutput = output

        trace("changes")
        var stats = BuildStats()
        stats.posts = model.posts.count
        stats.pages = model.pages.count
        stats.htmlPages = jobs.count
        stats.files = files.count
        stats.documentsParsed = parsedCount
        parsedCount = 0
        stats.pagesRendered = toRender.count
        stats.duration = ContinuousClock.now - started
        let warnings = inventory.warnings(display: display)
        lastBuild = LastBuild(model: model, favicon: favicon, stats: stats, warnings: warnings)
        let byBytes: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return BuildResult(output: output, changedPaths: changed.sorted(by: byBytes), removedPaths: removed.sorted(by: byBytes), stats: stats,
            warnings: warnings)
    }

    /// RSS, Atom and JSON Feed, reused while the newest posts and the site are unchanged.
    func feedFiles(_ model: SiteModel) -> [(String, Data)] {
        let feedKey = [siteRevision] + model.posts.prefix(Feeds.postLimit).map(\.revision)
        if feedKey != feeds?.key {
            let contents = Feeds.absoluteContents(model)
            feeds = (feedKey, Data(Feeds.rss(model, contents: contents).utf8), Data(Feeds.atom(model, contents: contents).utf8),
                Feeds.jsonFeed(model, contents: contents))
        }
        return [
            (SiteURLs.outputFile(for: SiteURLs.rss), feeds!.rss),
            (SiteURLs.outputFile(for: SiteURLs.atom), feeds!.atom),
            (SiteURLs.outputFile(for: SiteURLs.jsonFeed), feeds!.json),
        ]
    }
}
