/// Builds a week from whole day patterns (the column-generation master's days): a depth-first
/// search over the days that picks one pattern per day, best patterns first, within the weekly
/// caps and the no-consecutive rule, pruned by `score so far + days left × best pattern score`.
/// When the master's mix of patterns is close to integral this finds the optimum directly.
struct PatternWeek {
    let model: PlannerModel
    /// Nodes visited before the search stops with the best week found.
    let budget: Int

    func search(patterns: [[Int]], incumbent: Double) -> WeekState? {
        let scored = patterns.map { (items: $0, score: model.dayScore($0)) }
            .sorted { $0.score > $1.score }
        guard let top = scored.first?.score else { return nil }
        let D = model.days
        var counts = [Int](repeating: 0, count: model.itemCount)
        var chosen = [Int](repeating: -1, count: D)
        var bestScore = incumbent
        var best: [Int]?
        var nodes = 0

        func visit(_ d: Int, _ score: Double) {
            if d == D {
                if score > bestScore + 1e-12 { bestScore = score; best = chosen }
                return
            }
            for (p, pattern) in scored.enumerated() {
                nodes += 1
                if nodes > budget { return }
                if score + pattern.score + Double(D - d - 1) * top <= bestScore + 1e-12 { return }
                var fits = true
                for i in pattern.items {
                    if counts[i] >= model.cap[i] { fits = false; break }
                    if model.noConsecutive[i], d > 0, scored[chosen[d - 1]].items.contains(i) { fits = false; break }
                }
                guard fits else { continue }
                for i in pattern.items { counts[i] += 1 }
                chosen[d] = p
                visit(d + 1, score + pattern.score)
                for i in pattern.items { counts[i] -= 1 }
            }
        }
        visit(0, 0)
        guard let best else { return nil }
        var state = WeekState(days: best.map { scored[$0].items }, counts: [Int](repeating: 0, count: model.itemCount))
        for day in state.days { for i in day { state.counts[i] += 1 } }
        return state
    }

    /// Orders exactly these days (a multiset that already respects the weekly caps) so that no
    /// no-consecutive item falls on two adjacent days; `nil` when no order works in budget.
    func order(_ days: [[Int]]) -> WeekState? {
        let D = days.count
        var used = [Bool](repeating: false, count: D)
        var sequence: [Int] = []
        var nodes = 0
        func clash(_ a: [Int], _ b: [Int]) -> Bool {
            a.contains { model.noConsecutive[$0] && b.contains($0) }
        }
        func place() -> Bool {
            if sequence.count == D { return true }
            for k in 0..<D where !used[k] {
                nodes += 1
                if nodes > budget { return false }
                // Identical days are interchangeable: try only the first unused copy.
                if (0..<k).contains(where: { !used[$0] && days[$0] == days[k] }) { continue }
                if let last = sequence.last, clash(days[last], days[k]) { continue }
                used[k] = true
                sequence.append(k)
                if place() { return true }
                sequence.removeLast()
                used[k] = false
            }
            return false
        }
        guard place() else { return nil }
        var state = WeekState(days: sequence.map { days[$0] }, counts: [Int](repeating: 0, count: model.itemCount))
        for day in state.days { for i in day { state.counts[i] += 1 } }
        return state
    }
}
