extension PlanningProblem {
    /// The problem as JSON (what `--emit-problem` writes), so an external MILP solver can rebuild
    /// and check it: `days`, `slots`, `energy` {min, max}, `nutrients` (id, unit, target, weight,
    /// upper_limit; `null` where absent) and `items` (id, slots, kcal, max_per_week,
    /// no_consecutive_days, amounts aligned with `nutrients`, preference). Member order is fixed.
    public var jsonValue: JSONValue {
        .object(ordered: [
            ("days", .number(Double(days))),
            ("slots", .array(slots.map { .string($0.rawValue) })),
            ("energy", .object(ordered: [("min", .number(energy.lowerBound)), ("max", .number(energy.upperBound))])),
            ("objective", .string("maximise sum_n w_n * (1/days) * sum_d min(1, a(n,d)/t_n) / sum_n w_n")),
            ("nutrients", .array(nutrients.map { term in
                .object(ordered: [
                    ("id", .string(term.id)), ("unit", .string(term.unit)), ("target", .number(term.target)),
                    ("weight", .number(term.weight)), ("upper_limit", .number(term.upperLimit)),
                ])
            })),
            ("items", .array(items.map { item in
                .object(ordered: [
                    ("id", .string(item.id)), ("slots", .array(item.slots.map { .string($0.rawValue) })),
                    ("kcal", .number(item.kcal)), ("max_per_week", .number(Double(item.maxPerWeek))),
                    ("no_consecutive_days", .bool(item.noConsecutiveDays)),
                    ("amounts", .array(item.amounts.map { .number($0) })), ("preference", .number(item.preference)),
                ])
            })),
        ])
    }

    /// The problem as pretty JSON text with a trailing newline.
    public func json() -> String { jsonValue.rendered() + "\n" }
}
