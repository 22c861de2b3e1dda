/// Forward-chaining inference over the knowledge base's rules.
///
/// Facts come from the profile (flags, labs, symptoms, diet, sex, age). Among the rules whose
/// condition holds and that have not fired yet, the one with the highest priority fires (ties:
/// the order rules were loaded, files in name order). Each rule fires at most once, so chaining
/// reaches a fixpoint; flags only grow (none → suspected → confirmed), so after a firing that
/// changes a flag the scan restarts from the top, which keeps the work near-linear in the number
/// of rules. Two bounds stop rules that run away: total firings and derivation depth.
struct RuleEngine: Sendable {
    var knowledge: KnowledgeBase
    /// Most firings before the run stops with `EngineError.runaway`.
    var maxFirings: Int
    /// Longest chain of rules deriving one flag from another before `EngineError.chainTooDeep`.
    var maxDepth: Int

    init(knowledge: KnowledgeBase, maxFirings: Int = 100_000, maxDepth: Int = 32) {
        self.knowledge = knowledge
        self.maxFirings = maxFirings
        self.maxDepth = maxDepth
    }

    /// Runs the rules on a profile and returns everything they derived.
    func run(_ profile: Profile) throws(EngineError) -> Assessment {
        var state = State(knowledge: knowledge, profile: profile)
        let order = knowledge.rules.indices.sorted {
            let (a, b) = (knowledge.rules[$0], knowledge.rules[$1])
            return a.priority != b.priority ? a.priority > b.priority : $0 < $1
        }
        var fired = [Bool](repeating: false, count: knowledge.rules.count)
        var firings = 0
        var position = 0
        while position < order.count {
            let index = order[position]
            position += 1
            guard !fired[index], let because = state.match(knowledge.rules[index].condition) else { continue }
            fired[index] = true
            firings += 1
            let rule = knowledge.rules[index]
            if firings > maxFirings {
                throw .runaway(firings: firings, lastRule: rule.name, location: rule.location)
            }
            if try state.fire(rule, because: because, maxDepth: maxDepth) {
                position = 0  // a flag changed: higher-priority rules may hold now
            }
        }
        if profile.labs.contains(where: { $0.qualifier != .exact }) { state.noteUndecided(fired: fired) }
        return state.assessment
    }
}

extension RuleEngine {
    /// The engine's working memory during one run.
    struct State {
        let knowledge: KnowledgeBase
        let profile: Profile
        var assessment = Assessment()
        /// Derivation depth of each flag: 0 when entered, 1 + the deepest premise when derived.
        var depth: [String: Int] = [:]
        /// The rules behind each derived flag, first to last, for chain messages.
        var chain: [String: [String]] = [:]
        /// What the assessment already lists, so that repeats are dropped in constant time
        /// (100,000 rules adding notes must stay linear).
        var seenNotes: Set<String> = []
        var seenAdditions: Set<String> = []
        var seenSteps: Set<String> = []

        init(knowledge: KnowledgeBase, profile: Profile) {
            self.knowledge = knowledge
            self.profile = profile
            for id in profile.suspected.sorted() where !profile.confirmed.contains(id) {
                setInputFlag(id, .suspected)
            }
            for id in profile.confirmed.sorted() {
                setInputFlag(id, .confirmed)
            }
        }

        private mutating func setInputFlag(_ id: String, _ status: FlagStatus) {
            assessment.flags[id] = Assessment.Flag(status: status, provenance: .input)
            assessment.weights[id] = max(assessment.weights[id] ?? 0, knowledge.weights[status] ?? 0)
            depth[id] = 0
            chain[id] = []
        }

        /// The facts that make `condition` hold, or `nil` when it does not (or cannot be told).
        func match(_ condition: Condition) -> [Fact]? { truth(condition).facts }

        /// Whether `condition` holds, with the facts that make it hold; `.unknown` when a censored
        /// lab value (`<5`) cannot tell. An `and` holds on all its terms' facts, an `or` on its
        /// first term that holds. Walked without recursion.
        func truth(_ condition: Condition) -> Truth {
            condition.fold(atom: { truthOfAtom($0) }, not: Truth.not, and: Truth.all, or: Truth.any)
        }

        /// Whether one leaf of a condition holds.
        func truthOfAtom(_ condition: Condition) -> Truth {
            func fact(_ holds: Bool, _ fact: Fact) -> Truth { holds ? .yes([fact]) : .no }
            switch condition {
            case .always:
                return .yes([])
            case .lowFODMAP:
                return fact(profile.lowFODMAP, .lowFODMAP)
            case .flagged(let nutrient, let status):
                guard let flag = assessment.flags[nutrient.name], status == nil || flag.status == status else {
                    return .no
                }
                return .yes([.flag(nutrient: nutrient.name, status: flag.status)])
            case .lab(let test, let comparison, let value, let unit):
                guard let labTest = knowledge.labTests.first(where: { $0.id == test.name }) else { return .no }
                var unknown = false
                for result in profile.labs where result.test == test.name {
                    // Compared in the rule's unit, equal within `Comparison.unitTolerance`, so a
                    // value on a threshold gives the same flag in every unit.
                    guard let converted = labTest.convert(result.value, from: result.unit, to: unit.name) else { continue }
                    switch comparison.holds(result.qualifier, converted, value) {
                    case true?:
                        return .yes([.lab(test: result.test, value: result.value, unit: result.unit, qualifier: result.qualifier)])
                    case nil: unknown = true
                    case false?: continue
                    }
                }
                return unknown ? .unknown : .no
            case .symptom(let symptom):
                return fact(profile.symptoms.contains(symptom.name), .symptom(symptom.name))
            case .diet(let diet):
                return fact(profile.diet.rawValue == diet.name, .diet(profile.diet))
            case .sex(let sex):
                return fact(profile.sex == sex, .sex(sex))
            case .age(let comparison, let value):
                return fact(comparison.holds(Double(profile.age), value), .age(profile.age))
            case .not, .and, .or:
                return .no  // never a leaf: `fold` combines these
            }
        }

