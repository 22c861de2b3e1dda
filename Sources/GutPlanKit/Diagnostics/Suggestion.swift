/// "Did you mean" suggestions by edit distance (Levenshtein plus swaps of neighbours), compared case-insensitively.
///
/// Bounded: a candidate counts only within `limit` edits (default: a third of the typed name's
/// length, at least 1, at most 3), names longer than 64 characters get no suggestion, and the
/// distance computation stops as soon as a row exceeds the limit. Deterministic: the smallest
/// distance wins, ties go to the candidate first in byte order.
public enum Suggestion {
    /// The candidate nearest to `name`, or `nil` when none is close enough or `name` is one of them.
    public static func closest(to name: String, among candidates: [String], limit: Int? = nil) -> String? {
        let typed = Array(name.lowercased().unicodeScalars)
        guard !typed.isEmpty, typed.count <= 64 else { return nil }
        let bound = limit ?? min(3, max(1, typed.count / 3))
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard other.count <= 64, let d = distance(typed, other, limit: bound) else { continue }
            if d == 0 { return nil }
            if let current = best {
                if d < current.distance
                    || (d == current.distance && Array(candidate.utf8).lexicographicallyPrecedes(Array(current.name.utf8))) {
                    best = (d, candidate)
                }
            } else {
                best = (d, candidate)
            }
        }
        return best?.name
    }

    /// ` (did you mean 'x'?)`, or the empty string when there is no suggestion.
    public static func didYouMean(_ name: String, among candidates: [String]) -> String {
        closest(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The edit distance between two strings if it is at most `limit`, else `nil`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbours (`nmae` → `name`) cost 1 each.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, beforePrevious[j - 2] + 1)
                }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
