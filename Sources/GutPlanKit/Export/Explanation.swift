/// The reasoning behind a plan, as `gutplan explain` prints it: what the person entered; for each
/// flag the chain that produced it (lab value, symptom or entry → rule → flag), with a lab value
/// converted into the unit the rule compares in; what each fired rule brought; and for each day
/// what each item brings towards the day's targets and which rules chose it.
public struct Explanation: Sendable {
    var knowledge: KnowledgeBase
    public var assessment: Assessment
    public var plan: MealPlan

    init(knowledge: KnowledgeBase, assessment: Assessment, plan: MealPlan) {
        self.knowledge = knowledge
        self.assessment = assessment
        self.plan = plan
    }

    /// Plain text, no line wider than `width` columns (at least `MealPlan.minimumTextWidth`),
    /// indented by depth; long lines wrap under their own indent.
    public func text(width requestedWidth: Int = 80) -> String {
        let width = max(requestedWidth, MealPlan.minimumTextWidth)
        var lines: [String] = []
        func add(_ text: String, _ indent: Int = 0, hanging: Int = 2) {
            let first = String(repeating: " ", count: indent)
            lines += TextLayout.wrap(text, width: width, first: first, rest: first + String(repeating: " ", count: hanging))
        }

        add("Why this plan")
        lines.append("")
        add("What you entered")
        for line in enteredLines() { add(line, 2, hanging: 4) }

        lines.append("")
        add("Flags, and how each came about")
        for id in assessment.flags.keys.sorted(by: nutrientOrder) {
            guard let flag = assessment.flags[id] else { continue }
            let weight = assessment.weights[id].map { ", weight \(Self.number($0))" } ?? ""
            add("\(displayName(id)): \(flag.status.rawValue)\(weight)", 2)
            for (depth, text) in chain(for: id, depth: 0, seen: []) { add(text, 4 + 2 * depth, hanging: 4) }
        }
        if assessment.flags.isEmpty { add("(none)", 2) }
        let targetedOnly = plan.nutrients.filter { $0.status == nil }
        for nutrient in targetedOnly {
            add("\(nutrient.name): not flagged, planned for with weight \(Self.number(nutrient.weight)) by a rule below", 2)
        }

        if !plan.nutrients.isEmpty {
            lines.append("")
            add("Daily targets, and how each was made (food and supplements count together)")
            for nutrient in plan.nutrients { add("\(nutrient.name): \(nutrient.basis)", 2, hanging: 4) }
            for line in plan.countedLines { add(line, 2, hanging: 4) }
        }

        lines.append("")
        add("Rules that fired, in order")
        for (index, firing) in assessment.firings.enumerated() {
            let number = "\(index + 1). "
            let indent = 2 + number.count
            add(number + firing.rule, 2, hanging: number.count)
            if !firing.summary.isEmpty { add(firing.summary, indent, hanging: 0) }
            let because = unique(firing.because)
            if !because.isEmpty {
                add("because " + because.map { describe($0, rule: firing.rule) }.joined(separator: " and "), indent, hanging: 4)
            }
            for action in firing.actions { add("-> " + describe(action), indent, hanging: 3) }
        }

        lines.append("")
        add("Day by day: what each item brings (% of the day's target) and the rules that chose it")
        for day in plan.days {
            add("\(day.name)", 2)
            for item in day.items {
                add("\(item.slot.rawValue): \(item.name)", 4, hanging: 4)
                let shares = plan.nutrients.compactMap { nutrient -> String? in
                    guard let eaten = item.nutrients[nutrient.id], eaten > 0, nutrient.target > 0 else { return nil }
                    let amount = item.counted[nutrient.id] ?? eaten
                    return "\(nutrient.name) \(Self.percent(amount / nutrient.target))"
                }
                if !shares.isEmpty { add(shares.joined(separator: ", "), 8) }
                for factor in item.factors {
                    let name = plan.nutrients.first { $0.id == factor.nutrient }?.name ?? factor.nutrient
                    add("\(name) counts \(DecimalText.format(factor.factor, maxFractionDigits: 2))×: \(factor.reason)", 8, hanging: 4)
                }
                if !item.why.isEmpty { add("chosen by: " + item.why.joined(separator: ", "), 8) }
            }
            let totals = plan.nutrients.map { "\($0.name) \(Self.percent(day.coverage[$0.id] ?? 0))" }
            if !totals.isEmpty { add("day total: " + totals.joined(separator: ", "), 4, hanging: 4) }
        }

        lines.append("")
        add("Score \(DecimalText.fixed(plan.score, digits: 3)) (proven upper bound \(DecimalText.fixed(plan.upperBound, digits: 3)); "
            + "1.000 means every target met every day)", hanging: 0)
        add(MealPlan.disclaimer, hanging: 0)
        return lines.map(\.trailingSpacesTrimmed).joined(separator: "\n") + "\n"
    }

