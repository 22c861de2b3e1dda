/// The branch and bound of `DaySolver`, its buffers and its state.
struct DaySearch {
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
    private let weight: UnsafeMutablePointer<Double>
    private let rowLimit: UnsafeMutablePointer<Double> // U, per query
    private let penalty: UnsafeMutablePointer<Double>
    private let usedToday: UnsafeMutablePointer<Bool>
    /// Scratch for `residualBound`, per nutrient with room left: its best remaining items overfill it.
    private let oversubscribed: UnsafeMutablePointer<Bool>
    /// Scratch for `residualBound`: the nutrients with room left (index, room, weight), in order.
    private let activeNutrient: UnsafeMutablePointer<Int>
    private let activeRoom: UnsafeMutablePointer<Double>
    private let activeWeight: UnsafeMutablePointer<Double>
    /// Limit rows where each item has a nonzero coefficient: item i's are
    /// `nonzeroRow[nonzeroStart[i] ..< nonzeroStart[i + 1]]` (most rows are food caps of one food).
    private let nonzeroStart: UnsafeMutablePointer<Int>
    private let nonzeroRow: UnsafeMutablePointer<Int>
    /// Per level, the rows that fail for a candidate with a zero coefficient in them (the check
    /// does not depend on the candidate then); `(L + 1) * U`.
    private let zeroFail: UnsafeMutablePointer<Int>
    /// Rows with a negative coefficient somewhere (ratio rows). A row without one cannot be among
    /// a node's failing rows below the root: the parent's check passed on the same sum with a
    /// suffix minimum at least as large.
    private let signedRows: [Int]
    /// Per query, the limit rows of each item that can bind: item i's are
    /// `bindingRow[bindingStart[i] ..< bindingStart[i + 1]]`, its nonzero rows less those no day of
    /// the query can fill (`rowMost`). Most food-cap rows have room for any day: a day holds one
    /// item per slot, and a weekly cap leaves a day far more servings than its slots can hold.
    private let bindingStart: UnsafeMutablePointer<Int>
    private let bindingRow: UnsafeMutablePointer<Int>
    /// Scratch for `prepare`: per limit row, the largest coefficient of the level, then the most
    /// any day of the query can put in the row (`Σ` over levels; rows without negative coefficients).
    private let rowLevelMost: UnsafeMutablePointer<Double>
    private let rowMost: UnsafeMutablePointer<Double>
    private let isSigned: UnsafeMutablePointer<Bool>
    /// Each item's place in the order of standalone value, highest first (then item index): the
    /// order of a slot's candidates when the query has no penalty.
    private let standaloneRank: UnsafeMutablePointer<Int>

    // Per-query layout: candidates of level l are candFlat[candStart[l] ..< candStart[l+1]].
    private var order: [Int]
    private let candStart: UnsafeMutablePointer<Int>    // L + 1
    private let candFlat: UnsafeMutablePointer<Int>     // total candidates
    private let candKey: UnsafeMutablePointer<Double>   // standalone − penalty, descending per level
    private let minLamSuffix: UnsafeMutablePointer<Double>
    private let minKcalSuffix: UnsafeMutablePointer<Double>
    private let maxKcalSuffix: UnsafeMutablePointer<Double>
    private let maxCovSuffix: UnsafeMutablePointer<Double>  // (L+1) * N
    private let minLimSuffix: UnsafeMutablePointer<Double>  // (L+1) * U
    /// Scratch for `prepare`: per limit row, how many of a level's candidates have a nonzero
    /// coefficient in it (the others add 0 to the row's least value).
    private let rowHits: UnsafeMutablePointer<Int>          // U
    private let accCov: UnsafeMutablePointer<Double>        // (L+1) * N
    private let accLim: UnsafeMutablePointer<Double>        // (L+1) * U
    private let accKcal: UnsafeMutablePointer<Double>
    private let accLam: UnsafeMutablePointer<Double>
    private let chosen: UnsafeMutablePointer<Int>

