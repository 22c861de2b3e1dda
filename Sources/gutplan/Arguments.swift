import GutPlanKit

/// One option a command accepts: `--name VALUE` (or `--name=VALUE`), optionally `-x VALUE`;
/// a flag when `valueName` is `nil`.
struct OptionSpec: Sendable {
    var name: String
    var short: Character?
    /// Shown in help (`LIST`, `FILE`); `nil` for a flag that takes no value.
    var valueName: String?
    var help: String

    init(_ name: String, short: Character? = nil, value valueName: String? = nil, help: String) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
    }

    var takesValue: Bool { valueName != nil }
}

/// What a command line said, after checking it against a command's options.
struct ParsedArguments: Sendable, Equatable {
    /// Option values by long name.
    var values: [String: String] = [:]
    /// Flags that were given, by long name.
    var flags: Set<String> = []
    var positionals: [String] = []
    /// `--help` or `-h` appeared before `--`.
    var helpRequested = false

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }
}

/// A small hand-written parser for `--name value`, `--name=value`, `-x value`, `-xvalue`, flags,
/// `--` (end of options) and `--help`/`-h` anywhere. Every mistake is a `GutPlanError.usage`:
/// unknown options (with a "did you mean" suggestion), repeated options, missing values, values
/// given to flags, unexpected arguments.
enum ArgumentParser {
    static func parse(_ arguments: [String], options: [OptionSpec], command: String,
                      allowsPositionals: Bool = false) throws(GutPlanError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var onlyPositionals = false

        func record(_ spec: OptionSpec, value: String?, spelled: String) throws(GutPlanError) {
            if result.has(spec.name) {
                throw GutPlanError.usage("option '--\(spec.name)' is given more than once")
            }
            if let value { result.values[spec.name] = value } else { result.flags.insert(spec.name) }
        }

        func takeValue(for spec: OptionSpec, spelled: String) throws(GutPlanError) -> String {
            index += 1
            // A following `--option` is not taken as a value (`-` and `-5` are).
            guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                throw GutPlanError.usage("option '\(spelled)' needs a value (\(spec.valueName ?? "VALUE"))")
            }
            return arguments[index]
        }

        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                guard allowsPositionals else {
                    throw GutPlanError.usage("unexpected argument '\(argument)' for '\(command)'")
                }
                result.positionals.append(argument)
                continue
            }
            if argument == "--" { onlyPositionals = true; continue }
            if argument == "--help" || argument == "-h" { result.helpRequested = true; continue }

            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                guard let spec = options.first(where: { $0.name == name }) else {
                    throw unknownOption("--\(name)", options: options, command: command)
                }
                if spec.takesValue {
                    var value = inlineValue ?? ""
                    if inlineValue == nil { value = try takeValue(for: spec, spelled: argument) }
                    try record(spec, value: value, spelled: argument)
                } else {
                    if inlineValue != nil { throw GutPlanError.usage("option '--\(name)' takes no value") }
                    try record(spec, value: nil, spelled: argument)
                }
            } else {
                let letter = argument.dropFirst().first ?? "-"
                guard let spec = options.first(where: { $0.short == letter }) else {
                    throw unknownOption(argument, options: options, command: command)
                }
                let attached = String(argument.dropFirst(2))
                if spec.takesValue {
                    var value = attached
                    if attached.isEmpty { value = try takeValue(for: spec, spelled: "-\(letter)") }
                    try record(spec, value: value, spelled: "-\(letter)")
                } else {
                    guard attached.isEmpty else { throw unknownOption(argument, options: options, command: command) }
                    try record(spec, value: nil, spelled: argument)
                }
            }
        }
        return result
    }

    private static func unknownOption(_ spelled: String, options: [OptionSpec], command: String) -> GutPlanError {
        let names = options.map { "--" + $0.name } + ["--help"]
        let hint = Suggestion.didYouMean(spelled, among: names)
        return GutPlanError.usage("unknown option '\(spelled)' for '\(command)'\(hint)")
    }
}

/// "Did you mean" suggestions by edit distance.
enum Suggestion {
    /// The closest candidates (case-insensitive Levenshtein distance at most 2, or at most a third
    /// of the word's length when longer), best first.
    static func closest(_ word: String, among candidates: [String]) -> [String] {
        let lowered = word.lowercased()
        let limit = max(2, lowered.count / 3)
        let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
            .filter { $0.1 <= limit }
        guard let best = scored.map(\.1).min() else { return [] }
        return scored.filter { $0.1 == best }.map(\.0)
    }

    /// ` (did you mean 'x'?)`, or empty when nothing is close.
    static func didYouMean(_ word: String, among candidates: [String]) -> String {
        let found = closest(word, among: candidates)
        guard !found.isEmpty else { return "" }
        return " (did you mean " + found.map { "'\($0)'" }.joined(separator: " or ") + "?)"
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
