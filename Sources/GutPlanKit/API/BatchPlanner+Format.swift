extension BatchPlanner {
    /// An output format of a batch: the name given on the command line, the file extension of
    /// its outputs, and how a planned profile becomes the file's text. Front ends pass their own
    /// renderers (HTML, calendar) next to the built-in ones.
    public struct Format: Sendable {
        public var name: String
        public var fileExtension: String
        public var render: @Sendable (GutPlan.Outcome, ClientProfile) throws -> String

        public init(name: String, fileExtension: String,
                    render: @escaping @Sendable (GutPlan.Outcome, ClientProfile) throws -> String) {
            self.name = name
            self.fileExtension = fileExtension
            self.render = render
        }

        public static let json = Format(name: "json", fileExtension: "json") { outcome, _ in outcome.plan.json() }
        public static let csv = Format(name: "csv", fileExtension: "csv") { outcome, _ in outcome.plan.csv() }
        public static let markdown = Format(name: "markdown", fileExtension: "md") { outcome, _ in outcome.plan.markdown() }
    }
}
