import Foundation
import GutPlanKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the terminal the process talks to, for choosing width and colour.
public enum Terminal {
    public static let standardOutput: Int32 = 1
    public static let standardError: Int32 = 2

    /// `true` when `descriptor` is a terminal.
    public static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The terminal's column count: `TIOCGWINSZ` on `descriptor`, else a positive `COLUMNS`
    /// from `environment`, else 80.
    public static func width(of descriptor: Int32 = standardOutput,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if isTerminal(descriptor), ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return columns(from: environment) ?? 80
    }

    /// A positive integer `COLUMNS` value, if set.
    static func columns(from environment: [String: String]) -> Int? {
        guard let text = environment["COLUMNS"], let value = Int(text), value > 0 else { return nil }
        return value
    }

    /// `true` when `NO_COLOR` is set to a non-empty value (https://no-color.org).
    public static func noColorRequested(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Colour by default: `descriptor` is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    public static func colorByDefault(for descriptor: Int32 = standardOutput,
                                      environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isTerminal(descriptor) && !noColorRequested(environment: environment) && environment["TERM"] != "dumb"
    }
}
