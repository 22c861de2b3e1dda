/// Builds HTML that is also well-formed XML (XHTML-compatible): every element closed, empty
/// elements written `<br/>`, attribute values double-quoted, and all text escaped, so the same
/// bytes parse in a browser and in an XML parser.
struct HTMLWriter: Sendable {
    private(set) var text = ""

    /// `<tag a="b">` and a line break.
    mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        text += "<\(tag)\(HTMLWriter.attributes(attributes))>\n"
    }

    /// `</tag>` and a line break.
    mutating func close(_ tag: String) {
        text += "</\(tag)>\n"
    }

    /// `<tag>escaped text</tag>` and a line break.
    mutating func element(_ tag: String, _ content: String) {
        element(tag, [], content)
    }

    /// `<tag a="b">escaped text</tag>` and a line break.
    mutating func element(_ tag: String, _ attributes: [(String, String)], _ content: String) {
        text += HTMLWriter.inline(tag, attributes, content) + "\n"
    }

    /// `<tag a="b">markup</tag>` with `markup` already built by this writer's helpers.
    mutating func element(_ tag: String, _ attributes: [(String, String)] = [], markup: String) {
        text += "<\(tag)\(HTMLWriter.attributes(attributes))>\(markup)</\(tag)>\n"
    }

    /// `<tag a="b"/>`: an empty element.
    mutating func empty(_ tag: String, _ attributes: [(String, String)] = []) {
        text += "<\(tag)\(HTMLWriter.attributes(attributes))/>\n"
    }

    /// Markup built elsewhere by these helpers (never raw text from a file).
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// `<tag>escaped text</tag>` as a string, for nesting.
    static func inline(_ tag: String, _ content: String) -> String {
        inline(tag, [], content)
    }

    /// `<tag a="b">escaped text</tag>` as a string, for nesting.
    static func inline(_ tag: String, _ attributes: [(String, String)], _ content: String) -> String {
        "<\(tag)\(HTMLWriter.attributes(attributes))>\(escape(content))</\(tag)>"
    }

    /// ` a="b" c="d"`, values escaped.
    static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Text safe in element content and in a double- or single-quoted attribute value:
    /// `&` `<` `>` `"` `'` become references, and text from files is made printable: control
    /// characters (C0 but tab and line breaks, DEL, C1), the noncharacters U+FFFE and U+FFFF
    /// (not allowed in XML) and bidirectional overrides and isolates (which could reorder what
    /// a reader sees) become U+FFFD; a tab or line break becomes a space. Web addresses lose
    /// their `http://` or `https://` (`ods.od.nih.gov/...` still cites the page), so nothing in
    /// a report reads as a link to fetch.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in withoutURLSchemes(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            case "\u{FFFE}", "\u{FFFF}", "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}": out += "\u{FFFD}"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `text` with every `http://` and `https://` (any case) removed.
    static func withoutURLSchemes(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: ":")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let colon = rest.range(of: "://") {
            let before = rest[..<colon.lowerBound]
            let scheme = before.suffix(5).lowercased()
            if scheme.hasSuffix("https") {
                out += before.dropLast(5)
            } else if scheme.hasSuffix("http") {
                out += before.dropLast(4)
            } else {
                out += before + "://"
            }
            rest = rest[colon.upperBound...]
        }
        return out + rest
    }
}
