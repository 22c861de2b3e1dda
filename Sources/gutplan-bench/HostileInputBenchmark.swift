import Foundation
import GutPlanKit

/// Times the inputs that were once quadratic or crashed (issue 8, defects 1 and 7), on a copy of
/// the shipped rules with one extra rule file: a note that is one 400 KB word (wrapped by the
/// text view), and a condition of 25 parenthesised groups of 1,000 terms (25,000 atoms: parsed,
/// checked, run). Run with `swift run -c release gutplan-bench --hostile`.
enum HostileInputBenchmark {
    static func run() {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("gutplan-bench-hostile-\(getpid())")
        defer { try? fm.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("Rules")
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try fm.copyItem(atPath: DefaultRulesBenchmark.packageRules, toPath: rules.path)
            let group = "(" + Array(repeating: "sex female", count: 1_000).joined(separator: " and ") + ")"
            let text = "rule hostile-note when always then note \"" + String(repeating: "x", count: 400_000) + "\"\n"
                + "rule hostile-chain when " + Array(repeating: group, count: 25).joined(separator: " and ")
                + " then note \"chain\"\n"
            try Data(text.utf8).write(to: rules.appendingPathComponent("99-hostile.rules"))
        } catch {
            print("hostile inputs: cannot prepare \(rules.path): \(error)")
            return
        }
        let clock = ContinuousClock()
        var loaded: GutPlan?
        let load = clock.measure { loaded = try? GutPlan.load(rules: rules.path) }
        guard let gutplan = loaded, let outcome = try? gutplan.plan(Profile(confirmed: ["zinc"])) else {
            print("hostile inputs: cannot load or plan")
            return
        }
        var width = 0
        let render = clock.measure { width = outcome.plan.text(width: 80).utf8.count }
        print("Hostile inputs: load and check (25,000-atom condition, 400 KB note) "
              + "\(String(format: "%.1f", DefaultRulesBenchmark.milliseconds(load))) ms; "
              + "text view with the 400 KB note wrapped \(String(format: "%.1f", DefaultRulesBenchmark.milliseconds(render))) ms "
              + "(\(width) bytes)")
    }
}
