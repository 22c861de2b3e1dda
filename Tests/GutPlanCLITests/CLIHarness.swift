import Foundation
import Testing

/// Runs the built `gutplan` binary and captures what it did.
struct CLIResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

enum CLIHarness {
    /// The folder holding the built products: next to the test bundle (SwiftPM puts
    /// `gutplanPackageTests.xctest` and `gutplan` in the same folder), else `.build/debug`
    /// relative to this file. `GUTPLAN_BINARY` overrides both.
    static func binary() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["GUTPLAN_BINARY"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        #endif
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL)
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let url = folder.appendingPathComponent("gutplan")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CLIHarnessError.binaryNotFound(candidates.map(\.path))
    }

    /// Runs `gutplan arguments…` with a clean environment (`LANG=C`, `NO_COLOR` unset unless
    /// given) plus `environment`, feeding `stdin`. Output goes through temporary files, so large
    /// outputs cannot deadlock.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
                    in folder: URL? = nil) throws -> CLIResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gutplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("stdin")
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try Data(stdin.utf8).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        var env = ["LANG": "C", "LC_ALL": "C", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        env.merge(environment) { _, new in new }
        process.environment = env
        if let folder { process.currentDirectoryURL = folder }
        let input = try FileHandle(forReadingFrom: inURL)
        let output = try FileHandle(forWritingTo: outURL)
        let errors = try FileHandle(forWritingTo: errURL)
        defer { try? input.close(); try? output.close(); try? errors.close() }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        return CLIResult(stdout: try String(contentsOf: outURL, encoding: .utf8),
                         stderr: try String(contentsOf: errURL, encoding: .utf8),
                         status: process.terminationStatus)
    }
}

enum CLIHarnessError: Error, CustomStringConvertible {
    case binaryNotFound([String])
    var description: String {
        switch self {
        case .binaryNotFound(let paths): return "gutplan binary not found in: " + paths.joined(separator: ", ")
        }
    }
}

/// Compares text with `Tests/GutPlanCLITests/Golden/<name>.txt`; `GUTPLAN_UPDATE_GOLDEN=1`
/// rewrites the file instead (then review the diff and commit it).
enum Golden {
    static func folder(_ filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func check(_ actual: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder().appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["GUTPLAN_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url, options: .atomic)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(url.path); run with GUTPLAN_UPDATE_GOLDEN=1 to create it",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            Issue.record("""
                output differs from \(url.lastPathComponent) at line \(first + 1):
                expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
                actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
                (GUTPLAN_UPDATE_GOLDEN=1 rewrites golden files)
                """, sourceLocation: sourceLocation)
        }
    }
}
