import COniguruma

/// One compiled Oniguruma regex. Compiled once, then matched from many threads: Oniguruma keeps
/// match state in the caller's region, not in the regex.
final class CompiledRegex: @unchecked Sendable {
    /// The compiled regex, valid while this object lives: what a tokenizer's loop matches with,
    /// without the reference counting of the object.
    struct Handle: @unchecked Sendable {
        fileprivate let regex: OnigRegex

        /// Where the leftmost match at or after `from` starts, or nil when there is none: no match
        /// starts between `from` and it, which lets a tokenizer skip this regex until there.
        /// `region` holds the groups of the match found.
        func search(_ text: UnsafeBufferPointer<UInt8>, from: Int, region: UnsafeMutablePointer<OnigRegion>) -> Int? {
            let base = text.baseAddress!
            let result = onig_search(regex, base, base + text.count, base + from, base + text.count, region, OnigOptionType(ONIG_OPTION_NONE))
            return result >= 0 ? Int(result) : nil
        }

        /// Whether the regex matches starting exactly at `at`; if so, `region` holds the groups' ranges.
        func match(_ text: UnsafeBufferPointer<UInt8>, at: Int, region: UnsafeMutablePointer<OnigRegion>) -> Bool {
            let base = text.baseAddress!
            return onig_match(regex, base, base + text.count, base + at, region, OnigOptionType(ONIG_OPTION_NONE)) >= 0
        }
    }

    private let regex: OnigRegex
    var handle: Handle { Handle(regex: regex) }
    /// Its number among its lexer's regexes, for per-run caches.
    let number: Int
    /// The definition's pattern, before the lexer's flags were put around it.
    let source: String
    /// How many capture groups it has.
    var captureCount: Int { Int(onig_number_of_captures(regex)) }

    /// Compiles `pattern` with Perl syntax and Unicode classes, as Chroma's regexp2 reads it;
    /// `source` is the definition's own pattern inside it.
    init(_ pattern: String, source: String = "", number: Int) throws(PatternError) {
        self.number = number
        self.source = source
        CompiledRegex.initialize
        var compiled: OnigRegex?
        var info = OnigErrorInfo()
        let options = OnigOptionType(ONIG_OPTION_CAPTURE_GROUP)
        let status = Array(pattern.utf8).withUnsafeBufferPointer { bytes in
            onig_new(&compiled, bytes.baseAddress, bytes.baseAddress! + bytes.count, options,
                     blogctl_onig_encoding_utf8(), blogctl_onig_syntax_perl_ng(), &info)
        }
        guard status == ONIG_NORMAL, let compiled else {
            var message = [UInt8](repeating: 0, count: Int(ONIG_MAX_ERROR_MESSAGE_LEN))
            let length = withUnsafeMutablePointer(to: &info) { info in
                message.withUnsafeMutableBufferPointer { blogctl_onig_error_message($0.baseAddress, status, info) }
            }
            throw PatternError(reason: String(decoding: message.prefix(Int(max(length, 0))), as: UTF8.self))
        }
        regex = compiled
    }

    deinit { onig_free(regex) }

    /// A match's capture groups, reused across matches by one tokenizer.
    final class Region {
        let pointer: UnsafeMutablePointer<OnigRegion> = onig_region_new()
        deinit { onig_region_free(pointer, 1) }

        var count: Int { Int(pointer.pointee.num_regs) }

        /// Group `index`'s byte range, nil when the group did not take part.
        func range(_ index: Int) -> Range<Int>? {
            let begin = Int(pointer.pointee.beg[index]), end = Int(pointer.pointee.end[index])
            return begin < 0 ? nil : begin..<end
        }
    }

    struct PatternError: Error { let reason: String }

    private static let initialize: Void = {
        var encodings: [OnigEncoding?] = [blogctl_onig_encoding_utf8()]
        onig_initialize(&encodings, 1)
    }()
}
