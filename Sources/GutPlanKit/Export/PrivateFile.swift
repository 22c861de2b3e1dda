import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes health data so that readers see the old content or all of the new, and nobody else
/// can read a file gutplan creates.
///
/// The data goes to a temporary file `.gutplan-<pid>-<n>.tmp` created with `O_CREAT|O_EXCL` and
/// mode 0600 in the target's own folder; when the target is an existing regular file its mode
/// (and, where allowed, owner) is copied to the temporary file. The data is written completely
/// and `fsync`ed, then `rename`d over the target, and the folder is synced. On any failure the
/// temporary file is removed and the target is left as it was.
public enum PrivateFile {
    /// Why a write failed: the path and a reason a person can act on.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path.clipped(to: 400)): \(reason)" }
    }

    /// Mode of files gutplan creates.
    public static let newFileMode: mode_t = 0o600

    /// Replaces (or creates) the file at `path` with `data`.
    public static func write(_ data: Data, to path: String) throws(Failure) {
        guard !path.isEmpty else { throw Failure(path: path, reason: "the path is empty") }
        let folder = folderPath(of: path)
        var info = stat()
        guard stat(folder, &info) == 0 else { throw Failure(path: path, reason: "folder \(folder): \(reason(errno))") }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: path, reason: "\(folder) is not a folder") }
        var existing = stat()
        let replacing = lstat(path, &existing) == 0
        if replacing, existing.st_mode & S_IFMT == S_IFDIR { throw Failure(path: path, reason: "it is a folder") }

        let (descriptor, temporary) = try createTemporary(in: folder, for: path)
        var closed = false
        do throws(Failure) {
            if replacing, existing.st_mode & S_IFMT == S_IFREG {
                _ = fchown(descriptor, existing.st_uid, existing.st_gid)
                if fchmod(descriptor, existing.st_mode & 0o7777) != 0 { throw Failure(path: path, reason: reason(errno)) }
            }
            try writeAll(data, to: descriptor, path: path)
            if fsync(descriptor) != 0 { throw Failure(path: path, reason: reason(errno)) }
            closed = true
            if close(descriptor) != 0 { throw Failure(path: path, reason: reason(errno)) }
            if rename(temporary, path) != 0 { throw Failure(path: path, reason: reason(errno)) }
        } catch {
            if !closed { _ = close(descriptor) }
            _ = unlink(temporary)
            throw error
        }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            _ = close(folderDescriptor)
        }
    }

    /// The folder that holds `path` (`.` for a bare file name).
    static func folderPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private static let counter = Counter()

    private static func createTemporary(in folder: String, for path: String) throws(Failure) -> (Int32, String) {
        for _ in 0..<100 {
            let name = ".gutplan-\(getpid())-\(counter.next()).tmp"
            let temporary = folder == "/" ? "/" + name : folder + "/" + name
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, newFileMode)
            if descriptor >= 0 {
                // The umask may have taken bits away, never added them; make it exactly 0600.
                _ = fchmod(descriptor, newFileMode)
                return (descriptor, temporary)
            }
            if errno != EEXIST { throw Failure(path: path, reason: reason(errno)) }
        }
        throw Failure(path: path, reason: "no free temporary file name in \(folder)")
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(Failure) {
        let failure: Int32? = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            guard var pointer = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let written = posixWrite(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                remaining -= written
                pointer += written
            }
            return nil
        }
        if let failure { throw Failure(path: path, reason: reason(failure)) }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "does not exist"
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "no space left on the device"
        case EROFS: return "read-only file system"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "it is a folder"
        default: return String(cString: strerror(code))
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

/// The C library's `write(2)`, named apart from `PrivateFile.write` (the platform module comes
/// from the conditional imports at the top of the file).
private func posixWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, pointer, count)
}
