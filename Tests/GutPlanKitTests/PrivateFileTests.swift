import Foundation
import Testing
@testable import GutPlanKit

private func makeFolder() throws -> String {
    let path = NSTemporaryDirectory() + "gutplan-atomic-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    return path
}

private func contents(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

@Test func privateWriteCreatesAndReplaces() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/plan.txt"
    try PrivateFile.write("first", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "first")
    try PrivateFile.write("second, longer", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "second, longer")
    try PrivateFile.write("", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "")
    #expect(contents(folder) == ["plan.txt"])
    let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
    #expect(mode == 0o600)
}

@Test func privateWriteToMissingFolderFailsAndCreatesNothing() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/missing/plan.txt"
    #expect(throws: PrivateFile.Failure.self) { try PrivateFile.write("x", to: target) }
    do {
        try PrivateFile.write("x", to: target)
    } catch {
        #expect(error.kind == .cannotCreate)
        #expect(error.reason.contains("does not exist"))
    }
    #expect(contents(folder).isEmpty)
}

@Test func privateWriteOverAFolderFails() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: false)
    #expect(throws: PrivateFile.Failure(kind: .cannotCreate, path: folder + "/out", reason: "it is a directory")) {
        try PrivateFile.write("x", to: folder + "/out")
    }
    #expect(contents(folder) == ["out"])
}

@Test func privateWriteLeavesTargetUntouchedWhenFolderIsReadOnly() throws {
    let folder = try makeFolder()
    defer {
        chmod(folder, 0o755)
        try? FileManager.default.removeItem(atPath: folder)
    }
    let target = folder + "/plan.txt"
    try PrivateFile.write("keep me", to: target)
    chmod(folder, 0o555)
    // root may write anyway; only check the failure path when the folder really is read-only.
    if access(folder, W_OK) != 0 {
        #expect(throws: PrivateFile.Failure.self) { try PrivateFile.write("new", to: target) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        #expect(contents(folder) == ["plan.txt"])
    }
}

@Test func privateWriteThroughAFileAsFolderFails() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try PrivateFile.write("file", to: folder + "/f")
    #expect(throws: PrivateFile.Failure.self) { try PrivateFile.write("x", to: folder + "/f/plan.txt") }
    #expect(try String(contentsOfFile: folder + "/f", encoding: .utf8) == "file")
}

@Test func folderPathOfBareAndRootedNames() {
    #expect(PrivateFile.folderPath(of: "plan.txt") == ".")
    #expect(PrivateFile.folderPath(of: "/plan.txt") == "/")
    #expect(PrivateFile.folderPath(of: "a/b/plan.txt") == "a/b")
}

@Test func privateWriteKeepsTheModeOfAReplacedFile() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/plan.txt"
    try PrivateFile.write("first", to: target)
    chmod(target, 0o640)
    try PrivateFile.write("second", to: target)
    let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
    #expect(mode == 0o640)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "second")
}

@Test func privateWriteRefusesAReadOnlyFile() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/plan.txt"
    try PrivateFile.write("keep me", to: target)
    chmod(target, 0o400)
    #expect(throws: PrivateFile.Failure(kind: .cannotCreate, path: target, reason: "the file is read-only")) {
        try PrivateFile.write("new", to: target)
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
    #expect(contents(folder) == ["plan.txt"])
}

/// A registry that records what the writer registered and cleared.
private enum RecordingRegistry: TemporaryFileRegistry {
    nonisolated(unsafe) static var events: [String] = []
    static func withSignalsBlocked<Value>(_ body: () -> Value) -> Value { body() }
    static func register(_ path: String) { events.append("register " + (path as NSString).lastPathComponent) }
    static func clear(_ path: String) { events.append("clear " + (path as NSString).lastPathComponent) }
}

@Test func privateWriteRegistersItsTemporaryFileUntilTheRename() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    RecordingRegistry.events = []
    try PrivateFile.write("x", to: folder + "/plan.txt", registry: RecordingRegistry.self)
    let events = RecordingRegistry.events
    #expect(events.count == 2)
    #expect(events.first?.hasPrefix("register " + PrivateFile.temporaryPrefix) == true)
    #expect(events.last == "clear " + (events.first?.dropFirst("register ".count) ?? ""))
    #expect(contents(folder) == ["plan.txt"])
}
