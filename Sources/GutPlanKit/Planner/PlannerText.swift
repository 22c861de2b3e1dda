/// Locale-free number formatting for planner messages.
enum PlannerText {
    /// Whole numbers without decimals, others with one decimal (`1450`, `2.5`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        let tenths = Int((abs(rounded) * 10).rounded())
        return (rounded < 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }

    /// `1600–2400 kcal`.
    static func band(_ range: ClosedRange<Double>) -> String {
        "\(number(range.lowerBound))–\(number(range.upperBound)) kcal"
    }

    /// `fermented addition`, `snack meal`.
    static func slotNoun(_ slot: Slot) -> String {
        switch slot {
        case .fermented, .prebiotic: return "\(slot.rawValue) addition"
        case .stress: return "stress step"
        default: return "\(slot.rawValue) meal"
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
