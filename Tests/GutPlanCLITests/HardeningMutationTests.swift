import Foundation
import Testing

/// The long mutation run against the built binary: `GUTPLAN_LONG_TESTS=1 swift test --filter Mutation`.
/// Each seeded mutant of `Rules/` (a line deleted, duplicated or swapped, the file truncated,
/// garbage bytes inserted, a name misspelt) must give `rules check` exit 0 or 65 and `plan`
/// exit 0, 1, 64 or 65, never a signal; a 65 names `path:line:column` in the mutant.
/// `GUTPLAN_MUTANTS=N` changes the number of mutants (default 2,000).
/// (`GutPlanKitTests/MutationTests` runs a quick in-process version in every `swift test`.)
@Suite struct HardeningMutationTests {
    static func mutate(_ directory: URL, seed: UInt64) throws -> String {
        var random = SeededRandom(seed: seed)
        func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(random.next() % UInt64(n)) }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        let file = files[below(files.count)]
        let url = directory.appendingPathComponent(file)
        var bytes = [UInt8](try Data(contentsOf: url))
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        switch below(6) {
        case 0: if !lines.isEmpty { lines.remove(at: below(lines.count)) }
        case 1: if !lines.isEmpty { let i = below(lines.count); lines.insert(lines[i], at: i) }
        case 2: if lines.count > 1 { lines.swapAt(below(lines.count), below(lines.count)) }
        case 3:
            bytes = Array(bytes.prefix(below(bytes.count + 1)))
            lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        case 4:
            bytes.insert(contentsOf: (0..<(1 + below(16))).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: below(bytes.count + 1))
            lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        default:
            if !lines.isEmpty {
                let i = below(lines.count)
                let letters = lines[i].indices.filter { (0x61...0x7A).contains(lines[i][$0]) }
                if !letters.isEmpty { lines[i].insert(0x78, at: letters[below(letters.count)] + 1) }
            }
        }
        try Data(lines.joined(separator: [0x0A])).write(to: url)
        return file
    }

    @Test(.enabled(if: HardeningCLITests.long, "set GUTPLAN_LONG_TESTS=1"))
    func mutantsThroughTheBinary() throws {
        let folder = try HardeningCLITests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        var counts: [Int32: Int] = [:]
        let count = UInt64(ProcessInfo.processInfo.environment["GUTPLAN_MUTANTS"] ?? "") ?? 2_000
        for seed in UInt64(0)..<count {
            let rules = folder.appendingPathComponent("Rules")
            try? FileManager.default.removeItem(at: rules)
            _ = try HardeningCLITests.copyRules(into: folder)
            let file = try Self.mutate(rules, seed: seed)
            let check = try CLIHarness.run(["rules", "check", "--rules", rules.path])
            #expect([0, 65].contains(check.status), "seed \(seed) (\(file)): rules check exit \(check.status)")
            let plan = try CLIHarness.run(["plan", "--rules", rules.path, "--confirmed", "zinc"])
            #expect([0, 1, 64, 65].contains(plan.status), "seed \(seed) (\(file)): plan exit \(plan.status)")
            if check.status == 65 {
                #expect(check.stderr.contains(rules.path + "/"), "seed \(seed) (\(file)): \(check.stderr.prefix(300))")
            }
            counts[plan.status, default: 0] += 1
        }
        print("mutation (binary): \(count) mutants, plan exit codes \(counts.sorted { $0.key < $1.key })")
    }
}
