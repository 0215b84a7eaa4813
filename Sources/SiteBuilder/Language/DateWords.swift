/// How the theme writes a date in each language it ships (`date_display`): `29 November 2026`,
/// `29. November 2026`, `29 de noviembre de 2026`, `2026年11月29日`, `29 ноября 2026 г.`
enum DateWords {
    private static let months: [String: [String]] = [
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
        "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
        "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        // Genitive, as a day's date needs it.
        "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
    ]

    /// Day, month (1-based) and year in `language`'s (primary subtag) form; English for others.
    static func display(day: Int, month: Int, year: Int, language: String) -> String {
        switch language {
        case "ja", "zh": return "\(year)年\(month)月\(day)日"
        case "de": return "\(day). \(months["de"]![month - 1]) \(year)"
        case "es", "pt": return "\(day) de \(months[language]![month - 1]) de \(year)"
        case "fr": return "\(day == 1 ? "1er" : String(day)) \(months["fr"]![month - 1]) \(year)"
        case "ru": return "\(day) \(months["ru"]![month - 1]) \(year) г."
        default: return "\(day) \((months[language] ?? months["en"]!)[month - 1]) \(year)"
        }
    }
}