    /// The person's own entries: flags, lab values, symptoms and profile.
    func enteredLines() -> [String] {
        var lines: [String] = []
        let profile = plan.profile
        func names(_ ids: Set<String>) -> String { ids.sorted(by: nutrientOrder).map(displayName).joined(separator: ", ") }
        if !profile.confirmed.isEmpty { lines.append("confirmed: " + names(profile.confirmed)) }
        if !profile.suspected.isEmpty { lines.append("suspected: " + names(profile.suspected)) }
        for lab in profile.labs {
            let name = knowledge.labTests.first { $0.id == lab.test }?.name ?? lab.test
            let place = lab.location.map { " (\($0))" } ?? ""
            let value = "\(Self.number(lab.value)) \(lab.unit)"
            let reading = lab.qualifier.reading(value).map { ", read as \($0) (a censored value: the lab gives only a limit)" } ?? ""
            let date = lab.date.map { " on \($0)" } ?? ""
            lines.append("lab: \(name) \(lab.qualifier.prefix)\(value)\(date)\(reading)\(place)")
            for earlier in lab.earlier {
                lines.append("  earlier (not used): \(earlier.qualifier.prefix)\(Self.number(earlier.value)) \(earlier.unit)"
                    + (earlier.date.map { " on \($0)" } ?? "") + (earlier.location.map { " (\($0))" } ?? ""))
            }
        }
        if !profile.symptoms.isEmpty {
            lines.append("symptoms: " + profile.symptoms.sorted().map { id in knowledge.symptoms.first { $0.id == id }?.name ?? id }
                .joined(separator: ", "))
        }
        let band = profile.energyBand
        lines.append("profile: \(profile.sex.rawValue), \(profile.age), \(profile.diet.rawValue); "
            + "\(Self.number(band.lowerBound))-\(Self.number(band.upperBound)) kcal a day; excludes "
            + (profile.exclude.isEmpty ? "nothing" : profile.exclude.joined(separator: ", ")))
        return lines
    }

    /// How a flag came to be, back to what the person entered: (depth, text) pairs.
    func chain(for id: String, depth: Int, seen: Set<String>) -> [(Int, String)] {
        guard let flag = assessment.flags[id] else { return [] }
        switch flag.provenance {
        case .input:
            return [(depth, "entered by you as \(flag.status.rawValue)")]
        case .rule(let name, let because):
            let summary = knowledge.rules.first { $0.name == name }.map { $0.summary.isEmpty ? "" : ": \($0.summary)" } ?? ""
            var lines = [(depth, "rule \(name)\(summary)")]
            for fact in unique(because) {
                lines.append((depth + 1, "because \(describe(fact, rule: name))"))
                if case .flag(let premise, _) = fact, premise != id, !seen.contains(premise) {
                    lines += chain(for: premise, depth: depth + 2, seen: seen.union([id]))
                }
            }
            return lines
        }
    }

    /// Facts without repeats, first occurrence kept (a range `a <= x and x < b` matches one lab twice).
    func unique(_ facts: [Fact]) -> [Fact] {
        var seen = Set<Fact>()
        return facts.filter { seen.insert($0).inserted }
    }

