/// Writes RFC 5545 (iCalendar) content lines: TEXT values escaped (§3.3.11), lines folded so no
/// line is longer than 75 octets without its CRLF, never inside a UTF-8 sequence (§3.1), and every
/// line ended by CRLF.
struct ICSWriter: Sendable {
    /// Unfolded content lines, in order.
    private(set) var lines: [String] = []

    /// Longest line in octets, not counting CRLF (RFC 5545 §3.1).
    static let maxOctets = 75

    /// A property whose value is already in its RFC form (dates, numbers, `PUBLISH`).
    mutating func add(_ name: String, _ value: String) {
        lines.append("\(name):\(value)")
    }

    /// A TEXT property: the value is escaped.
    mutating func addText(_ name: String, _ text: String) {
        add(name, ICSWriter.escapeText(text))
    }

    /// The calendar: every line folded, each ended by CRLF.
    var rendered: String {
        lines.map { ICSWriter.fold($0) + "\r\n" }.joined()
    }

    /// TEXT escaping: `\` → `\\`, `;` → `\;`, `,` → `\,`, a line break (LF, CR or CRLF) → `\n`.
    /// Control characters other than a tab, which TEXT may not hold, become spaces, and the
    /// noncharacters U+FFFE/U+FFFF become U+FFFD.
    static func escapeText(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `line` split into physical lines of at most 75 octets joined by CRLF + space (the space
    /// counts towards the next line's 75). Splits fall between Unicode scalars, so a multi-octet
    /// UTF-8 sequence is never cut.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > maxOctets else { return line }
        var out = ""
        var length = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if length + size > maxOctets {
                out += "\r\n "
                length = 1
            }
            out.unicodeScalars.append(scalar)
            length += size
        }
        return out
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits: a stable, platform-independent hash
    /// for identifiers (not for security).
    static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
