import Foundation
import GutPlanKit

/// Times the shipped rules: loading them, planning a set of fixed profiles (after parsing), and
/// the whole `gutplan plan` process (the release binary beside this one), each a median of runs.
enum DefaultRulesBenchmark {
    static let profiles: [(name: String, arguments: [String])] = [
        ("D, zinc confirmed; B12 suspected", ["--confirmed", "vitamin-d,zinc", "--suspected", "b12"]),
        ("iron, calcium; vegetarian, no gluten/dairy", ["--confirmed", "iron,calcium", "--diet", "vegetarian", "--exclude", "gluten,dairy"]),
        ("B12, iron, zinc, Ca, D; vegan, no soy/nuts", ["--confirmed", "b12,iron,zinc,calcium,vitamin-d", "--diet", "vegan", "--exclude", "soy,nuts"]),
        ("14 suspected; 1600-1800 kcal", ["--suspected", "vitamin-a,vitamin-d,vitamin-b12,folate,vitamin-b6,vitamin-c,zinc,magnesium,iron,calcium,fiber,glutamine,probiotics,prebiotics", "--kcal", "1600-1800"]),
        ("6 confirmed; vegan male 75, no gluten/soy", ["--confirmed", "vitamin-d,b12,iron,zinc,calcium,magnesium", "--diet", "vegan", "--exclude", "gluten,soy", "--sex", "male", "--age", "75"]),
    ]

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// Parses the arguments the way the CLI does, for the in-process timing.
    static func input(_ arguments: [String]) -> ProfileInput {
        var input = ProfileInput()
        var rest = arguments[...]
        while let flag = rest.popFirst(), let value = rest.popFirst() {
            let list = value.split(separator: ",").map(String.init)
            switch flag {
            case "--confirmed": input.confirmed = list
            case "--suspected": input.suspected = list
            case "--diet": input.diet = Diet(rawValue: value) ?? .omnivore
            case "--exclude": input.exclude = list
            case "--sex": input.sex = Sex(rawValue: value) ?? .female
            case "--age": input.age = Int(value) ?? 35
            case "--kcal":
                let bounds = value.split(separator: "-").compactMap { Double($0) }
                if bounds.count == 2 { input.energy = bounds[0]...bounds[1] }
            default: break
            }
        }
        return input
    }

