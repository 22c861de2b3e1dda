import Foundation
import Testing
@testable import GutPlanKit

@Suite(.serialized) struct BatchPlannerTests {
    /// A folder of three good profiles and one bad one, and an output folder.
    func clients() throws -> (folder: String, out: String) {
        let folder = try ProfileSupport.scratch("batch")
        try ProfileSupport.write(ProfileSupport.ana, to: folder + "/ana.profile")
        try ProfileSupport.write(ProfileSupport.anaLabs, to: folder + "/ana-labs.csv")
        try ProfileSupport.write("name: Bo\nsex: male\nage: 58\ndiet: omnivore\nconfirmed: zinc\n", to: folder + "/bo.profile")
        try ProfileSupport.write("name: Cy\nage: 30\ndiet: vegan\nsuspected: b12\nlab: ferritin, 12, ug/L\n", to: folder + "/cy.profile")
        try ProfileSupport.write("name: Di\ndiet: vegen\nage: 40\n", to: folder + "/di.profile")
        try ProfileSupport.write("not a profile", to: folder + "/readme.txt")
        return (folder, folder + "/out")
    }

    func planner(_ out: String, force: Bool = false, workers: Int = 2) throws -> BatchPlanner {
        let gutplan = try #require(ProfileSupport.gutplan)
        let text = BatchPlanner.Format(name: "text", fileExtension: "txt") { outcome, client in
            "\(client.name)\n" + outcome.plan.text(width: 80)
        }
        return BatchPlanner(gutPlan: gutplan, rulesDirectory: PackageRules.path, version: "test", formats: [.json, .csv, text],
                            outputFolder: out, force: force, workers: workers)
    }

