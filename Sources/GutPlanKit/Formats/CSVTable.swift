import Foundation

/// A strict RFC 4180 CSV table read from UTF-8 bytes: a header row, then records whose fields
/// each carry their `SourceLocation`. One reader serves every data file of a rule directory and
/// the lab reports people hand in.
///
/// Accepted: quoted fields with doubled quotes, embedded commas and line breaks; CRLF or LF line
/// ends; a missing final line end; a leading UTF-8 byte-order mark. Rejected with a located
/// `Diagnostic`: invalid UTF-8, an unterminated quote, a quote inside an unquoted field, text
/// after a closing quote, control characters (C0 other than tab, DEL, C1), bidi overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069), blank lines, records whose field
/// count differs from the header's, an empty file, and missing, unknown or duplicate columns.
///
/// One pass over the bytes, no backtracking: time and memory grow linearly with the input.
/// Columns count Unicode scalars from 1. A line break inside a quoted field is stored as `\n`.
struct CSVTable: Sendable {
    /// One cell: its text and where its first character (or opening quote) stands, both made
    /// from the table's `CSVCells` when asked.
    struct Field: Sendable, Equatable {
        fileprivate let cells: CSVCells
        fileprivate let index: Int

        var text: String { cells.text(index) }
        var location: SourceLocation { cells.location(index) }
        /// Whether the text is all ASCII (then each byte is one character).
        var isASCII: Bool { cells.cells[index].isASCII }

        /// `body` over the UTF-8 bytes of the text.
        func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { cells.withBytes(index, body) }

        static func == (a: Field, b: Field) -> Bool { a.text == b.text && a.location == b.location }
    }

    /// One record (a data row after the header).
    struct Row: Sendable, Equatable {
        fileprivate let cells: CSVCells
        /// The record's cells in `cells`.
        fileprivate let range: Range<Int>

        var fields: [Field] { range.map { Field(cells: cells, index: $0) } }
        /// Where the record starts (its first field).
        var location: SourceLocation {
            range.isEmpty ? SourceLocation(path: "", line: 0, column: 0) : cells.location(range.lowerBound)
        }

        static func == (a: Row, b: Row) -> Bool { a.fields == b.fields }
    }

    /// What the header row must hold.
    enum Columns: Sendable, Equatable {
        /// These names, in this order, nothing else (compared exactly).
        case exactly([String])
        /// Every `required` name present once; `optional` names may be present; with
        /// `allowingOthers` other columns are ignored, else they are errors.
        case named(required: [String], optional: [String], ignoringCase: Bool, allowingOthers: Bool)
    }

    /// A column of a table: its name (for messages) and, once looked up with `column(_:)`, its
    /// field index, so reading a cell of each row is an array index rather than a lookup by
    /// name. A string literal makes a column looked up by name at each use (small tables).
    /// A looked-up column belongs to the table it was looked up in.
    struct Column: Sendable, ExpressibleByStringLiteral {
        let name: String
        /// `nil`: not looked up; `.some(nil)`: the table has no such column.
        fileprivate let resolved: Int??

        init(stringLiteral name: String) {
            self.name = name
            resolved = nil
        }

        fileprivate init(_ name: String, index: Int?) {
            self.name = name
            resolved = .some(index)
        }
    }

    let path: String
    private(set) var header: [Field]
    /// Records with the right field count, in file order (records with errors are left out).
    private(set) var rows: [Row]
    /// Column name (lowercased when the header is matched ignoring case) → field index.
    private var index: [String: Int]
    private var ignoringCase: Bool
    private let cells: CSVCells
    /// Byte offset of the start of each physical line (line `n` at `lineStarts[n - 1]`).
    private var lineStarts: [Int]

    /// At most this many diagnostics are collected per file; the rest are summarised.
    static let diagnosticLimit = 50

    /// Reads a whole table. `table` is `nil` when there is any error (diagnostics say why).
    static func read(_ data: Data, path: String, columns: Columns) -> (table: CSVTable?, diagnostics: [Diagnostic]) {
        let bytes = [UInt8](data)
        var reader = CSVReader(path: path)
        bytes.withUnsafeBufferPointer { reader.run($0) }
        return finish(reader: reader, bytes: bytes, path: path, columns: columns)
    }

