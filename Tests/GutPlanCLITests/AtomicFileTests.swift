import Foundation
import Testing
@testable import GutPlanKit
@testable import gutplan

private func makeFolder() throws -> String {
    let path = NSTemporaryDirectory() + "gutplan-atomic-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    return path
}

private func contents(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

@Test func atomicWriteCreatesAndReplaces() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/plan.txt"
    try AtomicFile.write("first", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "first")
    try AtomicFile.write("second, longer", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "second, longer")
    try AtomicFile.write("", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "")
    #expect(contents(folder) == ["plan.txt"])
    let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
    #expect(mode == 0o600)
}

@Test func atomicWriteToMissingFolderFailsAndCreatesNothing() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/missing/plan.txt"
    #expect(throws: CLIError.self) { try AtomicFile.write("x", to: target) }
    do {
        try AtomicFile.write("x", to: target)
    } catch {
        #expect(ExitCodes.code(for: error) == 73)
        #expect(error.message.contains("No such file or directory"))
    }
    #expect(contents(folder).isEmpty)
}

@Test func atomicWriteOverAFolderFails() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: false)
    #expect(throws: CLIError.cannotWrite("cannot write \(folder)/out: it is a directory")) {
        try AtomicFile.write("x", to: folder + "/out")
    }
    #expect(contents(folder) == ["out"])
}

@Test func atomicWriteLeavesTargetUntouchedWhenFolderIsReadOnly() throws {
    let folder = try makeFolder()
    defer {
        chmod(folder, 0o755)
        try? FileManager.default.removeItem(atPath: folder)
    }
    let target = folder + "/plan.txt"
    try AtomicFile.write("keep me", to: target)
    chmod(folder, 0o555)
    // root may write anyway; only check the failure path when the folder really is read-only.
    if access(folder, W_OK) != 0 {
        #expect(throws: CLIError.self) { try AtomicFile.write("new", to: target) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        #expect(contents(folder) == ["plan.txt"])
    }
}

@Test func atomicWriteThroughAFileAsFolderFails() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try AtomicFile.write("file", to: folder + "/f")
    #expect(throws: CLIError.self) { try AtomicFile.write("x", to: folder + "/f/plan.txt") }
    #expect(try String(contentsOfFile: folder + "/f", encoding: .utf8) == "file")
}

@Test func folderPathOfBareAndRootedNames() {
    #expect(AtomicFile.folderPath(of: "plan.txt") == ".")
    #expect(AtomicFile.folderPath(of: "/plan.txt") == "/")
    #expect(AtomicFile.folderPath(of: "a/b/plan.txt") == "a/b")
}
