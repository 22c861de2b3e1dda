/// Renders a `JSONValue` as text, compact or pretty-printed with two-space indentation.
///
/// Strings are escaped per RFC 8259: `"` and `\` are backslash-escaped, control characters use
/// the short forms (`\n`, `\t`, ...) or `\u00XX`; everything else (including non-ASCII) is written
/// as UTF-8. `/` is not escaped.
struct JSONWriter: Sendable {
    /// Two-space indentation and one member or element per line when `true`.
    var pretty: Bool
    /// Digits after the decimal point before trimming (default 6).
    var maxFractionDigits: Int

    init(pretty: Bool = true, maxFractionDigits: Int = 6) {
        self.pretty = pretty
        self.maxFractionDigits = maxFractionDigits
    }

    /// The text of `value`, without a trailing newline.
    func write(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    private func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += JSONWriter.number(number, maxFractionDigits: maxFractionDigits)
        case .string(let text): JSONWriter.appendQuoted(text, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { out += "[]"; return }
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                newline(indent + 1, &out)
                write(element, indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                newline(indent + 1, &out)
                JSONWriter.appendQuoted(member.key, to: &out)
                out += pretty ? ": " : ":"
                write(member.value, indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out += "}"
        }
    }

    private func newline(_ level: Int, _ out: inout String) {
        guard pretty else { return }
        out += "\n"
        out += String(repeating: "  ", count: level)
    }

    /// A JSON number: fixed-point with at most `maxFractionDigits` decimals, trailing zeros and a
    /// trailing point trimmed, no locale; `null` when not finite.
    static func number(_ value: Double, maxFractionDigits: Int = 6) -> String {
        guard value.isFinite else { return "null" }
        return DecimalText.format(value, maxFractionDigits: maxFractionDigits)
    }

    /// Appends `text` as a quoted, escaped JSON string.
    static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case "\u{2028}": out += "\\u2028"  // valid JSON, but breaks JavaScript embedding
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// The value as JSON text (pretty by default), without a trailing newline.
    func rendered(pretty: Bool = true) -> String {
        JSONWriter(pretty: pretty).write(self)
    }
}
