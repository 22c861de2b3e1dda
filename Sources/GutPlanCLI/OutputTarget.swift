import Foundation
import GutPlanKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `-o FILE` or `--emit-problem FILE` writes, decided before any work:
///
/// - `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` write to that open
///   descriptor directly;
/// - a symbolic link is followed (to its target, even one that does not exist yet);
/// - a character device (`/dev/null`, a terminal) or a FIFO is opened and written directly:
///   atomic replacement is only for regular files;
/// - a regular file, or a path where nothing is yet, is replaced atomically (`PrivateFile`, which removes its temporary file on SIGINT, SIGTERM and SIGHUP);
/// - a directory, socket or block device is refused (exit 73).
enum OutputTarget: Equatable {
    case descriptor(Int32)
    case device(String)
    case file(String)

    static let standardOutput = OutputTarget.descriptor(1)
    /// Symbolic links followed before giving up (as the kernel's `MAXSYMLINKS`).
    static let linkLimit = 40

    /// Decides where `path` writes.
    static func resolve(_ path: String) throws(CLIError) -> OutputTarget {
        let shown = path.clipped(to: 200, keepEnd: true)
        var current = path
        for _ in 0...linkLimit {
            if let descriptor = descriptorPath(current) { return .descriptor(descriptor) }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return .file(current) }
                throw .cannotWrite("cannot write \(shown): \(POSIX.reason(errno))")
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let target = linkTarget(current) else {
                    throw .cannotWrite("cannot write \(shown): cannot read the symbolic link: \(POSIX.reason(errno))")
                }
                current = target.hasPrefix("/") ? target : PrivateFile.folderPath(of: current) + "/" + target
            case S_IFREG: return .file(current)
            case S_IFCHR, S_IFIFO: return .device(current)
            case S_IFDIR: throw .cannotWrite("cannot write \(shown): it is a directory")
            default: throw .cannotWrite("cannot write \(shown): it is not a regular file, character device or FIFO")
            }
        }
        throw .cannotWrite("cannot write \(shown): too many levels of symbolic links")
    }

    /// The descriptor a path names directly: `/dev/stdout` 1, `/dev/stderr` 2, `/dev/fd/N` and
    /// `/proc/self/fd/N` N.
    static func descriptorPath(_ path: String) -> Int32? {
        switch path {
        case "-", "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let number = Int32(path.dropFirst(prefix.count)), number >= 0 { return number }
            }
            return nil
        }
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4_097)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What the target is on the system, to find two outputs naming the same file by different
    /// paths: the device and inode of an existing file or open descriptor, else the absolute
    /// path of a file still to be created (its folder's links resolved).
    enum Identity: Equatable {
        case inode(device: UInt64, inode: UInt64)
        case path(String)
        case unknown
    }

    var identity: Identity {
        var info = stat()
        switch self {
        case .descriptor(let descriptor):
            return fstat(descriptor, &info) == 0 ? Self.inode(info) : .unknown
        case .device(let path), .file(let path):
            if stat(path, &info) == 0 { return Self.inode(info) }
            let folder = PrivateFile.folderPath(of: path)
            let name = path.hasSuffix("/") ? "" : String(path[(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)...])
            guard let resolved = realpath(folder, nil) else { return .path(path) }
            defer { free(resolved) }
            return .path(String(cString: resolved) + "/" + name)
        }
    }

    private static func inode(_ info: stat) -> Identity {
        .inode(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
    }

    /// `true` when this is the null device (writing both outputs there is harmless).
    var isNullDevice: Bool {
        var null = stat()
        guard stat("/dev/null", &null) == 0 else { return false }
        return identity == Self.inode(null)
    }

    /// Refuses two outputs that are the same file (exit 64): one would overwrite the other.
    static func checkDistinct(plan: OutputTarget, problem: OutputTarget, planPath: String, problemPath: String) throws(CLIError) {
        let identity = plan.identity
        let same = plan == problem || (identity != .unknown && identity == problem.identity)
        guard same, !(plan.isNullDevice && problem.isNullDevice) else { return }
        if plan == problem, plan == standardOutput {
            throw .usage("the plan and --emit-problem would both go to standard output; "
                + "give -o FILE for the plan or a file name to --emit-problem")
        }
        throw .usage("the plan (\(planPath.clipped(to: 200, keepEnd: true))) and --emit-problem "
            + "(\(problemPath.clipped(to: 200, keepEnd: true))) name the same file")
    }

    /// Checks, before any work, that the target can be written: the folder of a file exists and
    /// is writable and an existing file is not read-only; a device can be opened for writing.
    func checkWritable(shownAs path: String) throws(CLIError) {
        let shown = path.clipped(to: 200, keepEnd: true)
        switch self {
        case .descriptor(let descriptor):
            guard fcntl(descriptor, F_GETFD) != -1 else {
                throw .cannotWrite("cannot write \(shown): descriptor \(descriptor) is not open")
            }
        case .device(let device):
            guard access(device, W_OK) == 0 else { throw .cannotWrite("cannot write \(shown): \(POSIX.reason(errno))") }
        case .file(let file):
            let folder = PrivateFile.folderPath(of: file)
            var info = stat()
            guard stat(folder, &info) == 0 else {
                throw .cannotWrite("cannot write \(shown): folder \(folder.clipped(to: 200, keepEnd: true)): \(POSIX.reason(errno))")
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .cannotWrite("cannot write \(shown): \(folder.clipped(to: 200, keepEnd: true)) is not a directory")
            }
            guard access(folder, W_OK) == 0 else {
                throw .cannotWrite("cannot write \(shown): folder \(folder.clipped(to: 200, keepEnd: true)): \(POSIX.reason(errno))")
            }
            if stat(file, &info) == 0 {
                do throws(PrivateFile.Failure) { try PrivateFile.checkNotReadOnly(info, path: file) } catch { throw CLIError(error) }
            }
        }
    }

    /// Writes `text` to the target: atomically for a file, directly otherwise.
    func write(_ text: String, context: CommandContext, shownAs path: String) throws(CLIError) {
        switch self {
        case .descriptor(1):
            try context.writeOutput(text)
        case .descriptor(let descriptor):
            try Self.writeDirectly(text, to: descriptor, shown: path)
        case .device(let device):
            let descriptor = open(device, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw .cannotWrite("cannot write \(path.clipped(to: 200, keepEnd: true)): \(POSIX.reason(errno))")
            }
            defer { _ = close(descriptor) }
            try Self.writeDirectly(text, to: descriptor, shown: path)
        case .file(let file):
            do throws(PrivateFile.Failure) { try PrivateFile.write(text, to: file, registry: SignalCleanup.self) } catch { throw CLIError(error) }
        }
    }

    /// Writes everything to an open descriptor: a closed pipe is `.brokenPipe`, anything else
    /// (a full disk, `/dev/full`) is `.ioError` (exit 74).
    static func writeDirectly(_ text: String, to descriptor: Int32, shown: String) throws(CLIError) {
        guard let failure = POSIX.writeAll(text, to: descriptor) else { return }
        if failure == EPIPE { throw .brokenPipe }
        throw .ioError("cannot write \(shown.clipped(to: 200, keepEnd: true)): \(POSIX.reason(failure))")
    }
}
