/// Walking a condition without recursion.
///
/// Every walker over conditions (checker, engine, explanation) goes through these two, which
/// keep their own stack on the heap: a condition of any length or depth, however it was built,
/// never overflows the call stack, and the work is linear in the number of nodes.
extension Condition {
    /// Folds the condition bottom-up: `atom` for each leaf (everything but `not`, `and`, `or`),
    /// then `not`, `and` and `or` on the results of their terms (in written order).
    func fold<Result>(atom: (Condition) -> Result, not: (Result) -> Result,
                      and: ([Result]) -> Result, or: ([Result]) -> Result) -> Result {
        var steps: [FoldStep] = [.visit(self)]
        var results: [Result] = []
        while let step = steps.popLast() {
            switch step {
            case .visit(let node):
                switch node {
                case .not(let inner):
                    steps.append(.combine(node, count: 1))
                    steps.append(.visit(inner))
                case .and(let terms), .or(let terms):
                    steps.append(.combine(node, count: terms.count))
                    for term in terms.reversed() { steps.append(.visit(term)) }
                default:
                    results.append(atom(node))
                }
            case .combine(let node, let count):
                let operands = Array(results.suffix(count))
                results.removeLast(count)
                switch node {
                case .not: results.append(not(operands[0]))
                case .and: results.append(and(operands))
                default: results.append(or(operands))
                }
            }
        }
        return results[0]
    }

    /// A pending step of `fold`: visit a node, or combine the last `count` results for it.
    private enum FoldStep {
        case visit(Condition)
        case combine(Condition, count: Int)
    }

    /// Calls `body` on each leaf in written order, with whether it stands under an odd number
    /// of `not`s.
    func forEachAtom(_ body: (_ atom: Condition, _ negated: Bool) -> Void) {
        var stack: [(Condition, Bool)] = [(self, false)]
        while let (node, negated) = stack.popLast() {
            switch node {
            case .not(let inner):
                stack.append((inner, !negated))
            case .and(let terms), .or(let terms):
                for term in terms.reversed() { stack.append((term, negated)) }
            default:
                body(node, negated)
            }
        }
    }
}
