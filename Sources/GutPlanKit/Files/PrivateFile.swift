import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes health data so that readers see the old content or all of the new, and nobody else
/// can read a file gutplan creates. The one writer of regular files: plans, problems, shopping
/// lists, profiles and batch outputs all go through it.
///
/// The data goes to a temporary file `.gutplan-<pid>-<n>.tmp` created with `O_CREAT|O_EXCL|
/// O_NOFOLLOW` and mode 0600 in the target's own folder. When the target is an existing regular
/// file, its owner and group (where permitted: an ordinary user cannot give a file away) and then
/// its mode are copied to the temporary file. The data is written completely and `fsync`ed, then
/// `rename`d over the target, and the folder is synced. On any failure the temporary file is
/// removed and the target is left as it was.
///
/// `path` must already be resolved: a symbolic link at `path` is replaced, not followed (the
/// command line resolves links first). A file nobody may write, or this user may not write, is
/// refused rather than replaced behind its owner's back, also for root.
///
/// A program that wants the temporary file removed when a signal ends it passes a
/// ``TemporaryFileRegistry``; the file is registered from creation to rename with the signals
/// blocked, so a signal never leaves it behind unregistered.
public enum PrivateFile {
    /// Why a write failed: the path and a reason a person can act on.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Whether the file could not be made (a missing or read-only folder or file: the
        /// caller's `EX_CANTCREAT`) or the data could not be stored (a full disk: `EX_IOERR`).
        public enum Kind: Sendable, Equatable {
            case cannotCreate
            case ioFailure
        }
        public var kind: Kind
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path.clipped(to: 200, keepEnd: true)): \(reason)" }
    }

    /// Mode of files gutplan creates: readable and writable by its owner only.
    public static let newFileMode: mode_t = 0o600
    /// The file-name prefix of temporary files, for documentation and clean-up tools.
    public static let temporaryPrefix = ".gutplan-"

    /// Replaces (or creates) the file at `path` with the UTF-8 bytes of `text`.
    public static func write(_ text: String, to path: String,
                             registry: (any TemporaryFileRegistry.Type)? = nil) throws(Failure) {
        try write(Data(text.utf8), to: path, registry: registry)
    }

    /// Replaces (or creates) the file at `path` with `data`.
    public static func write(_ data: Data, to path: String,
                             registry: (any TemporaryFileRegistry.Type)? = nil) throws(Failure) {
        guard !path.isEmpty else { throw Failure(kind: .cannotCreate, path: path, reason: "the path is empty") }
        let folder = folderPath(of: path)
        let shownFolder = folder.clipped(to: 200, keepEnd: true)
        var info = stat()
        guard stat(folder, &info) == 0 else {
            throw Failure(kind: .cannotCreate, path: path, reason: "folder \(shownFolder): \(reason(errno))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw Failure(kind: .cannotCreate, path: path, reason: "\(shownFolder) is not a directory")
        }
        var existing = stat()
        let replacing = lstat(path, &existing) == 0
        if replacing {
            guard existing.st_mode & S_IFMT == S_IFREG else {
                throw Failure(kind: .cannotCreate, path: path, reason: existing.st_mode & S_IFMT == S_IFDIR
                    ? "it is a directory" : "it is not a regular file")
            }
            try checkNotReadOnly(existing, path: path)
        }

        let (descriptor, temporary) = try createTemporary(in: folder, for: path, registry: registry)
        var closed = false
        do throws(Failure) {
            try copyOwnership(from: replacing ? existing : nil, to: descriptor, path: path)
            if let failure = writeAll(data, to: descriptor) { throw Failure(kind: .ioFailure, path: path, reason: reason(failure)) }
            if fsync(descriptor) != 0 { throw Failure(kind: .ioFailure, path: path, reason: reason(errno)) }
            closed = true
            if close(descriptor) != 0 { throw Failure(kind: .ioFailure, path: path, reason: reason(errno)) }
            let renamed: Int32 = blocking(registry) {
                guard rename(temporary, path) == 0 else { return errno }
                registry?.clear(temporary)
                return 0
            }
            if renamed != 0 { throw Failure(kind: .cannotCreate, path: path, reason: reason(renamed)) }
        } catch {
            if !closed { _ = close(descriptor) }
            blocking(registry) {
                _ = unlink(temporary)
                registry?.clear(temporary)
            }
            throw error
        }
        syncFolder(folder)
    }

    /// Refuses a file nobody may write (no write bit at all), or one this user may not write.
    public static func checkNotReadOnly(_ info: stat, path: String) throws(Failure) {
        if info.st_mode & 0o222 == 0 || access(path, W_OK) != 0 {
            throw Failure(kind: .cannotCreate, path: path, reason: "the file is read-only")
        }
    }

    /// The folder that holds `path` (`.` for a bare file name).
    public static func folderPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private static let counter = Counter()

    /// Runs `body` with the registry's signals blocked (or directly without a registry).
    private static func blocking<Value>(_ registry: (any TemporaryFileRegistry.Type)?, _ body: () -> Value) -> Value {
        guard let registry else { return body() }
        return registry.withSignalsBlocked(body)
    }

    /// Creates the temporary file (mode 0600) and registers it, both with the signals blocked.
    private static func createTemporary(in folder: String, for path: String,
                                        registry: (any TemporaryFileRegistry.Type)?) throws(Failure) -> (Int32, String) {
        for _ in 0..<100 {
            let name = "\(temporaryPrefix)\(getpid())-\(counter.next()).tmp"
            let temporary = folder == "/" ? "/" + name : folder + "/" + name
            let (descriptor, code): (Int32, Int32) = blocking(registry) {
                let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, newFileMode)
                let code = errno
                if descriptor >= 0 { registry?.register(temporary) }
                return (descriptor, code)
            }
            if descriptor >= 0 { return (descriptor, temporary) }
            if code != EEXIST { throw Failure(kind: .cannotCreate, path: path, reason: reason(code)) }
        }
        throw Failure(kind: .cannotCreate, path: path,
                      reason: "no free temporary file name in \(folder.clipped(to: 200, keepEnd: true))")
    }

    /// Gives the temporary file the owner, group and mode of the file it replaces, or mode 0600
    /// (exactly: the umask may have taken bits away, never added them).
    private static func copyOwnership(from existing: stat?, to descriptor: Int32, path: String) throws(Failure) {
        guard let existing else {
            if fchmod(descriptor, newFileMode) != 0 { throw Failure(kind: .cannotCreate, path: path, reason: reason(errno)) }
            return
        }
        if existing.st_uid != geteuid() || existing.st_gid != getegid() {
            if fchown(descriptor, existing.st_uid, existing.st_gid) != 0 {
                _ = fchown(descriptor, uid_t.max, existing.st_gid)  // keep at least the group if we may
            }
        }
        // After fchown, which clears set-id bits.
        if fchmod(descriptor, existing.st_mode & 0o7777) != 0 {
            throw Failure(kind: .cannotCreate, path: path, reason: reason(errno))
        }
    }

    /// Writes all of `data`: `nil` or the failure's `errno`.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { Descriptor.writeAll($0, to: descriptor) }
    }

    /// Makes the rename durable; failure here cannot undo the write, so it is ignored.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    /// A reason a person can act on for `code`.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "does not exist"
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "no space left on the device"
        case EROFS: return "read-only file system"
        case ENOTDIR: return "a part of the path is not a directory"
        case EISDIR: return "it is a directory"
        default:
            guard let text = strerror(code) else { return "error \(code)" }
            return String(cString: text)
        }
    }

    /// A thread-safe counter for unique temporary names within one process.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
