import Foundation

/// Checks a loaded knowledge base's rules against its tables.
///
/// Errors: every `Reference` in a condition or action must name an existing thing of the right
/// kind (nutrient id, food id, step id, symptom id, lab test id, diet, avoid target = food id or
/// tag, a lab unit that applies to its test), `add fermented|prebiotic` foods must carry that
/// tag, `target` weights must be positive.
/// Warnings: rules that can never fire (contradictory conditions, ages under 19, negative lab
/// values), rules shadowed by an earlier-firing rule with the same condition and a superset of
/// their actions, and nutrients with a target that no `prefer` rule on their flag covers.
///
/// `KnowledgeBase.load` keeps the errors; `gutplan rules check` shows warnings too.
struct RuleChecker {
    /// `warnings: false` runs only the checks that can find errors (the reference checks), for
    /// callers that discard warnings: the errors, and their order, are the same either way.
    static func check(_ kb: KnowledgeBase, warnings: Bool = true) -> [Diagnostic] {
        var checker = RuleChecker(kb)
        for rule in kb.rules { checker.checkReferences(rule) }
        guard warnings else { return checker.diagnostics }
        let labs = checker.labsByID
        for rule in kb.rules where !RuleChecker.canFire(rule.condition, labs: labs) {
            checker.warn("rule '\(rule.name)' can never fire: its condition cannot hold for any adult", at: rule.location)
        }
        checker.checkShadowing()
        checker.checkCoverage()
        return checker.diagnostics
    }

    private let kb: KnowledgeBase
    private var diagnostics: [Diagnostic] = []
    private let nutrientIDs: KnownIDs, foodIDs: KnownIDs, stepIDs: KnownIDs, symptomIDs: KnownIDs, labIDs: KnownIDs,
                dietIDs: KnownIDs
    private let foodsByID: [String: Food]
    private let labsByID: [String: LabTest]

