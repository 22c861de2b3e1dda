/// A client's profile file, read: who the plan is for, how to schedule it, and notes for the
/// report. `GutPlan.readProfile(at:)` reads one (see docs/PROFILES.md), `text` writes one back.
public struct ClientProfile: Sendable, Equatable {
    /// The client's name as written (`name:`); empty when not given.
    public var name: String
    /// The profile as typed. `input.labsPath` is the lab report's path resolved against the
    /// profile's folder (what `GutPlan.resolve` reads); `labsReference` is how it was written.
    public var input: ProfileInput
    /// `labs:` as written in the file (relative to the profile's folder), or `nil`.
    public var labsReference: String?
    /// Lab results written in the profile itself (`lab:` lines and rows under `labs:`), checked
    /// against the knowledge base; `GutPlan.resolve(_: ClientProfile)` adds them to the report's.
    public var labs: [LabResult]
    public var options: PlanOptions
    /// Free text for the report, one element per line (`notes:` lines and their continuation
    /// lines, in order; an empty `notes:` is an empty line).
    public var notes: [String]

    public init(name: String = "", input: ProfileInput = ProfileInput(), labsReference: String? = nil,
                labs: [LabResult] = [], options: PlanOptions = PlanOptions(), notes: [String] = []) {
        self.name = name
        self.input = input
        self.labsReference = labsReference
        self.labs = labs
        self.options = options
        self.notes = notes
    }
}

extension GutPlan {
    /// The profile of ids a client profile stands for: `resolve(client.input)` (names, the lab
    /// report file) plus the lab results written in the profile.
    public func resolve(_ client: ClientProfile) throws(GutPlanError) -> Profile {
        var profile = try resolve(client.input)
        profile.labs += client.labs
        return profile
    }
}
