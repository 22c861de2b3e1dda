extension Unicode.Scalar {
    /// Whether this scalar could act on a terminal or hide or reorder text instead of showing
    /// as itself: C0 controls (tab and line breaks included), DEL, C1 controls, and format
    /// characters (general category Cf: the bidi overrides U+202A–U+202E and isolates
    /// U+2066–U+2069, marks such as U+200E, zero-width characters, U+FEFF), and the line and
    /// paragraph separators U+2028 and U+2029.
    var needsEscaping: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return properties.generalCategory == .format
        }
    }

    /// How the scalar is shown when it needs escaping: `\e` for ESC, `\t`, `\n`, `\r`, and
    /// `U+XXXX` (at least four hex digits) for the others.
    var escapedForDisplay: String {
        switch value {
        case 0x1B: return "\\e"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        default:
            let hex = String(value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }
}

extension StringProtocol {
    /// The text safe to print on a terminal or in a text file: every scalar that
    /// `needsEscaping` is written out visibly (`\u{1B}]0;x\u{07}` reads `\e]0;xU+0007`), the
    /// rest is unchanged. Every string that came from a file or an argument passes through
    /// this before it is shown: messages, echoed source lines, names, notes, file names.
    public var printable: String { printable(keepingLineBreaks: false) }

    /// Like `printable`; with `keepingLineBreaks`, CR and LF stay as they are (for formats that
    /// quote them, such as CSV).
    func printable(keepingLineBreaks: Bool) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            scalar.needsEscaping && !(keepingLineBreaks && (scalar == "\n" || scalar == "\r"))
        }
        guard unicodeScalars.contains(where: escapes) else { return String(self) }
        var view = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if escapes(scalar) {
                view.append(contentsOf: scalar.escapedForDisplay.unicodeScalars)
            } else {
                view.append(scalar)
            }
        }
        return String(view)
    }
}
