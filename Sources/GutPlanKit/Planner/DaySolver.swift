/// What one day may use and how it is valued.
struct DayQuery {
    /// Per-item penalty subtracted from the day score (Lagrange multipliers); `nil` = none.
    var penalty: [Double]?
    /// Items the day may not use.
    var blocked: [Bool]
    /// Items that add variety to the week (tie-break after preference); `nil` = no variety tie-break.
    var novel: [Bool]?
    /// Break ties on day score by preference, then variety.
    var tieBreak: Bool
    /// Candidate evaluations before the search stops (its answer then carries an upper bound).
    var budget: Int
    /// A feasible day (problem slot order) to start from; only strictly better days replace it.
    var warmStart: [Int]?
    /// Restrict each slot to these candidates (problem slot order); `nil` = all.
    var candidates: [[Int]]?
}

/// The best day found for a query.
struct DayResult {
    /// Items in problem slot order; `nil` when no feasible day exists (or none was found in budget).
    var items: [Int]?
    /// Day score minus penalties.
    var value: Double
    var preference: Double
    var novelty: Int
    /// Valid upper bound on `value` over all feasible days of the query.
    var upperBound: Double
    /// True when the search finished (the answer is optimal and `upperBound == value`).
    var complete: Bool
}

/// Exact depth-first branch and bound for one day: one item per slot, distinct items, energy band
/// and upper limits, maximising `f(day) − Σ penalty`. `f` is a sum of capped linear terms, hence
/// submodular, so the remaining slots can add at most the sum of their best standalone values;
/// the per-nutrient bound `Σ w · min(1, partial + Σ best per slot)` also holds. The smaller wins.
final class DaySolver {
    private let model: PlannerModel
    private let L: Int
    private let N: Int
    private let U: Int
    private let tol = 1e-9
    private let eps = PlanningProblem.feasibilityEpsilon

    // Per-query scratch, sized once.
    private var order: [Int]
    private var candStart: [Int]
    private var candFlat: [Int]
    private var candKey: [Double]
    private var hSuffix: [Double]
    private var minLamSuffix: [Double]
    private var prefSuffix: [Double]
    private var minKcalSuffix: [Double]
    private var maxKcalSuffix: [Double]
    private var maxCovSuffix: [Double]   // (L+1) * N
    private var minLimSuffix: [Double]   // (L+1) * U
    private var accCov: [Double]         // (L+1) * N
    private var accLim: [Double]         // (L+1) * U
    private var accKcal: [Double]
    private var accLam: [Double]
    private var accPref: [Double]
    private var accNov: [Int]
    private var chosen: [Int]
    private var usedToday: [Bool]
    private var penalty: [Double]
    private var novel: [Bool]
    private var tieBreak = false
    private var budget = 0
    private var work = 0
    private var aborted = false
    private var openBound = -Double.infinity
    private var incValue = -Double.infinity
    private var incPref = 0.0
    private var incNov = 0
    private var incItems: [Int]?

    init(model: PlannerModel) {
        self.model = model
        L = model.slots.count
        N = model.objectiveCount
        U = model.limitCount
        order = Array(0..<L)
        candStart = [Int](repeating: 0, count: L + 1)
        candFlat = []
        candKey = []
        hSuffix = [Double](repeating: 0, count: L + 1)
        minLamSuffix = [Double](repeating: 0, count: L + 1)
        prefSuffix = [Double](repeating: 0, count: L + 1)
        minKcalSuffix = [Double](repeating: 0, count: L + 1)
        maxKcalSuffix = [Double](repeating: 0, count: L + 1)
        maxCovSuffix = [Double](repeating: 0, count: (L + 1) * N)
        minLimSuffix = [Double](repeating: 0, count: (L + 1) * U)
        accCov = [Double](repeating: 0, count: (L + 1) * N)
        accLim = [Double](repeating: 0, count: (L + 1) * U)
        accKcal = [Double](repeating: 0, count: L + 1)
        accLam = [Double](repeating: 0, count: L + 1)
        accPref = [Double](repeating: 0, count: L + 1)
        accNov = [Int](repeating: 0, count: L + 1)
        chosen = [Int](repeating: -1, count: L)
        usedToday = [Bool](repeating: false, count: model.itemCount)
        penalty = [Double](repeating: 0, count: model.itemCount)
        novel = [Bool](repeating: false, count: model.itemCount)
    }

    /// Smallest and largest day energy, and per-limit smallest totals, ignoring distinctness.
    func extremes(blocked: [Bool]) -> (minKcal: Double, maxKcal: Double, minLimit: [Double], emptySlot: Int?) {
        var lo = 0.0, hi = 0.0
        var lim = [Double](repeating: 0, count: U)
        for s in 0..<L {
            var sLo = Double.infinity, sHi = -Double.infinity
            var sLim = [Double](repeating: .infinity, count: U)
            for i in model.candidates[s] where !blocked[i] {
                sLo = min(sLo, model.kcal[i]); sHi = max(sHi, model.kcal[i])
                for u in 0..<U { sLim[u] = min(sLim[u], model.limited[i * U + u]) }
            }
            if sLo == .infinity { return (0, 0, lim, s) }
            lo += sLo; hi += sHi
            for u in 0..<U { lim[u] += sLim[u] }
        }
        return (lo, hi, lim, nil)
    }