    @Test func badProfileSkippedOthersPlanned() throws {
        let (folder, out) = try clients()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try BatchPlanner.profilePaths([folder])
        #expect(paths == ["ana", "bo", "cy", "di"].map { folder + "/\($0).profile" })
        let progress = ProgressLog()
        let summary = try planner(out).run(paths) { progress.add($0) }
        #expect(summary.results.map(\.name) == ["ana", "bo", "cy", "di"])
        #expect(summary.results.map(\.status.severity) == [.ok, .ok, .ok, .badData], "\(summary.results.map(\.status.message))")
        #expect(summary.planned == 3 && summary.unchanged == 0 && summary.failed == 1)
        #expect(summary.worst == .badData)
        #expect(summary.line == "3 planned, 0 unchanged, 1 failed")
        #expect(summary.results[3].status.message.contains("did you mean 'vegan'?"))
        #expect(summary.results[3].status.message.hasPrefix(folder + "/di.profile:2:7: error:"))
        #expect(progress.completed == [1, 2, 3, 4])
        for name in ["ana", "bo", "cy"] {
            for ext in ["json", "csv", "txt"] {
                #expect(try ProfileSupport.mode(of: out + "/\(name).\(ext)") == 0o600)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/di.json"))
        #expect(try ProfileSupport.mode(of: out + "/" + BatchManifest.fileName) == 0o600)
        let text = try String(contentsOfFile: out + "/ana.txt", encoding: .utf8)
        #expect(text.hasPrefix("Ana Ruiz\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func rerunSkipsForceRedoesChangeReplans() throws {
        let (folder, out) = try clients()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try BatchPlanner.profilePaths([folder])
        _ = try planner(out).run(paths)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/bo.json"))

        let again = try planner(out).run(paths)
        #expect(again.results.map(\.status.severity) == [.ok, .ok, .ok, .badData])
        #expect(again.planned == 0 && again.unchanged == 3 && again.failed == 1)

        // A replaced file keeps its mode.
        #expect(chmod(out + "/bo.json", 0o644) == 0)
        let forced = try planner(out, force: true).run(paths)
        #expect(forced.planned == 3 && forced.unchanged == 0)
        #expect(try ProfileSupport.mode(of: out + "/bo.json") == 0o644)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/bo.json")) == before)

        // A changed profile, a changed lab report, a deleted output: those are planned again.
        try ProfileSupport.write("name: Bo\nsex: male\nage: 58\ndiet: pescatarian\nconfirmed: zinc\n", to: folder + "/bo.profile")
        try ProfileSupport.write("test,value,unit\nferritin,40,ug/L\n", to: folder + "/ana-labs.csv")
        try FileManager.default.removeItem(atPath: out + "/cy.csv")
        let changed = try planner(out).run(paths)
        #expect(changed.results.map(\.status) == [.planned, .planned, .planned, changed.results[3].status])
        let settled = try planner(out).run(paths)
        #expect(settled.unchanged == 3)

        // Fixing the bad profile plans it; another set of formats plans everything again.
        try ProfileSupport.write("name: Di\ndiet: vegan\nage: 40\n", to: folder + "/di.profile")
        let fixed = try planner(out).run(paths)
        #expect(fixed.planned == 1 && fixed.unchanged == 3 && fixed.worst == .ok)
        let gutplan = try #require(ProfileSupport.gutplan)
        let jsonOnly = BatchPlanner(gutPlan: gutplan, rulesDirectory: PackageRules.path, version: "test", formats: [.json],
                                    outputFolder: out).run([folder + "/bo.profile"])
        #expect(jsonOnly.planned == 1)
    }

    @Test func outputsIndependentOfWorkers() throws {
        let (folder, out) = try clients()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try BatchPlanner.profilePaths([folder + "/bo.profile", folder + "/cy.profile", folder + "/di.profile"])
        let one = try planner(out + "1", workers: 1).run(paths)
        let two = try planner(out + "2", workers: 2).run(paths)
        #expect(one.results.map(\.status) == two.results.map(\.status))
        for name in ["bo.json", "bo.csv", "cy.txt", BatchManifest.fileName] {
            let a = try Data(contentsOf: URL(fileURLWithPath: out + "1/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: out + "2/" + name))
            #expect(a == b, "\(name)")
        }
    }

    @Test func worstStatusAndNameClashes() throws {
        let (folder, out) = try clients()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/more", withIntermediateDirectories: true)
        try ProfileSupport.write("name: Bo again\nage: 40\n", to: folder + "/more/bo.profile")
        try ProfileSupport.write("name: Ed\nlabs: gone.csv\n", to: folder + "/more/ed.profile")
        let paths = try BatchPlanner.profilePaths([folder + "/bo.profile", folder + "/more", folder + "/bo.profile"])
        #expect(paths == [folder + "/bo.profile", folder + "/more/bo.profile", folder + "/more/ed.profile"])
        let summary = try planner(out).run(paths)
        #expect(summary.results.map(\.status.severity) == [.ok, .badData, .missingInput])
        #expect(summary.results[1].status.message.contains("already used by \(folder)/bo.profile"))
        #expect(summary.worst == .missingInput)
        #expect(throws: GutPlanError.self) { try BatchPlanner.profilePaths([folder + "/nobody.profile"]) }
    }

    @Test func unwritableOutputFolder() throws {
        let (folder, _) = try clients()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = try planner(folder + "/ana.profile").run([folder + "/bo.profile"])
        #expect(summary.worst == .cannotWrite)
        #expect(summary.results.first?.status.message.contains("not a folder") == true)
    }

    @Test func hashCoversRulesVersionAndFormats() throws {
        let rules = try Hardening.copyOfRules()
        defer { try? FileManager.default.removeItem(atPath: rules.deletingLastPathComponent().path) }
        let gutplan = try #require(ProfileSupport.gutplan)
        func hash(_ version: String = "1", formats: [BatchPlanner.Format] = [.json]) -> String {
            BatchPlanner(gutPlan: gutplan, rulesDirectory: rules.path, version: version, formats: formats, outputFolder: "/tmp")
                .inputsHash().hex
        }
        let base = hash()
        #expect(hash() == base)
        #expect(hash("2") != base)
        #expect(hash(formats: [.json, .csv]) != base)
        let file = rules.appendingPathComponent("50-profile.rules")
        var text = try String(contentsOf: file, encoding: .utf8)
        text += "\n# an edit\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(hash() != base)
    }

    @Test func fnv1aKnownValues() {
        // Published FNV-1a 64 test vectors.
        var empty = FNV1a()
        empty.add(bytes: [UInt8]())
        #expect(empty.hex == "cbf29ce484222325")
        var a = FNV1a()
        a.add(bytes: Array("a".utf8))
        #expect(a.hex == "af63dc4c8601ec8c")
        var foobar = FNV1a()
        foobar.add(bytes: Array("foobar".utf8))
        #expect(foobar.hex == "85944171f73967e8")
        // Pieces are length-prefixed.
        var split1 = FNV1a(), split2 = FNV1a()
        split1.add("ab"); split1.add("c")
        split2.add("a"); split2.add("bc")
        #expect(split1 != split2)
    }

    @Test func manifestRoundTrip() throws {
        let folder = try ProfileSupport.scratch("manifest")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manifest = BatchManifest(hashes: ["b": "0000000000000002", "a": "0000000000000001"])
        try PrivateFile.write(Data(manifest.json.utf8), to: folder + "/" + BatchManifest.fileName)
        #expect(BatchManifest(folder: folder) == manifest)
        #expect(manifest.json == "{\n  \"format\": \"gutplan-batch 1\",\n  \"profiles\": {\n    \"a\": \"0000000000000001\",\n    \"b\": \"0000000000000002\"\n  }\n}\n")
        try ProfileSupport.write("{not json", to: folder + "/" + BatchManifest.fileName)
        #expect(BatchManifest(folder: folder) == BatchManifest())
    }
}

/// Progress reports as they came (the batch calls them one at a time).
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    func add(_ progress: BatchProgress) {
        lock.lock()
        values.append(progress.completed)
        lock.unlock()
    }
    var completed: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
