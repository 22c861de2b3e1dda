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

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }
}

/// A small hand-written parser for `--name value`, `--name=value`, `-x value`, `-xvalue`, flags,
/// `--` (end of options) and `--help`/`-h` anywhere. Every mistake is a `CLIError.usage`:
/// unknown options (with a "did you mean" suggestion), repeated options, missing values, values
/// given to flags, unexpected arguments.
enum ArgumentParser {
    static func parse(_ arguments: [String], options: [OptionSpec], command: String,
                      allowsPositionals: Bool = false) throws(CLIError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var onlyPositionals = false

        func record(_ spec: OptionSpec, value: String?, spelled: String) throws(CLIError) {
            if result.has(spec.name) {
                throw CLIError.usage("option '--\(spec.name)' is given more than once")
            }
            if let value { result.values[spec.name] = value } else { result.flags.insert(spec.name) }
        }

        func takeValue(for spec: OptionSpec, spelled: String) throws(CLIError) -> String {
            index += 1
            // A following `--option` is not taken as a value (`-` and `-5` are).
            guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                throw CLIError.usage("option '\(spelled)' needs a value (\(spec.valueName ?? "VALUE"))")
            }
            return arguments[index]
        }

        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                guard allowsPositionals else {
                    throw CLIError.usage("unexpected argument '\(argument.clipped(to: 80))' for '\(command)'")
                }
                result.positionals.append(argument)
                continue
            }
            if argument == "--" { onlyPositionals = true; continue }

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
                    if inlineValue != nil { throw CLIError.usage("option '--\(name.clipped(to: 80))' takes no value") }
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

    private static func unknownOption(_ spelled: String, options: [OptionSpec], command: String) -> CLIError {
        let names = options.map { "--" + $0.name } + ["--help"]
        let hint = Suggestion.didYouMean(spelled, among: names)
        return CLIError.usage("unknown option '\(spelled.clipped(to: 80))' for '\(command)'\(hint)")
    }
}
