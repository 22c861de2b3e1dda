/// The cells of one CSV file, stored compactly: the file's bytes once, and for each cell where its
/// text stands in them (or, for the few cells the reader had to rewrite, the text itself), its
/// line and column, and whether it is ASCII. Texts and locations are made only when asked, so
/// reading a file makes no string per cell, and numbers and lists are read from the bytes.
final class CSVCells: Sendable {
    /// One cell. `start < 0` names a rewritten text: `rewritten[-start - 1]`.
    struct Cell: Sendable {
        var start: Int
        var end: Int
        var line: Int
        var column: Int
        var isASCII: Bool
    }

    let path: String
    /// The whole file, a leading byte-order mark included.
    let bytes: [UInt8]
    let cells: [Cell]
    /// Texts of quoted fields with doubled quotes or line breaks, as the reader rewrote them.
    let rewritten: [String]

    init(path: String, bytes: [UInt8], cells: [Cell], rewritten: [String]) {
        self.path = path
        self.bytes = bytes
        self.cells = cells
        self.rewritten = rewritten
    }

    /// The text of cell `i`.
    func text(_ i: Int) -> String {
        let cell = cells[i]
        if cell.start < 0 { return rewritten[-cell.start - 1] }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[cell.start..<cell.end]), as: UTF8.self) }
    }

    /// Whether cell `i` is empty.
    func isEmpty(_ i: Int) -> Bool {
        let cell = cells[i]
        return cell.start < 0 ? rewritten[-cell.start - 1].isEmpty : cell.start == cell.end
    }

    /// Where cell `i` starts (its first character or opening quote).
    func location(_ i: Int) -> SourceLocation {
        SourceLocation(path: path, line: cells[i].line, column: cells[i].column)
    }

    /// `body` over the UTF-8 bytes of cell `i`'s text.
    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let cell = cells[i]
        if cell.start < 0 { return rewritten[-cell.start - 1].withUTF8Bytes(body) }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[cell.start..<cell.end])) }
    }
}
