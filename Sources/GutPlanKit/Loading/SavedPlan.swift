/// A plan read back from the JSON that `gutplan plan --format json` writes: the person's profile,
/// the planned items day by day, and the figures to check (score, upper bound, plants). Only
/// what `swap` needs is read; other members are ignored, so added members do not break it.
struct SavedPlan: Sendable, Equatable {
    /// One planned item as the file names it.
    struct Entry: Sendable, Equatable {
        var slot: Slot
        var id: String
    }

    var profile: Profile
    var score: Double
    var upperBound: Double
    /// `plants.value`, when present.
    var plants: Int?
    /// Items of each day, in file order (stress steps included).
    var days: [[Entry]]
    /// The first day's date (`start`), when the plan has one.
    var start: CalendarDate?
    /// People at the table (`servings`; 1 when absent).
    var servings = 1
    /// The time limits per slot (`max_minutes`) and whether the ramp-up was asked for (`ramp`),
    /// so that `swap` rebuilds the problem the plan was made from; none when absent.
    var maxMinutes: [Slot: Int] = [:]
    var ramp = false
    /// The meals' portion step (`portion_scale`); `nil` when absent (the rules choose it again).
    var portionScale: Double?

    /// Most days a file may hold (12 weeks), so a hostile file cannot make the check run long.
    static let maxDays = 84