    private static func finish(reader: CSVReader, bytes: [UInt8], path: String, columns: Columns)
        -> (table: CSVTable?, diagnostics: [Diagnostic]) {
        let cells = CSVCells(path: path, bytes: bytes, cells: reader.cells, rewritten: reader.rewritten)
        var table = CSVTable(path: path, header: [], rows: [], index: [:], ignoringCase: false, cells: cells,
                             lineStarts: reader.lineStarts)
        var diagnostics = reader.diagnostics.map { table.annotated($0) }
        if reader.fatal {
            return (nil, diagnostics)
        }
        guard let headerEnd = reader.recordEnds.first else {
            diagnostics.append(Diagnostic(.error, "empty file (expected a header row)",
                                          at: SourceLocation(path: path, line: 1, column: 1)))
            return (nil, diagnostics)
        }
        let header = (0..<headerEnd).map { Field(cells: cells, index: $0) }
        table.header = header
        diagnostics += table.checkHeader(columns)
        var rows: [Row] = []
        rows.reserveCapacity(reader.recordEnds.count - 1)
        var extra = 0
        var start = headerEnd
        for end in reader.recordEnds.dropFirst() {
            let record = start..<end
            start = end
            if record.count == header.count {
                rows.append(Row(cells: cells, range: record))
                continue
            }
            extra += 1
            guard diagnostics.count < diagnosticLimit else { continue }
            let location = record.isEmpty ? SourceLocation(path: path, line: 1, column: 1) : cells.location(record.lowerBound)
            if record.count == 1 && cells.isEmpty(record.lowerBound) {
                diagnostics.append(table.diagnostic(.error, "blank line (expected \(header.count) fields)", at: location))
            } else if record.count > header.count {
                diagnostics.append(table.diagnostic(
                    .error, "\(record.count) fields, but the header has \(header.count)",
                    at: cells.location(record.lowerBound + header.count)))
            } else {
                diagnostics.append(table.diagnostic(
                    .error, "\(record.count) fields, but the header has \(header.count)", at: location))
            }
        }
        if diagnostics.count >= diagnosticLimit {
            diagnostics = Array(diagnostics.prefix(diagnosticLimit))
            diagnostics.append(Diagnostic(.error, "too many errors; stopped reporting", at: nil))
        }
        table.rows = rows
        let hasError = diagnostics.contains { $0.severity == .error }
        return (hasError ? nil : table, diagnostics)
    }

    /// The column `name` of this table, looked up once (matched as the header was).
    func column(_ name: String) -> Column {
        Column(name, index: index[ignoringCase ? name.lowercased() : name])
    }

    /// The field index of `column` in this table, `nil` when absent.
    private func fieldIndex(_ column: Column) -> Int? {
        if let resolved = column.resolved { return resolved }
        return index[ignoringCase ? column.name.lowercased() : column.name]
    }

    /// The field of a row under a column, `nil` when absent.
    func field(_ column: Column, in row: Row) -> Field? {
        guard let i = fieldIndex(column), i < row.range.count else { return nil }
        return Field(cells: cells, index: row.range.lowerBound + i)
    }

    /// Whether the header has this column.
    func hasColumn(_ column: String) -> Bool {
        index[ignoringCase ? column.lowercased() : column] != nil
    }

    /// The column names, in header order.
    var columnNames: [String] { header.map(\.text) }

