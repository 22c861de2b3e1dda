/// Locale-independent fixed-point number text shared by all exports.
enum DecimalText {
    /// `value` rounded half away from zero to `maxFractionDigits` decimals, trailing zeros and
    /// a trailing point trimmed, `-0` written as `0`: `2010.0` → `2010`, `0.9471234` → `0.947123`.
    /// Non-finite values give `nan`/`inf`/`-inf`; callers map them (JSON writes `null`).
    static func format(_ value: Double, maxFractionDigits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let digits = max(0, min(maxFractionDigits, 15))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 the scaled value no longer holds exact integers; Swift's shortest
        // round-trip description is exact and locale-free there.
        guard scaled < 9_007_199_254_740_992 else {
            let text = "\(value)"
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        let whole = UInt64(scaled)
        let unit = UInt64(scale)
        let integerPart = whole / unit
        var fraction = digits > 0 ? String(whole % unit) : ""
        if digits > 0 {
            fraction = String(repeating: "0", count: digits - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        let sign = value < 0 && whole != 0 ? "-" : ""
        return sign + String(integerPart) + (fraction.isEmpty ? "" : "." + fraction)
    }
}

extension DecimalText {
    /// `value` with exactly `digits` decimals (no trimming), locale-independent: `0.9471` → `0.947`.
    static func fixed(_ value: Double, digits: Int) -> String {
        let text = format(value, maxFractionDigits: digits)
        guard digits > 0, value.isFinite else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: digits - fraction.count)
    }
}
