import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Reports and multi-week plans from a client profile, end to end through the built binary:
/// the HTML report as a file a browser opens, and a three-week plan in every format.
@Suite struct ProfileReportTests {
    static let profile = """
        name: Cy <b>& "Co"
        confirmed: zinc
        suspected: b12
        start: 2026-12-07
        notes: Check-in <in> 2 weeks & "more"
        notes: Bring the food diary.

        """

    static func write(_ text: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("cy.profile").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `true` when `text` parses as XML (the report is written to be well-formed XML too).
    static func isWellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test func theHTMLReportIsASelfContainedPrivateDeterministicFile() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let profile = try Self.write(Self.profile, in: folder)
        let first = folder.appendingPathComponent("cy.html").path, second = folder.appendingPathComponent("again.html").path
        for path in [first, second] {
            let result = try CLIHarness.run(["plan", "--profile", profile, "-o", path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == "gutplan: wrote html plan to \(path)\n")
        }
        let html = try String(contentsOfFile: first, encoding: .utf8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second)) == Data(html.utf8), "byte-identical")
        let mode = try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(Self.isWellFormed(html))
        #expect(html.contains("<h1>Meal plan for Cy &lt;b&gt;&amp; &quot;Co&quot;</h1>"), "the client's name from the profile, escaped")
        #expect(html.contains("Monday 7 December 2026"))
        let lower = html.lowercased()
        for banned in ["<script", "http:", "https:", " src=", " href=", "<link", "@import"] {
            #expect(!lower.contains(banned), "\(banned)")
        }
        // Charts carry titles; the report ends with the retest reminders on their real dates.
        let charts = html.components(separatedBy: "<svg role=\"img\" aria-labelledby=\"").dropFirst()
        #expect(charts.count >= 3)
        for chart in charts {
            let title = String(chart.prefix { $0 != " " })
            #expect(title.hasSuffix("-title") && chart.contains("<title id=\"\(title)\">"), "\(title)")
        }
        #expect(html.contains("<td>after 8-12 weeks</td><td>Monday 1 February 2027</td>"), "zinc retest 8 weeks after 7 December 2026")
        // The practitioner's notes come first, escaped, then gutplan's own.
        #expect(html.contains("<h2>Notes</h2>\n<h3>From your practitioner</h3>\n<p>Check-in &lt;in&gt; 2 weeks &amp; &quot;more&quot;</p>\n"
            + "<p>Bring the food diary.</p>\n<h3>From gutplan</h3>\n<ul>"))
        #expect(html.contains("entered by you as confirmed"), "each flag explained")
        // --client overrides the profile's name; a profile without a name gives an untitled report.
        let named = try CLIHarness.run(["plan", "--profile", profile, "--client", "Other", "--format", "html"])
        #expect(named.status == 0 && named.stdout.contains("<h1>Meal plan for Other</h1>"))
        let nameless = try Self.write("confirmed: zinc\n", in: folder)
        let untitled = try CLIHarness.run(["plan", "--profile", nameless, "--format", "html"])
        #expect(untitled.status == 0 && untitled.stdout.contains("<h1>Meal plan</h1>"))
    }

    @Test func aThreeWeekPlanCoversEveryWeekInEveryFormat() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let profile = try Self.write(Self.profile + "weeks: 3\n", in: folder)
        func run(_ format: String) throws -> String {
            let path = folder.appendingPathComponent("cy.\(format)").path
            let result = try CLIHarness.run(["plan", "--profile", profile, "-o", path])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        }

        let json = try E2E.json(run("json"))
        let days = json["days"] as? [[String: Any]] ?? []
        #expect(days.count == 21)
        #expect(days.map { $0["day"] as? Int ?? 0 } == Array(1...21))
        #expect(days.map { $0["week"] as? Int ?? 0 } == (0..<21).map { $0 / 7 + 1 })
        #expect(days.first?["date"] as? String == "2026-12-07" && days.last?["date"] as? String == "2026-12-27")
        let weeks = json["weeks"] as? [[String: Any]] ?? []
        #expect(weeks.map { $0["week"] as? Int ?? 0 } == [1, 2, 3])
        for week in weeks {
            let score = week["score"] as? Double ?? -1, bound = week["upper_bound"] as? Double ?? -1
            #expect(score > 0 && score <= bound + 1e-9)
            #expect(((week["plants"] as? [String: Any])?["count"] as? Int ?? 0) > 0)
        }
        // No meal is repeated from the week before.
        var meals: [Int: Set<String>] = [:]
        for day in days {
            for item in day["items"] as? [[String: Any]] ?? [] where item["kind"] as? String == "meal" {
                meals[day["week"] as? Int ?? 0, default: []].insert(item["id"] as? String ?? "")
            }
        }
        #expect(meals.keys.sorted() == [1, 2, 3])
        #expect(meals[1, default: []].isDisjoint(with: meals[2, default: []]))
        #expect(meals[2, default: []].isDisjoint(with: meals[3, default: []]))
        let retests = json["retests"] as? [[String: Any]] ?? []
        #expect(retests.first?["nutrient"] as? String == "zinc")
        #expect(retests.first?["date"] as? String == "2027-02-01", "after 8-12 weeks from 7 December 2026")

        // The calendar takes its start from the profile and runs over all 21 days.
        let ics = try run("ics")
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
        let starts = ics.components(separatedBy: "\r\n").filter { $0.hasPrefix("DTSTART") }.compactMap { $0.split(separator: ":").last }
            .map { String($0.prefix(8)) }
        #expect(starts.min() == "20261207" && starts.max() == "20261227")
        #expect(Set(starts).count == 21)

        let csv = try run("csv")
        let records = try #require(E2E.csvRecords(csv))
        #expect(Set(records.dropFirst().compactMap { Int($0[0]) }) == Set(1...21))

        let html = try run("html")
        #expect(Self.isWellFormed(html))
        for week in 1...3 { #expect(html.contains("Week \(week): score"), "week \(week)") }
        #expect(html.contains("(day 21)"))

        #expect(try run("md").contains("## Day 21: Sunday"))
        #expect(try run("txt").contains("Day 21: Sunday 2026-12-27"))
    }

    @Test func aCalendarWithoutAStartDateIsAUsageError() throws {
        let folder = try E2E.scratch()
        defer { E2E.remove(folder) }
        let profile = try Self.write("confirmed: zinc\n", in: folder)
        let result = try CLIHarness.run(["plan", "--profile", profile, "--format", "ics"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("the calendar needs a start date: --start YYYY-MM-DD or 'start:' in the profile"))
        let given = try CLIHarness.run(["plan", "--profile", profile, "--format", "ics", "--start", "2027-01-04"])
        #expect(given.status == 0 && given.stdout.contains("DTSTART") && given.stdout.contains("20270104"))
    }
}
