/// Splits a rule file into tokens, one at a time, on demand of the parser.
///
/// The lexer never fails: text that is not a token becomes an `.invalid` token carrying its
/// `RuleSyntaxError`, and the parser decides when to report it. A run of bad characters gives one
/// token, not one per character. White space is ASCII space, tab, line breaks and non-ASCII
/// Unicode white space (e.g. no-break space); `#` starts a comment that runs to the end of the line.
///
/// Units (`ug/L`, `µg/L`) do not fit the ordinary token rules, so the parser asks for one with
/// `next(unitExpected: true)` right after a lab value.
struct RuleLexer {
    private(set) var cursor: Cursor

    init(_ text: String, path: String) {
        cursor = Cursor(text, path: path)
    }

    /// Reserved words are never read as a unit, so `lab x < 3 then` reports a missing unit
    /// rather than a unit called `then` (`Keyword.isReservedWord`).

    mutating func next(unitExpected: Bool = false) -> Token {
        if let error = skipTrivia() { return error }
        let location = cursor.location
        guard let scalar = cursor.peek() else { return Token(kind: .end, location: location) }

        if unitExpected, RuleLexer.isUnitScalar(scalar) {
            let start = cursor.offset
            cursor.advance(while: RuleLexer.isUnitScalar)
            let text = cursor.text(from: start)
            let kind: Token.Kind = Keyword.isReservedWord(text) ? .word(text) : .unit(text)
            return Token(kind: kind, location: location)
        }

        switch scalar {
        case "\"":
            return lexString()
        case ",":
            cursor.advance()
            return Token(kind: .comma, location: location)
        case "(":
            cursor.advance()
            return Token(kind: .leftParen, location: location)
        case ")":
            cursor.advance()
            return Token(kind: .rightParen, location: location)
        case "<", ">", "=", "!":
            return lexComparison()
        default:
            break
        }
        if RuleLexer.isDigit(scalar) || ((scalar == "-" || scalar == ".") && cursor.peek(1).map(RuleLexer.isDigit) == true) {
            return lexNumberOrWord()
        }
        if RuleLexer.isNameStart(scalar) {
            let start = cursor.offset
            cursor.advanceASCII(while: RuleLexer.isNameByte)  // names are ASCII
            return Token(kind: .word(cursor.text(from: start)), location: location)
        }
        // Not a token: swallow the run of such characters and report its first one.
        cursor.advance()
        if RuleLexer.isForbidden(scalar) {
            cursor.advance(while: RuleLexer.isForbidden)
        } else {
            cursor.advance(while: { !RuleLexer.isWhitespace($0) && !RuleLexer.canStartToken($0) })
        }
        return Token(kind: .invalid(.invalidCharacter(scalar, at: location)), location: location)
    }

    // MARK: - Pieces

    /// Skips white space and comments. Returns an `.invalid` token if a comment holds a control
    /// character (the rest of that comment is still skipped).
    private mutating func skipTrivia() -> Token? {
        while let scalar = cursor.peek() {
            if RuleLexer.isWhitespace(scalar) {
                cursor.advance()
                cursor.advanceASCII { $0 == 0x20 }  // indentation
            } else if scalar == "#" {
                var bad: (Unicode.Scalar, SourceLocation)?
                while true {
                    cursor.advanceASCII(while: RuleLexer.isPlainByte)  // never forbidden, never a line break
                    guard let inner = cursor.peek(), inner != "\n", inner != "\r" else { break }
                    if bad == nil, RuleLexer.isForbidden(inner) { bad = (inner, cursor.location) }
                    cursor.advance()
                }
                if let (badScalar, location) = bad {
                    return Token(kind: .invalid(.invalidCharacter(badScalar, at: location)), location: location)
                }
            } else {
                return nil
            }
        }
        return nil
    }

