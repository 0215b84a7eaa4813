import Foundation
import SiteBuilder

/// The slug rules of blogctl, Hugo and Zola: each keeps old URLs only if computed exactly its way.
enum Slug {
    /// blogctl's own (`SiteURLs.slug`): an import must give the URL a build will.
    static func blogctl(_ text: String) -> String { SiteURLs.slug(text) }

    /// Hugo's `urlize` (helpers.PathSpec.UnicodeSanitize, then lowercased): letters, digits,
    /// marks and `. / \ _ # + ~ - @` are kept, a run of spaces becomes one `-`, the rest is dropped.
    static func hugo(_ text: String, lowercase: Bool = true) -> String {
        var result = ""
        var prependHyphen = false
        var wasHyphen = false
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let properties = scalar.properties
            var allowed = ".\\/_#+~-@".unicodeScalars.contains(scalar) || properties.isAlphabetic
                || properties.numericType == .decimal || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark || properties.generalCategory == .enclosingMark
            if scalar == "%", index + 2 < scalars.count, scalars[index + 1].properties.isASCIIHexDigit, scalars[index + 2].properties.isASCIIHexDigit {
                allowed = true
            }
            if allowed {
                wasHyphen = scalar == "-"
                if prependHyphen {
                    if !wasHyphen { result.append("-") }
                    prependHyphen = false
                }
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !wasHyphen, properties.isWhitespace {
                prependHyphen = true
            }
        }
        return lowercase ? result.lowercased() : result
    }

    /// Zola's `slugify.paths`: `on` (the default) transliterates to ASCII, lowercases and joins
    /// words with `-`; `safe` only drops characters unsafe in paths; `off` keeps the name.
    static func zola(_ text: String, strategy: String) -> String {
        switch strategy {
        case "off":
            return text
        case "safe":
            let unsafe = Set("<>:\"/\\|?*#%".unicodeScalars)
            var result = String.UnicodeScalarView()
            for scalar in text.trimmingCharacters(in: .whitespaces).unicodeScalars where !unsafe.contains(scalar) {
                result.append(scalar.properties.isWhitespace ? "_" : scalar)
            }
            return String(result)
        default:
            // The `slug` crate: deunicode, then ASCII letters and digits, lowercased, runs of
            // anything else one `-`. Foundation's Latin transliteration stands in for deunicode.
            let ascii = text.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? text
            var result = ""
            var pendingDash = false
            for scalar in ascii.unicodeScalars {
                if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
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
}
