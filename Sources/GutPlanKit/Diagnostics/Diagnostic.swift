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

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message.clipped(to: Self.messageLimit, keepEnd: true)
        self.location = location
        self.sourceLine = sourceLine
    }

    /// `path:line:column: error: message` on one line, without the source excerpt.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }

    /// The full report: the first line, then the source line and a caret under the column.
    public var rendered: String {
        guard let sourceLine, let location else { return description }
        let caretPad = String(repeating: " ", count: max(0, location.column - 1))
        return "\(description)\n\(sourceLine)\n\(caretPad)^"
    }
}