    /// string = '"' { any character but '"', '\' or a line break | '\"' | '\\' } '"' ;
    private mutating func lexString() -> Token {
        let location = cursor.location
        cursor.advance()  // opening quote
        var value: [UInt8] = []  // UTF-8 of the string's scalars, escapes resolved
        var run = cursor.offset  // where the text not yet in `value` starts
        var firstError: RuleSyntaxError?
        while true {
            // Plain ASCII text needs no check; it is copied in runs.
            cursor.advanceASCII { RuleLexer.isPlainByte($0) && $0 != 0x22 && $0 != 0x5C }
            guard let scalar = cursor.peek(), scalar != "\n", scalar != "\r" else {
                // Ends at the line break (left for the next token), so the next line lexes normally.
                return Token(kind: .invalid(.unterminatedString(at: location)), location: location)
            }
            if scalar == "\"" {
                cursor.appendText(from: run, to: &value)
                cursor.advance()
                break
            }
            if scalar == "\\" {
                cursor.appendText(from: run, to: &value)
                let escapeLocation = cursor.location
                cursor.advance()
                if let escaped = cursor.peek(), escaped == "\"" || escaped == "\\" {
                    cursor.advance(appendingTo: &value)
                } else {
                    var shown = "\\"
                    if let escaped = cursor.peek(), escaped != "\n", escaped != "\r" {
                        shown.unicodeScalars.append(escaped)
                        cursor.advance()
                    }
                    if firstError == nil { firstError = .invalidEscape(shown, at: escapeLocation) }
                }
                run = cursor.offset
                continue
            }
            if scalar != "\t", RuleLexer.isForbidden(scalar), firstError == nil {
                firstError = .invalidCharacter(scalar, at: cursor.location)
            }
            cursor.advance()
        }
        if let firstError { return Token(kind: .invalid(firstError), location: location) }
        return Token(kind: .string(String(decoding: value, as: UTF8.self)), location: location)
    }

    /// comparison = "<" | "<=" | ">" | ">=" | "=" | "!=" ;  (a longer run of these is an error)
    private mutating func lexComparison() -> Token {
        let location = cursor.location
        let start = cursor.offset
        cursor.advance(while: { $0 == "<" || $0 == ">" || $0 == "=" || $0 == "!" })
        let text = cursor.text(from: start)
        if let comparison = Comparison(rawValue: text) {
            return Token(kind: .comparison(comparison), location: location)
        }
        return Token(kind: .invalid(.unknownComparison(text, at: location)), location: location)
    }

    /// number = [ "-" ] digit { digit } [ "." digit { digit } ] ;
    ///
    /// Reads the whole run of letters, digits, `.`, `+`, `-` and `_`, so `1e999`, `2.5mg` and
    /// `1.2.3` come out whole. A run shaped like a name (`7up`, `1e999`) is a word: the parser
    /// reports a word where a number belongs as an invalid number.
    private mutating func lexNumberOrWord() -> Token {
        let location = cursor.location
        let start = cursor.offset
        cursor.advance(while: { RuleLexer.isNameScalar($0) || $0 == "." || $0 == "+" })
        let text = cursor.text(from: start)
        if RuleLexer.isNumberText(text) { return Token(kind: .number(text), location: location) }
        if let first = text.unicodeScalars.first, RuleLexer.isNameStart(first),
           text.unicodeScalars.allSatisfy(RuleLexer.isNameScalar) {
            return Token(kind: .word(text), location: location)
        }
        return Token(kind: .invalid(.invalidNumber(text, at: location)), location: location)
    }

    // MARK: - Character classes

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }

    static func isNameStart(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }

    static func isNameScalar(_ s: Unicode.Scalar) -> Bool { isNameStart(s) || s == "-" || s == "_" }

    /// `isNameScalar` for a byte (every name scalar is ASCII).
    static func isNameByte(_ b: UInt8) -> Bool { b < 0x80 && isNameScalar(Unicode.Scalar(b)) }

    /// An ASCII byte that is neither a control character nor DEL: never forbidden, never a line break.
    static func isPlainByte(_ b: UInt8) -> Bool { b >= 0x20 && b < 0x7F }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case " ", "\t", "\n", "\r": return true
        default: return s.value > 0x9F && s.properties.isWhitespace
        }
    }

    /// Control characters (other than tab and line breaks), DEL, C1 controls, bidi overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069: they make text read differently from how it
    /// parses) and U+FFFD, the replacement character a decoder leaves for bytes that were not
    /// UTF-8 (or lone surrogates).
    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFFFD: return true
        default: return false
        }
    }

    /// unit = a run of characters other than white space , ( ) # "
    static func isUnitScalar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ",", "(", ")", "#", "\"": return false
        default: return !isWhitespace(s) && !isForbidden(s)
        }
    }

    static func canStartToken(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", ",", "(", ")", "<", ">", "=", "!", "#": return true
        default: return isNameStart(s) || isForbidden(s)
        }
    }

    /// `-?digits(.digits)?`
    static func isNumberText(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let whole = scalars.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        scalars = scalars.dropFirst(whole.count)
        if scalars.isEmpty { return true }
        guard scalars.first == "." else { return false }
        scalars = scalars.dropFirst()
        return !scalars.isEmpty && scalars.allSatisfy(isDigit)
    }
}
