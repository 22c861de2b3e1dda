import Foundation
import GutPlanKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old content or all of the new content.
///
/// The data goes to a temporary file `.gutplan-<pid>-<n>.tmp` created with `O_CREAT|O_EXCL` in the
/// target's own folder (mode 0644 minus the umask), is written completely and `fsync`ed, then
/// `rename`d over the target, and the folder is synced. On any failure the temporary file is
/// removed and `GutPlanError.cannotWrite` (exit 73) is thrown; the target is never truncated or
/// half-written, and nothing is written anywhere else. If the process is killed mid-write
/// (`kill -9`, power loss) at most a stray `.gutplan-*.tmp` remains next to the target.
///
/// A symbolic link at the target path is replaced by the new file (not followed).
public enum AtomicFile {
    /// Replaces (or creates) the file at `path` with `data`.
    public static func write(_ data: Data, to path: String) throws(GutPlanError) {
        guard !path.isEmpty else { throw GutPlanError.cannotWrite("cannot write to an empty path") }
        let folder = folderPath(of: path)
        var info = stat()
        if stat(folder, &info) != 0 {
            throw GutPlanError.cannotWrite("cannot write \(path): folder \(folder) \(reason(errno))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw GutPlanError.cannotWrite("cannot write \(path): \(folder) is not a folder")
        }
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw GutPlanError.cannotWrite("cannot write \(path): it is a folder")
        }

        let (descriptor, temporary) = try createTemporary(in: folder, for: path)
        var closed = false
        do throws(GutPlanError) {
            try writeAll(data, to: descriptor, path: path)
            if fsync(descriptor) != 0 { throw GutPlanError.cannotWrite("cannot write \(path): \(reason(errno))") }
            closed = true
            if close(descriptor) != 0 { throw GutPlanError.cannotWrite("cannot write \(path): \(reason(errno))") }
            if rename(temporary, path) != 0 { throw GutPlanError.cannotWrite("cannot write \(path): \(reason(errno))") }
        } catch {
            if !closed { _ = close(descriptor) }
            _ = unlink(temporary)
            throw error
        }
        syncFolder(folder)
    }

    /// Replaces (or creates) the file at `path` with the UTF-8 bytes of `text`.
    public static func write(_ text: String, to path: String) throws(GutPlanError) {
        try write(Data(text.utf8), to: path)
    }

    /// The folder that holds `path` (`.` for a bare file name).
    static func folderPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// The file-name prefix of temporary files, for documentation and clean-up tools.
    public static let temporaryPrefix = ".gutplan-"

    private static let counter = Counter()

    private static func createTemporary(in folder: String, for path: String) throws(GutPlanError) -> (Int32, String) {
        for _ in 0..<100 {
            let name = "\(temporaryPrefix)\(getpid())-\(counter.next()).tmp"
            let temporary = folder == "/" ? "/" + name : folder + "/" + name
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return (descriptor, temporary) }
            if errno != EEXIST { throw GutPlanError.cannotWrite("cannot write \(path): \(reason(errno))") }
        }
        throw GutPlanError.cannotWrite("cannot write \(path): no free temporary file name in \(folder)")
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(GutPlanError) {
        let failure: Int32? = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            guard var pointer = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Glibc.write(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                remaining -= written
                pointer += written
            }
            return nil
        }
        if let failure { throw GutPlanError.cannotWrite("cannot write \(path): \(reason(failure))") }
    }

    /// Makes the rename durable; failure here cannot undo the write, so it is ignored.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
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
