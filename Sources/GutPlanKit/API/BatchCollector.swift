import Foundation

/// The shared state of a batch's worker threads: the next job to take, the results so far,
/// and the progress callback, called under the lock so that it is never called twice at once.
final class BatchCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var completed = 0
    private let count: Int
    private let progress: @Sendable (BatchProgress) -> Void
    private var slots: [(BatchResult, String?)?]

    init(count: Int, progress: @escaping @Sendable (BatchProgress) -> Void) {
        self.count = count
        self.progress = progress
        slots = Array(repeating: nil, count: count)
    }

    /// The index of the next job, or `nil` when all are taken.
    func nextJob() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func finish(_ index: Int, _ result: BatchResult, hash: String?) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = (result, hash)
        completed += 1
        progress(BatchProgress(completed: completed, total: count, result: result))
    }

    /// Every finished job by index (read once the workers are done).
    var finished: [(BatchResult, String?)?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
