import Foundation

/// A post's date: an instant plus the site time zone it is shown in. Formatting never looks at
/// the process time zone or locale, so output is the same on every machine.
public struct SiteDate: Sendable, Equatable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    public let timeZone: TimeZone

    public static func < (lhs: SiteDate, rhs: SiteDate) -> Bool { lhs.seconds < rhs.seconds }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// Parses `YYYY-MM-DD`, or a date-time `YYYY-MM-DD[T ]HH:MM[:SS[.frac]]` with an optional
    /// `Z`/`±HH:MM` offset; without an offset the time is local to `timeZone`.
    public static func parse(_ text: String, timeZone: TimeZone) -> SiteDate? {
        let bytes = Array(text.trimmingWhitespace().utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }
        func expect(_ character: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        if index < bytes.count {
            guard bytes[index] == 0x54 || bytes[index] == 0x20 || bytes[index] == 0x74 else { return nil }
            index += 1
            guard let h = number(2), expect(0x3A), let m = number(2), h < 24, m < 60 else { return nil }
            hour = h
            minute = m
            if expect(0x3A) {
                guard let s = number(2), s < 61 else { return nil }
                second = min(s, 59)
                if expect(0x2E) {
                    let start = index
                    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                    guard index > start else { return nil }
                }
            }
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            if index < bytes.count {
                if bytes[index] == 0x5A || bytes[index] == 0x7A {
                    index += 1
                    offset = 0
                } else if bytes[index] == 0x2B || bytes[index] == 0x2D {
                    let sign = bytes[index] == 0x2D ? -1 : 1
                    index += 1
                    guard let oh = number(2) else { return nil }
                    _ = expect(0x3A)
                    guard let om = number(2), oh < 24, om < 60 else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
            guard index == bytes.count else { return nil }
        }
        let civil = Int64(daysFromCivil(year: year, month: month, day: day)) * 86400
            + Int64(hour * 3600 + minute * 60 + second)
        if let offset {
            return SiteDate(seconds: civil - Int64(offset), timeZone: timeZone)
        }
        // Local wall-clock time: the zone's offset at that moment (a guess at the instant first,
        // then corrected, so DST transitions land on the right side).
        let guess = Date(timeIntervalSince1970: TimeInterval(civil))
        var instant = civil - Int64(timeZone.secondsFromGMT(for: guess))
        instant = civil - Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
        return SiteDate(seconds: instant, timeZone: timeZone)
    }

    struct Parts {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int, offset: Int
    }

    /// The wall-clock time as the author wrote it, for display and the year.
    var parts: Parts { parts(wholeMinuteOffset: false) }

    /// Written offsets have whole minutes (RFC 3339, RFC 822); local mean time had seconds too
    /// (Berlin +00:53:28). Timestamps show the local time in the written offset, so they name the instant.
    private var timestampParts: Parts { parts(wholeMinuteOffset: true) }

    private func parts(wholeMinuteOffset: Bool) -> Parts {
        let exactOffset = timeZone.secondsFromGMT(for: date)
        return parts(offset: wholeMinuteOffset ? exactOffset - exactOffset % 60 : exactOffset)
    }

    private func parts(offset: Int) -> Parts {
        let local = seconds + Int64(offset)
        let days = Int(local >= 0 ? local / 86400 : (local - 86399) / 86400)
        let secondOfDay = Int(local - Int64(days) * 86400)
        let (year, month, day) = SiteDate.civilFromDays(days)
        // 1970-01-01 was a Thursday (index 4 with Sunday = 0).
        let weekday = ((days % 7) + 11) % 7
        return Parts(year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
            second: secondOfDay % 60, weekday: weekday, offset: offset)
    }

    public var year: Int { parts.year }

    /// `2026-11-29T10:00:00+01:00` (RFC 3339).
    public var iso8601: String { iso8601(timestampParts) }

    /// `29 November 2026`.
    public var display: String { display(parts) }

    /// `display` in a language (its primary subtag: `de` gives `29. November 2026`).
    public func display(language: String) -> String { display(parts, language: language) }

    /// `iso8601`, `display` (in `language`) and `year` together, with one time zone lookup
    /// instead of three: a build shows the dates of thousands of posts.
    public func texts(language: String = "en") -> (iso8601: String, display: String, year: Int) {
        let exactOffset = timeZone.secondsFromGMT(for: date)
        let local = parts(offset: exactOffset)
        let stamp = exactOffset % 60 == 0 ? local : parts(offset: exactOffset - exactOffset % 60)
        return (iso8601(stamp), display(local, language: language), local.year)
    }

    /// `iso8601`, English `display` and `year` together.
    public var texts: (iso8601: String, display: String, year: Int) { texts() }

    private func iso8601(_ p: Parts) -> String {
        let hours = abs(p.offset) / 3600
        guard (0...9999).contains(p.year), hours < 100 else {
            return "\(pad(p.year, 4))-\(pad(p.month))-\(pad(p.day))T\(pad(p.hour)):\(pad(p.minute)):\(pad(p.second))\(offsetText(p.offset, colon: true))"
        }
        // The same text, written digit by digit (interpolating and padding made a dozen strings).
        return String(unsafeUninitializedCapacity: 25) { text in
            var count = 0
            func digits(_ value: Int, _ width: Int) {
                var rest = value
                for place in stride(from: width - 1, through: 0, by: -1) {
                    text[count + place] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                count += width
            }
            func byte(_ character: Unicode.Scalar) {
                text[count] = UInt8(ascii: character)
                count += 1
            }
            digits(p.year, 4)
            byte("-")
            digits(p.month, 2)
            byte("-")
            digits(p.day, 2)
            byte("T")
            digits(p.hour, 2)
            byte(":")
            digits(p.minute, 2)
            byte(":")
            digits(p.second, 2)
            byte(p.offset < 0 ? "-" : "+")
            digits(hours, 2)
            byte(":")
            digits(abs(p.offset) / 60 % 60, 2)
            return count
        }
    }

    private func display(_ p: Parts, language: String) -> String {
        language == "en" ? display(p) : DateWords.display(day: p.day, month: p.month, year: p.year, language: language)
    }

    private func display(_ p: Parts) -> String {
        let month = SiteDate.monthNames[p.month - 1]
        var text = String(p.day)
        text.reserveCapacity(month.utf8.count + 10)
        text += " "
        text += month
        text += " "
        text += String(p.year)
        return text
    }

    /// `Sun, 29 Nov 2026 10:00:00 +0100` (RFC 822, for RSS).
    public var rfc822: String {
        let p = timestampParts
        return "\(SiteDate.dayNames[p.weekday]), \(pad(p.day)) \(SiteDate.monthNames[p.month - 1].prefix(3)) \(pad(p.year, 4)) \(pad(p.hour)):\(pad(p.minute)):\(pad(p.second)) \(offsetText(p.offset, colon: false))"
    }

    private func offsetText(_ offset: Int, colon: Bool) -> String {
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(sign)\(pad(magnitude / 3600))\(colon ? ":" : "")\(pad(magnitude / 60 % 60))"
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
