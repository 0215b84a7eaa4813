import ContentAddressing
import Foundation
import Synchronization

/// Assembling a build from the cached documents and templates: the site model, every page
/// (rendering only those whose inputs changed), feeds, index files and static files.
extension SiteBuildSession {
    func assemble(changedSources: Set<String>?, started: ContinuousClock.Instant) async throws -> BuildResult {
        guard let config, let templates else { throw SiteBuildError.io(path: display("site.yml"), "not loaded") }
        let phases = PhaseTrace()
        func trace(_ name: String) { phases.phase(name) }
        // The model of the last build, edited, when no document came or went and no edit
        // regroups it (SiteModel.applying); else made afresh.
        let edits = Array(pendingEdits.values)
        pendingEdits = [:]
        var edited: SiteModel?
        if documentOrder != nil, documentList != nil, let last = lastBuild {
            edited = last.model.applying(edits, options: options)
        }
        if documentOrder == nil || documentList == nil {
            let order = documentOrder ?? inventory.documents.keys.sorted { $0.precedesInUTF8($1) }
            documentOrder = order
            let list = order.compactMap { documents[$0]?.document }
            documentList = list
            documentIndex = Dictionary(uniqueKeysWithValues: list.enumerated().map { ($1.sourcePath, $0) })
        }
        trace("documents")
        let model = try edited ?? SiteModel(config: config, documents: documentList!, options: options)
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

        let inputs = SiteWideInputs(configText: configText ?? "", templates: templatesKey!, options: options,
            menu: model.pages.map { [$0.title, $0.path] }, year: model.year, favicon: favicon)
        if inputs != siteWide {
            siteWide = inputs
            siteKey = inputs.key
        }
        let builder = PageContext(model: model, faviconPath: favicon)
        // Archive entries depend on the document, the site-wide inputs and tag display names
        // only. They are made when the archive is rendered (not when a rebuild keeps it), from
        // those of the last build that made them.
        let tagNames = model.tagNames
        let earlierEntries = archiveSiteKey == siteKey && archiveTagNames == tagNames ? archiveEntries : []
        let madeEntries = Mutex<[ArchiveEntry]?>(nil)
        let archive: @Sendable () -> [ArchiveEntry] = {
            let entries = ArchiveEntry.entries(for: model.posts, reusing: earlierEntries, builder: builder, tagNames: tagNames)
            madeEntries.withLock { $0 = entries }
            return entries
        }
        let jobs = PagePlan.jobs(for: model, context: builder, siteKey: siteKey, archive: archive,
            earlier: EarlierPageJobs(earlierJobs))

        trace("jobs")
        // Every output path but the pages', with its owner, in claiming order; and the files they hold.
        var otherClaims: [OutputClaim] = [
            (SiteURLs.rss, "RSS feed"), (SiteURLs.atom, "Atom feed"), (SiteURLs.jsonFeed, "JSON feed"),
            (SiteURLs.sitemap, "sitemap"), (SiteURLs.redirects, "redirects file"),
        ].map { OutputClaim(file: SiteURLs.outputFile(for: $0.0), owner: "generated " + $0.1) }
        var otherFiles: [String: OutputContent] = [:]
        for document in model.posts + model.pages {
            guard let bundle = document.bundle, let assets = inventory.assets[bundle] else { continue }
            let directory = SiteURLs.outputFile(for: document.path).split(separator: "/").dropLast().joined(separator: "/")
            for asset in assets.sorted(by: { $0.precedesInUTF8($1) }) {
                let relative = String(asset.dropFirst(bundle.count + 1))
                let output = directory.isEmpty ? relative : directory + "/" + relative
                otherClaims.append(OutputClaim(file: output, owner: display(asset)))
                otherFiles[output] = .copy(of: siteDirectory.appendingPathComponent(asset).path)
            }
        }
        // The site's own static/robots.txt (only that) replaces the generated robots.txt.
        let robotsFile = SiteURLs.outputFile(for: SiteURLs.robots)
        let siteRobots = inventory.staticFiles[robotsFile] != nil
        otherClaims.append(OutputClaim(file: robotsFile, owner: siteRobots ? staticOwners[robotsFile]! : "generated robots.txt"))
        for output in staticSources.keys.sorted(by: { $0.precedesInUTF8($1) }) {
            if output == robotsFile && siteRobots { continue }
            otherClaims.append(OutputClaim(file: output, owner: staticOwners[output]!))
        }
        // The same claims as the last finished build's cannot conflict: skip the check. Pages kept
        // from that build claim what they claimed; the others must claim what the dropped ones did.
        var earlierPages: Set<ObjectIdentifier> = []
        earlierPages.reserveCapacity(earlierJobs.count)
        for job in earlierJobs { earlierPages.insert(ObjectIdentifier(job)) }
        var samePages = jobs.count == earlierJobs.count && otherClaims == earlierOtherClaims
        if samePages {
            var added: [String: String] = [:]
            var kept: Set<ObjectIdentifier> = []
            kept.reserveCapacity(jobs.count)
            for job in jobs {
                if earlierPages.contains(ObjectIdentifier(job)) {
                    kept.insert(ObjectIdentifier(job))
                } else if added.updateValue(job.claimedBy, forKey: job.outputFile) != nil {
                    samePages = false
                }
            }
            var dropped: [String: String] = [:]
            for job in earlierJobs where !kept.contains(ObjectIdentifier(job)) { dropped[job.outputFile] = job.claimedBy }
            samePages = samePages && added == dropped
        }
        if !samePages {
            try OutputClaim.check(jobs.lazy.map { OutputClaim(file: $0.outputFile, owner: $0.claimedBy) } + otherClaims)
        }

        trace("claims")
        // Render the pages whose inputs changed, on all cores. A job kept from the last build has
        // its bytes in that build's output already.
        // With an output manifest, every page's key is also needed as one digest.
        var pageDigests: [String: ContentKey] = [:]
        let reusable = await reusableOutput?()
        if reusable != nil {
            let digests = try await Parallel.map(jobs) { $0.key.digest }
            pageDigests.reserveCapacity(jobs.count)
            for (job, digest) in zip(jobs, digests) { pageDigests[job.outputFile] = digest }
        }
        var toRender: [PageJob] = []
        var fromCache: [(PageJob, Data)] = []
        var kept: [PageJob] = []
        for job in jobs where !earlierPages.contains(ObjectIdentifier(job)) {
            if let previous = renderedPages[job.outputFile], previous.key == job.key {
                fromCache.append((job, previous.bytes))
            } else if let reusable, let entry = reusable.entries[job.outputFile], entry.key == pageDigests[job.outputFile],
                reusable.accept(job.outputFile, entry.note)
            {
                kept.append(job)
            } else {
                toRender.append(job)
            }
        }
        let urls = model.urls
        let observer = outputObserver
        let rendered = try await Parallel.map(toRender) { job -> Data in
            let html = try templates.render(job.template, job.context())
            let page = urls.outputRewriter(for: job.path).rewriteHTMLData(html)
            observer?(job.outputFile, page)
            return page
        }
        if let entries = madeEntries.withLock({ $0 }) {
            archiveEntries = entries
            archiveSiteKey = siteKey
            archiveTagNames = tagNames
        }
        trace("render")
        // The output starts from the last build's and changes only where this one differs.
        let pageFiles = jobs.map(\.outputFile)
        var files = previousOutput.files
        for (job, bytes) in zip(toRender, rendered) { renderedPages[job.outputFile] = (job.key, bytes) }
        var changed: [String] = []
        for (job, bytes) in zip(toRender, rendered).map({ ($0.0, $0.1) }) + fromCache {
            if case .bytes(let previous) = files[job.outputFile], previous == bytes { continue }
            files[job.outputFile] = .bytes(bytes)
            changed.append(job.outputFile)
        }
        for job in kept {
            files[job.outputFile] = .kept
            changed.append(job.outputFile)
        }
        trace("files: pages")

        for (path, data) in feedFiles(model) { otherFiles[path] = .bytes(data) }
        trace("files: feeds")
        otherFiles[SiteURLs.outputFile(for: SiteURLs.sitemap)] = .bytes(sitemapFile(jobs))
        otherFiles[SiteURLs.outputFile(for: SiteURLs.redirects)] = .bytes(Data(SiteIndexFiles.redirects(model).utf8))
        otherFiles[robotsFile] = .bytes(Data(SiteIndexFiles.robots(model).utf8))
        trace("files: sitemap")
        for (output, content) in staticSources {
            // Stylesheets get the same page-relative treatment as HTML.
            if output.hasSuffix(".css") {
                let data = try content.dataOrFail(display: staticOwners[output]!)
                let rewriter = urls.pageRelativeRewriter(for: "/" + output)
                if let css = String(data: data, encoding: .utf8) {
                    otherFiles[output] = .bytes(Data(rewriter.rewriteCSS(css).utf8))
                } else if let css = String(data: data, encoding: .isoLatin1),
                    let rewritten = rewriter.rewriteCSS(css).data(using: .isoLatin1)
                {
                    // An older stylesheet in Latin-1 (a `©` in a comment): read byte for byte, its
                    // URLs (ASCII) rewritten, every other byte written back as it was.
                    otherFiles[output] = .bytes(rewritten)
                } else {
                    throw SiteBuildError.notUTF8(file: staticOwners[output]!)
                }
            } else {
                otherFiles[output] = content
            }
        }
        trace("files")
        // Only the pages and other files this build wrote are compared with the last output;
        // removals only when the list of files changed.
        for (path, content) in otherFiles {
            if let previous = files[path], previous == content {
                if case .copy(let source) = content, changedSources?.contains(source) ?? true { changed.append(path) }
                continue
            }
            files[path] = content
            changed.append(path)
        }
        var removed: [String] = []
        // The same claims (`samePages`) mean the same page files, perhaps in another order.
        if !(samePages || pageFiles == previousPageFiles) || Set(previousOtherFiles) != Set(otherFiles.keys) {
            let kept = Set(pageFiles).union(otherFiles.keys)
            removed = previousOutput.files.keys.filter { !kept.contains($0) }
            for file in removed {
                files[file] = nil
                renderedPages[file] = nil
            }
        }
        let output = SiteOutput(files: files)
        previousPageFiles = pageFiles
        previousOtherFiles = Array(otherFiles.keys)
        previousOutput = output
        earlierJobs = jobs.map { earlierPages.contains(ObjectIdentifier($0)) ? $0 : $0.withoutData() }
        earlierOtherClaims = otherClaims

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
        let byBytes: (String, String) -> Bool = { $0.precedesInUTF8($1) }
        var result = BuildResult(output: output, changedPaths: changed.sorted(by: byBytes), removedPaths: removed.sorted(by: byBytes),
            stats: stats, warnings: warnings)
        result.outputKeys = pageDigests
        return result
    }

    /// sitemap.xml, kept while every page's sitemap line is the same as in the last build.
    func sitemapFile(_ jobs: [PageJob]) -> Data {
        let entries = jobs.map(\.sitemapEntry)
        if let sitemap, sitemap.entries == entries { return sitemap.data }
        let data = Data(SiteIndexFiles.sitemap(pages: jobs).utf8)
        sitemap = (entries, data)
        return data
    }

    /// RSS, Atom and JSON Feed, reused while the newest posts and the site are unchanged.
    func feedFiles(_ model: SiteModel) -> [(String, Data)] {
        let tagNames = model.tagNames
        let feedKey = [siteKey] + model.posts.prefix(Feeds.postLimit).map { model.shownKey(of: $0, tagNames: tagNames) }
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
