import Foundation
import Testing
@testable import GutPlanKit

/// Every USDA number the plate tables cite is checked against the SR files: household weights
/// against `WEIGHT.txt`, water and protein against `ABBREV.txt`, refuse against `FOOD_DES.txt`,
/// and each yield is recomputed from them. Runs where `../shared/data/usda-sr/` exists beside
/// the package; skipped elsewhere (the data is never committed).
@Suite struct PlateUSDATests {
    static let folder = USDA.packageRoot.appendingPathComponent("../shared/data/usda-sr").standardized.path
    static var available: Bool { FileManager.default.fileExists(atPath: folder + "/WEIGHT.txt") }

    /// `^`-separated SR lines, text marks removed, keyed by NDB number.
    static func table(_ name: String) -> [String: [[String]]] {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return [:] }
        var rows: [String: [[String]]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let fields = line.split(separator: "^", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "~\r")) }
            if let ndb = fields.first { rows[ndb, default: []].append(fields) }
        }
        return rows
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (0..<match.numberOfRanges).map { ns.substring(with: match.range(at: $0)) }
        }
    }

    static let weightCitation = #"WEIGHT\.txt NDB (\d{5}): (.+?) = ([0-9.]+) g"#

    /// Checks each `WEIGHT.txt NDB n: measure = g g` citation; returns how many were checked.
    static func checkWeights(_ text: String, gramsPerUnit: Double, food: String, weights: [String: [[String]]]) -> Int {
        let citations = matches(weightCitation, in: text)
        for citation in citations {
            let (ndb, measure, grams) = (citation[1], citation[2], Double(citation[3]) ?? -1)
            let rows = weights[ndb] ?? []
            let row = rows.first { "\($0[2]) \($0[3])" == measure || "\($0[2]) \($0[3])" == "1 " + measure }
            guard let row else {
                Issue.record("\(food): WEIGHT.txt has no '\(measure)' for NDB \(ndb)")
                continue
            }
            #expect(Double(row[4]) == grams, "\(food): \(measure) is \(row[4]) g in WEIGHT.txt, cited \(grams)")
        }
        // Without a stated derivation ("so …"), the unit weight is the cited weight itself.
        if citations.count >= 1, !text.contains(" so ") {
            #expect(Double(citations[0][3]) == gramsPerUnit, "\(food): \(gramsPerUnit) g per unit, cited \(citations[0][3])")
        }
        return citations.count
    }

    @Test(.enabled(if: available, "USDA SR data (../shared/data/usda-sr) not present"))
    func householdWeightsMatchWEIGHT() throws {
        let loaded = try Plate.loaded.get()
        let weights = Self.table("WEIGHT.txt")
        var checked = 0
        for unit in loaded.units {
            let count = Self.checkWeights(unit.source, gramsPerUnit: unit.gramsPerUnit, food: unit.food, weights: weights)
            if count == 0 {
                #expect(unit.isGrams || unit.source.contains("FoodData Central"), "\(unit.food): no USDA weight cited")
            }
            checked += count
        }
        for info in loaded.shopping where !info.isGrams {
            let count = Self.checkWeights(info.weightSource, gramsPerUnit: info.isLitres ? -1 : info.gramsPerUnit,
                                          food: info.food, weights: weights)
            if count == 0 { #expect(info.weightSource.contains("FoodData Central"), "\(info.food): no USDA weight cited") }
            checked += count
            if info.isLitres {
                // grams per litre = grams per cup / 0.2365882365 l
                let cup = try #require(Self.matches(#"1 cup = ([0-9.]+) g"#, in: info.weightSource).first.flatMap { Double($0[1]) })
                #expect(abs(info.gramsPerUnit - cup / 0.2365882365) < 0.05, "\(info.food)")
            }
        }
        #expect(checked >= 100)
    }

    @Test(.enabled(if: available, "USDA SR data (../shared/data/usda-sr) not present"))
    func yieldsRecomputeFromABBREVAndFOOD_DES() throws {
        let loaded = try Plate.loaded.get()
        let abbrev = Self.table("ABBREV.txt"), description = Self.table("FOOD_DES.txt")
        func value(_ ndb: String, field: Int) -> Double? { abbrev[ndb]?.first.flatMap { Double($0[field - 1]) } }
        func refuse(_ ndb: String) -> Double? { description[ndb]?.first.flatMap { Double($0[8]) } }
        var recomputed = 0
        for info in loaded.shopping where info.yield != 1 {
            let source = info.yieldSource
            var expected: Double?
            if let m = Self.matches(#"ABBREV\.txt (water|protein): ([0-9.]+) g/100 g in NDB (\d{5}) \(.*?\) vs ([0-9.]+) in NDB (\d{5})"#,
                                    in: source).first {
                let field = m[1] == "water" ? 3 : 5
                let (raw, cooked) = (try #require(value(m[3], field: field)), try #require(value(m[5], field: field)))
                #expect(raw == Double(m[2]) && cooked == Double(m[4]), "\(info.food): cited \(m[2]) and \(m[4]), SR has \(raw) and \(cooked)")
                expected = m[1] == "water" ? (100 - raw) / (100 - cooked) : raw / cooked
                if let r = Self.matches(#"× \(1 - ([0-9.]+)% refuse '.*?', FOOD_DES\.txt NDB (\d{5})\)"#, in: source).first {
                    let percent = try #require(refuse(r[2]))
                    #expect(r[2] == m[3] && percent == Double(r[1]), "\(info.food): refuse")
                    expected = (expected ?? 0) * (1 - percent / 100)
                }
            } else if let r = Self.matches(#"yield = 1 - ([0-9.]+)% refuse '.*?' \(USDA SR 26 FOOD_DES\.txt NDB (\d{5})\)"#,
                                           in: source).first {
                let percent = try #require(refuse(r[2]))
                #expect(percent == Double(r[1]), "\(info.food): refuse")
                expected = 1 - percent / 100
            }
            guard let expected else {
                Issue.record("\(info.food): yield \(info.yield) cites no SR numbers to recompute it from")
                continue
            }
            #expect(abs(info.yield - expected) <= 0.0005 + 1e-12, "\(info.food): yield \(info.yield), recomputed \(expected)")
            recomputed += 1
        }
        #expect(recomputed >= 35)
    }
}