    /// Reads `text`; `path` names the file in messages. Anything that is not a plan, or numbers
    /// out of range, is `.badData` naming the member.
    init(json text: String, path: String) throws(GutPlanError) {
        let shown = path.clipped(to: 200, keepEnd: true)
        let root: JSONValue
        do { root = try JSONValue(parsing: text) } catch {
            throw .badData([Diagnostic(.error, "\(shown): \(error.message)", at: nil)])
        }
        func fail(_ what: String) -> GutPlanError {
            .badData([Diagnostic(.error, "\(shown): not a plan written by 'gutplan plan --format json': \(what)", at: nil)])
        }
        func number(_ value: JSONValue?, _ what: String) throws(GutPlanError) -> Double {
            guard case .number(let x)? = value, x.isFinite else { throw fail("\(what) is missing or not a number") }
            return x
        }
        func whole(_ value: JSONValue?, _ what: String) throws(GutPlanError) -> Int {
            let x = try number(value, what)
            guard x == x.rounded(), abs(x) < 1e9 else { throw fail("\(what) is not a whole number") }
            return Int(x)
        }
        func string(_ value: JSONValue?, _ what: String) throws(GutPlanError) -> String {
            guard case .string(let s)? = value else { throw fail("\(what) is missing or not a string") }
            return s
        }
        func array(_ value: JSONValue?, _ what: String) throws(GutPlanError) -> [JSONValue] {
            guard case .array(let list)? = value else { throw fail("\(what) is missing or not a list") }
            return list
        }
        func strings(_ value: JSONValue?, _ what: String) throws(GutPlanError) -> [String] {
            var result: [String] = []
            for (index, element) in try array(value, what).enumerated() { result.append(try string(element, "\(what)[\(index)]")) }
            return result
        }

        guard case .object = root, let person = root["profile"] else { throw fail("it has no 'profile'") }
        let sexName = try string(person["sex"], "profile.sex")
        guard let sex = Sex(rawValue: sexName) else { throw fail("profile.sex '\(sexName.clipped(to: 40))' is not female or male") }
        let dietName = try string(person["diet"], "profile.diet")
        guard let diet = Diet(rawValue: dietName) else { throw fail("profile.diet '\(dietName.clipped(to: 40))' is not a known diet") }
        let age = try whole(person["age"], "profile.age")
        let low = try number(person["energy"]?["min"], "profile.energy.min")
        let high = try number(person["energy"]?["max"], "profile.energy.max")
        guard low > 0, low <= high else { throw fail("profile.energy is not a positive band") }
        var profile = Profile(sex: sex, age: age, diet: diet, exclude: try strings(person["exclude"], "profile.exclude"),
                              energy: low...high,
                              confirmed: Set(try strings(person["confirmed"], "profile.confirmed")),
                              suspected: Set(try strings(person["suspected"], "profile.suspected")),
                              symptoms: Set(try strings(person["symptoms"], "profile.symptoms")))
        for (index, lab) in try array(person["labs"] ?? .array([]), "profile.labs").enumerated() {
            profile.labs.append(LabResult(test: try string(lab["test"], "profile.labs[\(index)].test"),
                                          value: try number(lab["value"], "profile.labs[\(index)].value"),
                                          unit: try string(lab["unit"], "profile.labs[\(index)].unit")))
        }
        if let name = person["activity"], name != .null {
            let text = try string(name, "profile.activity")
            guard let activity = Activity(rawValue: text) else { throw fail("profile.activity '\(text.clipped(to: 40))' is not known") }
            profile.activity = activity
        }
        if case .bool(let on)? = person["low_fodmap"] { profile.lowFODMAP = on }
        // Supplements: the profile's own member when present, else the plan's top-level one.
        if case .object(let members)? = person["supplements"] ?? root["supplements"] {
            for member in members { profile.supplements[member.key] = try number(member.value, "supplements.\(member.key)") }
        }
        self.profile = profile
        score = try number(root["score"], "score")
        upperBound = try number(root["upper_bound"], "upper_bound")
        plants = root["plants"]?["value"].flatMap { if case .number(let x) = $0 { return Int(exactly: x) } else { return nil } }
        if let value = root["start"], value != .null {
            let text = try string(value, "start")
            guard let date = CalendarDate(text) else { throw fail("start '\(text.clipped(to: 40))' is not a date (YYYY-MM-DD)") }
            start = date
        }
        if let value = root["servings"], value != .null {
            servings = try whole(value, "servings")
            guard (1...50).contains(servings) else { throw fail("servings \(servings) is not 1 to 50") }
        }
        if case .object(let members)? = root["max_minutes"] {
            for member in members {
                guard let slot = Slot(rawValue: member.key), Slot.meals.contains(slot) else {
                    throw fail("max_minutes names '\(member.key.clipped(to: 40))', not a meal slot")
                }
                let minutes = try whole(member.value, "max_minutes.\(member.key)")
                guard PlanOptions.maxMinutesRange.contains(minutes) else {
                    throw fail("max_minutes.\(member.key) \(minutes) is not 1 to \(PlanOptions.maxMinutesRange.upperBound)")
                }
                maxMinutes[slot] = minutes
            }
        }
        if let value = root["ramp"], value != .null {
            guard case .bool(let flag) = value else { throw fail("ramp is not true or false") }
            ramp = flag
        }
        if let value = root["portion_scale"], value != .null {
            let scale = try number(value, "portion_scale")
            guard (1...PortionScale.largest).contains(scale) else {
                throw fail("portion_scale \(DecimalText.format(scale, maxFractionDigits: 3)) is not 1 to \(DecimalText.format(PortionScale.largest, maxFractionDigits: 0))")
            }
            portionScale = scale
        }

        let dayList = try array(root["days"], "days")
        guard !dayList.isEmpty, dayList.count <= Self.maxDays else { throw fail("it has \(dayList.count) days") }
        var days: [[Entry]] = []
        for (d, day) in dayList.enumerated() {
            var entries: [Entry] = []
            let items = try array(day["items"], "days[\(d)].items")
            guard items.count <= 64 else { throw fail("day \(d + 1) has \(items.count) items") }
            for (i, item) in items.enumerated() {
                let where_ = "day \(d + 1), item \(i + 1)"
                let slotName = try string(item["slot"], "\(where_): slot")
                guard let slot = Slot(rawValue: slotName) else { throw fail("\(where_): '\(slotName.clipped(to: 40))' is not a slot") }
                entries.append(Entry(slot: slot, id: try string(item["id"], "\(where_): id")))
            }
            days.append(entries)
        }
        self.days = days
    }
}