    // Tie-break key state (only with a context).
    private var context: DayContext?
    /// Per item: species not yet seen in the week, preferred nutrients, meal novelty.
    private var newSpecies: [Int]
    private var prefCount: [Int]
    /// How often each species / preferred nutrient is on the current path.
    private var speciesOnPath: [Int]
    private var prefOnPath: [Int]
    private var accPlants: [Int]     // L + 1, distinct new species on the path
    private var accPref: [Int]
    private var accMeals: [Int]
    private var plantsSuffix: [Int]  // L + 1, best per-level additions
    private var prefSuffix: [Int]
    private var mealsSuffix: [Int]
    private var levelIsMeal: [Bool]

    /// Work done by every solve so far, so callers can bound the total effort.
    private(set) var cumulativeWork = 0
    private var floor: Double?
    /// Pricing only: incumbents worth more than this are kept in `improving`.
    private var collectAbove: Double?
    private var improving: [[Int]] = []
    /// Incumbents of earlier solves (problem slot order), first found first, at most `seenLimit`.
    private var seenDays: [[Int]] = []
    private var seenSet = Set<[Int]>()
    private let seenLimit = 256
    private var budget = 0
    private var work = 0
    private var aborted = false
    private var openBound = -Double.infinity
    private var incValue = -Double.infinity
    private var incKey = DayKey.lowest
    private var incItems: [Int]?
    private var rootBound = Double.infinity
    private var tieBudget = 0
    /// Work done when the incumbent first met the root bound (in floor mode: the root's key
    /// bound); `nil` until then.
    private var provenAt: Int?
    /// Floor mode: the key bound at the root; `nil` otherwise.
    private var rootKey: DayKey?
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
            p.initialize(repeating: 0, count: max(1, a.count))
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
        weight = copy(model.weights)
        rowLimit = copy(model.limits)
        penalty = doubles(items)
        usedToday = .allocate(capacity: max(1, items))
        usedToday.initialize(repeating: false, count: max(1, items))
        oversubscribed = .allocate(capacity: max(1, N))
        oversubscribed.initialize(repeating: false, count: max(1, N))
        activeNutrient = .allocate(capacity: max(1, N))
        activeNutrient.initialize(repeating: 0, count: max(1, N))
        activeRoom = doubles(N)
        activeWeight = doubles(N)
        var starts = [0]
        var rows: [Int] = []
        for i in 0..<items {
            for u in 0..<U where model.limited[i * U + u] != 0 { rows.append(u) }
            starts.append(rows.count)
        }
        nonzeroStart = .allocate(capacity: starts.count)
        nonzeroStart.initialize(from: starts, count: starts.count)
        nonzeroRow = .allocate(capacity: max(1, rows.count))
        nonzeroRow.initialize(repeating: 0, count: max(1, rows.count))
        for (k, u) in rows.enumerated() { nonzeroRow[k] = u }
        zeroFail = .allocate(capacity: max(1, (L + 1) * U))
        let rowCount = model.limitCount
        signedRows = (0..<rowCount).filter { u in (0..<items).contains { model.limited[$0 * rowCount + u] < 0 } }
        bindingStart = .allocate(capacity: items + 1)
        bindingStart.initialize(repeating: 0, count: items + 1)
        bindingRow = .allocate(capacity: max(1, rows.count))
        bindingRow.initialize(repeating: 0, count: max(1, rows.count))
        rowLevelMost = doubles(U)
        rowMost = doubles(U)
        isSigned = .allocate(capacity: max(1, U))
        isSigned.initialize(repeating: false, count: max(1, U))
        for u in signedRows { isSigned[u] = true }
        standaloneRank = .allocate(capacity: max(1, items))
        let ranked = (0..<items).sorted { a, b in
            model.standalone[a] != model.standalone[b] ? model.standalone[a] > model.standalone[b] : a < b
        }
        for (place, i) in ranked.enumerated() { standaloneRank[i] = place }
        zeroFail.initialize(repeating: 0, count: max(1, (L + 1) * U))
        order = Array(0..<L)
        let total = model.candidates.reduce(0) { $0 + $1.count }
        candStart = .allocate(capacity: L + 1)
        candStart.initialize(repeating: 0, count: L + 1)
        candFlat = .allocate(capacity: max(1, total))
        candFlat.initialize(repeating: 0, count: max(1, total))
        candKey = doubles(total)
        minLamSuffix = doubles(L + 1)
        minKcalSuffix = doubles(L + 1)
        maxKcalSuffix = doubles(L + 1)
        maxCovSuffix = doubles((L + 1) * N)
        minLimSuffix = doubles((L + 1) * U)
        rowHits = .allocate(capacity: max(1, U))
        rowHits.initialize(repeating: 0, count: max(1, U))
        accCov = doubles((L + 1) * N)
        accLim = doubles((L + 1) * U)
        accKcal = doubles(L + 1)
        accLam = doubles(L + 1)
        chosen = .allocate(capacity: max(1, L))
        chosen.initialize(repeating: -1, count: max(1, L))
        newSpecies = [Int](repeating: 0, count: items)
        prefCount = model.preferred.map(\.count)
        speciesOnPath = [Int](repeating: 0, count: model.speciesCount)
        prefOnPath = [Int](repeating: 0, count: model.preferredNames.count)
        accPlants = [Int](repeating: 0, count: L + 1)
        accPref = accPlants
        accMeals = accPlants
        plantsSuffix = accPlants
        prefSuffix = accPlants
        mealsSuffix = accPlants
        levelIsMeal = [Bool](repeating: false, count: L)
    }

    /// Frees the buffers; the search must not be used afterwards.
    func deallocate() {
        for p in [cov, lim, kcal, weight, rowLimit, penalty, candKey, minLamSuffix, minKcalSuffix,
                  maxKcalSuffix, maxCovSuffix, minLimSuffix, accCov, accLim, accKcal, accLam] {
            p.deallocate()
        }
        usedToday.deallocate(); oversubscribed.deallocate(); activeNutrient.deallocate()
        activeRoom.deallocate(); activeWeight.deallocate(); candStart.deallocate(); candFlat.deallocate()
        chosen.deallocate(); rowHits.deallocate(); nonzeroStart.deallocate(); nonzeroRow.deallocate(); zeroFail.deallocate()
        bindingStart.deallocate(); bindingRow.deallocate(); rowLevelMost.deallocate(); rowMost.deallocate(); isSigned.deallocate()
        standaloneRank.deallocate()
    }

    /// Counts work done on the caller's behalf (a repeated query answered without a search).
    mutating func charge(_ amount: Int) { cumulativeWork += amount }

    mutating func solve(_ query: DayQuery) -> DayResult {
        guard prepare(query) else {
            return DayResult(items: nil, value: -.infinity, key: .lowest, upperBound: -.infinity, complete: true)
        }
        if let warm = query.warmStart { adoptWarmStart(warm) }
        if query.warmFromSeen { for day in seenDays { adoptWarmStart(day) } }
        rootBound = min(nutrientBound(level: 0) - minLamSuffix[0], 1 - minLamSuffix[0])
        tieBudget = query.tieBudget
        // Floor mode maximises the key, then the value: once a day reaches the best key any day
        // of this query can have, only the value can still improve, and that gets `tieBudget`.
        rootKey = floor == nil || context == nil ? nil
            : DayKey(plants: min(model.plantsCap, (context?.restPlants ?? 0) + plantsSuffix[0]),
                     preferred: min(model.preferredNames.count, prefSuffix[0]), meals: mealsSuffix[0])
        provenAt = floor == nil ? (incValue >= rootBound - tol ? 0 : nil) : (keyProven(incKey) ? 0 : nil)
        tiesDone = false
        search(level: 0, nodeBound: rootBound)
        cumulativeWork += work
        let complete = !aborted
        let upper = complete ? incValue : max(incValue, openBound)
        for l in 0..<L where chosen[l] >= 0 { usedToday[chosen[l]] = false; chosen[l] = -1 }
        for k in speciesOnPath.indices { speciesOnPath[k] = 0 }
        for k in prefOnPath.indices { prefOnPath[k] = 0 }
        return DayResult(items: incItems, value: incValue, key: incKey, upperBound: upper, complete: complete, improving: improving)
    }

    /// Lays out the query's candidates; false when some slot has none.
    private mutating func prepare(_ query: DayQuery) -> Bool {
        work = 0
        aborted = false
        openBound = -.infinity
        incValue = -.infinity
        incKey = .lowest
        incItems = nil
        context = query.context
        floor = query.context == nil ? nil : query.floor
        budget = query.budget
        collectAbove = query.collectAbove
        improving = []
        for u in 0..<U { rowLimit[u] = query.room?[u] ?? model.limits[u] }
        for i in 0..<model.itemCount {
            penalty[i] = query.penalty?[i] ?? 0
            usedToday[i] = false
        }
        if let context {
            for i in 0..<model.itemCount {
                var fresh = 0
                for k in model.species[i] where !context.seenSpecies[k] { fresh += 1 }
                newSpecies[i] = fresh
            }
        }
        // Filter and sort each slot's candidates by standalone value minus penalty.
        var lists: [[Int]] = []
        var maxKey: [Double] = []
        for s in 0..<L {
            let source = query.candidates?[s] ?? model.candidates[s]
            var list = source.filter { !query.blocked[$0] }
            if list.isEmpty { return false }
            if query.penalty == nil {
                // Without a penalty the key is the standalone value: the items' precomputed order.
                list.sort { standaloneRank[$0] < standaloneRank[$1] }
                maxKey.append(model.standalone[list[0]] - penalty[list[0]])
            } else {
                let keys = list.map { model.standalone[$0] - penalty[$0] }
                var positions = Array(list.indices)
                positions.sort { a, b in keys[a] != keys[b] ? keys[a] > keys[b] : list[a] < list[b] }
                list = positions.map { list[$0] }
                maxKey.append(keys[positions[0]])
            }
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
            levelIsMeal[l] = model.mealSlot[order[l]]
            for i in lists[order[l]] {
                candFlat[position] = i
                candKey[position] = model.standalone[i] - penalty[i]
                position += 1
            }
        }
        candStart[L] = position
        // Suffix summaries over levels l..<L.
        minLamSuffix[L] = 0; minKcalSuffix[L] = 0; maxKcalSuffix[L] = 0
        plantsSuffix[L] = 0; prefSuffix[L] = 0; mealsSuffix[L] = 0
        for n in 0..<N { maxCovSuffix[L * N + n] = 0 }
        for u in 0..<U { minLimSuffix[L * U + u] = 0; rowMost[u] = 0 }
        for l in stride(from: L - 1, through: 0, by: -1) {
            var lam = Double.infinity
            var kLo = Double.infinity, kHi = -Double.infinity
            var bestNew = 0, bestPref = 0, bestMeal = 0
            for n in 0..<N { maxCovSuffix[l * N + n] = 0 }
            for u in 0..<U { minLimSuffix[l * U + u] = .infinity; rowHits[u] = 0; rowLevelMost[u] = 0 }
            for idx in candStart[l]..<candStart[l + 1] {
                let i = candFlat[idx]
                lam = min(lam, penalty[i])
                kLo = min(kLo, kcal[i]); kHi = max(kHi, kcal[i])
                for n in 0..<N { maxCovSuffix[l * N + n] = max(maxCovSuffix[l * N + n], cov[i * N + n]) }
                // The level's least coefficient per row, from the item's nonzero rows only (most
                // rows are food caps of one food): a row some candidate misses has least value 0.
                for k in nonzeroStart[i]..<nonzeroStart[i + 1] {
                    let u = nonzeroRow[k]
                    minLimSuffix[l * U + u] = min(minLimSuffix[l * U + u], lim[i * U + u])
                    rowLevelMost[u] = max(rowLevelMost[u], lim[i * U + u])
                    rowHits[u] += 1
                }
                if let context {
                    bestNew = max(bestNew, newSpecies[i])
                    bestPref = max(bestPref, prefCount[i])
                    if levelIsMeal[l] && context.mealNovel[i] { bestMeal = 1 }
                }
            }
            minLamSuffix[l] = minLamSuffix[l + 1] + lam
            minKcalSuffix[l] = minKcalSuffix[l + 1] + kLo
            maxKcalSuffix[l] = maxKcalSuffix[l + 1] + kHi
            plantsSuffix[l] = plantsSuffix[l + 1] + bestNew
            prefSuffix[l] = prefSuffix[l + 1] + bestPref
            mealsSuffix[l] = mealsSuffix[l + 1] + bestMeal
            for n in 0..<N { maxCovSuffix[l * N + n] += maxCovSuffix[(l + 1) * N + n] }
            let levelCount = candStart[l + 1] - candStart[l]
            for u in 0..<U {
                if rowHits[u] < levelCount { minLimSuffix[l * U + u] = min(minLimSuffix[l * U + u], 0) }
                minLimSuffix[l * U + u] += minLimSuffix[(l + 1) * U + u]
                rowMost[u] += rowLevelMost[u]
            }
        }
        // The rows each item can make fail. A row without negative coefficients whose most any
        // day can put in it is within its limit never fails (exact sums: the check below adds
        // the same nonnegative terms, each at most the level's largest, and has `eps` to spare).
        var kept = 0
        for i in 0..<model.itemCount {
            bindingStart[i] = kept
            for k in nonzeroStart[i]..<nonzeroStart[i + 1] {
                let u = nonzeroRow[k]
                if isSigned[u] || rowMost[u] > rowLimit[u] {
                    bindingRow[kept] = u
                    kept += 1
                }
            }
        }
        bindingStart[model.itemCount] = kept
        for n in 0..<N { accCov[n] = model.supplementCoverage[n] }
        for u in 0..<U { accLim[u] = 0 }
        accKcal[0] = 0; accLam[0] = 0; accPlants[0] = 0; accPref[0] = 0; accMeals[0] = 0
        for l in 0..<L { chosen[l] = -1 }
        return true
    }

    /// The exact key of a whole day (problem slot order) given the query's context.
    private func key(of day: [Int]) -> DayKey {
        guard let context else { return .lowest }
        var species = Set<Int>()
        var preferred = Set<Int>()
        var meals = 0
        for (s, i) in day.enumerated() {
            for k in model.species[i] where !context.seenSpecies[k] { species.insert(k) }
            preferred.formUnion(model.preferred[i])
            if model.mealSlot[s] && context.mealNovel[i] { meals += 1 }
        }
        return DayKey(plants: min(model.plantsCap, context.restPlants + species.count), preferred: preferred.count, meals: meals)
    }

    /// Scores a warm-start day; it becomes the incumbent when feasible for this query (and better
    /// than an earlier warm start).
    private mutating func adoptWarmStart(_ warm: [Int]) {
        guard warm.count == L, Set(warm).count == L else { return }
        var total = 0.0, lam = 0.0
        var limitTotals = [Double](repeating: 0, count: U)
        for (s, i) in warm.enumerated() {
            guard let l = order.firstIndex(of: s) else { return }
            var allowed = false
            for idx in candStart[l]..<candStart[l + 1] where candFlat[idx] == i { allowed = true; break }
            if !allowed { return }
            total += kcal[i]; lam += penalty[i]
            for u in 0..<U { limitTotals[u] += lim[i * U + u] }
        }
        if total < energyLow - eps || total > energyHigh + eps { return }
        for u in 0..<U where limitTotals[u] > rowLimit[u] + eps { return }
        let value = model.dayScore(warm) - lam
        if let floor, value < floor - tol { return }
        let warmKey = key(of: warm)
        if incItems != nil && !isBetter(value: value, key: warmKey) { return }
        incValue = value
        incKey = warmKey
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
    private mutating func residualBound(at l: Int, from: Int) -> Double {
        var total = 0.0
        var masked = 0.0
        let base = accCov + l * N
        var full = 0.0
        // Only nutrients with room left add to a gain: list them once for the node, so the loop
        // over every remaining candidate skips the full ones (the sums are the same, in order).
        var active = 0
        for n in 0..<N {
            let room = 1 - base[n]
            guard room > 0 else { continue }
            oversubscribed[active] = maxCovSuffix[from * N + n] >= room
            if oversubscribed[active] { full += weight[n] * room }
            activeNutrient[active] = n
            activeRoom[active] = room
            activeWeight[active] = weight[n]
            active += 1
        }
        for level in from..<L {
            var best = -Double.infinity
            var bestMasked = -Double.infinity
            for idx in candStart[level]..<candStart[level + 1] {
                // A candidate's gain is at most its standalone gain (the node holds at least the
                // supplements), and the level is sorted by that less the penalty (`candKey`): once
                // it is below both maxima (with a margin for rounding), no later one can raise them.
                if candKey[idx] + 1e-12 < bestMasked { break }
                let i = candFlat[idx]
                if usedToday[i] { continue }
                let row = cov + i * N
                var gain = 0.0
                var gainMasked = 0.0
                for a in 0..<active {
                    let g = activeWeight[a] * min(row[activeNutrient[a]], activeRoom[a])
                    gain += g
                    if !oversubscribed[a] { gainMasked += g }
                }
                best = max(best, gain - penalty[i])
                bestMasked = max(bestMasked, gainMasked - penalty[i])
            }
            total += best
            masked += bestMasked
        }
        return min(total, masked + full)
    }

    /// The exact key increments of adding item i at level l to the current path.
    @inline(__always)
    private func deltas(_ i: Int, level l: Int) -> (plants: Int, preferred: Int, meals: Int) {
        guard let context else { return (0, 0, 0) }
        var p = 0
        for k in model.species[i] where !context.seenSpecies[k] && speciesOnPath[k] == 0 { p += 1 }
        var q = 0
        for k in model.preferred[i] where prefOnPath[k] == 0 { q += 1 }
        return (p, q, levelIsMeal[l] && context.mealNovel[i] ? 1 : 0)
    }

    private mutating func search(level l: Int, nodeBound: Double) {
        let start = candStart[l], end = candStart[l + 1]
        let last = l == L - 1
        let baseLam = accLam[l]
        let node = accCov + l * N
        let child = accCov + (l + 1) * N
        let nodeLim = accLim + l * U
        let next = l + 1
        let keyed = context != nil
        let restPlants = context?.restPlants ?? 0
        var baseF = 0.0
        for n in 0..<N { baseF += weight[n] * min(1, node[n]) }
        var restH = 0.0
        if !last {
            restH = residualBound(at: l, from: next)
            work += candStart[L] - candStart[next]
        }
        let nextMinLam = minLamSuffix[next]
        // A row where the candidate's coefficient is 0 passes or fails the limit check below
        // whatever the candidate (`x + 0 == x`): find the failing ones once for the node.
        let failing = zeroFail + l * U
        var failingCount = 0
        let nextMinLim = minLimSuffix + next * U
        if l == 0 {
            for u in 0..<U where nodeLim[u] + nextMinLim[u] > rowLimit[u] + eps {
                failing[failingCount] = u
                failingCount += 1
            }
        } else {
            for u in signedRows where nodeLim[u] + nextMinLim[u] > rowLimit[u] + eps {
                failing[failingCount] = u
                failingCount += 1
            }
        }
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
            if let floor {
                if optimistic < floor - tol { break }
            } else if keyed ? optimistic < incValue - tol : optimistic <= incValue {
                break
            }
            let k = accKcal[l] + kcal[i]
            if k + minKcalSuffix[next] > energyHigh + eps { continue }
            if k + maxKcalSuffix[next] < energyLow - eps { continue }
            // Each limit row: the node's total, the candidate's and the least the remaining levels
            // add stay within the row's limit. Rows with a nonzero coefficient that can bind are
            // checked one by one; rows with a zero one fail exactly when they are among the node's
            // failing rows.
            var limitOK = true
            let row = lim + i * U
            for k in bindingStart[i]..<bindingStart[i + 1] {
                let u = bindingRow[k]
                if nodeLim[u] + row[u] + nextMinLim[u] > rowLimit[u] + eps {
                    limitOK = false
                    break
                }
            }
            if limitOK {
                for k in 0..<failingCount where row[failing[k]] == 0 {
                    limitOK = false
                    break
                }
            }
            if !limitOK { continue }
            var f = 0.0
            // Below the last level, `reach` is `nutrientBound(level: next)` of the child, summed
            // in the same pass (the same terms in the same order).
            var reach = 0.0
            let q = cov + i * N
            if last {
                for n in 0..<N {
                    let v = node[n] + q[n]
                    child[n] = v
                    f += weight[n] * min(1, v)
                }
            } else {
                let suffix = maxCovSuffix + next * N
                for n in 0..<N {
                    let v = node[n] + q[n]
                    child[n] = v
                    f += weight[n] * min(1, v)
                    reach += weight[n] * min(1, v + suffix[n])
                }
            }
            let lam = baseLam + penalty[i]
            let d = deltas(i, level: l)
            let plants = accPlants[l] + d.plants
            let preferred = accPref[l] + d.preferred
            let meals = accMeals[l] + d.meals
            if last {
                let value = f - lam
                let key = keyed ? DayKey(plants: min(model.plantsCap, restPlants + plants), preferred: preferred, meals: meals) : .lowest
                if isBetter(value: value, key: key) {
                    incValue = value; incKey = key
                    if provenAt == nil && (floor == nil ? value >= rootBound - tol : keyProven(key)) { provenAt = work }
                    chosen[l] = i
                    var items = [Int](repeating: 0, count: L)
                    for level in 0..<L { items[order[level]] = chosen[level] }
                    incItems = items
                    if let collectAbove, value > collectAbove { improving.append(items) }
                    if seenDays.count < seenLimit, seenSet.insert(items).inserted { seenDays.append(items) }
                    chosen[l] = -1
                }
                continue
            }
            var bound = f - lam + min(restH, reach - f - nextMinLam)
            bound = min(bound, 1 - lam - nextMinLam)
            let keyBound = keyed ? DayKey(plants: min(model.plantsCap, restPlants + plants + plantsSuffix[next]),
                                          preferred: min(model.preferredNames.count, preferred + prefSuffix[next]),
                                          meals: meals + mealsSuffix[next]) : .lowest
            if prunes(bound: bound, key: keyBound) { continue }
            let childLim = accLim + next * U
            // The node's totals plus the item's nonzero coefficients (adding a 0 changes nothing).
            childLim.update(from: nodeLim, count: U)
            // Rows that cannot bind are never read, so their totals are left out.
            for k in bindingStart[i]..<bindingStart[i + 1] { childLim[bindingRow[k]] += row[bindingRow[k]] }
            accKcal[next] = k
            accLam[next] = lam
            accPlants[next] = plants
            accPref[next] = preferred
            accMeals[next] = meals
            chosen[l] = i
            usedToday[i] = true
            if keyed {
                for s in model.species[i] { speciesOnPath[s] += 1 }
                for p in model.preferred[i] { prefOnPath[p] += 1 }
            }
            search(level: next, nodeBound: bound)
            if keyed {
                for s in model.species[i] { speciesOnPath[s] -= 1 }
                for p in model.preferred[i] { prefOnPath[p] -= 1 }
            }
            usedToday[i] = false
            chosen[l] = -1
            if aborted {
                openBound = max(openBound, nodeBound)
                return
            }
        }
    }

    /// True when `key` is the best key any day of a floor-mode query can have.
    @inline(__always)
    private func keyProven(_ key: DayKey) -> Bool {
        guard let rootKey else { return false }
        return key >= rootKey
    }

    @inline(__always)
    private func isBetter(value: Double, key: DayKey) -> Bool {
        if let floor {
            if value < floor - tol { return false }
            if key != incKey { return key > incKey }
            return value > incValue + tol
        }
        guard context != nil else { return value > incValue }
        if value > incValue + tol { return true }
        if value < incValue - tol { return false }
        return key > incKey
    }

    @inline(__always)
    private func prunes(bound: Double, key: DayKey) -> Bool {
        if let floor {
            if bound < floor - tol { return true }
            if key != incKey { return key < incKey }
            return bound <= incValue + tol
        }
        guard context != nil else { return bound <= incValue }
        if bound < incValue - tol { return true }
        if bound > incValue + tol { return false }
        return key <= incKey
    }
}
