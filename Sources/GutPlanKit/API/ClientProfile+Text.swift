import Foundation

/// Writing a profile back as canonical profile text (docs/PROFILES.md): the keys in a fixed
/// order, one per line, lists joined with `, `, each inline lab on a `lab:` line and each note
/// line on a `notes:` line, defaults left out except sex, age and diet. Reading the text gives
/// the same profile, and writing that gives the same bytes.
extension ClientProfile {
    public var text: String {
        var lines: [String] = []
        func add(_ key: ProfileKey, _ value: String) {
            lines.append(value.isEmpty ? "\(key.rawValue):" : "\(key.rawValue): \(value)")
        }
        func addList(_ key: ProfileKey, _ items: [String]) {
            let kept = items.map(Self.oneLine).filter { !$0.isEmpty && !$0.contains(",") }
            if !kept.isEmpty { add(key, kept.joined(separator: ", ")) }
        }
        let shownName = Self.oneLine(name)
        if !shownName.isEmpty { add(.name, shownName) }
        add(.sex, input.sex.rawValue)
        add(.age, String(input.age))
        if let activity = input.activity { add(.activity, activity.rawValue) }
        add(.diet, input.diet.rawValue)
        if let energy = input.energy {
            add(.kcal, DecimalText.format(energy.lowerBound, maxFractionDigits: 6) + "-" + DecimalText.format(energy.upperBound, maxFractionDigits: 6))
        }
        addList(.exclude, input.exclude)
        addList(.confirmed, input.confirmed)
        addList(.suspected, input.suspected)
        addList(.symptoms, input.symptoms)
        addList(.supplements, input.supplements)
        if let labs = labsReference ?? input.labsPath { add(.labs, Self.oneLine(labs)) }
        for lab in labs {
            add(.lab, "\(lab.test), \(DecimalText.format(lab.value, maxFractionDigits: 6)), \(Self.oneLine(lab.unit))")
        }
        if input.lowFODMAP { add(.lowFODMAP, "yes") }
        if let start = options.start { add(.start, start) }
        if options.weeks != 1 { add(.weeks, String(options.weeks)) }
        if options.servings != 1 { add(.servings, String(options.servings)) }
        let times = Slot.meals.compactMap { slot in
            options.mealTimes[slot].flatMap { $0 == PlanOptions.defaultMealTimes[slot] ? nil : "\(slot.rawValue)=\($0)" }
        }
        if !times.isEmpty { add(.mealTimes, times.joined(separator: ", ")) }
        let minutes = Slot.meals.compactMap { slot in options.maxMinutes[slot].map { (slot, $0) } }
        if !minutes.isEmpty {
            if minutes.count == Slot.meals.count, Set(minutes.map(\.1)).count == 1 {
                add(.maxMinutes, String(minutes[0].1))
            } else {
                add(.maxMinutes, minutes.map { "\($0.0.rawValue)=\($0.1)" }.joined(separator: ", "))
            }
        }
        if options.seed != 0 { add(.seed, String(options.seed)) }
        if options.ramp { add(.ramp, "yes") }
        for lock in options.locks { add(.lock, "\(lock.day):\(lock.slot.rawValue)=\(Self.oneLine(lock.item))") }
        for note in notes {
            for line in note.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                add(.notes, Self.oneLine(String(line)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` on one line as the reader reads it back: controls, line breaks and bidirectional
    /// overrides become spaces, and blanks around it are dropped.
    static func oneLine(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            view.append(ProfileScanner.isForbidden(scalar) || scalar == "\t" ? " " : scalar)
        }
        return String(view).trimmedBlanks
    }
}
