import CCmarkGFM
import Glibc

/// The GFM syntax extensions, set up once per process, and the rules for using them from
/// many threads at once.
///
/// cmark-gfm 0.29 keeps the inline parser's table of special characters in one process-wide
/// array: `cmark_parser_finish` adds its extensions' characters (`~` for strikethrough, `:` and
/// `w` for autolinks) and clears them again when done, so a parser finishing on one thread
/// switches strikethrough and autolinks off in the middle of another thread's parse. Two fixes:
/// - autolink: its characters are set once, for good, and the extension's list is emptied so no
///   parser adds or clears them again (autolink only needs them to be special, nothing more);
/// - strikethrough needs its list (cmark looks the `~` delimiter's extension up through it), so it
///   is attached only to documents that contain a `~` byte, and those documents finish their
///   parse one at a time. Documents without `~` never touch the `~` entry and run fully parallel.
struct CmarkExtensions: @unchecked Sendable {
    // Pointers into cmark-gfm's global registry; never changed after setup, so sharing is safe.
    /// Attached to every parser.
    let common: [OpaquePointer]
    /// Attached when the tag filter is on.
    let tagFilter: OpaquePointer
    /// Attached only to documents containing `~`.
    let strikethrough: OpaquePointer

    static let shared: CmarkExtensions = {
        cmark_gfm_core_extensions_ensure_registered()
        func find(_ name: String) -> OpaquePointer {
            guard let ext = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm is missing its core extension '\(name)'")
            }
            return ext
        }
        let autolink = find("autolink")
        pinSpecialCharacters(of: autolink)
        return CmarkExtensions(
            common: [find("table"), autolink, find("tasklist")],
            tagFilter: find("tagfilter"),
            strikethrough: find("strikethrough"))
    }()

    /// Held around `cmark_parser_finish` by parsers that have strikethrough attached.
    static let strikethroughLock = PlainMutex()

    private static func pinSpecialCharacters(of ext: OpaquePointer) {
        guard let keeper = cmark_parser_new(CMARK_OPT_DEFAULT) else { fatalError("cmark-gfm could not allocate a parser") }
        defer { cmark_parser_free(keeper) }
        cmark_parser_attach_syntax_extension(keeper, ext)
        cmark_manage_extensions_special_characters(keeper, 1)
        cmark_syntax_extension_set_special_inline_chars(ext, nil)
    }
}

/// A pthread mutex; `Synchronization.Mutex` cannot hand back the non-Sendable document pointer.
final class PlainMutex: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