    private init(_ kb: KnowledgeBase) {
        self.kb = kb
        nutrientIDs = KnownIDs(kb.nutrients.map(\.id))
        foodIDs = KnownIDs(kb.foods.map(\.id))
        stepIDs = KnownIDs(kb.steps.map(\.id))
        symptomIDs = KnownIDs(kb.symptoms.map(\.id))
        labIDs = KnownIDs(kb.labTests.map(\.id))
        dietIDs = KnownIDs(Diet.allCases.map(\.rawValue))
        foodsByID = Dictionary(kb.foods.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        labsByID = Dictionary(kb.labTests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    private mutating func warn(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    private mutating func expect(_ ref: Reference, in names: KnownIDs, kind: String) {
        guard !names.contains(ref.name) else { return }
        error("unknown \(kind) '\(ref.name)'\(Suggestion.didYouMean(ref.name, among: names.list))", at: ref.location)
    }

    // MARK: References

    private mutating func checkReferences(_ rule: Rule) {
        checkReferences(rule.condition)
        for action in rule.actions {
            switch action {
            case .flag(let n, _):
                expect(n, in: nutrientIDs, kind: "nutrient")
            case .target(let n, let weight):
                expect(n, in: nutrientIDs, kind: "nutrient")
                if !weight.isFinite || weight <= 0 {
                    error("target weight must be greater than 0", at: n.location)
                } else if weight > RuleParser.maximumWeight {
                    error("target weight must be at most \(DecimalText.format(RuleParser.maximumWeight, maxFractionDigits: 0))", at: n.location)
                }
            case .scaleTarget(let n, let factor):
                expect(n, in: nutrientIDs, kind: "nutrient")
                if !factor.isFinite || factor <= 0 || factor > 10 {
                    error("a target factor must be greater than 0 and at most 10", at: n.location)
                }
            case .setTarget(let n, let amount, let unit):
                expect(n, in: nutrientIDs, kind: "nutrient")
                if let nutrient = kb.nutrients.first(where: { $0.id == n.name }) {
                    if unit.name != nutrient.unitSymbol {
                        error("'target \(n.name) amount' is in \(nutrient.unitSymbol), not '\(unit.name)'", at: unit.location)
                    }
                    if nutrient.targets.isEmpty {
                        error("\(n.name) has no reference intake, so it cannot get a target amount", at: n.location)
                    }
                }
                if !amount.isFinite || amount <= 0 || amount > 1_000_000 {
                    error("a target amount must be greater than 0 and at most 1000000", at: n.location)
                }
            case .prefer(let foods):
                for f in foods { expect(f, in: foodIDs, kind: "food") }
            case .add(let slot, let foods):
                for f in foods {
                    guard let food = foodsByID[f.name] else {
                        expect(f, in: foodIDs, kind: "food")
                        continue
                    }
                    let tag = slot == .fermented ? "fermented" : "prebiotic"
                    if !food.tags.contains(tag) {
                        error("food '\(f.name)' is not tagged \(tag), so it cannot be a \(tag) addition", at: f.location)
                    }
                }
            case .step(let steps):
                for s in steps { expect(s, in: stepIDs, kind: "step") }
            case .note:
                break
            case .avoid(let targets):
                for t in targets where foodsByID[t.name] == nil && !Food.allowedTags.contains(t.name) {
                    error("unknown food or tag '\(t.name)'\(Suggestion.didYouMean(t.name, among: foodIDs.list + Food.allowedTags))", at: t.location)
                }
            }
        }
    }

    private mutating func checkReferences(_ condition: Condition) {
        condition.forEachAtom { atom, _ in checkReference(atom) }
    }

    /// Checks the names in one leaf of a condition.
    private mutating func checkReference(_ atom: Condition) {
        switch atom {
        case .always, .sex, .age, .lowFODMAP, .not, .and, .or:
            break
        case .flagged(let n, _):
            expect(n, in: nutrientIDs, kind: "nutrient")
        case .lab(let test, _, _, let unit):
            guard let lab = labsByID[test.name] else {
                expect(test, in: labIDs, kind: "lab test")
                return
            }
            if LabUnit(unit.name) == nil {
                error("unknown unit '\(unit.name)' (\(lab.unitAdvice))", at: unit.location)
            } else if !lab.accepts(unit: unit.name) {
                error("unit '\(unit.name)' does not apply to \(lab.id) (\(lab.unitAdvice))", at: unit.location)
            }
        case .symptom(let s):
            expect(s, in: symptomIDs, kind: "symptom")
        case .diet(let d):
            expect(d, in: dietIDs, kind: "diet")
        }
    }

    // MARK: Shadowing

    private mutating func checkShadowing() {
        // Firing order among rules whose conditions hold together: priority, then file order.
        let order = kb.rules.indices.sorted { a, b in
            kb.rules[a].priority != kb.rules[b].priority ? kb.rules[a].priority > kb.rules[b].priority : a < b
        }
        // Linear in the number of rules: each rule's action atoms are computed once, and an
        // earlier rule can only shadow one that shares its rarest atom, so only the earlier rules
        // of the same condition holding that atom are compared (at most `shadowingComparisons`
        // of them: the warning is advice, and 100,000 rules must not take quadratic time).
        let atoms = kb.rules.map { Self.atoms($0.actions) }
        var firstWithCondition = [String: Int](minimumCapacity: kb.rules.count)
        /// Earlier rules by condition key and action atom, in firing order.
        var byAtom = [String: [Int]](minimumCapacity: atoms.reduce(0) { $0 + $1.count })
        var found: [(Int, Int)] = []
        for i in order {
            let key = Self.key(kb.rules[i].condition)
            let mine = atoms[i]
            if let first = firstWithCondition[key] {
                func posting(_ atom: String) -> String { key + "\u{0}" + atom }
                if let rarest = mine.min(by: { (byAtom[posting($0)]?.count ?? 0, $0) < (byAtom[posting($1)]?.count ?? 0, $1) }) {
                    let candidates = (byAtom[posting(rarest)] ?? []).prefix(Self.shadowingComparisons)
                    if let earlier = candidates.first(where: { atoms[$0].isSuperset(of: mine) }) {
                        found.append((i, earlier))
                    }
                } else {
                    found.append((i, first))
                }
            } else {
                firstWithCondition[key] = i
            }
            for atom in mine { byAtom[key + "\u{0}" + atom, default: []].append(i) }
        }
        for (i, by) in found.sorted(by: { $0.0 < $1.0 }) {
            let rule = kb.rules[i], other = kb.rules[by]
            warn("rule '\(rule.name)' is shadowed by rule '\(other.name)' at \(other.location): same condition, and its actions add nothing",
                 at: rule.location)
        }
    }

    /// How many earlier rules one rule is compared with when looking for a shadowing rule.
    static let shadowingComparisons = 1_000

    /// A condition without locations, for comparing conditions. Linear in the condition's size:
    /// the pieces are joined once per node, never re-copied per level of a chain.
    static func key(_ c: Condition) -> String {
        c.fold(
            atom: { atom -> String in
                switch atom {
                case .flagged(let n, let s): return "(\(s?.rawValue ?? "flagged") \(n.name))"
                case .lab(let t, let op, let v, let u): return "(lab \(t.name) \(op.rawValue) \(v) \(u.name))"
                case .symptom(let s): return "(symptom \(s.name))"
                case .diet(let d): return "(diet \(d.name))"
                case .sex(let s): return "(sex \(s.rawValue))"
                case .age(let op, let v): return "(age \(op.rawValue) \(v))"
                case .lowFODMAP: return "low-fodmap"
                default: return "always"
                }
            },
            not: { "(not \($0))" },
            and: { "(" + $0.joined(separator: " and ") + ")" },
            or: { "(" + $0.joined(separator: " or ") + ")" })
    }

    /// A rule's actions as single effects (`prefer a, b` = `prefer a` + `prefer b`), without locations.
    static func atoms(_ actions: [Action]) -> Set<String> {
        var set: Set<String> = []
        for action in actions {
            switch action {
            case .flag(let n, let s): set.insert("flag \(n.name) \(s.rawValue)")
            case .target(let n, let w): set.insert("target \(n.name) \(w)")
            case .scaleTarget(let n, let f): set.insert("target \(n.name) times \(f)")
            case .setTarget(let n, let a, let u): set.insert("target \(n.name) amount \(a) \(u.name)")
            case .prefer(let fs): fs.forEach { set.insert("prefer \($0.name)") }
            case .add(let slot, let fs): fs.forEach { set.insert("add \(slot.rawValue) \($0.name)") }
            case .step(let ss): ss.forEach { set.insert("step \($0.name)") }
            case .note(let text): set.insert("note \(text)")
            case .avoid(let xs): xs.forEach { set.insert("avoid \($0.name)") }
            }
        }
        return set
    }

    // MARK: Coverage

    private mutating func checkCoverage() {
        var covered: Set<String> = []
        for rule in kb.rules where rule.actions.contains(where: { if case .prefer = $0 { return true } else { return false } }) {
            Self.positiveFlags(rule.condition, into: &covered)
        }
        for nutrient in kb.nutrients where !nutrient.targets.isEmpty && !covered.contains(nutrient.id) {
            warn("nutrient '\(nutrient.id)' has a target but no rule prefers foods for it (no 'prefer' rule on 'flagged \(nutrient.id)')",
                 at: nil)
        }
    }

    /// The nutrients a condition asks to be flagged (not under a `not`).
    private static func positiveFlags(_ c: Condition, into set: inout Set<String>) {
        c.forEachAtom { atom, negated in
            if !negated, case .flagged(let n, _) = atom { set.insert(n.name) }
        }
    }

    // MARK: Satisfiability

    /// One atom of a condition, possibly negated.
    struct Literal {
        var atom: Condition
        var positive: Bool
    }

    /// Whether some adult with some facts makes the condition true. Conservative: `true` when the
    /// condition is too large to expand.
    /// `labs` are the lab tests by id, built once for every rule.
    static func canFire(_ condition: Condition, labs: [String: LabTest]) -> Bool {
        guard let terms = disjunctiveForm(condition, negated: false) else { return true }
        return terms.contains { consistent($0, labs: labs) }
    }

    static let termLimit = 256
    /// Most literals the expanded form may hold in all (keeps a 1,000-term chain linear).
    static let literalLimit = 16_384

    /// A condition as an OR of ANDs of literals, with the same for its negation (so `not` just
    /// swaps them); `nil` for a form past `termLimit` terms or `literalLimit` literals.
    struct Forms {
        var positive: [[Literal]]?
        var negative: [[Literal]]?
    }

    /// The condition as an OR of ANDs of literals (of its negation with `negated`); `nil` past
    /// the limits. Built bottom-up without recursion.
    static func disjunctiveForm(_ c: Condition, negated: Bool) -> [[Literal]]? {
        let forms = c.fold(
            atom: { atom -> Forms in
                if case .always = atom { return Forms(positive: [[]], negative: []) }
                return Forms(positive: [[Literal(atom: atom, positive: true)]],
                             negative: [[Literal(atom: atom, positive: false)]])
            },
            not: { Forms(positive: $0.negative, negative: $0.positive) },
            and: { terms in Forms(positive: product(terms.map { $0.positive }), negative: union(terms.map { $0.negative })) },
            or: { terms in Forms(positive: union(terms.map { $0.positive }), negative: product(terms.map { $0.negative })) })
        return negated ? forms.negative : forms.positive
    }

    /// OR of forms: their terms together.
    static func union(_ forms: [[[Literal]]?]) -> [[Literal]]? {
        var result: [[Literal]] = []
        var literals = 0
        for form in forms {
            guard let form else { return nil }
            result += form
            literals += form.reduce(0) { $0 + $1.count }
            guard result.count <= termLimit, literals <= literalLimit else { return nil }
        }
        return result
    }

    /// AND of forms: every choice of one term from each. A one-term form is appended in place,
    /// so a long chain of atoms costs time linear in its length.
    static func product(_ forms: [[[Literal]]?]) -> [[Literal]]? {
        var result: [[Literal]] = [[]]
        var literals = 0
        for form in forms {
            guard let form else { return nil }
            if form.count == 1 {
                for index in result.indices { result[index] += form[0] }
                literals += result.count * form[0].count
            } else {
                guard result.count * form.count <= termLimit else { return nil }
                result = result.flatMap { left in form.map { left + $0 } }
                literals = result.reduce(0) { $0 + $1.count }
            }
            guard result.count <= termLimit, literals <= literalLimit else { return nil }
        }
        return result
    }

    /// A real interval with open or closed ends, minus some points.
    struct Interval {
        var low = -Double.infinity, lowOpen = false
        var high = Double.infinity, highOpen = false
        var excluded: [Double] = []

        mutating func apply(_ op: Comparison, _ v: Double) {
            switch op {
            case .less: if v < high || (v == high && !highOpen) { high = v; highOpen = true }
            case .lessOrEqual: if v < high { high = v; highOpen = false }
            case .greater: if v > low || (v == low && !lowOpen) { low = v; lowOpen = true }
            case .greaterOrEqual: if v > low { low = v; lowOpen = false }
            case .equal: apply(.greaterOrEqual, v); apply(.lessOrEqual, v)
            case .notEqual: excluded.append(v)
            }
        }

        var isEmptyReal: Bool {
            guard low.isFinite, high.isFinite else { return low > high }
            let tolerance = 1e-9 * max(1, abs(low), abs(high))
            if high - low > tolerance { return false }
            if low - high > tolerance { return true }
            return lowOpen || highOpen || excluded.contains { abs($0 - low) <= tolerance }
        }

        /// Whether no integer lies in the interval (for ages).
        var isEmptyInteger: Bool {
            let lo = lowOpen ? (low.rounded(.down) + 1) : low.rounded(.up)
            let hi = highOpen ? (high.rounded(.up) - 1) : high.rounded(.down)
            if lo > hi { return true }
            guard hi.isFinite else { return false }
            let inside = Set(excluded.filter { $0 == $0.rounded() && $0 >= lo && $0 <= hi })
            return hi - lo + 1 <= Double(inside.count)
        }
    }

    static func negate(_ op: Comparison) -> Comparison {
        switch op {
        case .less: return .greaterOrEqual
        case .lessOrEqual: return .greater
        case .greater: return .lessOrEqual
        case .greaterOrEqual: return .less
        case .equal: return .notEqual
        case .notEqual: return .equal
        }
    }

    /// Whether an AND of literals can hold.
    static func consistent(_ term: [Literal], labs: [String: LabTest]) -> Bool {
        var sexes = Set(Sex.allCases)
        var diets = Set(Diet.allCases.map { $0.rawValue })
        var symptoms: [String: Bool] = [:]
        // Flag states per nutrient: 0 none, 1 suspected, 2 confirmed.
        var flags: [String: Set<Int>] = [:]
        var age = Interval(low: 19)
        var labValues: [String: Interval] = [:]
        var enteredTests: Set<String> = []
        for literal in term where literal.positive {
            if case .lab(let t, _, _, _) = literal.atom { enteredTests.insert(t.name) }
        }
        for literal in term {
            switch literal.atom {
            case .sex(let s):
                sexes = literal.positive ? sexes.intersection([s]) : sexes.subtracting([s])
            case .diet(let d):
                guard Diet(rawValue: d.name) != nil else { continue }
                diets = literal.positive ? diets.intersection([d.name]) : diets.subtracting([d.name])
            case .symptom(let s):
                if let required = symptoms[s.name], required != literal.positive { return false }
                symptoms[s.name] = literal.positive
            case .flagged(let n, let status):
                let states: Set<Int> = status == nil ? [1, 2] : (status == .confirmed ? [2] : [1])
                let allowed = literal.positive ? states : Set([0, 1, 2]).subtracting(states)
                flags[n.name] = (flags[n.name] ?? [0, 1, 2]).intersection(allowed)
            case .age(let op, let v):
                age.apply(literal.positive ? op : negate(op), v)
            case .lab(let t, let op, let v, let u):
                // A lab atom is false when the test was not entered, so its negation always can hold.
                // With a positive lab atom on the same test in this term, the test was entered.
                guard literal.positive || enteredTests.contains(t.name), let test = labs[t.name],
                      let value = test.convert(v, from: u.name, to: test.unit) else { continue }
                labValues[t.name, default: Interval(low: 0)].apply(literal.positive ? op : negate(op), value)
            default:
                continue
            }
        }
        if sexes.isEmpty || diets.isEmpty || flags.values.contains(where: { $0.isEmpty }) { return false }
        if age.isEmptyInteger { return false }
        return !labValues.values.contains { $0.isEmptyReal }
    }
}
