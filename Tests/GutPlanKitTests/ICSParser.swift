@testable import GutPlanKit

/// A strict RFC 5545 reader for tests: it refuses what the RFC forbids rather than guessing.
///
/// Checked: every line ends in CRLF and no CR or LF stands alone (§3.1); no physical line is
/// longer than 75 octets, and each one is valid UTF-8 by itself, so no fold splits a character;
/// folds are CRLF + one space or tab; names are iana-tokens or x-names; parameter values are
/// param-text or quoted; no control character but HTAB in a value; BEGIN/END nest and match;
/// VCALENDAR has exactly one VERSION (2.0) and PRODID; each VEVENT has exactly one UID, DTSTAMP
/// (UTC date-time) and DTSTART, not both DTEND and DURATION, and DTEND after DTSTART; TEXT
/// values have no bare `;` or `,` and only the escapes `\\ \; \, \n \N`.
struct ICSParser {
    struct Property: Equatable {
        var name: String
        var parameters: [String: String]
        var value: String
    }

    struct Component {
        var name: String
        var properties: [Property] = []
        var components: [Component] = []

        func all(_ name: String) -> [Property] { properties.filter { $0.name == name } }
        func value(_ name: String) -> String? { all(name).first?.value }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Properties whose value type is TEXT (RFC 5545 §3.8).
    static let textProperties: Set<String> = ["SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CATEGORIES",
                                              "X-WR-CALNAME", "X-WR-CALDESC"]

    /// The unfolded content lines of `bytes`.
    static func contentLines(_ bytes: [UInt8]) throws -> [String] {
        var physical: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 13 {
                guard index + 1 < bytes.count, bytes[index + 1] == 10 else { throw Failure(description: "bare CR at octet \(index)") }
                physical.append(current)
                current = []
                index += 2
                continue
            }
            if byte == 10 { throw Failure(description: "bare LF at octet \(index)") }
            current.append(byte)
            index += 1
        }
        guard current.isEmpty else { throw Failure(description: "the last line does not end in CRLF") }
        var lines: [[UInt8]] = []
        for (number, line) in physical.enumerated() {
            guard line.count <= 75 else { throw Failure(description: "line \(number + 1) has \(line.count) octets") }
            guard String(validating: line, as: UTF8.self) != nil else {
                throw Failure(description: "line \(number + 1) is not valid UTF-8 on its own (a fold split a character)")
            }
            if let first = line.first, first == 32 || first == 9 {
                guard !lines.isEmpty else { throw Failure(description: "the first line is a continuation") }
                lines[lines.count - 1] += line.dropFirst()
            } else {
                guard !line.isEmpty else { throw Failure(description: "line \(number + 1) is empty") }
                lines.append(line)
            }
        }
        return try lines.map { line in
            guard let text = String(validating: line, as: UTF8.self) else { throw Failure(description: "invalid UTF-8") }
            return text
        }
    }

