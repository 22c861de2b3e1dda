#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of interactive input.
enum InputLine: Sendable, Equatable {
    /// A line without its line break (and without a CR before it).
    case text(String)
    /// The line was longer than the limit; it was skipped up to its line break.
    case tooLong
    /// The line was longer than the limit and no line break came within `skipLimit` bytes
    /// (`-i </dev/zero`): give up on the input.
    case unterminated
    /// End of input (or a read error).
    case end
}

/// Reads lines from a file descriptor in constant memory: a 4 KiB read buffer and at most
/// `lineLimit` bytes of line. Unlike `Swift.readLine`, an endless line (`/dev/zero`) cannot
/// grow memory: past the limit the rest of the line is skipped, up to `skipLimit` bytes.
final class LineReader {
    /// Longest answer kept, in bytes (a terminal in canonical mode allows 4,095 characters).
    static let lineLimit = 4_096
    /// Bytes skipped looking for the end of an over-long line before giving up.
    static let skipLimit = 1 << 20

    private let descriptor: Int32
    private let lineLimit: Int
    private let skipLimit: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var finished = false

    init(descriptor: Int32 = 0, lineLimit: Int = LineReader.lineLimit, skipLimit: Int = LineReader.skipLimit) {
        self.descriptor = descriptor
        self.lineLimit = lineLimit
        self.skipLimit = skipLimit
        buffer = [UInt8](repeating: 0, count: 4_096)
    }

    /// The next line.
    func next() -> InputLine {
        guard !finished else { return .end }
        var line: [UInt8] = []
        var skipped = 0
        var tooLong = false
        while true {
            if start == end {
                let got = buffer.withUnsafeMutableBytes { bytes in
                    bytes.baseAddress.map { POSIX.read(descriptor, into: $0, count: bytes.count) } ?? 0
                }
                guard got > 0 else {
                    finished = true
                    if tooLong { return .tooLong }
                    return line.isEmpty ? .end : .text(Self.decode(line))
                }
                start = 0
                end = got
            }
            let newline = buffer[start..<end].firstIndex(of: 0x0A)
            let chunkEnd = newline ?? end
            let chunk = chunkEnd - start
            if tooLong {
                skipped += chunk
            } else if line.count + chunk > lineLimit {
                tooLong = true
                skipped = line.count + chunk - lineLimit
                line = []
            } else {
                line.append(contentsOf: buffer[start..<chunkEnd])
            }
            start = newline.map { $0 + 1 } ?? end
            if newline != nil { return tooLong ? .tooLong : .text(Self.decode(line)) }
            if tooLong, skipped > skipLimit {
                finished = true
                return .unterminated
            }
        }
    }

    /// UTF-8 text (invalid bytes become U+FFFD) without a final CR.
    static func decode(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes[...], as: UTF8.self)
    }
}
