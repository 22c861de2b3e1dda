/// What the printable report shows beyond the plan itself: who it is for, and why each
/// nutrient is flagged (which needs the rules, so `Explanation.reportDetails(client:)` fills it).
public struct ReportDetails: Sendable, Equatable {
    /// The client's name for the title; `nil` gives an untitled report.
    public var client: String?
    /// By nutrient id: how the flag came about, one line each, outermost first.
    public var flagReasons: [String: [String]]
    /// Lab test display names by test id (`ferritin` → `Serum ferritin`).
    public var labNames: [String: String]
    /// The practitioner's notes for the client (a profile's `notes:` lines), shown before
    /// gutplan's own notes.
    public var notes: [String]

    public init(client: String? = nil, flagReasons: [String: [String]] = [:], labNames: [String: String] = [:],
                notes: [String] = []) {
        self.client = client
        self.flagReasons = flagReasons
        self.labNames = labNames
        self.notes = notes
    }
}
