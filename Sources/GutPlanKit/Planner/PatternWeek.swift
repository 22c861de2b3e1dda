/// Builds a week from whole day patterns (the column-generation master's days): a depth-first
/// search over the days that picks one pattern per day, best patterns first, within the weekly
/// item and food caps, the allowed days, the locks and the no-consecutive rule, pruned by
/// `score so far + days left × best pattern score`. When the master's mix of patterns is close
/// to integral this finds the optimum directly.
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
        var capUsed = [Double](repeating: 0, count: model.weekly.count)
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
                let previous = d > 0 ? scored[chosen[d - 1]].items : nil
                guard model.canAdd(pattern.items, day: d, counts: counts, capUsed: capUsed, previous: previous) else { continue }
                for i in pattern.items { counts[i] += 1 }
                for c in capUsed.indices { capUsed[c] += model.capUse(c, pattern.items) }
                chosen[d] = p
                visit(d + 1, score + pattern.score)
                for i in pattern.items { counts[i] -= 1 }
                for c in capUsed.indices { capUsed[c] -= model.capUse(c, pattern.items) }
            }
        }
        visit(0, 0)
        guard let best else { return nil }
        return WeekState(days: best.map { scored[$0].items }, itemCount: model.itemCount)
    }

    /// Orders exactly these days (a multiset that already respects the weekly caps) so that no
    /// no-consecutive item falls on two adjacent days and every day fits its allowed days and
    /// locks; `nil` when no order works in budget.
    func order(_ days: [[Int]]) -> WeekState? {
        let D = days.count
        guard D == model.days else { return nil }
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
                if !model.fits(days[k], day: sequence.count) { continue }
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
        return WeekState(days: sequence.map { days[$0] }, itemCount: model.itemCount)
    }
}
