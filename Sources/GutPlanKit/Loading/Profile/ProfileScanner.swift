import Foundation

/// Splits a profile file into `key: value` entries, checking what holds for any key: UTF-8 text,
/// no control characters, bounded lines, known keys, each key once unless it repeats, and
/// continuation lines only where a key takes them. What a value means is checked later
/// (`ProfileReader`).
///
/// Grammar (EBNF over the lines `SourceText` splits; `blank` is a space or a tab):
///
///     file         = { line } ;
///     line         = empty | comment | entry | continuation ;
///     empty        = { blank } ;
///     comment      = { blank } "#" { character } ;
///     entry        = key { blank } ":" { blank } value ;
///     key          = letter { letter | digit | "-" | "_" } ;   (compared in lowercase)
///     value        = { character } ;                          (trailing blanks dropped)
///     continuation = blank { blank } character { character } ; (after notes, labs or a list key)
///
/// A comment is a whole line: `#` inside a value is part of the value. Empty lines and
/// comments do not end a continuation; the next unindented line does.
///
/// Bounded work: at most `maximumBytes` are read, each line at most `maximumLineLength`
/// scalars is looked at, and after `maximumErrors` errors reading stops, so hostile input
/// (a 100 MB line, a million bad lines, NULs, invalid UTF-8) costs time linear in a capped size.
struct ProfileScanner {
    static let maximumBytes = 4 << 20
    static let maximumLineLength = 4096
    static let maximumErrors = 100

    let path: String
    private(set) var entries: [ProfileEntry] = []
    private(set) var errors: [ProfileError] = []
    /// The lines as read, for carets.
    private(set) var source = SourceText("")
    private var stopped = false

    init(path: String) { self.path = path }

    /// Scans `data`; the entries and errors are then in `entries` and `errors`.
    mutating func scan(_ data: Data) {
        guard data.count <= Self.maximumBytes else {
            report(.fileTooLarge(limit: Self.maximumBytes, at: SourceLocation(path: path, line: 1, column: 1)))
            return
        }
        var text: String
        let decoded = UTF8Check.decode(data)
        if let bad = decoded.invalid {
            // Read the whole lines before the bad byte, so their errors are reported too.
            let prefix = data.prefix(bad.offset)
            let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? prefix.startIndex
            text = String(decoding: prefix[prefix.startIndex..<lineStart], as: UTF8.self)
            scanLines(of: text)
            let byte = data[data.startIndex + bad.offset]
            report(.invalidUTF8(byte: byte, at: SourceLocation(path: path, line: bad.line, column: bad.column)))
            return
        }
        text = decoded.text ?? ""
        scanLines(of: text)
    }

    mutating func report(_ error: ProfileError) {
        guard !stopped else { return }
        if errors.count >= Self.maximumErrors {
            errors.append(.tooManyErrors(limit: Self.maximumErrors, at: error.location))
            stopped = true
        } else {
            errors.append(error)
        }
    }

    /// What the last entry line means for the indented lines after it.
    private enum Open {
        case none
        /// An entry that takes continuation lines, at this index of `entries`.
        case entry(Int)
        /// A line already reported (unknown or repeated key): its continuation is skipped.
        case ignored
    }

    private mutating func scanLines(of text: String) {
        source = SourceText(text)
        var open = Open.none
        var firstSeen: [ProfileKey: SourceLocation] = [:]
        for (index, line) in source.lines.enumerated() where !stopped {
            let number = index + 1
            func at(_ column: Int) -> SourceLocation { SourceLocation(path: path, line: number, column: column) }

            // line = empty | comment | entry | continuation
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(min(line.utf8.count, Self.maximumLineLength + 1))
            for scalar in line.unicodeScalars {
                if scalars.count == Self.maximumLineLength { break }
                scalars.append(scalar)
            }
            if scalars.count == Self.maximumLineLength, line.unicodeScalars.count > Self.maximumLineLength {
                report(.lineTooLong(limit: Self.maximumLineLength, at: at(1)))
                continue
            }
            if let bad = scalars.firstIndex(where: Self.isForbidden) {
                report(.controlCharacter(scalars[bad], at: at(bad + 1)))
                continue
            }
            guard let first = scalars.firstIndex(where: { !Self.isBlank($0) }) else { continue }  // empty
            if scalars[first] == "#" { continue }  // comment
            if first > 0 {
                // continuation
                let text = Self.trimmed(scalars[first...])
                switch open {
                case .entry(let entry): entries[entry].continuation.append(.init(text: text, location: at(first + 1)))
                case .ignored: break
                case .none: report(.misplacedContinuation(at: at(first + 1)))
                }
                continue
            }
            open = .ignored
            // entry = key { blank } ":" { blank } value
            var i = 0
            while i < scalars.count, Self.isKeyScalar(scalars[i]) { i += 1 }
            let key = String(String.UnicodeScalarView(scalars[0..<i]))
            var colon = i
            while colon < scalars.count, Self.isBlank(scalars[colon]) { colon += 1 }
            guard colon < scalars.count, scalars[colon] == ":", i > 0, let firstScalar = scalars.first,
                  firstScalar.properties.isAlphabetic else {
                let found = i > 0 ? key : Self.trimmed(scalars[0..<min(scalars.count, 40)])
                report(.missingColon(found: found, at: at(i > 0 ? colon + 1 : 1)))
                continue
            }
            let name = key.lowercased().replacingOccurrences(of: "_", with: "-")
            guard let profileKey = ProfileKey(rawValue: name) else {
                report(.unknownKey(key, suggestion: Suggestion.closest(to: name, among: ProfileKey.allCases.map(\.rawValue)),
                                   at: at(1)))
                continue
            }
            if !profileKey.isRepeatable {
                if let previous = firstSeen[profileKey] {
                    report(.duplicateKey(profileKey.rawValue, first: previous, at: at(1)))
                    continue
                }
                firstSeen[profileKey] = at(1)
            }
            var start = colon + 1
            while start < scalars.count, Self.isBlank(scalars[start]) { start += 1 }
            entries.append(ProfileEntry(key: profileKey, keyLocation: at(1),
                                        value: .init(text: Self.trimmed(scalars[start...]), location: at(start + 1))))
            open = profileKey.takesContinuation ? .entry(entries.count - 1) : .none
        }
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
    }

    /// C0 controls but tab, DEL, C1 controls, bidirectional embeddings, overrides and isolates,
    /// and U+FEFF inside the text: characters that can hide or reorder what a terminal shows.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// The scalars as a string without trailing blanks.
    static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var end = scalars.endIndex
        while end > scalars.startIndex, isBlank(scalars[end - 1]) { end -= 1 }
        return String(String.UnicodeScalarView(scalars[scalars.startIndex..<end]))
    }
}
