import Foundation

/// The reasoning behind a plan, as `gutplan explain` prints it: for each flag the chain that
/// produced it (lab value, symptom or entry → rule → flag), what each fired rule brought, and
/// for each day which flagged nutrients each item covers and by how much.
public struct Explanation: Sendable {
    public var knowledge: KnowledgeBase
    public var assessment: Assessment
    public var plan: MealPlan

    public init(knowledge: KnowledgeBase, assessment: Assessment, plan: MealPlan) {
        self.knowledge = knowledge
        self.assessment = assessment
        self.plan = plan
    }

    /// Plain text, one fact per line, indented by depth.
    public func text() -> String {
        var lines: [String] = ["Why this plan", ""]
        lines.append("Flags")
        for id in assessment.flags.keys.sorted(by: nutrientOrder) {
            guard let flag = assessment.flags[id] else { continue }
            lines.append("  \(displayName(id)): \(flag.status.rawValue)")
            lines.append(contentsOf: chain(for: id, indent: "    ", seen: []))
        }
        if assessment.flags.isEmpty { lines.append("  (none)") }
        lines.append("")
        lines.append("Rules that fired, in order")
        for (index, firing) in assessment.firings.enumerated() {
            let summary = firing.summary.isEmpty ? "" : ": \(firing.summary)"
            lines.append("  \(index + 1). \(firing.rule)\(summary)")
            if !firing.because.isEmpty {
                lines.append("     because " + firing.because.map(describe).joined(separator: " and "))
            }
            for action in firing.actions { lines.append("     -> " + describe(action)) }
        }
        lines.append("")
        lines.append("Day by day: what each item covers (% of the day's target)")
        for day in plan.days {
            lines.append("  \(day.name)")
            for item in day.items {
                let shares = plan.nutrients.compactMap { nutrient -> String? in
                    guard let amount = item.nutrients[nutrient.id], amount > 0, nutrient.target > 0 else { return nil }
                    return "\(nutrient.id) \(Self.percent(amount / nutrient.target))"
                }
                let why = item.why.isEmpty ? "" : " [rules: \(item.why.joined(separator: ", "))]"
                let covers = shares.isEmpty ? "" : " — " + shares.joined(separator: ", ")
                lines.append("    \(item.slot.rawValue): \(item.name)\(covers)\(why)")
            }
            let totals = plan.nutrients.map { "\($0.id) \(Self.percent(day.coverage[$0.id] ?? 0))" }
            if !totals.isEmpty { lines.append("    day coverage: " + totals.joined(separator: ", ")) }
        }
        lines.append("")
        lines.append(String(format: "Score %.4f, proven upper bound %.4f", plan.score, plan.upperBound))
        lines.append(MealPlan.disclaimer)
        return lines.joined(separator: "\n") + "\n"
    }

    /// How a flag came to be, back to what the person entered.
    func chain(for id: String, indent: String, seen: Set<String>) -> [String] {
        guard let flag = assessment.flags[id] else { return [] }
        switch flag.provenance {
        case .input:
            return ["\(indent)entered by you as \(flag.status.rawValue)"]
        case .rule(let name, let because):
            let summary = knowledge.rules.first { $0.name == name }.map { $0.summary.isEmpty ? "" : " (\($0.summary))" } ?? ""
            var lines = ["\(indent)rule \(name)\(summary)"]
            for fact in because {
                lines.append("\(indent)  because \(describe(fact))")
                if case .flag(let premise, _) = fact, premise != id, !seen.contains(premise) {
                    lines.append(contentsOf: chain(for: premise, indent: indent + "    ", seen: seen.union([id])))
                }
            }
            return lines
        }
    }

    func describe(_ fact: Fact) -> String {
        switch fact {
        case .flag(let id, let status): return "\(displayName(id)) is \(status.rawValue)"
        case .lab(let test, let value, let unit):
            let name = knowledge.labTests.first { $0.id == test }?.name ?? test
            return "lab \(name) = \(Self.number(value)) \(unit)"
        case .symptom(let id): return "symptom \(knowledge.symptoms.first { $0.id == id }?.name ?? id)"
        case .diet(let diet): return "diet \(diet.rawValue)"
        case .sex(let sex): return "sex \(sex.rawValue)"
        case .age(let age): return "age \(age)"
        }
    }

    func describe(_ action: Action) -> String {
        let names = { (refs: [Reference]) in refs.map(\.name).joined(separator: ", ") }
        switch action {
        case .flag(let nutrient, let status): return "flag \(displayName(nutrient.name)) \(status.rawValue)"
        case .target(let nutrient, let weight): return "target \(displayName(nutrient.name)) with weight \(Self.number(weight))"
        case .prefer(let foods): return "prefer foods: \(names(foods))"
        case .add(let slot, let foods): return "add \(slot.rawValue): \(names(foods))"
        case .step(let steps): return "stress steps: \(names(steps))"
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

    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.4g", value)
    }
}
