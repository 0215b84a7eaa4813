import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's bridging when the ends are
    /// plain ASCII (front matter values, dates and paths nearly always are).
    func trimmingWhitespace() -> String { self[...].trimmingWhitespace() }
}

extension Substring {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's bridging when the ends are plain ASCII.
    func trimmingWhitespace() -> String {
        guard let first = utf8.first, let last = utf8.last else { return "" }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        if plain(first), plain(last) { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }
}
