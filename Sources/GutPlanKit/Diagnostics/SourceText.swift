/// The lines of a source text, split exactly as `Cursor` counts them (`\n`, `\r\n` or a lone
/// `\r` end a line; a leading byte-order mark is dropped), so `line(n)` is the line a
/// `SourceLocation` with line `n` points into.
///
/// Keeps the UTF-8 bytes and where each line starts and ends (one byte scan), and makes the text
/// of a line only when asked: a rule file is split on every load, a line shown only with an error.
struct SourceText: Sendable {
    private let bytes: [UInt8]
    /// Byte range of each line, without its line break.
    private let ranges: [Range<Int>]

    init(_ text: String) {
        bytes = Array(text.utf8)
        let n = bytes.count
        var ranges: [Range<Int>] = []
        var i = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0  // U+FEFF
        var start = i
        while i < n {
            switch bytes[i] {
            case 0x0D:
                ranges.append(start..<i)
                i += i + 1 < n && bytes[i + 1] == 0x0A ? 2 : 1
                start = i
            case 0x0A:
                ranges.append(start..<i)
                i += 1
                start = i
            default:
                i += 1
            }
        }
        ranges.append(start..<n)
        self.ranges = ranges
    }

    /// Every line, in order.
    var lines: [String] { ranges.map { String(decoding: bytes[$0], as: UTF8.self) } }

    /// The text of 1-based line `number`, without its line break; `nil` when out of range.
    func line(_ number: Int) -> String? {
        guard number >= 1 && number <= ranges.count else { return nil }
        return String(decoding: bytes[ranges[number - 1]], as: UTF8.self)
    }
}
