/// The ids a column may name (meals, foods), in file order for "did you mean" suggestions and
/// as a set for a constant-time check of each row.
struct KnownIDs: Sendable {
    let list: [String]
    private let set: Set<String>

    init(_ list: [String]) {
        self.list = list
        set = Set(list)
    }

    func contains(_ id: String) -> Bool { set.contains(id) }
}
