import GutPlanKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary file of an atomic write when SIGINT, SIGTERM or SIGHUP arrive, then
/// lets the signal take its default action (the process ends as killed by it, as the shell
/// expects).
///
/// The handler only calls `unlink`, `signal` and `raise`, which are async-signal-safe, and reads
/// a path stored beforehand in a fixed buffer. The path is registered and cleared with these
/// signals blocked, so the handler never sees a half-written path and never removes a file the
/// process did not create. A signal the process was started with ignored (`nohup`) stays ignored.
/// SIGKILL cannot be caught: then at most one `.gutplan-*.tmp` remains next to the target.
enum SignalCleanup: TemporaryFileRegistry {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Room for the path and its terminating NUL; longer paths are written without cleanup.
    static let capacity = 4_097

    /// The registered path (NUL-terminated) and whether it is set (1) or not (0). Allocated once
    /// and never freed, so the handler can always read them.
    private struct Storage: @unchecked Sendable {
        let path: UnsafeMutablePointer<CChar>
        let isSet: UnsafeMutablePointer<Int32>
    }

    private static let storage: Storage = {
        let path = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        path.initialize(repeating: 0, count: capacity)
        let isSet = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        isSet.initialize(to: 0)
        installHandlers()
        return Storage(path: path, isSet: isSet)
    }()

    /// Runs `body` with the three signals blocked (then restores the previous mask).
    static func withSignalsBlocked<Value>(_ body: () -> Value) -> Value {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in signals { sigaddset(&blocked, signal) }
        sigprocmask(SIG_BLOCK, &blocked, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        return body()
    }

    /// Makes `path` the file to remove on a signal; call with the signals blocked. A path too
    /// long for the buffer is not registered.
    static func register(_ path: String) {
        let storage = storage
        let bytes = Array(path.utf8)
        guard bytes.count < capacity, !bytes.contains(0) else { return }
        storage.isSet.pointee = 0
        for (index, byte) in bytes.enumerated() { storage.path[index] = CChar(bitPattern: byte) }
        storage.path[bytes.count] = 0
        storage.isSet.pointee = 1
    }

    /// Forgets the registered path; call with the signals blocked.
    static func clear(_ path: String) {
        storage.isSet.pointee = 0
    }

    /// The handler: remove the registered file, restore the default action and raise the signal
    /// again (it is delivered when the handler returns).
    private static let handler: @convention(c) (Int32) -> Void = { signal_ in
        let storage = SignalCleanup.storage
        if storage.isSet.pointee == 1 { _ = unlink(storage.path) }
        _ = signal(signal_, SIG_DFL)
        _ = raise(signal_)
    }

    private static func installHandlers() {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in signals { sigaddset(&blocked, signal) }
        sigprocmask(SIG_BLOCK, &blocked, &previous)
        for signal_ in signals {
            let old = signal(signal_, handler)
            // SIG_IGN is the handler value 1 on Linux and Darwin.
            if let old, unsafeBitCast(old, to: Int.self) == 1 { _ = signal(signal_, SIG_IGN) }
        }
        sigprocmask(SIG_SETMASK, &previous, nil)
    }
}
