import Foundation

/// A build's use of the output manifest (`OutputManifest`) of the folder it writes into: what it
/// may keep of that folder, and saving the manifest of what it left there.
struct OutputReuse: Sendable {
    /// `.blogctl-cache/outputs`.
    let directory: URL
    let notes: OutputNotes
    /// The claimed folder's manifest as saved, and what of it still holds; nil without one.
    private(set) var loaded: OutputManifest?
    private(set) var verified = OutputManifest.Verified()

    /// Loads and checks the manifest of `tree`; nil when the build keeps nothing and saves no
    /// manifest (no cache folder, or no notes to remember files by).
    static func prepare(for tree: ClaimedTree, cacheDirectory: URL?, notes: OutputNotes?) async -> OutputReuse? {
        guard let cacheDirectory, let notes else { return nil }
        var reuse = OutputReuse(directory: cacheDirectory.appendingPathComponent("outputs"), notes: notes)
        if let identity = tree.identity, let (manifest, savedAt) = OutputManifest.load(from: reuse.directory, tree: identity) {
            let trace = PhaseTrace()
            reuse.loaded = manifest
            reuse.verified = await manifest.verified(in: tree.temporary, savedAt: savedAt)
            trace.phase("check the files and folders kept from the previous output")
        }
        return reuse
    }

    /// The pages the session may keep.
    var reusable: ReusableOutput { ReusableOutput(entries: verified.entries, accept: notes.reuse) }

    /// Saves the manifest of `site` as written into `tree` and swapped in as the output folder
    /// (`identities` of the files written), unless it is the one loaded.
    func save(_ site: SiteOutput, writtenInto tree: ClaimedTree, keys: [String: ContentKey], identities: [String: FileIdentity]) async {
        guard let output = FileIdentity(path: tree.target),
            let manifest = await OutputManifest.made(for: site, in: tree.target, keys: keys, identities: identities,
                kept: verified.entries.filter { site.files[$0.key] == .kept }, notes: notes, previous: loaded,
                unchangedFolders: Set(verified.listings.keys))
        else { return }
        if manifest == loaded { return }
        manifest.save(to: directory, tree: output, keeping: [FileIdentity(path: tree.recycle)].compactMap { $0 })
    }
}

/// What a folder an output is written into holds already: its verified manifest entries, and
/// whether the build's observer can do without seeing a kept file's bytes.
struct ReusableOutput: Sendable {
    var entries: [String: OutputManifest.Entry]
    var accept: @Sendable (_ path: String, _ note: [UInt8]) -> Bool
}
