/// Remembers something of each output file from one build to the next (the packer: the file's
/// UnixFS node), so that a build keeping a file from the previous output (see `OutputManifest`)
/// needs neither its bytes nor to read it back.
public protocol OutputNotes: Sendable {
    /// What to remember of the file at `path`, asked once the build and its work are done; nil: nothing.
    func note(for path: String) -> [UInt8]?
    /// The file at `path` is kept from an earlier output, of which `note` was remembered. False
    /// when the note is of no use: the build then makes the file again and shows it as usual.
    func reuse(_ path: String, note: [UInt8]) -> Bool
}

/// `base`'s notes for a build that must keep no file (see `SiteWriterError.reusedTreeFailed`):
/// it takes no note back, but still saves what `base` remembers of the files it makes.
struct NotesKeepingNothing: OutputNotes {
    let base: OutputNotes

    func note(for path: String) -> [UInt8]? { base.note(for: path) }
    func reuse(_ path: String, note: [UInt8]) -> Bool { false }
}
