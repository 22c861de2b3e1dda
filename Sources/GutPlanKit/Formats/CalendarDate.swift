/// A day of the proleptic Gregorian calendar, with no time zone, locale or `Foundation.Calendar`:
/// the same input gives the same answer on every machine.
///
/// Day arithmetic goes through a day count from 1970-01-01 with Howard Hinnant's
/// `days_from_civil` / `civil_from_days` algorithms ("chrono-Compatible Low-Level Date
/// Algorithms"), which are exact for every Gregorian date.
struct CalendarDate: Sendable, Hashable, Comparable, Codable {
    let year: Int
    /// 1 to 12.
    let month: Int
    /// 1 to the length of the month.
    let day: Int

    /// English weekday names, Monday first (ISO 8601 order).
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]

    /// A valid date with a four-digit year (1 to 9999), or `nil`.
    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Strict `YYYY-MM-DD`: exactly ten ASCII characters, a real date (29 February only in leap
    /// years), year 0001 to 9999. Anything else (`2026-2-3`, ` 2026-02-03`, `2026-02-30`) is `nil`.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 (negative before it).
    init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097  // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365  // [0, 399]
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // [0, 365], from 1 March
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // [0, 11], March = 0
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    }

    /// Days since 1970-01-01.
    var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Leap years: divisible by 4, except centuries not divisible by 400.
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date `days` later (earlier when negative).
    func adding(days: Int) -> CalendarDate {
        days == 0 ? self : CalendarDate(daysSince1970: daysSince1970 + days)
    }

    /// The same day `months` later, clamped to the month's last day (31 January + 1 month is
    /// 28 or 29 February).
    func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(unchecked: newYear, newMonth, newDay)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 0 for Monday ... 6 for Sunday (1970-01-01 was a Thursday).
    var weekday: Int {
        let value = (daysSince1970 + 3) % 7
        return value < 0 ? value + 7 : value
    }

    /// `Monday` ... `Sunday`.
    var weekdayName: String { CalendarDate.weekdayNames[weekday] }

    /// Whether the year fits the four digits of `YYYY-MM-DD` (adding days can leave it).
    var hasFourDigitYear: Bool { (1...9999).contains(year) }

    /// `YYYY-MM-DD`.
    var text: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// `YYYYMMDD`, the RFC 5545 DATE form.
    var basicText: String { "\(Self.pad(year, 4))\(Self.pad(month, 2))\(Self.pad(day, 2))" }

    /// `Monday 7 December 2026`.
    var longText: String { "\(weekdayName) \(day) \(CalendarDate.monthNames[month - 1]) \(year)" }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CalendarDate: CustomStringConvertible {
    var description: String { text }
}
