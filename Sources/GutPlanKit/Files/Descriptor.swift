#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to an open file descriptor, for ``PrivateFile`` and for a program's standard output.
public enum Descriptor {
    /// Writes all of `bytes` to `descriptor`, retrying short writes and `EINTR`: `nil`, or the
    /// `errno` of the failed write (`EIO` when the system wrote nothing without saying why).
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard var pointer = bytes.baseAddress else { return nil }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            remaining -= written
            pointer += written
        }
        return nil
    }
}

/// The C library's `write(2)`, named apart from Swift methods called `write`.
private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, pointer, count)
}
