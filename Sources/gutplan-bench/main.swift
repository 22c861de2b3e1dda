import Foundation
import GutPlanKit

/// Release-build benchmark: solves synthetic catalogues of growing size and prints score,
/// bound, gap, median time and peak memory. Run with `swift run -c release gutplan-bench`.

func peakMemoryMB() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            if let kb = Double(String(digits)) { return kb / 1024 }
        }
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}

if BatchBenchmark.runIfRequested(CommandLine.arguments) { exit(0) }

var sizes = [125, 500, 1000, 2000, 5000]
var runs = 3
var problemFiles: [String] = []
var skipDefaultRules = false
var jsonOutput = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--sizes", let list = arguments.popFirst() {
        sizes = list.split(separator: ",").compactMap { Int($0) }
    } else if argument == "--runs", let value = arguments.popFirst(), let count = Int(value) {
        runs = max(1, count)
    } else if argument == "--dump", let size = arguments.popFirst().flatMap({ Int($0) }), let path = arguments.popFirst() {
        // Writes a synthetic catalogue as a problem file, to check it with an external solver.
        let problem = SyntheticCatalogue.problem(meals: size, seed: UInt64(size) &* 7919)
        try? problem.json().write(toFile: path, atomically: true, encoding: .utf8)
        exit(0)
    } else if argument == "--sweep", let value = arguments.popFirst(), let count = Int(value) {
        ProfileSweep.run(count: count, rules: ProcessInfo.processInfo.environment["GUTPLAN_RULES"] ?? DefaultRulesBenchmark.packageRules)
    } else if argument == "--hostile" {
        HostileInputBenchmark.run()
        exit(0)
    } else if argument == "--stages", let value = arguments.popFirst(), let count = Int(value), count > 0 {
        // In-process timings of loading the shipped rules and of the JSON export, then exit.
        DefaultRulesBenchmark.stages(runs: count)
        exit(0)
    } else if argument == "--synthetic-only" {
        skipDefaultRules = true
    } else if argument == "--problem", let path = arguments.popFirst() {
        problemFiles.append(path)
    } else if argument == "--json" {
        // With --problem: one JSON line per problem with the plan, for external checks.
        jsonOutput = true
    }
}

for path in problemFiles {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8), let problem = try? PlanningProblem(json: text) else {
        print("cannot read problem \(path)")
        continue
    }
    let clock = ContinuousClock()
    let start = clock.now
    var solution: PlanSolution?
    var failure = ""
    do { solution = try Planner().solve(problem) } catch {
        failure = error.isInternal ? " (INTERNAL: \(error.message))" : " (no plan: \(error.message))"
    }
    let elapsed = clock.now - start
    let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    if jsonOutput {
        // Hand-written JSON (ids are slugs; quotes and backslashes are escaped anyway).
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func num(_ x: Double) -> String { String(format: "%.15g", x) }
        var members = ["\"problem\": \(quoted(path))", "\"ms\": \(num(ms))"]
        if let solution {
            let days = solution.days.map { day in "[" + day.map { quoted(problem.items[$0].id) }.joined(separator: ", ") + "]" }
            members += ["\"score\": \(num(solution.score))", "\"bound\": \(num(solution.upperBound))",
                        "\"plants\": \(solution.plants)", "\"plants_bound\": \(solution.plantsBound)",
                        "\"preferred_days\": \(solution.preferredDays)", "\"distinct_meals\": \(solution.distinctMeals)",
                        "\"reference\": \(num(solution.scoreReference))", "\"best_score\": \(num(solution.bestScore))", "\"days\": [" + days.joined(separator: ", ") + "]"]
        } else {
            members.append("\"failure\": \(quoted(failure))")
        }
        print("{" + members.joined(separator: ", ") + "}")
        continue
    }
    print("\(path): score \(solution.map { fixed($0.score, 5) } ?? "-") bound \(solution.map { fixed($0.upperBound, 5) } ?? "-") "
          + "plants \(solution.map { "\($0.plants)/\($0.plantsBound)" } ?? "-") \(fixed(ms, 1)) ms\(failure)")
}
if !problemFiles.isEmpty { exit(0) }

if !skipDefaultRules { DefaultRulesBenchmark.run(runs: max(runs, 5)) }
print("Synthetic catalogues (14 weighted nutrients, 3 upper limits, 1 ratio limit, 2 food caps, plants), median of \(runs) runs")
print([pad("meals", 6), pad("nutr", 5), pad("score", 9), pad("bound", 9), pad("gap %", 8), pad("plants", 7), pad("bound", 6),
       pad("ms", 9), pad("peak MB", 8), "  check"].joined(separator: " "))
let planner = Planner()
for meals in sizes {
    let problem = SyntheticCatalogue.problem(meals: meals, seed: UInt64(meals) &* 7919)
    var times: [Double] = []
    var solution: PlanSolution?
    var failure: String?
    for _ in 0..<runs {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            solution = try planner.solve(problem)
        } catch {
            failure = error.message
        }
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    times.sort()
    let median = times[times.count / 2]
    guard let solution else {
        print("\(pad(String(meals), 6))  no plan: \(failure ?? "?")")
        continue
    }
    let violations = problem.violations(of: solution.days)
    let check = violations.isEmpty ? "ok" : "VIOLATIONS: \(violations.joined(separator: "; "))"
    print([pad(String(meals), 6), pad(String(SyntheticCatalogue.weightedNutrients), 5),
           pad(fixed(solution.score, 5), 9), pad(fixed(solution.upperBound, 5), 9),
           pad(fixed(100 * solution.gap, 3), 8), pad(String(solution.plants), 7), pad(String(solution.plantsBound), 6),
           pad(fixed(median, 1), 9),
           pad(fixed(peakMemoryMB(), 1), 8), "  \(check)"].joined(separator: " "))
}