    /// A diagnostic at a location of this file, carrying the source line for the caret display.
    ///
    /// Messages quote cells; a message longer than `messageLimit` scalars (a 1 MB cell) keeps its
    /// start and end around a `…`, so one bad cell never makes a megabyte of output.
    func diagnostic(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity, Self.clipped(message), at: location, sourceLine: sourceLine(location.line))
    }

    static let messageLimit = 400

    /// `message`, or its first and last scalars around `…` when longer than `messageLimit`.
    static func clipped(_ message: String) -> String { message.clipped(to: messageLimit, keepEnd: true) }

    /// The text of a physical line (without its line end), or `nil` when unknown or too long to show.
    func sourceLine(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        return cells.bytes.withUnsafeBufferPointer { bytes -> String? in
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
                end += 1
                if end - start > 500 { return nil }
            }
            var slice = Array(bytes[start..<end])
            if line == 1, slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice.removeFirst(3) }
            return String(decoding: slice, as: UTF8.self)
        }
    }

    private func annotated(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.sourceLine == nil, let location = diagnostic.location else { return diagnostic }
        var copy = diagnostic
        copy.sourceLine = sourceLine(location.line)
        return copy
    }

    private mutating func checkHeader(_ columns: Columns) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let headerLocation = header.first?.location ?? SourceLocation(path: path, line: 1, column: 1)
        index.reserveCapacity(header.count)
        switch columns {
        case .exactly(let names):
            ignoringCase = false
            let texts = header.map(\.text)
            for (i, text) in texts.enumerated() where index[text] == nil {
                index[text] = i
            }
            if texts != names {
                // Say what differs first: a duplicate, an unknown, a missing column, or the order.
                var seen: [String: SourceLocation] = [:]
                for field in header {
                    if let first = seen[field.text] {
                        diagnostics.append(diagnostic(.error, "duplicate column '\(field.text)' (first at \(first))", at: field.location))
                    } else {
                        seen[field.text] = field.location
                    }
                    if !names.contains(field.text) {
                        diagnostics.append(diagnostic(.error, "unknown column '\(field.text)'\(Suggestion.didYouMean(field.text, among: names))", at: field.location))
                    }
                }
                let missing = names.filter { seen[$0] == nil }
                if !missing.isEmpty {
                    diagnostics.append(diagnostic(.error, "missing column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", "))", at: headerLocation))
                }
                if diagnostics.isEmpty {
                    diagnostics.append(diagnostic(.error, "columns out of order; the header must be exactly: \(names.joined(separator: ","))", at: headerLocation))
                }
            }
        case .named(let required, let optional, let fold, let allowingOthers):
            ignoringCase = fold
            let key: (String) -> String = { fold ? $0.lowercased() : $0 }
            let known = Set((required + optional).map(key))
            for (i, field) in header.enumerated() {
                let name = key(field.text.trimmedBlanks)
                if let first = index[name] {
                    diagnostics.append(diagnostic(.error, "duplicate column '\(field.text)' (first at \(header[first].location))", at: field.location))
                    continue
                }
                if !known.contains(name) && !allowingOthers {
                    diagnostics.append(diagnostic(.error, "unknown column '\(field.text)'\(Suggestion.didYouMean(field.text, among: required + optional))", at: field.location))
                }
                index[name] = i
            }
            let missing = required.filter { index[key($0)] == nil }
            if !missing.isEmpty {
                diagnostics.append(diagnostic(.error, "missing column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", "))", at: headerLocation))
            }
        }
        return diagnostics
    }
}

/// The byte-level state machine behind `CSVTable.read`.
struct CSVReader {
    let path: String
    /// Every field of every record, in file order.
    var cells: [CSVCells.Cell] = []
    /// The end (in `cells`) of each record.
    var recordEnds: [Int] = []
    /// Texts of the fields the full reader rewrote (see `CSVCells.rewritten`).
    var rewritten: [String] = []
    var diagnostics: [Diagnostic] = []
    var lineStarts: [Int] = [0]
    /// Set when reading cannot go on (invalid UTF-8, unterminated quote).
    var fatal = false

    init(path: String) { self.path = path }

    private mutating func error(_ message: String, line: Int, column: Int) {
        guard diagnostics.count < CSVTable.diagnosticLimit else { return }
        diagnostics.append(Diagnostic(.error, message, at: SourceLocation(path: path, line: line, column: column)))
    }

    private static func isControl(_ b: UInt8) -> Bool { (b < 0x20 && b != 0x09) || b == 0x7F }

    private static func controlName(_ b: UInt8) -> String { codePoint(UInt32(b)) }

    private static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A C1 control (U+0080–U+009F) or a bidi override or isolate (U+202A–U+202E,
    /// U+2066–U+2069) starting at byte `i` (the input is valid UTF-8): these can act on a
    /// terminal or reorder what a reader sees, so data files and lab reports may not hold them.
    /// Returns the error text and the sequence's length in bytes.
    private static func forbiddenSequence(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (message: String, length: Int)? {
        let b = bytes[i]
        if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
            return ("control character \(codePoint(UInt32(bytes[i + 1]))) in a field", 2)
        }
        if b == 0xE2, i + 2 < bytes.count {
            let (second, third) = (bytes[i + 1], bytes[i + 2])
            if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                let value = 0x2000 + UInt32(second & 0x3F) << 6 + UInt32(third & 0x3F)
                return ("bidirectional control character \(codePoint(value)) in a field", 3)
            }
        }
        return nil
    }

    /// Whether the eight bytes at `i` are all printable ASCII other than `"` (and `,` with
    /// `commaToo`): then a plain field goes on past all of them. Tested a word at a time (the
    /// bit tricks find a byte below 0x20 or equal to a given one; they never miss one, and a
    /// false alarm only sends the word to the byte loop). `plainField` tries a word once a field
    /// has run eight bytes, and again eight bytes after a word that failed: short fields (most
    /// numbers) never pay for one.
    @inline(__always)
    private static func isPlainWord(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, commaToo: Bool) -> Bool {
        let word = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        // A byte of 0x80 or more, or (all bytes below 0x80) a byte below 0x20.
        guard (word & highs) | ((word &- ones &* 0x20) & ~word & highs) == 0 else { return false }
        if hasZeroByte(word ^ (ones &* 0x7F)) || hasZeroByte(word ^ (ones &* 0x22)) { return false }
        return !commaToo || !hasZeroByte(word ^ (ones &* 0x2C))
    }

