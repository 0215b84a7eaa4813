import CCmarkGFM

/// The version string of the linked cmark-gfm library.
public let cmarkVersion: String = String(cString: cmark_version_string())
