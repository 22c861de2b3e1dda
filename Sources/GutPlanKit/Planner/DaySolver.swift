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
    /// Work allowed for tie-breaks once the day's value is proven optimal (it meets the root
    /// bound): the day's value is then exact, the tie-breaks are best effort.
    var tieBudget: Int = 20_000
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
/// submodular: given a partial day, each remaining slot can add at most the best marginal gain of
/// its items given that partial day (computed at each node, valid for all its descendants). The
/// per-nutrient bound `Σ w · min(1, partial + Σ best per slot)` and `f ≤ 1` also hold; the
/// smallest wins. Energy and upper limits prune with the lightest remaining items per slot.
/// Hot data lives in flat buffers (item-major) allocated once per solver.
final class DaySolver {
    private let model: PlannerModel
    private let L: Int
    private let N: Int
    private let U: Int
    private let tol = 1e-9
    private let eps = PlanningProblem.feasibilityEpsilon
    private let energyLow: Double
    private let energyHigh: Double

    private let cov: UnsafeMutablePointer<Double>      // items * N
    private let lim: UnsafeMutablePointer<Double>      // items * U
    private let kcal: UnsafeMutablePointer<Double>
    private let pref: UnsafeMutablePointer<Double>
    private let weight: UnsafeMutablePointer<Double>
    private let limits: UnsafeMutablePointer<Double>
    private let penalty: UnsafeMutablePointer<Double>
    private let novel: UnsafeMutablePointer<Bool>
    private let usedToday: UnsafeMutablePointer<Bool>
    /// Scratch for `residualBound`: nutrients whose best remaining items overfill their room.
    private let oversubscribed: UnsafeMutablePointer<Bool>

    // Per-query layout: candidates of level l are candFlat[candStart[l] ..< candStart[l+1]].
    private var order: [Int]
    private let candStart: UnsafeMutablePointer<Int>    // L + 1
    private let candFlat: UnsafeMutablePointer<Int>     // total candidates
    private let candKey: UnsafeMutablePointer<Double>   // standalone − penalty, descending per level
    private let minLamSuffix: UnsafeMutablePointer<Double>
    private let prefSuffix: UnsafeMutablePointer<Double>
    private let minKcalSuffix: UnsafeMutablePointer<Double>
    private let maxKcalSuffix: UnsafeMutablePointer<Double>
    private let levelMinLam: UnsafeMutablePointer<Double>
    private let maxCovSuffix: UnsafeMutablePointer<Double>  // (L+1) * N
    private let minLimSuffix: UnsafeMutablePointer<Double>  // (L+1) * U
    private let accCov: UnsafeMutablePointer<Double>        // (L+1) * N
    private let accLim: UnsafeMutablePointer<Double>        // (L+1) * U
    private let accKcal: UnsafeMutablePointer<Double>
    private let accLam: UnsafeMutablePointer<Double>
    private let accPref: UnsafeMutablePointer<Double>
    private let accNov: UnsafeMutablePointer<Int>
    private let chosen: UnsafeMutablePointer<Int>

    /// Work done by every solve so far, so callers can bound the total effort.
    private(set) var cumulativeWork = 0
    private var tieBreak = false
    private var budget = 0
    private var work = 0
    private var aborted = false
    private var openBound = -Double.infinity
    private var incValue = -Double.infinity
    private var incPref = 0.0
    private var incNov = 0
    private var incItems: [Int]?
    private var rootBound = Double.infinity
    private var tieBudget = 0
    /// Work done when the incumbent first met the root bound; `nil` until then.
    private var provenAt: Int?
    /// Set when the tie-break budget ran out after the value was proven optimal.
    private var tiesDone = false

