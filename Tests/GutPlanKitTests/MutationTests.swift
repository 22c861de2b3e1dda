import Foundation
import Testing
@testable import GutPlanKit

/// Seeded random mutations of the real `Rules/` (delete, duplicate or swap lines, truncate,
/// insert garbage bytes, break a reference, duplicate an id): loading and planning either
/// succeed or fail with a `GutPlanError` whose diagnostics are located in the mutated file —
/// never a trap. 40 mutants in `swift test`; `GUTPLAN_LONG_TESTS=1` runs 2,000 (and the CLI
/// suite `HardeningMutationTests` runs the built binary on mutants).
@Suite struct MutationTests {
    enum Kind: CaseIterable { case deleteLine, duplicateLine, swapLines, truncate, garbage, breakReference, duplicateID }

    /// Applies one seeded mutation to one file of `directory`; returns the file's name and the kind.
    static func mutate(_ directory: URL, seed: UInt64) throws -> (file: String, kind: Kind) {
        var random = SeededGenerator(seed: seed)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        let file = files[Int.random(in: 0..<files.count, using: &random)]
        let url = directory.appendingPathComponent(file)
        var bytes = [UInt8](try Data(contentsOf: url))
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let kind = Kind.allCases.randomElement(using: &random) ?? .garbage
        let pick = { (random: inout SeededGenerator) in Int.random(in: 0..<max(1, lines.count), using: &random) }
        switch kind {
        case .deleteLine:
            if !lines.isEmpty { lines.remove(at: pick(&random)) }
        case .duplicateLine:
            if !lines.isEmpty { let i = pick(&random); lines.insert(lines[i], at: i) }
        case .swapLines:
            if lines.count > 1 { let (i, j) = (pick(&random), pick(&random)); lines.swapAt(i, j) }
        case .truncate:
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        case .garbage:
            let at = Int.random(in: 0...bytes.count, using: &random)
            let garbage = (0..<Int.random(in: 1...16, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            bytes.insert(contentsOf: garbage, at: at)
            lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        case .breakReference:
            // Misspell one identifier-like word: append "x" to a run of letters.
            if !lines.isEmpty {
                let i = pick(&random)
                if let at = lines[i].indices.filter({ (0x61...0x7A).contains(lines[i][$0]) }).randomElement(using: &random) {
                    lines[i].insert(0x78, at: at + 1)
                }
            }
        case .duplicateID:
            // Copy one line's first field (CSV id) or rule name onto another line.
            if lines.count > 2 {
                let (i, j) = (1 + Int.random(in: 0..<(lines.count - 1), using: &random), 1 + Int.random(in: 0..<(lines.count - 1), using: &random))
                lines[j] = lines[i]
            }
        }
        try Data(lines.joined(separator: [0x0A])).write(to: url)
        return (file, kind)
    }

    /// Loads and plans one mutant in process; returns whether it loaded.
    static func check(seed: UInt64) throws -> Bool {
        let directory = try Hardening.copyOfRules()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let (file, kind) = try mutate(directory, seed: seed)
        let context = "seed \(seed): \(kind) in \(file)"
        let gutplan: GutPlan
        do {
            gutplan = try GutPlan.load(rules: directory.path)
        } catch .badData(let diagnostics) {
            #expect(!diagnostics.isEmpty, "\(context)")
            // Every located problem is in a file of the mutant, at a real line and column.
            for diagnostic in diagnostics {
                guard let location = diagnostic.location else { continue }
                #expect(location.path.hasPrefix(directory.path) && location.line >= 1 && location.column >= 1, "\(context): \(diagnostic)")
            }
            #expect(diagnostics.contains { $0.location != nil }, "\(context): no located diagnostic in \(diagnostics)")
            return false
        } catch {
            Issue.record("\(context): load failed with \(error)")
            return false
        }
        do {
            let profile = try gutplan.resolve(ProfileInput(confirmed: ["zinc"], suspected: ["b12"]))
            _ = try gutplan.plan(profile, seed: seed)
        } catch {
            // A mutant may lose a nutrient or every plan; it must say so with a proper error.
            #expect(!error.message.isEmpty, "\(context)")
            switch error {
            case .noPlan, .invalidRequest, .badData: break
            case .missingInput, .internalFailure: Issue.record("\(context): \(error)")
            }
        }
        return true
    }

    static func run(seeds: Range<UInt64>) throws {
        var loaded = 0
        for seed in seeds where try check(seed: seed) { loaded += 1 }
        print("mutation: \(seeds.count) mutants, \(loaded) loaded, \(seeds.count - loaded) rejected with located diagnostics")
    }

    @Test func quickMutants() throws { try Self.run(seeds: 0..<40) }

    @Test(.enabled(if: Hardening.long, "set GUTPLAN_LONG_TESTS=1"))
    func manyMutants() throws { try Self.run(seeds: 100..<2_100) }
}
