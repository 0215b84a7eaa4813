import HTMLEscaping

/// The site's `language` (a BCP 47 tag, `en`, `pt-BR`, `zh-Hans`): the words of the built-in
/// theme, its dates and its plurals, with the site's own `strings:` over them.
public struct SiteLanguage: Sendable, Equatable {
    /// The tag as written in site.yml (`<html lang>`).
    public let tag: String
    /// Its primary language subtag, lowercased (`pt` of `pt-BR`): which table and date form apply.
    public let primary: String
    /// Every theme string: the language's table, English where it has none, the site's overrides.
    public let strings: [String: String]

    /// Languages the theme has words and dates for.
    public static let supported = ThemeStrings.tables.keys.sorted()

    /// `tag` with the site's `overrides`; nil when `tag` is no BCP 47 tag.
    init?(_ tag: String, overrides: [String: String] = [:]) {
        guard Self.isBCP47(tag) else { return nil }
        self.tag = tag
        primary = String(tag.prefix { $0 != "-" }).lowercased()
        var strings = ThemeStrings.english
        for (key, value) in ThemeStrings.tables[primary] ?? [:] { strings[key] = value }
        for (key, value) in overrides { strings[key] = value }
        self.strings = strings
    }

    static let english = SiteLanguage("en")!

    /// The well-formed tags of RFC 5646 minus grandfathered and private-use-only ones:
    /// language (2-3 letters, or 4-8), optional script (4 letters), region (2 letters or 3 digits),
    /// variants, extensions and a private use part.
    static func isBCP47(_ tag: String) -> Bool {
        tag.wholeMatch(of: /[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8}/.ignoresCase()) != nil
            || tag.wholeMatch(of: /([A-Za-z]{2,3}|[A-Za-z]{4,8})(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-[xX](-[A-Za-z0-9]{1,8})+)?/) != nil
    }

    /// A theme string with `{n}` and `{total}` filled in.
    func text(_ key: String, n: Int? = nil, total: Int? = nil) -> String {
        var text = strings[key] ?? ThemeStrings.english[key] ?? key
        if let n { text = ByteSearch.replacing("{n}", with: String(n), in: text) }
        if let total { text = ByteSearch.replacing("{total}", with: String(total), in: text) }
        return text
    }

    /// "5 posts" in the plural form the language uses for `n`.
    func postCount(_ n: Int) -> String {
        let form: String
        switch primary {
        case "ru":
            // CLDR: one (1, 21, 31…), few (2-4, 22-24…), many (0, 5-20, 25-30…).
            let (ten, hundred) = (n % 10, n % 100)
            form = ten == 1 && hundred != 11 ? "one" : (2...4).contains(ten) && !(12...14).contains(hundred) ? "few" : "many"
        case "fr", "pt": form = n <= 1 ? "one" : "other"
        case "ja", "zh": form = "other"
        default: form = n == 1 ? "one" : "other"
        }
        return text(strings["post_count_\(form)"] != nil ? "post_count_\(form)" : "post_count_other", n: n)
    }
}
