import Foundation

/// Turns titles and tag names into URL path segments: `Swift & IPFS!` -> `swift-ipfs`.
enum Slug {
    /// Lowercase letters and digits (accents folded away), runs of anything else become one `-`.
    static func make(_ text: String) -> String {
        // ASCII (most names): no Unicode folding needed, which is the expensive part.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Written in place: never longer than the text.
            return String(unsafeUninitializedCapacity: text.utf8.count) { bytes in
                var count = 0
                var pendingDash = false
                for byte in text.utf8 {
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                        if pendingDash, count > 0 {
                            bytes[count] = 0x2D
                            count += 1
                        }
                        pendingDash = false
                        bytes[count] = lower
                        count += 1
                    } else {
                        pendingDash = true
                    }
                }
                return count
            }
        }
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
