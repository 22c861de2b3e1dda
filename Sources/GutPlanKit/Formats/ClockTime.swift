/// A wall-clock time of day in whole minutes, with no time zone (RFC 5545 "floating" time).
struct ClockTime: Sendable, Hashable, Comparable, Codable {
    /// Minutes after midnight, 0 to 1439.
    let minutes: Int

    init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    /// `H:MM` or `HH:MM`, 24-hour: `07:30`, `7:30`, `18:05`. Nothing else (no seconds, no AM/PM).
    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].utf8.count), parts[1].utf8.count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    var hour: Int { minutes / 60 }
    var minute: Int { minutes % 60 }

    /// `HH:MM`.
    var text: String { "\(CalendarDate.pad(hour, 2)):\(CalendarDate.pad(minute, 2))" }

    /// `HHMMSS`, the RFC 5545 TIME form.
    var basicText: String { "\(CalendarDate.pad(hour, 2))\(CalendarDate.pad(minute, 2))00" }

    static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}
