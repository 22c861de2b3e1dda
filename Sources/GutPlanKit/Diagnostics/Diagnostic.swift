/// A problem found in user-supplied data (rule files, CSVs, lab reports), reported as
/// `path:line:column: error: message`, followed by the offending line and a caret.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// The text of the offending line, for the caret display; `nil` when not known.
    public var sourceLine: String?

    /// Messages longer than this many scalars are clipped around `…` (a 1 MB name in a rule
    /// file must not make a 1 MB message).
    public static let messageLimit = 1000

    /// The message is stored `printable` (a control character quoted from a file shows as
    /// `\e` or `U+0085`, never raw), then clipped.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message.printable.clipped(to: Self.messageLimit, keepEnd: true)
        self.location = location
        self.sourceLine = sourceLine
    }

    /// `path:line:column: error: message` on one line, without the source excerpt.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }

    /// The full report: the first line, then the source line and a caret under the column.
    ///
    /// The source line is shown `printable`: a scalar written out visibly (ESC as `\e`, a tab as
    /// `\t`) widens the pad under it by as many columns, so the caret stays under the scalar the
    /// column names.
    public var rendered: String {
        guard let sourceLine, let location else { return description }
        var shown = String.UnicodeScalarView()
        var caretPad = max(0, location.column - 1)
        for (index, scalar) in sourceLine.unicodeScalars.enumerated() {
            guard scalar.needsEscaping else {
                shown.append(scalar)
                continue
            }
            let escaped = scalar.escapedForDisplay.unicodeScalars
            shown.append(contentsOf: escaped)
            if index < location.column - 1 { caretPad += escaped.count - 1 }
        }
        return "\(description)\n\(String(shown))\n\(String(repeating: " ", count: caretPad))^"
    }
}
