/// The end of a batch: every profile's result in the order the paths were given.
public struct BatchSummary: Sendable {
    public var results: [BatchResult]
    /// Why the manifest could not be written, if so (the outputs are written; the next run
    /// re-plans everything).
    public var manifestFailure: String?

    /// Profiles planned and written in this run.
    public var planned: Int { results.filter { $0.status == .planned }.count }
    /// Profiles skipped because nothing they depend on changed.
    public var unchanged: Int { results.filter { $0.status == .unchanged }.count }
    /// Profiles that failed, each with its message.
    public var failed: Int { results.filter { $0.status.severity != .ok }.count }

    /// The worst outcome: what the batch's exit status stands for.
    public var worst: BatchResult.Severity {
        let worstResult = results.map(\.status.severity).max() ?? .ok
        return manifestFailure == nil ? worstResult : max(worstResult, .cannotWrite)
    }

    /// `12 planned, 3 unchanged, 1 failed`.
    public var line: String { "\(planned) planned, \(unchanged) unchanged, \(failed) failed" }
}