    /// Runs a program with output discarded and waits for it (posix_spawn and waitpid:
    /// Foundation's `Process.waitUntilExit` polls and adds tens of milliseconds).
    static func spawnAndWait(_ path: String, _ arguments: [String]) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        return waitpid(pid, &status, 0) == pid
    }

    /// The `gutplan` release binary beside this benchmark.
    static var gutplanBinary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gutplan").path
    }

    /// `Rules/` of the package this benchmark was built from (`$GUTPLAN_RULES` overrides it).
    static let packageRules: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // gutplan-bench, Sources, package root
        return url.appendingPathComponent("Rules").path
    }()

    /// The 1-minute load average (`/proc/loadavg`), to judge timings on a shared machine.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").first.map(String.init) ?? "unknown"
    }

    /// `--stages N`: the shipped rules' load and check, and the JSON text of the first profile's
    /// plan, each timed `N` times in this process (median and fastest: on a shared machine the
    /// fastest run is the steadiest figure), without the planner.
    static func stages(runs: Int) {
        let rules = ProcessInfo.processInfo.environment["GUTPLAN_RULES"] ?? packageRules
        let clock = ContinuousClock()
        let (loadTimes, loaded) = timedLoads(rules, runs: runs)
        guard let gutplan = loaded, let resolved = try? gutplan.resolve(input(profiles[0].arguments)),
              let outcome = try? gutplan.plan(resolved) else {
            print("stages: cannot plan with \(rules)")
            return
        }
        var jsonTimes: [Double] = []
        var bytes = 0
        for _ in 0..<runs {
            let start = clock.now
            bytes = outcome.plan.json().utf8.count
            jsonTimes.append(milliseconds(clock.now - start))
        }
        func figures(_ times: [Double]) -> String {
            String(format: "median %.2f ms, fastest %.2f ms", median(times), times.min() ?? 0)
        }
        print("Stages of \(runs) runs, load average \(loadAverage()):")
        print("  load and check \(rules): " + figures(loadTimes))
        print("  load and check without the warning-only checks (as plan loads): " + figures(timedLoads(rules, runs: runs, warnings: false).times))
        print("  JSON of '\(profiles[0].name)' (\(bytes) bytes): " + figures(jsonTimes))
    }

    /// Loads (and checks) `rules` `runs` times: each time in ms, and the last knowledge loaded.
    /// `warnings: false` is the load of `plan` (without the checks that can only warn).
    static func timedLoads(_ rules: String, runs: Int, warnings: Bool = true) -> (times: [Double], gutplan: GutPlan?) {
        let clock = ContinuousClock()
        var times: [Double] = []
        var loaded: GutPlan?
        for _ in 0..<runs {
            let start = clock.now
            loaded = try? GutPlan.load(rules: rules, warnings: warnings)
            times.append(milliseconds(clock.now - start))
        }
        return (times, loaded)
    }

    static func run(runs: Int) {
        let rules = ProcessInfo.processInfo.environment["GUTPLAN_RULES"] ?? packageRules
        let clock = ContinuousClock()
        let (loadTimes, loaded) = timedLoads(rules, runs: runs)
        guard let gutplan = loaded else {
            print("default rules: cannot load \(rules)")
            return
        }
        print("Default rules (\(rules)): load and check \(String(format: "%.1f", median(loadTimes))) ms (median of \(runs)); "
              + "process ms is the whole `gutplan plan --format json` process, median and min of \(runs) runs; load average "
              + loadAverage())
        let binary = gutplanBinary
        let hasBinary = FileManager.default.isExecutableFile(atPath: binary)
        if hasBinary {
            // The fixed cost of every run: process start, dynamic linking, runtime set-up.
            var startTimes: [Double] = []
            for _ in 0..<runs {
                let start = clock.now
                guard spawnAndWait(binary, ["--help"]) else { break }
                startTimes.append(milliseconds(clock.now - start))
            }
            if !startTimes.isEmpty {
                print(String(format: "Startup: the whole `gutplan --help` process, median %.1f ms, min %.1f ms", median(startTimes),
                             startTimes.min() ?? 0))
            }
        }
        print([pad("profile", 44), pad("score", 8), pad("bound", 8), pad("plants", 7), pad("bound", 6), pad("plan ms", 8),
               pad("process ms", 11), pad("min ms", 7)].joined(separator: " "))
        for profile in profiles {
            var planTimes: [Double] = []
            var outcome: GutPlan.Outcome?
            var failure: String?
            for _ in 0..<runs {
                do {
                    let resolved = try gutplan.resolve(input(profile.arguments))
                    let start = clock.now
                    outcome = try gutplan.plan(resolved)
                    planTimes.append(milliseconds(clock.now - start))
                } catch {
                    failure = error.message
                    break
                }
            }
            var processTimes: [Double] = []
            if hasBinary {
                for _ in 0..<runs {
                    let start = clock.now
                    guard spawnAndWait(binary, ["plan", "--format", "json", "--rules", rules] + profile.arguments) else { break }
                    processTimes.append(milliseconds(clock.now - start))
                }
            }
            guard let outcome, failure == nil else {
                print("\(pad(profile.name, 44))  no plan: \(failure ?? "?")")
                continue
            }
            print([pad(profile.name, 44), pad(String(format: "%.5f", outcome.plan.score), 8),
                   pad(String(format: "%.5f", outcome.plan.upperBound), 8),
                   pad(String(outcome.solution.plants), 7), pad(String(outcome.solution.plantsBound), 6),
                   pad(String(format: "%.1f", median(planTimes)), 8),
                   pad(processTimes.isEmpty ? "-" : String(format: "%.1f", median(processTimes)), 11),
                   pad(processTimes.min().map { String(format: "%.1f", $0) } ?? "-", 7)].joined(separator: " "))
        }
        print("")
    }
}
