extension PlanningProblem {
    /// The problem as JSON (what `--emit-problem` writes), so that an external MILP solver can
    /// rebuild it and check a plan:
    /// `{"days", "slots", "energy": {"min", "max"}, "nutrients": {id: {"unit", "target", "weight",
    /// "upper_limit"}}, "items": [{"id", "slots", "kcal", "max_per_week", "no_consecutive_days",
    /// "nutrients": {id: amount}, "preference"}]}`. Member order is fixed; numbers keep 9 decimals
    /// so that sums checked against limits agree with the planner's.
    public var jsonValue: JSONValue {
        .object(ordered: [
            ("days", .number(Double(days))),
            ("slots", .array(slots.map { .string($0.rawValue) })),
            ("energy", .object(ordered: [("min", .number(energy.lowerBound)), ("max", .number(energy.upperBound))])),
            ("objective", .string("maximise sum_n w_n * (1/days) * sum_d min(1, a(n,d)/target_n) / sum_n w_n over nutrients with weight > 0")),
            ("constraints", .array([
                "one item per slot per day; an item at most once per day",
                "an item at most max_per_week times per week; never on consecutive days when no_consecutive_days",
                "day kcal within energy (inclusive)",
                "day total of every nutrient with an upper_limit at or below it",
            ])),
            ("nutrients", .object(ordered: nutrients.map { term in
                (term.id, .object(ordered: [
                    ("unit", .string(term.unit)), ("target", .number(term.target)),
                    ("weight", .number(term.weight)), ("upper_limit", .number(term.upperLimit)),
                ]))
            })),
            ("items", .array(items.map { item in
                .object(ordered: [
                    ("id", .string(item.id)), ("slots", .array(item.slots.map { .string($0.rawValue) })),
                    ("kcal", .number(item.kcal)), ("max_per_week", .number(Double(item.maxPerWeek))),
                    ("no_consecutive_days", .bool(item.noConsecutiveDays)),
                    ("nutrients", .object(ordered: nutrients.indices.map { n in
                        (nutrients[n].id, .number(n < item.amounts.count ? item.amounts[n] : 0))
                    })),
                    ("preference", .number(item.preference)),
                ])
            })),
        ])
    }

    /// The problem as pretty JSON text with a trailing newline.
    public func json() -> String { JSONWriter(pretty: true, maxFractionDigits: 9).write(jsonValue) + "\n" }

    /// Reads a problem written by `json()` (used by the benchmark to time real profiles).
    public init(json text: String) throws(GutPlanError) {
        let root: JSONValue
        do { root = try JSONValue(parsing: text) } catch { throw .badData([error]) }
        func fail(_ what: String) -> GutPlanError {
            .badData([Diagnostic(.error, "not a gutplan problem: \(what)", at: nil)])
        }
        func number(_ value: JSONValue?) -> Double? {
            if case .number(let x)? = value { return x }
            return nil
        }
        func slots(_ value: JSONValue?) throws(GutPlanError) -> [Slot] {
            guard case .array(let list)? = value else { throw fail("slots") }
            var result: [Slot] = []
            for entry in list {
                guard case .string(let name) = entry, let slot = Slot(rawValue: name) else { throw fail("slot") }
                result.append(slot)
            }
            return result
        }
        guard let days = number(root["days"]), let low = number(root["energy"]?["min"]),
              let high = number(root["energy"]?["max"]), low <= high,
              case .object(let terms)? = root["nutrients"], case .array(let items)? = root["items"]
        else { throw fail("days, energy, nutrients or items") }
        let nutrients = terms.map { member in
            NutrientTerm(id: member.key, unit: { if case .string(let u)? = member.value["unit"] { return u }; return "" }(),
                         target: number(member.value["target"]), weight: number(member.value["weight"]) ?? 0,
                         upperLimit: number(member.value["upper_limit"]))
        }
        var parsed: [Item] = []
        for item in items {
            guard case .string(let id)? = item["id"], let kcal = number(item["kcal"]),
                  let cap = number(item["max_per_week"]) else { throw fail("item") }
            let noConsecutive: Bool = { if case .bool(let b)? = item["no_consecutive_days"] { return b }; return false }()
            parsed.append(Item(id: id, slots: try slots(item["slots"]), kcal: kcal, maxPerWeek: Int(cap),
                               noConsecutiveDays: noConsecutive,
                               amounts: nutrients.map { number(item["nutrients"]?[$0.id]) ?? 0 },
                               preference: number(item["preference"]) ?? 0))
        }
        self.init(days: Int(days), slots: try slots(root["slots"]), energy: low...high, nutrients: nutrients, items: parsed)
    }
}
