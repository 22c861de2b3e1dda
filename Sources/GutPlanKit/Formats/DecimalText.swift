/// Locale-independent fixed-point number text shared by all exports.
enum DecimalText {
    /// `value` rounded half away from zero to `maxFractionDigits` decimals, trailing zeros and
    /// a trailing point trimmed, `-0` written as `0`: `2010.0` → `2010`, `0.9471234` → `0.947123`.
    /// Non-finite values give `nan`/`inf`/`-inf`; callers map them (JSON writes `null`).
    static func format(_ value: Double, maxFractionDigits: Int) -> String {
        var bytes: [UInt8] = []
        append(value, maxFractionDigits: maxFractionDigits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `format(value, maxFractionDigits:)` as ASCII bytes (the JSON writer's numbers,
    /// without a string per number).
    static func append(_ value: Double, maxFractionDigits: Int, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: (value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")).utf8)
            return
        }
        var digits = max(0, min(maxFractionDigits, 15))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 the scaled value no longer holds exact integers; Swift's shortest
        // round-trip description is exact and locale-free there.
        guard scaled < 9_007_199_254_740_992 else {
            let text = "\(value)"
            out.append(contentsOf: (text.hasSuffix(".0") ? String(text.dropLast(2)) : text).utf8)
            return
        }
        let whole = UInt64(scaled)
        let unit = UInt64(scale)
        if value < 0 && whole != 0 { out.append(0x2D) }  // "-"
        appendDigits(whole / unit, width: 1, to: &out)
        // The fraction's digits without trailing zeros, zero-padded on the left.
        var fraction = digits > 0 ? whole % unit : 0
        guard fraction != 0 else { return }
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        out.append(0x2E)  // "."
        appendDigits(fraction, width: digits, to: &out)
    }

    /// The decimal digits of `number`, zero-padded on the left to at least `width`.
    /// The digits are made last first in a buffer on the stack, then appended at once.
    private static func appendDigits(_ number: UInt64, width: Int, to out: inout [UInt8]) {
        let capacity = 20  // UInt64.max has 20 digits
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { digits in
            var rest = number, count = 0
            repeat {
                digits[capacity - 1 - count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for _ in count..<max(width, count) { out.append(0x30) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(capacity - count)...]))
        }
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
