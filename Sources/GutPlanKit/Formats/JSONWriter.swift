/// Writes JSON text, compact or pretty-printed with two-space indentation: a whole `JSONValue`
/// (`write(_:)`), or a document member by member (`beginObject()`, `key(_:)`, `string(_:)`, ...,
/// `endObject()`), which an export uses to write its data without first building a tree of
/// values. Both give the same bytes for the same document.
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
    /// The text written so far, as UTF-8.
    private(set) var bytes: [UInt8] = []
    /// The arrays and objects open, innermost last.
    private var open: [Level] = []

    /// An open array or object, and how many elements or members it has so far.
    private struct Level: Sendable {
        var isArray: Bool
        var count = 0
    }

    init(pretty: Bool = true, maxFractionDigits: Int = 6) {
        self.pretty = pretty
        self.maxFractionDigits = maxFractionDigits
    }

    /// The text of `value`, without a trailing newline.
    func write(_ value: JSONValue) -> String {
        var writer = JSONWriter(pretty: pretty, maxFractionDigits: maxFractionDigits)
        writer.value(value)
        return writer.text
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends a raw byte (a trailing newline, say) after the document.
    mutating func appendRaw(_ byte: UInt8) { bytes.append(byte) }

    /// Room for `count` bytes of text, for a document of about that size.
    mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

    // MARK: Values

    /// Writes a whole value (an element of the open array, or the value of the last key).
    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(member.key)
                self.value(member.value)
            }
            endObject()
        }
    }

    mutating func null() {
        startValue()
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func bool(_ flag: Bool) {
        startValue()
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    /// A number with at most `maxFractionDigits` decimals; `null` when not finite.
    mutating func number(_ number: Double) {
        startValue()
        if number.isFinite {
            DecimalText.append(number, maxFractionDigits: maxFractionDigits, to: &bytes)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    /// A number, or `null` for `nil`.
    mutating func number(_ number: Double?) {
        if let number { self.number(number) } else { null() }
    }

    mutating func string(_ text: String) {
        startValue()
        JSONWriter.appendQuoted(text, to: &bytes)
    }

    /// A string, or `null` for `nil`.
    mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    // MARK: Arrays and objects

    mutating func beginArray() {
        startValue()
        bytes.append(0x5B)  // [
        open.append(Level(isArray: true))
    }

    mutating func endArray() { close(0x5D) }  // ]

    mutating func beginObject() {
        startValue()
        bytes.append(0x7B)  // {
        open.append(Level(isArray: false))
    }

    mutating func endObject() { close(0x7D) }  // }

    // MARK: Members: a key and its value in one call

    mutating func member(_ key: String, _ text: String) { self.key(key); string(text) }
    mutating func member(_ key: String, _ text: String?) { self.key(key); string(text) }
    mutating func member(_ key: String, _ number: Double) { self.key(key); self.number(number) }
    mutating func member(_ key: String, _ number: Double?) { self.key(key); self.number(number) }
    mutating func member(_ key: String, _ flag: Bool) { self.key(key); bool(flag) }
    mutating func member(_ key: String, _ texts: [String]) { self.key(key); strings(texts) }
    mutating func member(_ key: String, _ values: [Double]) { self.key(key); numbers(values) }

    /// Starts a member of the open object: its key, then the value comes next.
    mutating func key(_ key: String) {
        guard let last = open.indices.last else { return }
        if open[last].count > 0 { bytes.append(0x2C) }  // ,
        open[last].count += 1
        newline(open.count)
        JSONWriter.appendQuoted(key, to: &bytes)
        bytes.append(0x3A)  // :
        if pretty { bytes.append(0x20) }
    }

    /// An array of strings.
    mutating func strings(_ texts: [String]) {
        beginArray()
        for text in texts { string(text) }
        endArray()
    }

    /// An array of numbers.
    mutating func numbers(_ values: [Double]) {
        beginArray()
        for value in values { number(value) }
        endArray()
    }

    /// An object of numbers sorted by key (`JSONValue.keyOrder`, as `JSONValue.object(sorting:)`).
    mutating func numbers(sorting dictionary: [String: Double]) {
        beginObject()
        for (name, value) in dictionary.sorted(by: { JSONValue.keyOrder($0.key, $1.key) }) {
            key(name)
            number(value)
        }
        endObject()
    }

    /// Before a value: in an array, the separator and the element's line.
    private mutating func startValue() {
        guard let last = open.indices.last, open[last].isArray else { return }
        if open[last].count > 0 { bytes.append(0x2C) }  // ,
        open[last].count += 1
        newline(open.count)
    }

    private mutating func close(_ bracket: UInt8) {
        guard let level = open.popLast() else { return }
        if level.count > 0 { newline(open.count) }
        bytes.append(bracket)
    }

    /// A line break and the spaces of the deepest indentation a document usually reaches, so
    /// that a new line is one append of a slice.
    private static let lineStart: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 32)

    private mutating func newline(_ level: Int) {
        guard pretty else { return }
        let line = Self.lineStart
        var count = 1 + 2 * level
        var from = 0
        while count > 0 {
            let run = min(count, line.count - from)
            bytes.append(contentsOf: line[from..<(from + run)])
            count -= run
            from = 1
        }
    }

    // MARK: Text

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

    /// The bytes that may begin an escape: control characters, `"`, `\`, DEL, and 0xE2 (the lead
    /// byte of U+2028 and U+2029).
    private static let mayEscape: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2
    }

    /// Appends UTF-8 text with JSON escapes. Bytes that need no escape are copied in runs; every
    /// escaped character is a single scalar (ASCII, or U+2028/U+2029), so looking at bytes
    /// finds exactly the scalars to escape.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = bytes.count
        var run = 0
        var index = 0
        mayEscape.withUnsafeBufferPointer { mayEscape in
            while index < n {
                let byte = bytes[index]
                guard mayEscape[Int(byte)] else {
                    index += 1
                    continue
                }
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
