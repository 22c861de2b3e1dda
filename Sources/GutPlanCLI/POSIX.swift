import GutPlanKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("gutplan needs a POSIX C library (Glibc, Musl or Darwin)")
#endif

/// The few system calls the front end makes, under names that do not clash with Swift methods
/// called `write` or `read`, on Linux (Glibc, Musl) and macOS (Darwin) alike.
enum POSIX {
    /// Writes all of `bytes` to `descriptor`, retrying short writes and `EINTR`;
    /// returns `nil`, or the `errno` of the failed write.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        Descriptor.writeAll(bytes, to: descriptor)
    }

    /// Writes all UTF-8 bytes of `text`; `nil` or the `errno` of the failure.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    /// Reads up to `count` bytes into `buffer`, retrying `EINTR`: the byte count, 0 at end of
    /// input, or -1 with `errno` set.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        while true {
            let got = systemRead(descriptor, buffer, count)
            if got < 0, errno == EINTR { continue }
            return got
        }
    }

    /// The system's reason for `code` (`strerror`), e.g. "No space left on device".
    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// The C `read`, named so that `POSIX.read` does not call itself.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
