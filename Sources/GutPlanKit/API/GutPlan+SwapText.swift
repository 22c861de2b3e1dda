extension GutPlan.Swap {
    /// The current item, the week's figures, and the best `count` alternatives with the score and
    /// plants of the week each gives and the change from the current week, e.g.
    ///
    ///     Day 2 dinner: Chickpea stew (chickpea-stew); the week scores 1.0000 with 30 plants.
    ///
    ///       #   score   change  plants  change  item
    ///       1  1.0000  +0.0000      30      +0  Lentil and Swiss chard soup (lentil-swiss-chard-soup)
    public func text(count: Int) -> String {
        var lines = ["Day \(day) \(slot.rawValue): \(current.name) (\(current.id)); the week scores "
            + "\(DecimalText.fixed(current.score, digits: 4)) with \(current.plants) plants."]
        lines.append("")
        guard !alternatives.isEmpty else {
            lines.append("No other item fits this slot without breaking an energy band, limit, cap or repeat rule.")
            return lines.joined(separator: "\n") + "\n"
        }
        let shown = alternatives.prefix(max(0, count))
        let total = alternatives.count
        lines.append(total == shown.count
            ? "\(total) alternative\(total == 1 ? "" : "s") keep\(total == 1 ? "s" : "") the week valid, best first:"
            : "\(total) alternatives keep the week valid; the best \(shown.count):")
        let number = String(total).count
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        func signed(_ value: Double) -> String {
            let text = DecimalText.fixed(abs(value), digits: 4)
            return (value < -0.00005 ? "-" : "+") + text
        }
        lines.append("  " + pad("#", number) + "   score   change  plants  change  item")
        for (index, alternative) in shown.enumerated() {
            let plants = alternative.plants - current.plants
            lines.append("  " + pad(String(index + 1), number)
                + pad(DecimalText.fixed(alternative.score, digits: 4), 8)
                + pad(signed(alternative.score - current.score), 9)
                + pad(String(alternative.plants), 8)
                + pad((plants < 0 ? "-" : "+") + String(abs(plants)), 8)
                + "  \(alternative.name) (\(alternative.id))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