    func solve(_ query: DayQuery) -> DayResult {
        prepare(query)
        if aborted { // some slot has no candidate
            return DayResult(items: nil, value: -.infinity, preference: 0, novelty: 0, upperBound: -.infinity, complete: true)
        }
        if let warm = query.warmStart { adoptWarmStart(warm) }
        var rootBound = min(hSuffix[0], nutrientBound(level: 0) - minLamSuffix[0])
        rootBound = min(rootBound, 1 - minLamSuffix[0])
        search(level: 0, nodeBound: rootBound)
        let complete = !aborted
        let upper = complete ? incValue : max(incValue, openBound)
        for l in 0..<L where chosen[l] >= 0 { usedToday[chosen[l]] = false }
        return DayResult(items: incItems, value: incValue, preference: incPref, novelty: incNov,
                         upperBound: upper, complete: complete)
    }

    private func prepare(_ query: DayQuery) {
        work = 0
        aborted = false
        openBound = -.infinity
        incValue = -.infinity
        incPref = 0
        incNov = 0
        incItems = nil
        tieBreak = query.tieBreak
        budget = query.budget
        for i in 0..<model.itemCount {
            penalty[i] = query.penalty?[i] ?? 0
            novel[i] = query.novel?[i] ?? false
            usedToday[i] = false
        }
        for l in 0..<L { chosen[l] = -1 }
        // Filter and sort each slot's candidates by standalone value minus penalty.
        var lists: [[Int]] = []
        var maxKey: [Double] = []
        for s in 0..<L {
            let source = query.candidates?[s] ?? model.candidates[s]
            var list = source.filter { !query.blocked[$0] }
            list.sort { a, b in
                let ka = model.standalone[a] - penalty[a], kb = model.standalone[b] - penalty[b]
                return ka != kb ? ka > kb : a < b
            }
            if list.isEmpty { aborted = true; return }
            maxKey.append(model.standalone[list[0]] - penalty[list[0]])
            lists.append(list)
        }
        // Level order: most valuable slots first, then larger slots first, then slot order.
        order = (0..<L).sorted { a, b in
            if maxKey[a] != maxKey[b] { return maxKey[a] > maxKey[b] }
            if lists[a].count != lists[b].count { return lists[a].count > lists[b].count }
            return a < b
        }
        candFlat.removeAll(keepingCapacity: true)
        candKey.removeAll(keepingCapacity: true)
        for l in 0..<L {
            candStart[l] = candFlat.count
            for i in lists[order[l]] {
                candFlat.append(i)
                candKey.append(model.standalone[i] - penalty[i])
            }
        }
        candStart[L] = candFlat.count
        // Suffix summaries over levels l..<L.
        hSuffix[L] = 0; minLamSuffix[L] = 0; prefSuffix[L] = 0; minKcalSuffix[L] = 0; maxKcalSuffix[L] = 0
        for n in 0..<N { maxCovSuffix[L * N + n] = 0 }
        for u in 0..<U { minLimSuffix[L * U + u] = 0 }
        for l in stride(from: L - 1, through: 0, by: -1) {
            var h = -Double.infinity, lam = Double.infinity, pref = -Double.infinity
            var kLo = Double.infinity, kHi = -Double.infinity
            for n in 0..<N { maxCovSuffix[l * N + n] = 0 }
            for u in 0..<U { minLimSuffix[l * U + u] = .infinity }
            for idx in candStart[l]..<candStart[l + 1] {
                let i = candFlat[idx]
                h = max(h, candKey[idx])
                lam = min(lam, penalty[i])
                pref = max(pref, model.preference[i])
                kLo = min(kLo, model.kcal[i]); kHi = max(kHi, model.kcal[i])
                for n in 0..<N { maxCovSuffix[l * N + n] = max(maxCovSuffix[l * N + n], model.coverage[i * N + n]) }
                for u in 0..<U { minLimSuffix[l * U + u] = min(minLimSuffix[l * U + u], model.limited[i * U + u]) }
            }
            hSuffix[l] = hSuffix[l + 1] + h
            minLamSuffix[l] = minLamSuffix[l + 1] + lam
            prefSuffix[l] = prefSuffix[l + 1] + pref
            minKcalSuffix[l] = minKcalSuffix[l + 1] + kLo
            maxKcalSuffix[l] = maxKcalSuffix[l + 1] + kHi
            for n in 0..<N { maxCovSuffix[l * N + n] += maxCovSuffix[(l + 1) * N + n] }
            for u in 0..<U { minLimSuffix[l * U + u] += minLimSuffix[(l + 1) * U + u] }
        }
        for n in 0..<N { accCov[n] = 0 }
        for u in 0..<U { accLim[u] = 0 }
        accKcal[0] = 0; accLam[0] = 0; accPref[0] = 0; accNov[0] = 0
    }

