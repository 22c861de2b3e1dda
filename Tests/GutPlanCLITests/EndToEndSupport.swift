import Foundation
import Testing

/// Helpers for the end-to-end tests: scratch folders, lab files, and readers for the JSON and
/// CSV the binary prints (an independent RFC 4180 reader, so the CSV is checked from outside).
enum E2E {
    /// A fresh empty folder, removed by the caller with `remove`.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gutplan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// Writes a lab report (`test,value,unit` header plus `lines`) into `folder`; returns its path.
    static func labs(_ lines: [String], in folder: URL, name: String = "labs.csv") throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data((["test,value,unit"] + lines).joined(separator: "\n").appending("\n").utf8).write(to: url)
        return url.path
    }

    /// The top-level JSON object of `text`.
    static func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let dictionary = object as? [String: Any] else {
            Issue.record("not a JSON object", sourceLocation: sourceLocation)
            return [:]
        }
        return dictionary
    }

    /// `flags` of a plan printed with `--format json`: nutrient id → `confirmed`/`suspected`.
    static func flags(_ text: String) throws -> [String: String] {
        (try json(text)["flags"] as? [String: String]) ?? [:]
    }

    /// RFC 4180 records: quoted fields with doubled quotes, CRLF record ends; `nil` when malformed
    /// (a quote inside an unquoted field, text after a closing quote, a bare LF, no final CRLF).
    static func csvRecords(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false
        var afterQuote = false
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false; afterQuote = true }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !afterQuote else { return nil }
                quoted = true
            case ",":
                record.append(field); field = ""; afterQuote = false
            case "\r":
                guard scalars.popFirst() == "\n" else { return nil }
                record.append(field); records.append(record)
                record = []; field = ""; afterQuote = false
            case "\n":
                return nil
            default:
                guard !afterQuote else { return nil }
                field.unicodeScalars.append(c)
            }
        }
        guard !quoted, record.isEmpty, field.isEmpty else { return nil }
        return records
    }
}
