/// A position in template text, stepping by Character as swift-mustache's parser does: its
/// whitespace, newline and delimiter tests are Character tests, and matching them exactly is
/// what keeps standalone-line handling identical for any text.
struct CharacterCursor {
    struct Overflow: Error {}

    let characters: [Character]
    var position = 0

    init(_ text: String) { characters = Array(text) }

    var reachedEnd: Bool { position == characters.count }

    /// The current Character, or NUL at the end (the library's convention).
    var current: Character { reachedEnd ? "\0" : characters[position] }

    mutating func advance() { position += 1 }

    func text(_ range: Range<Int>) -> String { String(characters[range]) }

    @discardableResult
    mutating func read(while test: (Character) -> Bool) -> String {
        let start = position
        while !reachedEnd, test(characters[position]) { position += 1 }
        return text(start..<position)
    }

    /// Reads up to a Character passing `test`; throws (and stays put) at the end when asked to.
    mutating func read(until test: (Character) -> Bool, throwOnOverflow: Bool) throws(Overflow) -> String {
        let start = position
        while !reachedEnd {
            if test(characters[position]) { return text(start..<position) }
            position += 1
        }
        if throwOnOverflow {
            position = start
            throw Overflow()
        }
        return text(start..<position)
    }

    /// Consumes `character` if it is next; throws at the end.
    mutating func read(_ character: Character) throws(Overflow) -> Bool {
        guard !reachedEnd else { throw Overflow() }
        guard characters[position] == character else { return false }
        position += 1
        return true
    }

    /// Consumes `string` if it comes next (compared as Strings); throws when fewer Characters remain.
    mutating func read(string: String) throws(Overflow) -> Bool {
        let count = string.count
        guard count > 0 else { return true }
        guard characters.count - position >= count else { throw Overflow() }
        guard text(position..<position + count) == string else { return false }
        position += count
        return true
    }

    /// The library's `read(untilString:skipToEnd: true)`: a match restarts without re-testing
    /// the Character that broke it, which this keeps.
    mutating func skip(pastString string: String) throws(Overflow) {
        let until = Array(string)
        guard !until.isEmpty else { return }
        let start = position
        var index = 0
        while !reachedEnd {
            if characters[position] == until[index] {
                index += 1
                if index == until.count {
                    position += 1
                    return
                }
            } else {
                index = 0
            }
            position += 1
        }
        position = start
        throw Overflow()
    }
}