    init(model: PlannerModel) {
        self.model = model
        L = model.slots.count
        N = model.objectiveCount
        U = model.limitCount
        energyLow = model.energyLow
        energyHigh = model.energyHigh
        func copy(_ a: [Double]) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, a.count))
            for (k, v) in a.enumerated() { p[k] = v }
            return p
        }
        func doubles(_ count: Int) -> UnsafeMutablePointer<Double> {
            copy([Double](repeating: 0, count: count))
        }
        let items = model.itemCount
        cov = copy(model.coverage)
        lim = copy(model.limited)
        kcal = copy(model.kcal)
        pref = copy(model.preference)
        weight = copy(model.weights)
        limits = copy(model.limits)
        penalty = doubles(items)
        novel = .allocate(capacity: max(1, items))
        novel.initialize(repeating: false, count: max(1, items))
        usedToday = .allocate(capacity: max(1, items))
        usedToday.initialize(repeating: false, count: max(1, items))
        oversubscribed = .allocate(capacity: max(1, N))
        oversubscribed.initialize(repeating: false, count: max(1, N))
        order = Array(0..<L)
        let total = model.candidates.reduce(0) { $0 + $1.count }
        candStart = .allocate(capacity: L + 1)
        candStart.initialize(repeating: 0, count: L + 1)
        candFlat = .allocate(capacity: max(1, total))
        candFlat.initialize(repeating: 0, count: max(1, total))
        candKey = doubles(total)
        minLamSuffix = doubles(L + 1)
        prefSuffix = doubles(L + 1)
        minKcalSuffix = doubles(L + 1)
        maxKcalSuffix = doubles(L + 1)
        levelMinLam = doubles(L + 1)
        maxCovSuffix = doubles((L + 1) * N)
        minLimSuffix = doubles((L + 1) * U)
        accCov = doubles((L + 1) * N)
        accLim = doubles((L + 1) * U)
        accKcal = doubles(L + 1)
        accLam = doubles(L + 1)
        accPref = doubles(L + 1)
        accNov = .allocate(capacity: L + 1)
        accNov.initialize(repeating: 0, count: L + 1)
        chosen = .allocate(capacity: max(1, L))
        chosen.initialize(repeating: -1, count: max(1, L))
    }

    deinit {
        for p in [cov, lim, kcal, pref, weight, limits, penalty, candKey, minLamSuffix, prefSuffix, minKcalSuffix,
                  maxKcalSuffix, levelMinLam, maxCovSuffix, minLimSuffix, accCov, accLim, accKcal, accLam, accPref] {
            p.deallocate()
        }
        novel.deallocate(); usedToday.deallocate(); oversubscribed.deallocate(); candStart.deallocate(); candFlat.deallocate()
        accNov.deallocate(); chosen.deallocate()
    }

    /// Smallest and largest day energy, and per-limit smallest totals, ignoring distinctness.
    func extremes(blocked: [Bool]) -> (minKcal: Double, maxKcal: Double, minLimit: [Double], emptySlot: Int?) {
        var lo = 0.0, hi = 0.0
        var total = [Double](repeating: 0, count: U)
        for s in 0..<L {
            var sLo = Double.infinity, sHi = -Double.infinity
            var sLim = [Double](repeating: .infinity, count: U)
            for i in model.candidates[s] where !blocked[i] {
                sLo = min(sLo, model.kcal[i]); sHi = max(sHi, model.kcal[i])
                for u in 0..<U { sLim[u] = min(sLim[u], model.limited[i * U + u]) }
            }
            if sLo == .infinity { return (0, 0, total, s) }
            lo += sLo; hi += sHi
            for u in 0..<U { total[u] += sLim[u] }
        }
        return (lo, hi, total, nil)
    }

    func solve(_ query: DayQuery) -> DayResult {
        guard prepare(query) else {
            return DayResult(items: nil, value: -.infinity, preference: 0, novelty: 0, upperBound: -.infinity, complete: true)
        }
        if let warm = query.warmStart { adoptWarmStart(warm) }
        rootBound = min(nutrientBound(level: 0) - minLamSuffix[0], 1 - minLamSuffix[0])
        tieBudget = query.tieBudget
        provenAt = incValue >= rootBound - tol ? 0 : nil
        tiesDone = false
        search(level: 0, nodeBound: rootBound)
        cumulativeWork += work
        let complete = !aborted
        let upper = complete ? incValue : max(incValue, openBound)
        for l in 0..<L where chosen[l] >= 0 { usedToday[chosen[l]] = false; chosen[l] = -1 }
        return DayResult(items: incItems, value: incValue, preference: incPref, novelty: incNov,
                         upperBound: upper, complete: complete)
    }

    /// Lays out the query's candidates; false when some slot has none.
    private func prepare(_ query: DayQuery) -> Bool {
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
        // Filter and sort each slot's candidates by standalone value minus penalty.
        var lists: [[Int]] = []
        var maxKey: [Double] = []
        for s in 0..<L {
            let source = query.candidates?[s] ?? model.candidates[s]
            var list = source.filter { !query.blocked[$0] }
            if list.isEmpty { return false }
            let keys = list.map { model.standalone[$0] - penalty[$0] }
            var positions = Array(list.indices)
            positions.sort { a, b in keys[a] != keys[b] ? keys[a] > keys[b] : list[a] < list[b] }
            list = positions.map { list[$0] }
            maxKey.append(keys[positions[0]])
            lists.append(list)
        }
        // Level order: most valuable slots first, then larger slots first, then slot order.
        order = (0..<L).sorted { a, b in
            if maxKey[a] != maxKey[b] { return maxKey[a] > maxKey[b] }
            if lists[a].count != lists[b].count { return lists[a].count > lists[b].count }
            return a < b
        }
        var position = 0
        for l in 0..<L {
            candStart[l] = position
            for i in lists[order[l]] {
                candFlat[position] = i
                candKey[position] = model.standalone[i] - penalty[i]
                position += 1
            }
        }
        candStart[L] = position
        // Suffix summaries over levels l..<L.
        minLamSuffix[L] = 0; prefSuffix[L] = 0; minKcalSuffix[L] = 0; maxKcalSuffix[L] = 0
        for n in 0..<N { maxCovSuffix[L * N + n] = 0 }
        for u in 0..<U { minLimSuffix[L * U + u] = 0 }
        for l in stride(from: L - 1, through: 0, by: -1) {
            var lam = Double.infinity, bestPref = -Double.infinity
            var kLo = Double.infinity, kHi = -Double.infinity
            for n in 0..<N { maxCovSuffix[l * N + n] = 0 }
            for u in 0..<U { minLimSuffix[l * U + u] = .infinity }
            for idx in candStart[l]..<candStart[l + 1] {
                let i = candFlat[idx]
                lam = min(lam, penalty[i])
                bestPref = max(bestPref, pref[i])
                kLo = min(kLo, kcal[i]); kHi = max(kHi, kcal[i])
                for n in 0..<N { maxCovSuffix[l * N + n] = max(maxCovSuffix[l * N + n], cov[i * N + n]) }
                for u in 0..<U { minLimSuffix[l * U + u] = min(minLimSuffix[l * U + u], lim[i * U + u]) }
            }
            levelMinLam[l] = lam
            minLamSuffix[l] = minLamSuffix[l + 1] + lam
            prefSuffix[l] = prefSuffix[l + 1] + bestPref
            minKcalSuffix[l] = minKcalSuffix[l + 1] + kLo
            maxKcalSuffix[l] = maxKcalSuffix[l + 1] + kHi
            for n in 0..<N { maxCovSuffix[l * N + n] += maxCovSuffix[(l + 1) * N + n] }
            for u in 0..<U { minLimSuffix[l * U + u] += minLimSuffix[(l + 1) * U + u] }
        }
        for n in 0..<N { accCov[n] = 0 }
        for u in 0..<U { accLim[u] = 0 }
        accKcal[0] = 0; accLam[0] = 0; accPref[0] = 0; accNov[0] = 0
        for l in 0..<L { chosen[l] = -1 }
        return true
    }

    /// Scores a warm-start day; it becomes the incumbent when feasible for this query.
    private func adoptWarmStart(_ warm: [Int]) {
        guard warm.count == L, Set(warm).count == L else { return }
        var total = 0.0, lam = 0.0, p = 0.0, nov = 0
        var limitTotals = [Double](repeating: 0, count: U)
        for (s, i) in warm.enumerated() {
            guard let l = order.firstIndex(of: s) else { return }
            var allowed = false
            for idx in candStart[l]..<candStart[l + 1] where candFlat[idx] == i { allowed = true; break }
            if !allowed { return }
            total += kcal[i]; lam += penalty[i]; p += pref[i]
            if novel[i] { nov += 1 }
            for u in 0..<U { limitTotals[u] += lim[i * U + u] }
        }
        if total < energyLow - eps || total > energyHigh + eps { return }
        for u in 0..<U where limitTotals[u] > limits[u] + eps { return }
        incValue = model.dayScore(warm) - lam
        incPref = p
        incNov = nov
        incItems = warm
    }

    /// `Σ w · min(1, partial + best remaining)` for the remaining levels `level..<L`.
    @inline(__always)
    private func nutrientBound(level: Int) -> Double {
        var total = 0.0
        let base = level * N
        for n in 0..<N { total += weight[n] * min(1, accCov[base + n] + maxCovSuffix[base + n]) }
        return total
    }

    /// Optimistic value of the levels `from..<L` given the partial day at level `at`, the least of
    /// two valid bounds computed in one pass:
    /// - Σ over levels of the best marginal gain minus penalty (valid by submodularity);
    /// - the same with every oversubscribed nutrient (whose best remaining items could more than
    ///   fill its room) taken out of the per-level maxima and counted once at its full room: for
    ///   each nutrient `min(r, Σ a) ≤ θ r + (1 − θ) Σ min(a, r)` for θ in {0, 1}.
    private func residualBound(at l: Int, from: Int) -> Double {
        var total = 0.0
        var masked = 0.0
        let base = accCov + l * N
        var full = 0.0
        for n in 0..<N {
            let room = 1 - base[n]
            oversubscribed[n] = room > 0 && maxCovSuffix[from * N + n] >= room
            if oversubscribed[n] { full += weight[n] * room }
        }
        for level in from..<L {
            var best = -Double.infinity
            var bestMasked = -Double.infinity
            for idx in candStart[level]..<candStart[level + 1] {
                let i = candFlat[idx]
                if usedToday[i] { continue }
                let row = cov + i * N
                var gain = 0.0
                var gainMasked = 0.0
                for n in 0..<N {
                    let room = 1 - base[n]
                    if room > 0 {
                        let g = weight[n] * min(row[n], room)
                        gain += g
                        if !oversubscribed[n] { gainMasked += g }
                    }
                }
                best = max(best, gain - penalty[i])
                bestMasked = max(bestMasked, gainMasked - penalty[i])
            }
            total += best
            masked += bestMasked
        }
        return min(total, masked + full)
    }

    private func search(level l: Int, nodeBound: Double) {
        let start = candStart[l], end = candStart[l + 1]
        let last = l == L - 1
        let baseLam = accLam[l]
        let node = accCov + l * N
        let child = accCov + (l + 1) * N
        let nodeLim = accLim + l * U
        let next = l + 1
        var baseF = 0.0
        for n in 0..<N { baseF += weight[n] * min(1, node[n]) }
        var restH = 0.0
        if !last {
            restH = residualBound(at: l, from: next)
            work += candStart[L] - candStart[next]
        }
        let nextMinLam = minLamSuffix[next]
        for idx in start..<end {
            if tiesDone { return }
            if let proven = provenAt, work - proven > tieBudget {
                tiesDone = true
                return
            }
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
            let k = accKcal[l] + kcal[i]
            if k + minKcalSuffix[next] > energyHigh + eps { continue }
            if k + maxKcalSuffix[next] < energyLow - eps { continue }
            var limitOK = true
            let row = lim + i * U
            for u in 0..<U where nodeLim[u] + row[u] + minLimSuffix[next * U + u] > limits[u] + eps {
                limitOK = false
                break
            }
            if !limitOK { continue }
            var f = 0.0
            let q = cov + i * N
            for n in 0..<N {
                let v = node[n] + q[n]
                child[n] = v
                f += weight[n] * min(1, v)
            }
            let lam = baseLam + penalty[i]
            let p = accPref[l] + pref[i]
            let nov = accNov[l] + (novel[i] ? 1 : 0)
            if last {
                let value = f - lam
                if isBetter(value: value, pref: p, nov: nov) {
                    incValue = value; incPref = p; incNov = nov
                    if provenAt == nil && value >= rootBound - tol { provenAt = work }
                    chosen[l] = i
                    var items = [Int](repeating: 0, count: L)
                    for level in 0..<L { items[order[level]] = chosen[level] }
                    incItems = items
                    chosen[l] = -1
                }
                continue
            }
            var bound = f - lam + min(restH, nutrientBound(level: next) - f - nextMinLam)
            bound = min(bound, 1 - lam - nextMinLam)
            if prunes(bound: bound, pref: p + prefSuffix[next], nov: nov + (L - next)) { continue }
            let childLim = accLim + next * U
            for u in 0..<U { childLim[u] = nodeLim[u] + row[u] }
            accKcal[next] = k
            accLam[next] = lam
            accPref[next] = p
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
