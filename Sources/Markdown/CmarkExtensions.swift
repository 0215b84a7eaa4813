import CCmarkGFM
import Glibc

/// The GFM syntax extensions every parser gets, looked up once per process.
struct CmarkExtensions: @unchecked Sendable {
    // Pointers into cmark-gfm's global registry; immutable after registration, so sharing is safe.
    let all: [OpaquePointer]

    static let shared: CmarkExtensions = {
        cmark_gfm_core_extensions_ensure_registered()
        let names = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]
        let found = names.map { name -> OpaquePointer in
            guard let ext = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm is missing its core extension '\(name)'")
            }
            return ext
        }
        return CmarkExtensions(all: found)
    }()

    /// Serializes `cmark_parser_finish`.
    ///
    /// cmark-gfm 0.29 keeps the inline parser's table of special characters in a process-wide
    /// array: finishing a parser adds the extensions' characters (`~`, `w`, `:`…) and then clears
    /// them again, so a parser finishing on another thread can switch strikethrough and autolinks
    /// off in the middle of ours. Block parsing, our AST work and HTML rendering stay parallel.
    static let inlinePhase = InlinePhaseLock()
}

/// A plain mutex; `Synchronization.Mutex` cannot hand back the non-Sendable document pointer.
final class InlinePhaseLock: @unchecked Sendable {
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
