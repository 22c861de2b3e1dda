/// Renders a `JSONValue` as text, compact or pretty-printed with two-space indentation.
///
/// Strings are escaped per RFC 8259: `"` and `\` are backslash-escaped, control characters use
/// the short forms (`\n`, `\t`, ...) or `\u00XX`; everything else (including non-ASCII) is written
/// as UTF-8. `/` is not escaped.
///
/// The text is built as UTF-8 bytes and made a `String` once at the end: a week's plan is about
/// 100 KB of short pieces, and appending each to a `String` cost more than making them.
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
        var out: [UInt8] = []
        write(value, indent: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            if number.isFinite {
                DecimalText.append(number, maxFractionDigits: maxFractionDigits, to: &out)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        case .string(let text): JSONWriter.appendQuoted(text, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(0x5B)  // [
            for index in elements.indices {
                if index > 0 { out.append(0x2C) }  // ,
                newline(indent + 1, &out)
                write(elements[index], indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out.append(0x5D)  // ]
        case .object(let members):
            guard !members.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(0x7B)  // {
            for index in members.indices {
                if index > 0 { out.append(0x2C) }
                newline(indent + 1, &out)
                JSONWriter.appendQuoted(members[index].key, to: &out)
                out.append(0x3A)  // :
                if pretty { out.append(0x20) }
                write(members[index].value, indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out.append(0x7D)  // }
        }
    }

    private func newline(_ level: Int, _ out: inout [UInt8]) {
        guard pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    /// A JSON number: fixed-point with at most `maxFractionDigits` decimals, trailing zeros and a
    /// trailing point trimmed, no locale; `null` when not finite.
    static func number(_ value: Double, maxFractionDigits: Int = 6) -> String {
        guard value.isFinite else { return "null" }
        return DecimalText.format(value, maxFractionDigits: maxFractionDigits)
    }

    /// Appends `text` as a quoted, escaped JSON string.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        text.withUTF8Bytes { appendEscaped($0, to: &out) }
        out.append(0x22)
    }

    /// Appends UTF-8 text with JSON escapes. Bytes that need no escape are copied in runs; every
    /// escaped character is a single scalar (ASCII, or U+2028/U+2029), so looking at bytes
    /// finds exactly the scalars to escape.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = bytes.count
        var run = 0
        var index = 0
        while index < n {
            let byte = bytes[index]
            var escape: String?
            var length = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x00..<0x20, 0x7F:
                let hex = String(byte, radix: 16, uppercase: false)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case 0xE2 where index + 2 < n && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                // U+2028 and U+2029: valid JSON, but they break JavaScript embedding
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                break
            }
            guard let escape else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            out.append(contentsOf: escape.utf8)
            index += length
            run = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<n]))
    }
}

extension JSONValue {
    /// The value as JSON text (pretty by default), without a trailing newline.
    func rendered(pretty: Bool = true) -> String {
        JSONWriter(pretty: pretty).write(self)
    }
}
