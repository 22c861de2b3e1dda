/// Something that removes a registered temporary file when a signal ends the process (the
/// command line's signal handler). ``PrivateFile`` registers its temporary file from creation
/// to rename, and clears it after, always inside `withSignalsBlocked`, so the handler never sees
/// a half-registered path.
public protocol TemporaryFileRegistry {
    /// Runs `body` with the registry's signals blocked, then restores the previous mask.
    static func withSignalsBlocked<Value>(_ body: () -> Value) -> Value
    /// Makes `path` a file to remove on a signal; called with the signals blocked.
    static func register(_ path: String)
    /// Forgets `path`; called with the signals blocked.
    static func clear(_ path: String)
}
