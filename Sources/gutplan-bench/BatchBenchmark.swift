import Foundation
import GutPlanKit

/// `gutplan-bench --batch N [--workers LIST]`: writes N random client profiles (seeded, so the
/// same N gives the same profiles) to a temporary folder and times `BatchPlanner` over them,
/// forced, writing JSON, CSV and Markdown, once per worker count (default 1 and all cores).
/// Prints profiles per second, the outcome counts and the peak resident memory of each run
/// (the high-water mark is reset between runs where Linux allows it), and the CPU time used.
enum BatchBenchmark {
    /// Runs the benchmark when the arguments ask for it; `false` otherwise.
    static func runIfRequested(_ arguments: [String]) -> Bool {
        guard let flag = arguments.firstIndex(of: "--batch"), flag + 1 < arguments.count,
              let count = Int(arguments[flag + 1]), count > 0 else { return false }
        var workers = [1, ProcessInfo.processInfo.activeProcessorCount]
        if let index = arguments.firstIndex(of: "--workers"), index + 1 < arguments.count {
            workers = arguments[index + 1].split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        }
        run(count: count, workers: workers)
        return true
    }

    static func run(count: Int, workers: [Int]) {
        let rules = ProcessInfo.processInfo.environment["GUTPLAN_RULES"] ?? DefaultRulesBenchmark.packageRules
        guard let gutplan = try? GutPlan.load(rules: rules) else {
            print("batch: cannot load \(rules)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gutplan-batch-bench-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder + "/profiles", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var generator = Generator(seed: 20_261_207)
        let nutrients = gutplan.flaggableNutrients.filter { gutplan.problem(flagging: $0) == nil }
        let symptoms = gutplan.symptomIDs
        var paths: [String] = []
        for index in 0..<count {
            let path = folder + "/profiles/client-\(index).profile"
            let text = profile(&generator, index: index, nutrients: nutrients, symptoms: symptoms)
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                print("batch: cannot write \(path)")
                return
            }
            paths.append(path)
        }
        print("Batch of \(count) generated profiles (JSON, CSV and Markdown each), rules \(rules)")
        print("workers   seconds   profiles/s   CPU s  profiles/CPU-s  planned  no plan  failed  peak MB")
        for threads in workers {
            resetPeakMemory()
            let planner = BatchPlanner(gutPlan: gutplan, rulesDirectory: rules, version: "bench",
                                       formats: [.json, .csv, .markdown], outputFolder: folder + "/out-\(threads)",
                                       force: true, workers: threads)
            let clock = ContinuousClock()
            let start = clock.now
            let cpuStart = cpuSeconds()
            let summary = planner.run(paths)
            let seconds = DefaultRulesBenchmark.milliseconds(clock.now - start) / 1000
            let cpu = cpuSeconds() - cpuStart
            let noPlan = summary.results.filter { $0.status.severity == .noPlan }.count
            print([pad(String(threads), 7), pad(fixed(seconds, 1), 9), pad(fixed(Double(count) / seconds, 2), 12),
                   pad(fixed(cpu, 1), 7), pad(fixed(Double(count) / cpu, 2), 15),
                   pad(String(summary.planned), 8), pad(String(noPlan), 8), pad(String(summary.failed - noPlan), 7),
                   pad(fixed(peakMemoryMB(), 1), 8)].joined(separator: " "))
            if let bad = summary.results.first(where: { $0.status.severity > .noPlan }) {
                print("  first failure: \(bad.path): \(bad.status.message.prefix(300))")
            }
        }
    }

    /// One random profile: sex, age, diet, activity, some flags and symptoms, sometimes a
    /// supplement, an inline lab, an exclusion, a start date or more weeks.
    static func profile(_ g: inout Generator, index: Int, nutrients: [String], symptoms: [String]) -> String {
        var lines = ["# generated client \(index)", "name: Client \(index)"]
        lines.append("sex: " + (g.next(2) == 0 ? "female" : "male"))
        lines.append("age: \(19 + g.next(70))")
        lines.append("activity: " + Activity.allCases[g.next(Activity.allCases.count)].rawValue)
        lines.append("diet: " + ["omnivore", "omnivore", "pescatarian", "vegetarian", "vegan"][g.next(5)])
        let confirmed = g.pick(nutrients, count: g.next(3))
        if !confirmed.isEmpty { lines.append("confirmed: " + confirmed.joined(separator: ", ")) }
        let suspected = g.pick(nutrients.filter { !confirmed.contains($0) }, count: g.next(3))
        if !suspected.isEmpty { lines.append("suspected: " + suspected.joined(separator: ", ")) }
        let picked = g.pick(symptoms, count: g.next(3))
        if !picked.isEmpty { lines.append("symptoms: " + picked.joined(separator: ", ")) }
        if g.next(4) == 0 { lines.append("exclude: " + ["gluten", "dairy", "nuts", "soy"][g.next(4)]) }
        if g.next(3) == 0 { lines.append("supplements: vitamin-d=\(10 + 5 * g.next(4))ug") }
        if g.next(3) == 0 { lines.append("lab: ferritin, \(8 + g.next(80)), ug/L") }
        if g.next(2) == 0 { lines.append("start: 2026-12-\(String(format: "%02d", 1 + g.next(28)))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// User plus system CPU time of the process so far: on a shared machine, profiles per
    /// CPU-second is the figure other load does not distort.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Resets the peak resident set size (`VmHWM`) so the next run's peak is its own.
    static func resetPeakMemory() {
        if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            handle.write(Data("5".utf8))
            try? handle.close()
        }
    }

    /// SplitMix64, for profiles that are the same on every run.
    struct Generator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick(_ items: [String], count: Int) -> [String] {
            var pool = items
            var chosen: [String] = []
            for _ in 0..<min(count, pool.count) { chosen.append(pool.remove(at: next(pool.count))) }
            return chosen
        }
    }
}