    /// A field starting at `start` that needs no rewriting and holds nothing to report: unquoted
    /// without quotes, or quoted without doubled quotes, line breaks or text after the closing
    /// quote; in both cases without control or bidi characters and ending where a field may end
    /// (a comma, a line end, the end of the input). Returns the byte range of its text, where
    /// reading goes on, how many columns it spans and whether its text is ASCII; `nil` sends the
    /// field to the full reader, which reports what is wrong. Most fields of a data file take
    /// this path, and printable ASCII bytes take one comparison each.
    private static func plainField(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int)
        -> (text: Range<Int>, end: Int, columns: Int, isASCII: Bool)? {
        let n = bytes.count
        var i = start
        /// Continuation bytes of multi-byte scalars (a scalar is one column, not one per byte).
        var continuations = 0
        var isASCII = true
        /// Checks a byte that is not printable ASCII: a tab passes, another control character
        /// or DEL fails, a non-ASCII byte passes unless it starts a forbidden sequence.
        @inline(__always) func passes(_ b: UInt8) -> Bool {
            if b < 0x80 { return b == 0x09 }
            isASCII = false
            if b & 0xC0 == 0x80 {
                continuations += 1
                return true
            }
            return (b != 0xC2 && b != 0xE2) || forbiddenSequence(bytes, at: i) == nil
        }
        /// Where the next eight-byte step is tried: once the field has run eight bytes since the
        /// last try (short fields, numbers above all, never pay for it).
        var wordAt = 0
        /// Steps over eight plain bytes (`isPlainWord`) when it is time to try; false otherwise.
        @inline(__always) func skippedWord(commaToo: Bool) -> Bool {
            guard i >= wordAt else { return false }
            if i + 8 <= n, isPlainWord(bytes, at: i, commaToo: commaToo) {
                i += 8
                wordAt = i
                return true
            }
            wordAt = i + 8
            return false
        }
        if bytes[start] == 0x22 {
            i += 1
            wordAt = i + 8
            while i < n {
                if skippedWord(commaToo: false) { continue }
                let b = bytes[i]
                if b >= 0x20 && b < 0x7F {
                    if b == 0x22 {
                        let close = i
                        i += 1
                        if i < n {
                            let after = bytes[i]
                            guard after == 0x2C || after == 0x0A || after == 0x0D else { return nil }  // a doubled quote or text after it
                        }
                        return (start + 1..<close, i, i - start - continuations, isASCII)
                    }
                } else if !passes(b) {
                    return nil
                }
                i += 1
            }
            return nil  // unterminated
        }
        wordAt = i + 8
        while i < n {
            if skippedWord(commaToo: true) { continue }
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F {
                if b == 0x2C { break }
                if b == 0x22 { return nil }
            } else if b == 0x0A {
                break
            } else if b == 0x0D {
                if i + 1 < n, bytes[i + 1] == 0x0A { break }
                return nil  // a carriage return without a line feed
            } else if !passes(b) {
                return nil
            }
            i += 1
        }
        return (start..<i, i, i - start - continuations, isASCII)
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var start = 0
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if let bad = UTF8Check.firstInvalid(bytes, from: start) {
            error("invalid UTF-8 (byte \(bad.offset + 1) of the file, 0x\(String(bytes[bad.offset], radix: 16, uppercase: true)))",
                  line: bad.line, column: bad.column)
            fatal = true
            return
        }
        var i = start
        var line = 1
        var column = 1
        var fieldBytes: [UInt8] = []

        @inline(__always) func newLine(_ next: Int) {
            line += 1
            column = 1
            lineStarts.append(next)
        }

        while i < n {
            // At the start of a field.
            let fieldLine = line, fieldColumn = column
            if let plain = Self.plainField(bytes, at: i) {
                cells.append(CSVCells.Cell(start: plain.text.lowerBound, end: plain.text.upperBound, line: fieldLine,
                                           column: fieldColumn, isASCII: plain.isASCII))
                i = plain.end
                column += plain.columns
            } else {
                // The full reader: rewrites doubled quotes and line ends, reports what is wrong.
                fieldBytes.removeAll(keepingCapacity: true)
                if bytes[i] == 0x22 {
                    i += 1; column += 1
                    var closed = false
                    while i < n {
                        let b = bytes[i]
                        if b == 0x22 {
                            if i + 1 < n, bytes[i + 1] == 0x22 {
                                fieldBytes.append(0x22); i += 2; column += 2
                            } else {
                                i += 1; column += 1; closed = true
                                break
                            }
                        } else if b == 0x0A {
                            fieldBytes.append(0x0A); i += 1; newLine(i)
                        } else if b == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A {
                            fieldBytes.append(0x0A); i += 2; newLine(i)
                        } else if Self.isControl(b) {
                            error("control character \(Self.controlName(b)) in a field", line: line, column: column)
                            i += 1; column += 1
                        } else if let (message, length) = Self.forbiddenSequence(bytes, at: i) {
                            error(message, line: line, column: column)
                            i += length; column += 1
                        } else {
                            fieldBytes.append(b); i += 1
                            if b & 0xC0 != 0x80 { column += 1 }
                        }
                    }
                    if !closed {
                        error("unterminated quoted field (the quote opens here)", line: fieldLine, column: fieldColumn)
                        fatal = true
                        return
                    }
                    if i < n, bytes[i] != 0x2C, bytes[i] != 0x0A, bytes[i] != 0x0D {
                        error("text after the closing quote of a field", line: line, column: column)
                        while i < n, bytes[i] != 0x2C, bytes[i] != 0x0A, bytes[i] != 0x0D {
                            if bytes[i] & 0xC0 != 0x80 { column += 1 }
                            i += 1
                        }
                    }
                } else {
                    var strayReported = false
                    while i < n {
                        let b = bytes[i]
                        if b == 0x2C || b == 0x0A || (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) { break }
                        if b == 0x0D {
                            error("carriage return without a line feed", line: line, column: column)
                        } else if b == 0x22 {
                            if !strayReported {
                                error("quote inside an unquoted field (quote the whole field and double the quote)", line: line, column: column)
                                strayReported = true
                            }
                        } else if Self.isControl(b) {
                            error("control character \(Self.controlName(b)) in a field", line: line, column: column)
                        } else if let (message, length) = Self.forbiddenSequence(bytes, at: i) {
                            error(message, line: line, column: column)
                            i += length; column += 1
                            continue
                        } else {
                            fieldBytes.append(b)
                        }
                        i += 1
                        if b & 0xC0 != 0x80 { column += 1 }
                    }
                }
                rewritten.append(String(decoding: fieldBytes, as: UTF8.self))
                cells.append(CSVCells.Cell(start: -rewritten.count, end: 0, line: fieldLine, column: fieldColumn,
                                           isASCII: fieldBytes.allSatisfy { $0 < 0x80 }))
            }
            // After a field: a comma, a line end, or the end of the input.
            if i >= n {
                recordEnds.append(cells.count)
                return
            }
            let b = bytes[i]
            if b == 0x2C {
                i += 1; column += 1
                if i >= n {  // a trailing comma ends the file with one more, empty field
                    cells.append(CSVCells.Cell(start: i, end: i, line: line, column: column, isASCII: true))
                    recordEnds.append(cells.count)
                    return
                }
                continue
            }
            if b == 0x0D {
                if i + 1 < n, bytes[i + 1] == 0x0A {
                    i += 2
                } else {
                    error("carriage return without a line feed", line: line, column: column)
                    i += 1
                }
            } else {
                i += 1
            }
            newLine(i)
            recordEnds.append(cells.count)
        }
    }
}

/// Locates the first malformed UTF-8 sequence in one linear pass.
enum UTF8Check {
    struct Position { var offset: Int; var line: Int; var column: Int }

    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Position? {
        guard let offset = firstInvalidOffset(bytes, from: start) else { return nil }
        // Where it stands: lines end at LF, columns count scalars (the bytes before are valid).
        var line = 1, column = 1
        for i in start..<offset {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Position(offset: offset, line: line, column: column)
    }

    /// The byte offset of the first malformed sequence at or after `start`. Runs of ASCII are
    /// skipped eight bytes at a time.
    private static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        var i = start
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            var length = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= low, second <= high else { return i }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 {
                return i
            }
            i += length
        }
        return nil
    }

    /// Decodes UTF-8 strictly, or says where it is malformed.
    static func decode(_ data: Data) -> (text: String?, invalid: Position?) {
        let bad = data.withUnsafeBytes { raw in firstInvalid(raw.bindMemory(to: UInt8.self)) }
        if let bad { return (nil, bad) }
        return (String(decoding: data, as: UTF8.self), nil)
    }
}