    static func property(_ line: String) throws -> Property {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        func isNameScalar(_ s: Unicode.Scalar) -> Bool {
            (s >= "A" && s <= "Z") || (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "-"
        }
        func name() throws -> String {
            let begin = index
            while index < scalars.count, isNameScalar(scalars[index]) { index += 1 }
            guard index > begin else { throw Failure(description: "no name in '\(line)'") }
            return String(String.UnicodeScalarView(scalars[begin..<index])).uppercased()
        }
        func isControl(_ s: Unicode.Scalar) -> Bool { (s.value < 0x20 && s != "\t") || s.value == 0x7F }
        let propertyName = try name()
        var parameters: [String: String] = [:]
        while index < scalars.count, scalars[index] == ";" {
            index += 1
            let parameterName = try name()
            guard index < scalars.count, scalars[index] == "=" else { throw Failure(description: "parameter without '=' in '\(line)'") }
            index += 1
            var value = ""
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    guard !isControl(scalars[index]) else { throw Failure(description: "control in a quoted parameter") }
                    value.unicodeScalars.append(scalars[index]); index += 1
                }
                guard index < scalars.count else { throw Failure(description: "unterminated quote in '\(line)'") }
                index += 1
            } else {
                while index < scalars.count, ![";", ":", ",", "\""].contains(scalars[index]) {
                    guard !isControl(scalars[index]) else { throw Failure(description: "control in a parameter") }
                    value.unicodeScalars.append(scalars[index]); index += 1
                }
            }
            parameters[parameterName] = value
        }
        guard index < scalars.count, scalars[index] == ":" else { throw Failure(description: "no ':' after the name in '\(line)'") }
        index += 1
        let value = String(String.UnicodeScalarView(scalars[index...]))
        guard !value.unicodeScalars.contains(where: isControl) else { throw Failure(description: "control character in '\(propertyName)'") }
        return Property(name: propertyName, parameters: parameters, value: value)
    }

    /// TEXT unescaped; a bare `;` or `,`, or any other backslash escape, is an error.
    static func unescapeText(_ value: String) throws -> String {
        var out = ""
        var escaped = false
        for scalar in value.unicodeScalars {
            if escaped {
                switch scalar {
                case "\\", ";", ",": out.unicodeScalars.append(scalar)
                case "n", "N": out += "\n"
                default: throw Failure(description: "bad escape \\\(scalar)")
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == ";" || scalar == "," {
                throw Failure(description: "unescaped '\(scalar)' in TEXT '\(value)'")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        guard !escaped else { throw Failure(description: "TEXT ends in a backslash") }
        return out
    }

    /// `YYYYMMDDTHHMMSS` (floating) or with `Z` (UTC): the date and the seconds of the day.
    static func dateTime(_ value: String, utc: Bool) throws -> (date: CalendarDate, seconds: Int) {
        let bytes = Array(value.utf8)
        let length = utc ? 16 : 15
        guard bytes.count == length, bytes[8] == UInt8(ascii: "T"), !utc || bytes[15] == UInt8(ascii: "Z"),
              bytes.enumerated().allSatisfy({ $0.offset == 8 || $0.offset == 15 || (48...57).contains($0.element) }) else {
            throw Failure(description: "'\(value)' is not a \(utc ? "UTC" : "floating") DATE-TIME")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let digits = Array(text)
        let dateText = String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8])
        guard let date = CalendarDate(dateText), let hour = Int(String(digits[9..<11])), let minute = Int(String(digits[11..<13])),
              let second = Int(String(digits[13..<15])), hour < 24, minute < 60, second < 61 else {
            throw Failure(description: "'\(value)' is not a real date and time")
        }
        return (date, hour * 3600 + minute * 60 + second)
    }

    /// Parses a whole calendar stream: the VCALENDAR and everything in it, checked.
    static func parse(_ text: String) throws -> Component {
        let lines = try contentLines(Array(text.utf8))
        var stack: [Component] = []
        var result: Component?
        for line in lines {
            let property = try property(line)
            guard result == nil else { throw Failure(description: "content after END:VCALENDAR") }
            if property.name == "BEGIN" {
                guard stack.isEmpty == (property.value == "VCALENDAR") else { throw Failure(description: "BEGIN:\(property.value) out of place") }
                stack.append(Component(name: property.value))
            } else if property.name == "END" {
                guard let last = stack.popLast(), last.name == property.value else {
                    throw Failure(description: "END:\(property.value) does not match")
                }
                try check(last)
                if stack.isEmpty { result = last } else { stack[stack.count - 1].components.append(last) }
            } else {
                guard !stack.isEmpty else { throw Failure(description: "property outside VCALENDAR") }
                if textProperties.contains(property.name) { _ = try unescapeText(property.value) }
                stack[stack.count - 1].properties.append(property)
            }
        }
        guard let result, stack.isEmpty else { throw Failure(description: "VCALENDAR not closed") }
        return result
    }

    static func check(_ component: Component) throws {
        func once(_ name: String) throws {
            let count = component.all(name).count
            guard count == 1 else { throw Failure(description: "\(component.name) has \(count) \(name)") }
        }
        switch component.name {
        case "VCALENDAR":
            try once("VERSION")
            try once("PRODID")
            guard component.value("VERSION") == "2.0" else { throw Failure(description: "VERSION is not 2.0") }
            if let scale = component.value("CALSCALE"), scale != "GREGORIAN" { throw Failure(description: "CALSCALE \(scale)") }
        case "VEVENT":
            try once("UID")
            try once("DTSTAMP")
            try once("DTSTART")
            guard component.all("DTEND").isEmpty || component.all("DURATION").isEmpty else {
                throw Failure(description: "both DTEND and DURATION")
            }
            _ = try dateTime(component.value("DTSTAMP") ?? "", utc: true)
            let start = try dateTime(component.value("DTSTART") ?? "", utc: false)
            if let endText = component.value("DTEND") {
                let end = try dateTime(endText, utc: false)
                guard (end.date.daysSince1970, end.seconds) > (start.date.daysSince1970, start.seconds) else {
                    throw Failure(description: "DTEND is not after DTSTART")
                }
            }
            for name in ["SUMMARY", "DESCRIPTION", "DTEND", "TRANSP"] where component.all(name).count > 1 {
                throw Failure(description: "VEVENT has \(name) twice")
            }
        default:
            break
        }
    }
}
