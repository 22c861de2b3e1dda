extension Explanation {
    /// The report's extra details: each flag's chain of reasons as `gutplan explain` prints it
    /// (lab values with their units and what the rule asks), and the lab tests' names.
    public func reportDetails(client: String? = nil) -> ReportDetails {
        var reasons: [String: [String]] = [:]
        for id in assessment.flags.keys {
            reasons[id] = chain(for: id, depth: 0, seen: []).map(\.1)
        }
        var names: [String: String] = [:]
        for lab in plan.profile.labs {
            if let test = knowledge.labTests.first(where: { $0.id == lab.test }) { names[lab.test] = test.name }
        }
        return ReportDetails(client: client, flagReasons: reasons, labNames: names)
    }
}
