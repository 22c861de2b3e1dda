/// A forward-only reader over a rule file's Unicode scalars that knows its line and column.
///
/// - Lines are 1-based. `\n`, `\r\n` and a lone `\r` each end a line (so CRLF files report the
///   same positions as LF files).
/// - Columns are 1-based and count **Unicode scalars** from the start of the line: `µg/L` is four
///   columns wide, a tab is one column. `SourceText` splits lines by the same rules, so a
///   diagnostic's caret lands under the scalar the column names.
/// - A byte-order mark at the very start of the text is skipped and takes no column.
///
/// Reads the text's UTF-8 bytes (always well formed: they come from a `String`) and decodes one
/// scalar where asked, so the text of a token is a slice of bytes rather than scalars appended
/// one by one. Every operation is O(1), so lexing a file is linear in its length.
struct Cursor {
    private let bytes: [UInt8]
    let path: String
    /// Byte offset of the next scalar.
    private(set) var offset: Int
    private(set) var line = 1
    private(set) var column = 1

    init(_ text: String, path: String) {
        bytes = Array(text.utf8)
        self.path = path
        offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // U+FEFF
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The scalar starting at byte `index` and its length in bytes, `nil` at the end.
    private func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }  // cannot happen for a String's bytes
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar `ahead` places after the next one (`peek()` is the next scalar), or `nil` past the end.
    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        var index = offset
        for _ in 0..<ahead {
            guard let (_, length) = scalar(at: index) else { return nil }
            index += length
        }
        return scalar(at: index)?.scalar
    }

    /// Where the next scalar stands.
    var location: SourceLocation { SourceLocation(path: path, line: line, column: column) }

    /// Moves past the next scalar, keeping line and column up to date.
    mutating func advance() {
        guard let (scalar, length) = scalar(at: offset) else { return }
        offset += length
        if scalar == "\n" || (scalar == "\r" && !(offset < bytes.count && bytes[offset] == 0x0A)) {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    /// Moves past the next scalar and appends its bytes to `buffer`.
    mutating func advance(appendingTo buffer: inout [UInt8]) {
        let start = offset
        advance()
        appendText(from: start, to: &buffer)
    }

    /// Appends the bytes read since `start` (an earlier `offset`) to `buffer`.
    func appendText(from start: Int, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: bytes[start..<offset])
    }

    /// Moves past ASCII bytes other than line breaks while `predicate` holds: the fast
    /// `advance(while:)` for runs of names, indentation, comments and string text, where every
    /// byte is one scalar and one column.
    mutating func advanceASCII(while predicate: (UInt8) -> Bool) {
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            guard byte < 0x80, byte != 0x0A, byte != 0x0D, predicate(byte) else { break }
            index += 1
        }
        column += index - offset
        offset = index
    }

    /// Moves past scalars while `predicate` holds.
    mutating func advance(while predicate: (Unicode.Scalar) -> Bool) {
        while let scalar = peek(), predicate(scalar) { advance() }
    }

    /// The text read since `start` (an earlier `offset`).
    func text(from start: Int) -> String {
        String(decoding: bytes[start..<offset], as: UTF8.self)
    }
}
