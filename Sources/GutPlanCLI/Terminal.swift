import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the terminal the process talks to, for choosing the text width.
enum Terminal {
    static let standardInput: Int32 = 0
    static let standardOutput: Int32 = 1
    static let standardError: Int32 = 2
    /// Widths taken from the terminal or `COLUMNS` are clamped to this range: a huge value
    /// would make enormous lines (10^6 columns printed 98 MB), a tiny one unreadable ones.
    static let widthRange = 20...500

    /// `true` when `descriptor` is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The terminal's column count: `TIOCGWINSZ` on `descriptor`, else a positive `COLUMNS`
    /// from `environment`, else 80; clamped to `widthRange`.
    static func width(of descriptor: Int32 = standardOutput,
                      environment: [String: String]) -> Int {
        var size = winsize()
        if isTerminal(descriptor), ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return clamped(Int(size.ws_col))
        }
        return columns(from: environment) ?? 80
    }

    /// A positive integer `COLUMNS` value, clamped to `widthRange`, if set.
    static func columns(from environment: [String: String]) -> Int? {
        guard let text = environment["COLUMNS"], let value = Int(text.trimmedSpaces), value > 0 else { return nil }
        return clamped(value)
    }

    static func clamped(_ width: Int) -> Int {
        min(max(width, widthRange.lowerBound), widthRange.upperBound)
    }

    /// `true` when `NO_COLOR` is set to a non-empty value (https://no-color.org).
    static func noColorRequested(environment: [String: String]) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }
}