    func describe(_ fact: Fact, rule: String? = nil) -> String {
        switch fact {
        case .flag(let id, let status): return "\(displayName(id)) is \(status.rawValue)"
        case .lab(let testID, let value, let unit, let qualifier):
            let test = knowledge.labTests.first { $0.id == testID }
            // A censored value (`<5`) keeps its sign: it says where the value lies, not what it is.
            let relation = qualifier == .exact ? "=" : qualifier.rawValue
            var text = "lab \(test?.name ?? testID) \(relation) \(Self.number(value)) \(unit)"
            if let test, let rule, let bounds = labBounds(test: test, rule: rule), !bounds.isEmpty {
                // The rule compares in its own unit: show the value converted, then what it asks.
                let ruleUnit = bounds[0].unit
                let converted = LabUnit(ruleUnit) == LabUnit(unit) ? nil : test.convert(value, from: unit, to: ruleUnit)
                let asks = bounds.map { "\($0.comparison.rawValue) \(Self.number($0.value)) \($0.unit)" }.joined(separator: " and ")
                text += converted.map { " (\(relation) \(Self.number($0)) \(ruleUnit); the rule asks \(asks))" } ?? " (the rule asks \(asks))"
            }
            return text
        case .symptom(let id): return "symptom \(knowledge.symptoms.first { $0.id == id }?.name ?? id)"
        case .diet(let diet): return "diet \(diet.rawValue)"
        case .sex(let sex): return "sex \(sex.rawValue)"
        case .age(let age): return "age \(age)"
        case .lowFODMAP: return "the low-FODMAP elimination phase (--low-fodmap)"
        }
    }

    /// The comparisons a rule's condition makes on one lab test, in the order written.
    func labBounds(test: LabTest, rule name: String) -> [(comparison: Comparison, value: Double, unit: String)]? {
        guard let rule = knowledge.rules.first(where: { $0.name == name }) else { return nil }
        var found: [(comparison: Comparison, value: Double, unit: String)] = []
        rule.condition.forEachAtom { atom, _ in
            if case .lab(let reference, let comparison, let value, let unit) = atom,
               knowledge.labTest(named: reference.name)?.id == test.id {
                found.append((comparison, value, unit.name))
            }
        }
        // Only when every comparison uses one unit (else the conversion would mislead).
        return Set(found.map(\.unit)).count == 1 ? found : nil
    }

    func describe(_ action: Action) -> String {
        let names = { (refs: [Reference]) in refs.map(\.name).joined(separator: ", ") }
        switch action {
        case .flag(let nutrient, let status): return "flag \(displayName(nutrient.name)) \(status.rawValue)"
        case .target(let nutrient, let weight): return "plan for \(displayName(nutrient.name)) with weight \(Self.number(weight))"
        case .scaleTarget(let nutrient, let factor): return "aim for \(Self.number(factor)) times the reference intake of \(displayName(nutrient.name))"
        case .setTarget(let nutrient, let amount, let unit): return "aim for at least \(Self.number(amount)) \(unit.name) of \(displayName(nutrient.name)) a day"
        case .prefer(let foods): return "prefer foods: \(names(foods))"
        case .add(let slot, let foods): return "\(slot.rawValue) additions to choose from: \(names(foods))"
        case .step(let steps): return "stress steps to choose from: \(names(steps))"
        case .note(let text): return "note: \(text)"
        case .avoid(let items): return "avoid: \(names(items))"
        }
    }

    func displayName(_ id: String) -> String { knowledge.nutrients.first { $0.id == id }?.name ?? id }

    func nutrientOrder(_ a: String, _ b: String) -> Bool {
        let ia = knowledge.nutrients.firstIndex { $0.id == a } ?? Int.max
        let ib = knowledge.nutrients.firstIndex { $0.id == b } ?? Int.max
        return ia != ib ? ia < ib : a < b
    }

    static func percent(_ fraction: Double) -> String {
        fraction.isFinite ? "\(Int((fraction * 100).rounded()))%" : "-"
    }

    /// Locale-free: whole numbers as integers, others with up to 4 significant decimals.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = abs(value)
        let digits = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 4
        return DecimalText.format(value, maxFractionDigits: digits)
    }
}
