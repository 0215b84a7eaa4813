import Foundation

/// One file of the search index (`SearchIndex`): the manifest, a term shard or a document list.
struct SearchIndexFile: OutputKind {
    let file: String
    /// Made whole by `SearchIndex`: a shard's bytes are its inputs, so a rebuild compares them.
    let bytes: Data

    static let manifestFile = SiteURLs.outputFile(for: SiteURLs.searchManifest)

    /// `search/terms/NAME.json` of the shard of `prefix`.
    static func shardFile(prefix: String) -> String { "search/terms/\(SearchShardPlan.fileName(of: prefix)).json" }

    /// `search/docs/K.json`, the documents of list `chunk`.
    static func documentsFile(chunk: Int) -> String { "search/docs/\(chunk).json" }

    var owner: String { "generated search index" }
    var usesSite: Bool { false }

    func render(in site: SiteContext) -> OutputContent { .bytes(bytes) }
}
