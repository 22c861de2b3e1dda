/// A small XML 1.0 well-formedness checker for tests, building a tree to query.
///
/// Checked: one root element; start and end tags nest and match; attribute names unique, values
/// quoted, with no `<` and only valid references; text with no bare `<` or `&`; references only
/// the five predefined entities or numeric ones naming XML characters; comments without `--`;
/// an optional `<!DOCTYPE name>` before the root; only white space after it; no character XML
/// forbids (C0 controls but tab, CR, LF; U+FFFE, U+FFFF).
struct XMLChecker {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        /// Unescaped text directly inside, with the text of children spliced in at its place.
        var text = ""
        weak var parent: Element?

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// Every element below this one, depth first, in document order.
        var descendants: [Element] { children.flatMap { [$0] + $0.descendants } }
        func all(_ name: String) -> [Element] { descendants.filter { $0.name == name } }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    static func parse(_ text: String) throws -> Element {
        var checker = XMLChecker(text)
        return try checker.document()
    }

    private func fail(_ message: String) -> Failure {
        let line = scalars[..<min(index, scalars.count)].filter { $0 == "\n" }.count + 1
        return Failure(description: "line \(line): \(message)")
    }

    private func peek(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        return index + wanted.count <= scalars.count && Array(scalars[index..<index + wanted.count]) == wanted
    }

    private mutating func skipSpace() {
        while index < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[index]) { index += 1 }
    }

    private static func isNameStart(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" || s == ":" || s.value >= 0xC0
    }

    private static func isName(_ s: Unicode.Scalar) -> Bool {
        isNameStart(s) || (s >= "0" && s <= "9") || s == "-" || s == "."
    }

    private mutating func name() throws -> String {
        guard index < scalars.count, Self.isNameStart(scalars[index]) else { throw fail("expected a name") }
        let begin = index
        while index < scalars.count, Self.isName(scalars[index]) { index += 1 }
        return String(String.UnicodeScalarView(scalars[begin..<index]))
    }

    private mutating func reference() throws -> String {
        index += 1  // &
        let begin = index
        while index < scalars.count, scalars[index] != ";" {
            guard index - begin < 12 else { throw fail("unterminated reference") }
            index += 1
        }
        guard index < scalars.count else { throw fail("unterminated reference") }
        let body = String(String.UnicodeScalarView(scalars[begin..<index]))
        index += 1
        switch body {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            var value: UInt32?
            if body.hasPrefix("#x") { value = UInt32(body.dropFirst(2), radix: 16) } else if body.hasPrefix("#") { value = UInt32(body.dropFirst(), radix: 10) }
            guard let value, let scalar = Unicode.Scalar(value), Self.isXMLChar(scalar) else { throw fail("bad reference &\(body);") }
            return String(scalar)
        }
    }

    private static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        s == "\t" || s == "\n" || s == "\r" || (s.value >= 0x20 && s.value != 0xFFFE && s.value != 0xFFFF)
    }

    private mutating func comment() throws {
        index += 4
        while index < scalars.count, !peek("--") { index += 1 }
        guard peek("-->") else { throw fail("'--' inside a comment or unterminated comment") }
        index += 3
    }

    private mutating func document() throws -> Element {
        guard scalars.allSatisfy(Self.isXMLChar) else { throw Failure(description: "a character XML forbids") }
        skipSpace()
        while peek("<!--") { try comment(); skipSpace() }
        if peek("<!DOCTYPE") {
            index += 9
            skipSpace()
            _ = try name()
            skipSpace()
            guard peek(">") else { throw fail("unexpected content in DOCTYPE") }
            index += 1
        }
        skipSpace()
        while peek("<!--") { try comment(); skipSpace() }
        guard peek("<") else { throw fail("no root element") }
        let root = try element(parent: nil)
        skipSpace()
        while peek("<!--") { try comment(); skipSpace() }
        guard index == scalars.count else { throw fail("content after the root element") }
        return root
    }

    private mutating func element(parent: Element?) throws -> Element {
        index += 1  // <
        let tag = try name()
        var attributes: [String: String] = [:]
        while true {
            let hadSpace = index < scalars.count && [" ", "\n", "\r", "\t"].contains(scalars[index])
            skipSpace()
            guard index < scalars.count else { throw fail("unterminated tag <\(tag)") }
            if peek("/>") || peek(">") { break }
            guard hadSpace else { throw fail("attributes must be separated by white space in <\(tag)") }
            let attribute = try name()
            skipSpace()
            guard peek("=") else { throw fail("attribute \(attribute) without a value") }
            index += 1
            skipSpace()
            guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else { throw fail("unquoted attribute \(attribute)") }
            let quote = scalars[index]
            index += 1
            var value = ""
            while index < scalars.count, scalars[index] != quote {
                if scalars[index] == "<" { throw fail("'<' in attribute \(attribute)") }
                if scalars[index] == "&" { value += try reference() } else { value.unicodeScalars.append(scalars[index]); index += 1 }
            }
            guard index < scalars.count else { throw fail("unterminated attribute \(attribute)") }
            index += 1
            guard attributes[attribute] == nil else { throw fail("duplicate attribute \(attribute) on <\(tag)>") }
            attributes[attribute] = value
        }
        let node = Element(name: tag, attributes: attributes)
        node.parent = parent
        if peek("/>") {
            index += 2
            return node
        }
        index += 1  // >
        while true {
            guard index < scalars.count else { throw fail("<\(tag)> is never closed") }
            if peek("</") {
                index += 2
                let closing = try name()
                guard closing == tag else { throw fail("</\(closing)> closes <\(tag)>") }
                skipSpace()
                guard peek(">") else { throw fail("bad end tag </\(closing)") }
                index += 1
                return node
            } else if peek("<!--") {
                try comment()
            } else if peek("<![CDATA[") || peek("<?") || peek("<!") {
                throw fail("unexpected markup declaration")
            } else if peek("<") {
                let child = try element(parent: node)
                node.children.append(child)
                node.text += child.text
            } else if scalars[index] == "&" {
                node.text += try reference()
            } else {
                node.text.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
    }
}
