/// A place in an input file. Prints as `path:line:column` (1-based line and column).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the path `printable` (a file name may hold any byte).
    public var description: String { "\(path.printable):\(line):\(column)" }
}
