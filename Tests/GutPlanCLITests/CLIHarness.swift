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

    /// Longest any test process may run (a slow shared machine, a debug build); a process still
    /// running then is killed and the test fails.
    static let timeout: TimeInterval = 300

    /// Runs `gutplan arguments…` with a clean environment (`LANG=C`, `NO_COLOR` unset unless
    /// given) plus `environment`, feeding `stdin`. Output goes through temporary files, so large
    /// outputs cannot deadlock. Killed after `timeout` seconds.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
                    in folder: URL? = nil, timeout: TimeInterval = CLIHarness.timeout) throws -> CLIResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gutplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("stdin")
        try Data(stdin.utf8).write(to: inURL)
        let input = try FileHandle(forReadingFrom: inURL)
        defer { try? input.close() }
        return try run(arguments, stdin: input, environment: environment, in: folder, timeout: timeout)
    }

    /// As `run`, with standard input read from `stdin` (a file, `/dev/zero`, a pipe), and standard
    /// output written to `stdout` when given (`/dev/full`, a closed pipe; then `stdout` is empty).
    static func run(_ arguments: [String], stdin: FileHandle, stdout: FileHandle? = nil, environment: [String: String] = [:],
                    in folder: URL? = nil, timeout: TimeInterval = CLIHarness.timeout) throws -> CLIResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gutplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outURL)
        let errors = try FileHandle(forWritingTo: errURL)
        defer { try? output.close(); try? errors.close() }
        let process = try makeProcess(arguments, environment: environment, in: folder)
        process.standardInput = stdin
        process.standardOutput = stdout ?? output
        process.standardError = errors
        try runToEnd(process, timeout: timeout)
        return CLIResult(stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                         status: process.terminationStatus)
    }

    /// A `gutplan` process with the clean environment, not yet started.
    static func makeProcess(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        var env = ["LANG": "C", "LC_ALL": "C", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        env.merge(environment) { _, new in new }
        process.environment = env
        if let folder { process.currentDirectoryURL = folder }
        return process
    }

    /// Starts `process` and waits for it, killing it (SIGKILL) and throwing after `timeout`.
    static func runToEnd(_ process: Process, timeout: TimeInterval = CLIHarness.timeout) throws {
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try start(process)
        try wait(for: process, done: done, timeout: timeout)
    }

    /// Starts `process` with SIGINT, SIGTERM and SIGHUP unblocked. A child inherits the signal
    /// mask of the thread that spawns it, and the test runner's worker threads block signals,
    /// so without this a signal sent to the child would wait until it exits.
    static func start(_ process: Process) throws {
        var signals = sigset_t()
        var previous = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try process.run()
    }

    /// Waits for a started process whose `terminationHandler` signals `done`.
    static func wait(for process: Process, done: DispatchSemaphore, timeout: TimeInterval = CLIHarness.timeout) throws {
        if done.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            _ = done.wait(timeout: .now() + 30)
            throw CLIHarnessError.timedOut(process.arguments ?? [], timeout)
        }
        process.waitUntilExit()
    }
}

enum CLIHarnessError: Error, CustomStringConvertible {
    case binaryNotFound([String])
    case timedOut([String], TimeInterval)
    var description: String {
        switch self {
        case .binaryNotFound(let paths): return "gutplan binary not found in: " + paths.joined(separator: ", ")
        case .timedOut(let arguments, let seconds):
            return "gutplan \(arguments.map { String($0.prefix(40)) }.joined(separator: " ")) was still running after \(Int(seconds)) s and was killed"
        }
    }
}

/// Compares text with `Tests/GutPlanCLITests/Golden/<name>.<ext>` (`txt` unless given);
/// `GUTPLAN_UPDATE_GOLDEN=1` rewrites the file instead (then review the diff and commit it).
enum Golden {
    static func folder(_ filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func check(_ actual: String, name: String, ext: String = "txt", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder().appendingPathComponent(name + "." + ext)
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
