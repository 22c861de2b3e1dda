extension PlannerModel {
    /// Smallest and largest day energy, and per-row smallest totals, ignoring distinctness.
    func extremes(blocked: [Bool], candidates: [[Int]]? = nil) -> (minKcal: Double, maxKcal: Double, minLimit: [Double], emptySlot: Int?) {
        var lo = 0.0, hi = 0.0
        var total = [Double](repeating: 0, count: limitCount)
        for s in 0..<slots.count {
            var sLo = Double.infinity, sHi = -Double.infinity
            var sLim = [Double](repeating: .infinity, count: limitCount)
            for i in candidates?[s] ?? self.candidates[s] where !blocked[i] {
                sLo = min(sLo, kcal[i]); sHi = max(sHi, kcal[i])
                for u in 0..<limitCount { sLim[u] = min(sLim[u], limited[i * limitCount + u]) }
            }
            if sLo == .infinity { return (0, 0, total, s) }
            lo += sLo; hi += sHi
            for u in 0..<limitCount { total[u] += sLim[u] }
        }
        return (lo, hi, total, nil)
    }
}
