import Foundation
import Testing

/// Where `-o` and `--emit-problem` write (issue 8, defects 3, 4, 5 and 10), through the binary.
@Suite struct OutputFileTests {
    static let rules = HardeningCLITests.rules
    static let plan = ["plan", "--rules", OutputFileTests.rules, "--confirmed", "zinc"]
    static var isRoot: Bool { geteuid() == 0 }

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    static func temporaries(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".gutplan-") }
    }

    static func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
    }

    // MARK: Defect 3: devices, FIFOs, links, one file named twice

    static let hasDevFull = FileManager.default.fileExists(atPath: "/dev/full")  // Linux

    @Test(.enabled(if: OutputFileTests.hasDevFull, "needs /dev/full"))
    func charactersDevicesAndStandardOutputAreWrittenDirectly() throws {
        let null = try CLIHarness.run(Self.plan + ["-o", "/dev/null"])
        #expect(null.status == 0, "\(null.stderr)")
        #expect(Self.isCharacterDevice("/dev/null"), "/dev/null was replaced")
        #expect(!null.stderr.contains("wrote"))
        let full = try CLIHarness.run(Self.plan + ["-o", "/dev/full"])
        #expect(full.status == 74, "\(full.stderr)")
        #expect(full.stderr.contains("/dev/full: No space left on device"))
        #expect(Self.isCharacterDevice("/dev/full"))
        // The problem is written first: when that fails, nothing else is written.
        let problem = try CLIHarness.run(Self.plan + ["--emit-problem", "/dev/full"])
        #expect(problem.status == 74, "\(problem.stderr)")
        #expect(problem.stdout.isEmpty)
        // Both outputs discarded on /dev/null is allowed.
        #expect(try CLIHarness.run(Self.plan + ["-o", "/dev/null", "--emit-problem", "/dev/null"]).status == 0)
        // /dev/stdout is standard output (here a file of the harness), not a file to replace.
        let stdout = try CLIHarness.run(Self.plan + ["-o", "/dev/stdout"])
        let reference = try CLIHarness.run(Self.plan)
        #expect(stdout.status == 0, "\(stdout.stderr)")
        #expect(stdout.stdout == reference.stdout && !stdout.stdout.isEmpty)
        let descriptor = try CLIHarness.run(Self.plan + ["-o", "/dev/fd/1"])
        #expect(descriptor.stdout == reference.stdout)
    }

    @Test func aFIFOIsWrittenDirectly() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let fifo = folder.appendingPathComponent("plan.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on another thread; the FIFO must stay a FIFO and carry the whole plan.
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { box.data = handle.readDataToEndOfFile(); try? handle.close() }
        }
        reader.start()
        let result = try CLIHarness.run(Self.plan + ["--format", "json", "-o", fifo])
        #expect(result.status == 0, "\(result.stderr)")
        var waited = 0
        while !reader.isFinished, waited < 3_000 { usleep(10_000); waited += 1 }
        #expect(reader.isFinished)
        if !reader.isFinished, let unblock = FileHandle(forWritingAtPath: fifo) { try? unblock.close() }  // never leave it waiting
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try E2E.json(String(decoding: box.data, as: UTF8.self))["days"] != nil)
        #expect(Self.temporaries(in: folder).isEmpty)
    }

    @Test func aSymbolicLinkIsFollowed() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let real = folder.appendingPathComponent("real.txt").path
        let link = folder.appendingPathComponent("link.txt").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.txt")
        let result = try CLIHarness.run(Self.plan + ["-o", link])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.txt")
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("Monday"))
        // A dangling link creates its target.
        let dangling = folder.appendingPathComponent("dangling.txt").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "created.txt")
        #expect(try CLIHarness.run(Self.plan + ["-o", dangling]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("created.txt").path))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dangling) == "created.txt")
        #expect(Self.temporaries(in: folder).isEmpty)
    }

    @Test func theSameFileTwiceIsUsage() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let file = folder.appendingPathComponent("out.json").path
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: file))
        let link = folder.appendingPathComponent("alias.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        let hard = folder.appendingPathComponent("hard.json").path
        try FileManager.default.linkItem(atPath: file, toPath: hard)
        let cases: [[String]] = [
            ["-o", file, "--emit-problem", file],
            ["-o", file, "--emit-problem", link],                                   // through a link
            ["-o", hard, "--emit-problem", file],                                   // a hard link
            ["-o", folder.path + "/./out.json", "--emit-problem", file],            // another spelling
            ["-o", "new.json", "--emit-problem", "./new.json"],                      // not yet existing
            ["--emit-problem", "-"],                                                  // both on standard output
            ["-o", "-", "--emit-problem", "/dev/stdout"],
        ]
        for extra in cases {
            let result = try CLIHarness.run(Self.plan + extra, in: folder)
            #expect(result.status == 64, "\(extra): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(extra)")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new.json").path))
        // The problem on standard output and the plan in a file is fine.
        let split = try CLIHarness.run(Self.plan + ["-o", "plan.txt", "--emit-problem", "-"], in: folder)
        #expect(split.status == 0, "\(split.stderr)")
        #expect(try E2E.json(split.stdout)["nutrients"] != nil)
    }

    // MARK: Defect 4: failed writes to standard output

    @Test(.enabled(if: OutputFileTests.hasDevFull, "needs /dev/full"))
    func aFullOrClosedStandardOutput() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let result = try CLIHarness.run(Self.plan, stdin: FileHandle.nullDevice, stdout: full)
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot write standard output: No space left on device"), "\(result.stderr)")
        // A reader that went away: exit 141 without a message.
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let closed = try CLIHarness.run(Self.plan, stdin: FileHandle.nullDevice, stdout: pipe.fileHandleForWriting)
        try? pipe.fileHandleForWriting.close()
        #expect(closed.status == 141)
        #expect(closed.stderr.isEmpty, "\(closed.stderr)")
        // Help and the other commands check their writes too.
        for arguments in [["--help"], ["nutrients"], ["explain", "--rules", Self.rules, "--confirmed", "zinc"],
                          ["rules", "check", "--rules", Self.rules]] {
            let other = try CLIHarness.run(arguments, stdin: FileHandle.nullDevice, stdout: full)
            #expect(other.status == 74, "\(arguments): \(other.stderr)")
        }
    }

    // MARK: Defect 5: modes and owners

    @Test func modesOwnersAndReadOnlyFiles() throws {
        let folder = try E2E.scratch()
        defer { chmod(folder.path, 0o755); E2E.remove(folder) }
        // New files, the plan and the problem, are 0600 whatever the umask.
        let result = try CLIHarness.run(Self.plan + ["-o", "plan.txt", "--emit-problem", "problem.json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.mode(folder.appendingPathComponent("plan.txt").path) == 0o600)
        #expect(Self.mode(folder.appendingPathComponent("problem.json").path) == 0o600)
        // A replaced file keeps its mode, and its owner where permitted (as root).
        let shared = folder.appendingPathComponent("shared.txt").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: shared))
        #expect(chmod(shared, 0o640) == 0)
        if Self.isRoot { #expect(chown(shared, 65534, 65534) == 0) }
        #expect(try CLIHarness.run(Self.plan + ["-o", shared]).status == 0)
        #expect(Self.mode(shared) == 0o640)
        var info = stat()
        #expect(stat(shared, &info) == 0)
        if Self.isRoot { #expect(info.st_uid == 65534 && info.st_gid == 65534) }
        #expect(try String(contentsOfFile: shared, encoding: .utf8).contains("Monday"))
        // A read-only file is refused (73) and left alone, also for root.
        let locked = folder.appendingPathComponent("locked.txt").path
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: locked))
        #expect(chmod(locked, 0o444) == 0)
        let refused = try CLIHarness.run(Self.plan + ["-o", locked])
        #expect(refused.status == 73, "\(refused.stderr)")
        #expect(refused.stderr.contains("read-only"))
        #expect(try String(contentsOfFile: locked, encoding: .utf8) == "keep\n")
        #expect(Self.temporaries(in: folder).isEmpty)
    }

    // MARK: Defect 10: signals during the write

    /// A plan of about 2 MB (a long note from an extra rule) is written with `-o`; as soon as its
    /// temporary file appears the process gets SIGINT, SIGTERM or SIGHUP. The temporary file must
    /// be gone, the target old or complete, and for each signal at least one kill must have landed
    /// mid-write (the process died of the signal with the old target still in place).
    @Test func signalsRemoveTheTemporaryFile() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let rules = try HardeningCLITests.copyRules(into: folder)
        let note = String(repeating: "long note ", count: 200_000)
        try Data("rule long-note when always then note \"\(note)\"\n".utf8).write(to: rules.appendingPathComponent("60-long.rules"))
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        let target = out.appendingPathComponent("plan.json")
        let arguments = ["plan", "--rules", rules.path, "--confirmed", "zinc", "--format", "json", "-o", target.path]
        #expect(try CLIHarness.run(arguments).status == 0)
        let new = try Data(contentsOf: target)
        #expect(new.count > 2_000_000)
        let old = Data("old\n".utf8)
        // A signal this test process was started with ignored (SIGINT under `cmd &`) is inherited
        // as ignored, and gutplan rightly keeps it so: nothing to test for it then.
        let inheritedIgnored = { (number: Int32) -> Bool in
            let old = signal(number, SIG_IGN)
            _ = signal(number, old)
            return old.map { unsafeBitCast($0, to: Int.self) == 1 } ?? false
        }
        for signal in [SIGINT, SIGTERM, SIGHUP] where !inheritedIgnored(signal) {
            var landed = false
            var seen: [String] = []
            for _ in 0..<8 where !landed {
                try old.write(to: target)
                let process = try CLIHarness.makeProcess(arguments)
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                let done = DispatchSemaphore(value: 0)
                process.terminationHandler = { _ in done.signal() }
                try CLIHarness.start(process)
                // Poll (bounded by a count) for the temporary file, then signal at once.
                var polls = 0
                while process.isRunning, Self.temporaries(in: out).isEmpty, polls < 20_000_000 { polls += 1 }
                kill(process.processIdentifier, signal)
                try CLIHarness.wait(for: process, done: done)
                let now = try Data(contentsOf: target)
                #expect(now == old || now == new, "signal \(signal): partial file of \(now.count) bytes")
                #expect(Self.temporaries(in: out).isEmpty, "signal \(signal) left \(Self.temporaries(in: out))")
                if process.terminationReason == .uncaughtSignal, process.terminationStatus == signal, now == old { landed = true }
                seen.append("\(process.terminationReason == .uncaughtSignal ? "signal" : "exit") \(process.terminationStatus)"
                    + (now == old ? " old" : " new") + " after \(polls) polls")
            }
            #expect(landed, "signal \(signal) never arrived while the temporary file existed: \(seen)")
        }
    }
}