    /// Scores a warm-start day; it becomes the incumbent when feasible for this query.
    private func adoptWarmStart(_ warm: [Int]) {
        guard warm.count == L else { return }
        var kcal = 0.0, lam = 0.0, pref = 0.0, nov = 0
        var lim = [Double](repeating: 0, count: U)
        for (s, i) in warm.enumerated() {
            var allowed = false
            for l in 0..<L where order[l] == s {
                for idx in candStart[l]..<candStart[l + 1] where candFlat[idx] == i { allowed = true }
            }
            if !allowed { return }
            kcal += model.kcal[i]; lam += penalty[i]; pref += model.preference[i]
            if novel[i] { nov += 1 }
            for u in 0..<U { lim[u] += model.limited[i * U + u] }
        }
        if Set(warm).count != L { return }
        if kcal < model.energyLow - eps || kcal > model.energyHigh + eps { return }
        for u in 0..<U where lim[u] > model.limits[u] + eps { return }
        incValue = model.dayScore(warm) - lam
        incPref = pref
        incNov = nov
        incItems = warm
    }

    /// `Σ w · min(1, partial + best remaining)` for the remaining levels `level..<L`.
    @inline(__always)
    private func nutrientBound(level: Int) -> Double {
        var total = 0.0
        let base = level * N
        for n in 0..<N { total += model.weights[n] * min(1, accCov[base + n] + maxCovSuffix[base + n]) }
        return total
    }

    private func search(level l: Int, nodeBound: Double) {
        let start = candStart[l], end = candStart[l + 1]
        let last = l == L - 1
        let baseLam = accLam[l]
        var baseF = 0.0
        for n in 0..<N { baseF += model.weights[n] * min(1, accCov[l * N + n]) }
        let restH = hSuffix[l + 1]
        let next = l + 1
        for idx in start..<end {
            if work >= budget {
                aborted = true
                openBound = max(openBound, nodeBound)
                return
            }
            work += 1
            let i = candFlat[idx]
            if usedToday[i] { continue }
            let optimistic = baseF - baseLam + candKey[idx] + restH
            if tieBreak ? optimistic < incValue - tol : optimistic <= incValue { break }
            let kcal = accKcal[l] + model.kcal[i]
            if kcal + minKcalSuffix[next] > model.energyHigh + eps { continue }
            if kcal + maxKcalSuffix[next] < model.energyLow - eps { continue }
            var limitOK = true
            for u in 0..<U where accLim[l * U + u] + model.limited[i * U + u] + minLimSuffix[next * U + u] > model.limits[u] + eps {
                limitOK = false
                break
            }
            if !limitOK { continue }
            var f = 0.0
            for n in 0..<N {
                let v = accCov[l * N + n] + model.coverage[i * N + n]
                accCov[next * N + n] = v
                f += model.weights[n] * min(1, v)
            }
            let lam = baseLam + penalty[i]
            let pref = accPref[l] + model.preference[i]
            let nov = accNov[l] + (novel[i] ? 1 : 0)
            if last {
                let value = f - lam
                if isBetter(value: value, pref: pref, nov: nov) {
                    incValue = value; incPref = pref; incNov = nov
                    chosen[l] = i
                    var items = [Int](repeating: 0, count: L)
                    for k in 0..<L { items[order[k]] = chosen[k] }
                    incItems = items
                    chosen[l] = -1
                }
                continue
            }
            var bound = f - lam + min(restH, nutrientBound(level: next) - f - minLamSuffix[next])
            bound = min(bound, 1 - lam - minLamSuffix[next])
            if prunes(bound: bound, pref: pref + prefSuffix[next], nov: nov + (L - next)) { continue }
            for u in 0..<U { accLim[next * U + u] = accLim[l * U + u] + model.limited[i * U + u] }
            accKcal[next] = kcal
            accLam[next] = lam
            accPref[next] = pref
            accNov[next] = nov
            chosen[l] = i
            usedToday[i] = true
            search(level: next, nodeBound: bound)
            usedToday[i] = false
            chosen[l] = -1
            if aborted {
                openBound = max(openBound, nodeBound)
                return
            }
        }
    }

    @inline(__always)
    private func isBetter(value: Double, pref: Double, nov: Int) -> Bool {
        guard tieBreak else { return value > incValue }
        if value > incValue + tol { return true }
        if value < incValue - tol { return false }
        if pref > incPref + tol { return true }
        if pref < incPref - tol { return false }
        return nov > incNov
    }

    @inline(__always)
    private func prunes(bound: Double, pref: Double, nov: Int) -> Bool {
        guard tieBreak else { return bound <= incValue }
        if bound < incValue - tol { return true }
        if bound > incValue + tol { return false }
        if pref < incPref - tol { return true }
        if pref > incPref + tol { return false }
        return nov <= incNov
    }
}
