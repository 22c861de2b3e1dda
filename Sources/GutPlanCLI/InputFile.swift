import GutPlanKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the user named for reading (a lab report, a saved plan), opened without blocking and
/// checked before any work. A missing, unreadable, directory or special file is a `cannotRead`
/// error (exit 66) that names the file and the reason; a FIFO is refused rather than waited on,
/// unless the caller reads it as it comes.
struct InputFile {
    /// Open for reading; the caller closes it.
    let descriptor: Int32
    /// Size in bytes (0 for a FIFO).
    let size: Int
    /// The path as messages show it.
    let shown: String

    /// Opens `path`, described in messages as `what` ("lab file", "plan file").
    init(_ path: String, what: String, allowFIFO: Bool) throws(CLIError) {
        let shown = path.clipped(to: 200, keepEnd: true)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            let code = errno
            throw .cannotRead("cannot read \(what) \(shown): " + (code == ENOENT ? "it does not exist" : POSIX.reason(code)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            _ = close(descriptor)
            throw .cannotRead("cannot read \(what) \(shown): \(POSIX.reason(code))")
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || (allowFIFO && kind == S_IFIFO) else {
            _ = close(descriptor)
            throw .cannotRead("cannot read \(what) \(shown): "
                              + (kind == S_IFDIR ? "it is a directory, not a file" : "it is not a regular file"))
        }
        self.descriptor = descriptor
        self.size = Int(info.st_size)
        self.shown = shown
    }
}
