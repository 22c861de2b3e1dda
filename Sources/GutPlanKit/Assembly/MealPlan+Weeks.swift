/// Several planned weeks as one plan: days numbered on (day 8 is week 2's first day), each
/// week's score, bound and plants kept in `weeks`.
extension MealPlan {
    /// `nil` for no weeks. One week comes back with its `weeks` entry filled.
    static func joining(_ weeks: [MealPlan]) -> MealPlan? {
        guard var joined = weeks.first else { return nil }
        joined.weeks = weeks.enumerated().map { index, week in
            WeekSummary(week: index + 1, score: week.score, upperBound: week.upperBound, plants: week.plants)
        }
        guard weeks.count > 1 else {
            joined.days = joined.days.map { day in var day = day; day.week = 1; return day }
            return joined
        }
        var days: [Day] = []
        for (index, week) in weeks.enumerated() {
            for var day in week.days {
                day.number = days.count + 1
                day.week = index + 1
                days.append(day)
            }
        }
        joined.days = days
        let count = Double(weeks.count)
        joined.score = weeks.reduce(0) { $0 + $1.score } / count
        joined.upperBound = weeks.reduce(0) { $0 + $1.upperBound } / count
        joined.nutrients = joined.nutrients.map { summary in
            var summary = summary
            let means = weeks.compactMap { $0.nutrients.first { $0.id == summary.id } }
            summary.mean = means.reduce(0) { $0 + $1.mean } / Double(max(means.count, 1))
            summary.foodShare = means.reduce(0) { $0 + $1.foodShare } / Double(max(means.count, 1))
            return summary
        }
        joined.limits = joined.limits.map { limit in
            var limit = limit
            limit.days = weeks.flatMap { week in week.limits.first { $0.id == limit.id }?.days ?? [] }
            return limit
        }
        var shopping: [String: ShoppingEntry] = [:]
        for (index, week) in weeks.enumerated() {
            for entry in week.shopping {
                var merged = shopping[entry.food] ?? ShoppingEntry(food: entry.food, name: entry.name, servings: 0, grams: 0)
                merged.servings += entry.servings
                merged.grams += entry.grams
                merged.quantity += entry.quantity
                merged.boughtGrams += entry.boughtGrams
                merged.aisle = entry.aisle
                merged.item = entry.item
                merged.unit = entry.unit
                merged.usedOn += entry.usedOn.map { $0 + 7 * index }
                shopping[entry.food] = merged
            }
        }
        joined.shopping = shopping.values.sorted { ($0.name, $0.food) < ($1.name, $1.food) }
        let species = Set(weeks.flatMap(\.plants.foods))
        joined.plants = Plants(count: species.count, value: min(joined.plants.cap, species.count),
                               bound: weeks.map(\.plants.bound).max() ?? 0, cap: joined.plants.cap, foods: species.sorted())
        var notes: [String] = []
        for week in weeks { for note in week.notes where !notes.contains(note) { notes.append(note) } }
        joined.notes = notes
        return joined
    }
}
