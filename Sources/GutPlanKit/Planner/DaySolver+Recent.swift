extension DaySolver {
    /// The last `limit` pure queries and their answers, oldest first. Misses cost a comparison
    /// with each (arrays of the catalogue's size, usually different within a few elements);
    /// a hit saves a whole day search.
    struct Recent {
        private var entries: [(query: DayQuery, result: DayResult, work: Int)] = []
        private let limit = 16

        func answer(_ query: DayQuery) -> (result: DayResult, work: Int)? {
            for entry in entries.reversed() where entry.query == query { return (entry.result, entry.work) }
            return nil
        }

        mutating func keep(_ query: DayQuery, _ result: DayResult, work: Int) {
            if entries.count == limit { entries.removeFirst() }
            entries.append((query, result, work))
        }
    }
}
