/// One step of a batch, as a front end shows it: `completed` of `total` profiles are done, the
/// latest being `result`. Reported once per profile, one at a time, in completion order.
public struct BatchProgress: Sendable {
    public var completed: Int
    public var total: Int
    public var result: BatchResult
}
