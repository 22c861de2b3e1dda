extension PlanningProblem {
    /// The objective's components, in lexicographic order (the `"objective"` key).
    static let objectiveOrder = ["score", "plants", "preferred_days", "distinct_meals"]

    /// The problem as JSON (what `--emit-problem` writes), so that an external MILP solver can
    /// rebuild it and check a plan. docs/PROBLEM.md documents every key and the exact MILP.
    /// Keys, in this order: `days`, `slots`, `energy` {`min`, `max`}, `objective` (the component
    /// names, lexicographic), `objective_terms` (each component in words), `score_tolerance`,
    /// `constraints` (in words), `nutrients` {id: {`unit`, `target`, `weight`, `upper_limit`}},
    /// `supplements` {id: amount} (only nutrients with a supplement), `ratio_limits`
    /// [{`id`, `numerator`, `denominator`, `max`}], `food_caps` [{`id`, `max_per_day`,
    /// `max_per_week`, `amounts` {item-id: amount}}], `plants` {`cap`, `items` {item-id:
    /// [species]}}, `fixed` [{`day`, `slot`, `item`}], `items` [{`id`, `slots`, `kcal`,
    /// `max_per_week`, `no_consecutive_days`, `nutrients` {id: amount eaten}, `counted` {id:
    /// amount the score counts} (always written, every nutrient), `preferred_for` [ids],
    /// `days` [1-based days] (only when restricted), `preference` (informational only: no longer
    /// part of the objective)}]. Member order is fixed; numbers keep 9 decimals so that sums
    /// checked against limits agree with the planner's.
    var jsonValue: JSONValue {
        .object(ordered: [
            ("days", .number(Double(days))),
            ("slots", .array(slots.map { .string($0.rawValue) })),
            ("energy", .object(ordered: [("min", .number(energy.lowerBound)), ("max", .number(energy.upperBound))])),
            ("objective", .array(Self.objectiveOrder.map { .string($0) })),
            ("objective_terms", .object(ordered: [
                ("score", "maximise sum_n w_n * (1/days) * sum_d min(1, (supplements[n] + sum_i counted(i,n) x(i,d)) / target_n) / sum_n w_n over nutrients with weight > 0 and a target > 0"),
                ("plants", "then, among weeks with score >= best score - score_tolerance, maximise min(plants.cap, number of distinct species in plants.items over the items planned in the week)"),
                ("preferred_days", "then maximise sum over nutrients with weight > 0 of the number of days on which some planned item lists that nutrient in preferred_for"),
                ("distinct_meals", "then maximise the number of distinct item ids planned in the breakfast, lunch, dinner and snack slots"),
            ])),
            ("score_tolerance", .number(scoreTolerance)),
            ("constraints", .array([
                "one item per slot per day; an item at most once per day",
                "an item at most max_per_week times per week; never on consecutive days when no_consecutive_days",
                "an item with days only on those days (1-based)",
                "day kcal within energy (inclusive)",
                "day total eaten (nutrients) + supplements at or below upper_limit for every nutrient with one",
                "every ratio limit every day: sum numerator <= max * sum denominator, where a nutrient side is eaten amounts + supplement and energy is item kcal",
                "every food cap: sum over the day's items of amounts[item] <= max_per_day every day, and over the week <= max_per_week (null: no cap)",
                "every fixed item in its day and slot",
            ])),
            ("nutrients", .object(ordered: nutrients.map { term in
                (term.id, .object(ordered: [
                    ("unit", .string(term.unit)), ("target", .number(term.target)),
                    ("weight", .number(term.weight)), ("upper_limit", .number(term.upperLimit)),
                ]))
            })),
            ("supplements", .object(ordered: nutrients.filter { $0.supplement != 0 }.map { ($0.id, .number($0.supplement)) })),
            ("ratio_limits", .array(ratioLimits.map { ratio in
                .object(ordered: [("id", .string(ratio.id)), ("numerator", .string(ratio.numerator)),
                                  ("denominator", .string(ratio.denominator)), ("max", .number(ratio.max))])
            })),
            ("food_caps", .array(foodCaps.map { foodCap in
                .object(ordered: [
                    ("id", .string(foodCap.id)), ("max_per_day", .number(foodCap.maxPerDay)),
                    ("max_per_week", .number(foodCap.maxPerWeek)),
                    ("amounts", .object(sorting: foodCap.amounts.mapValues { .number($0) })),
                ])
            })),
            ("plants", .object(ordered: [
                ("cap", .number(Double(plantsCap))),
                ("items", .object(ordered: items.filter { !$0.plants.isEmpty }.map { item in
                    (item.id, .array(item.plants.map { .string($0) }))
                })),
            ])),
            ("fixed", .array(fixed.map { lock in
                .object(ordered: [("day", .number(Double(lock.day))), ("slot", .string(lock.slot.rawValue)), ("item", .string(lock.item))])
            })),
            ("items", .array(items.map { item in
                var members: [(String, JSONValue)] = [
                    ("id", .string(item.id)), ("slots", .array(item.slots.map { .string($0.rawValue) })),
                    ("kcal", .number(item.kcal)), ("max_per_week", .number(Double(item.maxPerWeek))),
                    ("no_consecutive_days", .bool(item.noConsecutiveDays)),
                    ("nutrients", .object(ordered: nutrients.indices.map { n in
                        (nutrients[n].id, .number(n < item.amounts.count ? item.amounts[n] : 0))
                    })),
                ]
                let counted = item.counted ?? item.amounts
                members.append(("counted", .object(ordered: nutrients.indices.map { n in
                    (nutrients[n].id, .number(n < counted.count ? counted[n] : 0))
                })))
                members.append(("preferred_for", .array(item.preferredFor.map { .string($0) })))
                if let days = item.days { members.append(("days", .array(days.map { .number(Double($0)) }))) }
                members.append(("preference", .number(item.preference)))
                return .object(ordered: members)
            })),
        ])
    }

    /// The problem as pretty JSON text with a trailing newline.
    public func json() -> String { JSONWriter(pretty: true, maxFractionDigits: 9).write(jsonValue) + "\n" }

    /// Largest magnitude accepted for any amount, energy or limit: far above any real food,
    /// small enough that sums over a week stay exact to the planner's tolerance.
    static let largestNumber = 1e12

    /// Reads a problem written by `json()` (the benchmark, the tests and external checks).
    /// Rejects what is not a problem, and absurd numbers (non-finite, out of range, fractional
    /// counts) with an error instead of trapping.
    public init(json text: String) throws(GutPlanError) {
        let root: JSONValue
        do { root = try JSONValue(parsing: text) } catch { throw .badData([error]) }
        func fail(_ what: String) -> GutPlanError {
            .badData([Diagnostic(.error, "not a gutplan problem: \(what)", at: nil)])
        }
        func number(_ value: JSONValue?, _ what: String) throws(GutPlanError) -> Double? {
            switch value {
            case nil, .null?: return nil
            case .number(let x)?:
                guard x.isFinite, abs(x) <= Self.largestNumber else { throw fail("\(what) is not a finite number of sensible size") }
                return x
            default: throw fail("\(what) is not a number")
            }
        }
        func required(_ value: JSONValue?, _ what: String) throws(GutPlanError) -> Double {
            guard let x = try number(value, what) else { throw fail("\(what) is missing") }
            return x
        }
        func count(_ value: JSONValue?, _ what: String, in range: ClosedRange<Int>) throws(GutPlanError) -> Int {
            let x = try required(value, what)
            guard x == x.rounded(), x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
                throw fail("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return Int(x)
        }
        func string(_ value: JSONValue?, _ what: String) throws(GutPlanError) -> String {
            guard case .string(let s)? = value else { throw fail("\(what) is not a string") }
            return s
        }
        func slot(_ value: JSONValue?) throws(GutPlanError) -> Slot {
            guard case .string(let name)? = value, let slot = Slot(rawValue: name) else { throw fail("slot") }
            return slot
        }
        func slots(_ value: JSONValue?) throws(GutPlanError) -> [Slot] {
            guard case .array(let list)? = value else { throw fail("slots") }
            var result: [Slot] = []
            for entry in list { result.append(try slot(entry)) }
            return result
        }
        func strings(_ value: JSONValue?, _ what: String) throws(GutPlanError) -> [String] {
            guard let value, value != .null else { return [] }
            guard case .array(let list) = value else { throw fail("\(what) is not a list") }
            var result: [String] = []
            for entry in list { result.append(try string(entry, what)) }
            return result
        }
        guard case .object(let terms)? = root["nutrients"], case .array(let items)? = root["items"] else {
            throw fail("days, energy, nutrients or items")
        }
        let days = try count(root["days"], "days", in: 1...366)
        let low = try required(root["energy"]?["min"], "energy min"), high = try required(root["energy"]?["max"], "energy max")
        guard low <= high else { throw fail("energy min is above energy max") }
        var supplements: [String: Double] = [:]
        if case .object(let members)? = root["supplements"] {
            for member in members { supplements[member.key] = try required(member.value, "supplement of \(member.key)") }
        }
        var nutrients: [NutrientTerm] = []
        for member in terms {
            let unit: String = { if case .string(let u)? = member.value["unit"] { return u }; return "" }()
            nutrients.append(NutrientTerm(id: member.key, unit: unit, target: try number(member.value["target"], "target of \(member.key)"),
                                          weight: try number(member.value["weight"], "weight of \(member.key)") ?? 0,
                                          upperLimit: try number(member.value["upper_limit"], "upper limit of \(member.key)"),
                                          supplement: supplements[member.key] ?? 0))
        }
        var plantsCap = 30
        var plantItems: [String: [String]] = [:]
        if let plants = root["plants"], plants != .null {
            plantsCap = try count(plants["cap"], "plants cap", in: 0...1_000_000)
            if case .object(let members)? = plants["items"] {
                for member in members { plantItems[member.key] = try strings(member.value, "plants of \(member.key)") }
            }
        }
        var parsed: [Item] = []
        var ids = Set<String>()
        for item in items {
            let id = try string(item["id"], "item id")
            guard ids.insert(id).inserted else { throw fail("item \(id) appears twice") }
            let kcal = try required(item["kcal"], "kcal of \(id)")
            let cap = try count(item["max_per_week"], "max_per_week of \(id)", in: 0...1_000_000)
            let noConsecutive: Bool = { if case .bool(let b)? = item["no_consecutive_days"] { return b }; return false }()
            var amounts: [Double] = []
            for term in nutrients { amounts.append(try number(item["nutrients"]?[term.id], "\(term.id) of \(id)") ?? 0) }
            var counted: [Double]?
            if let values = item["counted"], values != .null {
                var list: [Double] = []
                for term in nutrients { list.append(try number(values[term.id], "counted \(term.id) of \(id)") ?? 0) }
                counted = list == amounts ? nil : list
            }
            var allowed: [Int]?
            if let value = item["days"], value != .null {
                guard case .array(let list) = value else { throw fail("days of \(id) is not a list") }
                var result: [Int] = []
                for entry in list { result.append(try count(entry, "a day of \(id)", in: 1...days)) }
                allowed = result
            }
            parsed.append(Item(id: id, slots: try slots(item["slots"]), kcal: kcal, maxPerWeek: cap,
                               noConsecutiveDays: noConsecutive, amounts: amounts,
                               preference: try number(item["preference"], "preference of \(id)") ?? 0,
                               counted: counted, plants: plantItems[id] ?? [],
                               preferredFor: try strings(item["preferred_for"], "preferred_for of \(id)"), days: allowed))
        }
        var ratios: [RatioLimit] = []
        if case .array(let list)? = root["ratio_limits"] {
            for entry in list {
                ratios.append(RatioLimit(id: try string(entry["id"], "ratio limit id"), numerator: try string(entry["numerator"], "numerator"),
                                         denominator: try string(entry["denominator"], "denominator"), max: try required(entry["max"], "ratio max")))
            }
        }
        var caps: [FoodCap] = []
        if case .array(let list)? = root["food_caps"] {
            for entry in list {
                let id = try string(entry["id"], "food cap id")
                var amounts: [String: Double] = [:]
                if case .object(let members)? = entry["amounts"] {
                    for member in members { amounts[member.key] = try required(member.value, "\(id) amount of \(member.key)") }
                }
                caps.append(FoodCap(id: id, maxPerDay: try number(entry["max_per_day"], "max_per_day of \(id)"),
                                    maxPerWeek: try number(entry["max_per_week"], "max_per_week of \(id)"), amounts: amounts))
            }
        }
        var locks: [Fixed] = []
        if case .array(let list)? = root["fixed"] {
            for entry in list {
                locks.append(Fixed(day: try count(entry["day"], "fixed day", in: 1...days), slot: try slot(entry["slot"]),
                                   item: try string(entry["item"], "fixed item")))
            }
        }
        var tolerance = 0.005
        if let value = try number(root["score_tolerance"], "score_tolerance") {
            guard value >= 0, value <= 1 else { throw fail("score_tolerance must be from 0 to 1") }
            tolerance = value
        }
        self.init(days: days, slots: try slots(root["slots"]), energy: low...high, nutrients: nutrients, items: parsed,
                  ratioLimits: ratios, foodCaps: caps, plantsCap: plantsCap, scoreTolerance: tolerance, fixed: locks)
    }
}