        /// After the run: says plainly which rules a censored lab value could not decide, as a
        /// note each (`ferritin < 40 ug/L cannot tell whether ...`).
        mutating func noteUndecided(fired: [Bool]) {
            for (index, rule) in knowledge.rules.enumerated() where !fired[index] && truth(rule.condition) == .unknown {
                var asks: [String] = []
                rule.condition.forEachAtom { atom, _ in
                    guard case .lab(let test, let comparison, let value, let unit) = atom,
                          let labTest = knowledge.labTests.first(where: { $0.id == test.name }) else { return }
                    for result in profile.labs where result.test == test.name && result.qualifier != .exact {
                        guard let converted = labTest.convert(result.value, from: result.unit, to: unit.name),
                              comparison.holds(result.qualifier, converted, value) == nil else { continue }
                        asks.append("your \(labTest.name) of \(result.qualifier.prefix)\(DecimalText.format(result.value, maxFractionDigits: 6)) "
                            + "\(result.unit) cannot tell whether it is \(comparison.rawValue) \(DecimalText.format(value, maxFractionDigits: 6)) \(unit.name)")
                    }
                }
                let text = "Rule \(rule.name) was not applied: "
                    + (asks.isEmpty ? "a censored lab value cannot decide it" : asks.joined(separator: "; "))
                    + ". Ask the laboratory for the exact value."
                if seenNotes.insert(text).inserted { assessment.notes.append(text) }
            }
        }

        /// Applies a rule's actions. Returns `true` when a flag changed.
        mutating func fire(_ rule: Rule, because: [Fact], maxDepth: Int) throws(EngineError) -> Bool {
            var changed = false
            assessment.firings.append(Firing(rule: rule.name, summary: rule.summary, because: because,
                                             actions: rule.actions))
            for action in rule.actions {
                switch action {
                case .flag(let nutrient, let status):
                    changed = try raise(nutrient.name, to: status, by: rule, because: because, maxDepth: maxDepth)
                        || changed
                case .target(let nutrient, let weight):
                    assessment.weights[nutrient.name] = max(assessment.weights[nutrient.name] ?? 0, weight)
                case .scaleTarget(let nutrient, let factor):
                    assessment.targetFactors[nutrient.name, default: []].append((factor: factor, rule: rule.name))
                case .setTarget(let nutrient, let amount, _):
                    if amount > assessment.targetAmounts[nutrient.name]?.amount ?? 0 {
                        assessment.targetAmounts[nutrient.name] = (amount: amount, rule: rule.name)
                    }
                case .prefer(let foods):
                    // A rule fires once, so only a food named twice in this list can repeat.
                    for food in Set(foods.map(\.name)).sorted() {
                        assessment.preferred[food, default: []].append(rule.name)
                    }
                case .add(let slot, let foods):
                    for food in foods where seenAdditions.insert("\(slot.rawValue)|\(food.name)").inserted {
                        assessment.additions[slot, default: []].append((food: food.name, rule: rule.name))
                    }
                case .step(let steps):
                    for step in steps where seenSteps.insert(step.name).inserted {
                        assessment.steps.append((step: step.name, rule: rule.name))
                    }
                case .note(let text):
                    if seenNotes.insert(text).inserted { assessment.notes.append(text) }
                case .avoid(let names):
                    assessment.avoid.formUnion(names.map(\.name))
                }
            }
            return changed
        }

        /// Flags a nutrient, never downgrading: confirmed stays confirmed.
        private mutating func raise(_ nutrient: String, to status: FlagStatus, by rule: Rule, because: [Fact],
                                    maxDepth: Int) throws(EngineError) -> Bool {
            if let existing = assessment.flags[nutrient], existing.status >= status { return false }
            let premises = because.compactMap { fact -> String? in
                if case .flag(let id, _) = fact { return id }
                return nil
            }
            let deepest = premises.max { (depth[$0] ?? 0) < (depth[$1] ?? 0) }
            let newDepth = 1 + (deepest.flatMap { depth[$0] } ?? 0)
            let newChain = (deepest.flatMap { chain[$0] } ?? []) + [rule.name]
            if newDepth > maxDepth {
                throw .chainTooDeep(depth: maxDepth, chain: newChain, location: rule.location)
            }
            depth[nutrient] = newDepth
            chain[nutrient] = newChain
            assessment.flags[nutrient] = Assessment.Flag(status: status,
                                                         provenance: .rule(name: rule.name, because: because))
            assessment.weights[nutrient] = max(assessment.weights[nutrient] ?? 0, knowledge.weights[status] ?? 0)
            return true
        }
    }
}
