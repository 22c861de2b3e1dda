import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a regular file so that readers see either the old content or all of the new content.
///
/// The data goes to a temporary file `.gutplan-<pid>-<n>.tmp` created with `O_CREAT|O_EXCL` in the
/// target's own folder, is written completely and `fsync`ed, then `rename`d over the target, and
/// the folder is synced. The new file gets the mode (and, where permitted, the owner and group)
/// of the file it replaces; a new file is 0600. On any failure the temporary file is removed and
/// the target is left as it was. SIGINT, SIGTERM and SIGHUP remove the temporary file too
/// (`SignalCleanup`); after SIGKILL or a power loss at most a stray `.gutplan-*.tmp` remains.
///
/// `path` must already be resolved (`OutputTarget`): a symbolic link at `path` would be replaced,
/// not followed. Failing to create or rename is `CLIError.cannotWrite` (exit 73); failing while
/// writing the data (a full disk) is `CLIError.ioError` (exit 74).
enum AtomicFile {
    /// The mode of a file gutplan creates: readable and writable by its owner only (plans hold
    /// health data).
    static let newFileMode: mode_t = 0o600
    /// The file-name prefix of temporary files, for documentation and clean-up tools.
    static let temporaryPrefix = ".gutplan-"

    /// Replaces (or creates) the file at `path` with `data`.
    static func write(_ data: Data, to path: String) throws(CLIError) {
        guard !path.isEmpty else { throw .cannotWrite("cannot write to an empty path") }
        let shown = path.clipped(to: 200, keepEnd: true)
        let folder = folderPath(of: path)
        var info = stat()
        if stat(folder, &info) != 0 {
            throw .cannotWrite("cannot write \(shown): folder \(folder.clipped(to: 200, keepEnd: true)): \(POSIX.reason(errno))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .cannotWrite("cannot write \(shown): \(folder.clipped(to: 200, keepEnd: true)) is not a directory")
        }
        var existing = stat()
        let exists = lstat(path, &existing) == 0
        if exists {
            guard existing.st_mode & S_IFMT == S_IFREG else {
                throw .cannotWrite("cannot write \(shown): " + (existing.st_mode & S_IFMT == S_IFDIR
                    ? "it is a directory" : "it is not a regular file"))
            }
            try checkNotReadOnly(existing, path: path)
        }

        let (descriptor, temporary) = try createTemporary(in: folder, shown: shown)
        var closed = false
        do throws(CLIError) {
            try copyOwnership(from: exists ? existing : nil, to: descriptor, shown: shown)
            let failure = data.withUnsafeBytes { POSIX.writeAll($0, to: descriptor) }
            if let failure { throw .ioError("cannot write \(shown): \(POSIX.reason(failure))") }
            if fsync(descriptor) != 0 { throw .ioError("cannot write \(shown): \(POSIX.reason(errno))") }
            closed = true
            if close(descriptor) != 0 { throw .ioError("cannot write \(shown): \(POSIX.reason(errno))") }
            try SignalCleanup.withSignalsBlocked { () throws(CLIError) in
                if rename(temporary, path) != 0 { throw .cannotWrite("cannot write \(shown): \(POSIX.reason(errno))") }
                SignalCleanup.clear()
            }
        } catch {
            if !closed { _ = close(descriptor) }
            try? SignalCleanup.withSignalsBlocked { () throws(CLIError) in
                _ = unlink(temporary)
                SignalCleanup.clear()
            }
            throw error
        }
        syncFolder(folder)
    }

    /// Replaces (or creates) the file at `path` with the UTF-8 bytes of `text`.
    static func write(_ text: String, to path: String) throws(CLIError) {
        try write(Data(text.utf8), to: path)
    }

    /// A file nobody may write (no write permission bit at all), or one this user may not write,
    /// is refused (exit 73) rather than replaced behind its owner's back — also for root.
    static func checkNotReadOnly(_ info: stat, path: String) throws(CLIError) {
        if info.st_mode & 0o222 == 0 || access(path, W_OK) != 0 {
            throw .cannotWrite("cannot write \(path.clipped(to: 200, keepEnd: true)): the file is read-only")
        }
    }

    /// The folder that holds `path` (`.` for a bare file name).
    static func folderPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private static let counter = Counter()

    /// Creates the temporary file (mode 0600) and registers it for removal on a signal, both with
    /// the signals blocked, so that no signal can leave it behind unregistered.
    private static func createTemporary(in folder: String, shown: String) throws(CLIError) -> (Int32, String) {
        for _ in 0..<100 {
            let name = "\(temporaryPrefix)\(getpid())-\(counter.next()).tmp"
            let temporary = folder == "/" ? "/" + name : folder + "/" + name
            let result: (Int32, Int32) = try SignalCleanup.withSignalsBlocked { () throws(CLIError) in
                let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, newFileMode)
                let code = errno
                if descriptor >= 0 { SignalCleanup.register(temporary) }
                return (descriptor, code)
            }
            if result.0 >= 0 { return (result.0, temporary) }
            if result.1 != EEXIST { throw .cannotWrite("cannot write \(shown): \(POSIX.reason(result.1))") }
        }
        throw .cannotWrite("cannot write \(shown): no free temporary file name in \(folder.clipped(to: 200, keepEnd: true))")
    }

    /// Gives the temporary file the owner, group and mode of the file it replaces (owner and
    /// group only where permitted: an ordinary user cannot give a file away), or mode 0600.
    private static func copyOwnership(from existing: stat?, to descriptor: Int32, shown: String) throws(CLIError) {
        guard let existing else {
            if fchmod(descriptor, newFileMode) != 0 { throw .cannotWrite("cannot write \(shown): \(POSIX.reason(errno))") }
            return
        }
        if existing.st_uid != geteuid() || existing.st_gid != getegid() {
            if fchown(descriptor, existing.st_uid, existing.st_gid) != 0 {
                _ = fchown(descriptor, uid_t.max, existing.st_gid)  // keep at least the group if we may
            }
        }
        // After fchown, which clears set-id bits.
        if fchmod(descriptor, existing.st_mode & 0o7777) != 0 {
            throw .cannotWrite("cannot write \(shown): \(POSIX.reason(errno))")
        }
    }

    /// Makes the rename durable; failure here cannot undo the write, so it is ignored.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
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
