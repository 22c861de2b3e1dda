/// A small dense simplex for `maximise c·x subject to A x ≤ b, x ≥ 0` with `b ≥ 0`, so the
/// origin is feasible and no first phase is needed. It returns the optimal value and the dual
/// prices of the rows, which is all column generation asks of it. Dantzig's rule picks the
/// entering column; after a run of degenerate pivots it switches to Bland's rule, which cannot
/// cycle. Sizes here are a few hundred rows and columns.
struct MasterLP {
    struct Solution {
        var value: Double
        var primal: [Double]
        /// Dual price of each row (≥ 0).
        var duals: [Double]
    }

    /// Row-major `rows × columns` constraint matrix.
    var matrix: [Double]
    var rows: Int
    var columns: Int
    var rhs: [Double]
    var objective: [Double]

    /// Solves the program; `nil` when it is unbounded or the pivot limit is reached.
    func solve(maxPivots: Int = 20_000) -> Solution? {
        let m = rows, n = columns
        let width = n + m + 1  // structural, slack, right-hand side
        var t = [Double](repeating: 0, count: (m + 1) * width)
        for r in 0..<m {
            for c in 0..<n { t[r * width + c] = matrix[r * n + c] }
            t[r * width + n + r] = 1
            t[r * width + width - 1] = rhs[r]
        }
        let z = m * width
        for c in 0..<n { t[z + c] = -objective[c] }
        var basis = (0..<m).map { n + $0 }
        let eps = 1e-11
        var degenerate = 0
        for _ in 0..<maxPivots {
            var entering = -1
            if degenerate < 50 {
                var most = -eps
                for c in 0..<(n + m) where t[z + c] < most { most = t[z + c]; entering = c }
            } else {
                for c in 0..<(n + m) where t[z + c] < -eps { entering = c; break }
            }
            if entering < 0 {
                var primal = [Double](repeating: 0, count: n)
                for r in 0..<m where basis[r] < n { primal[basis[r]] = t[r * width + width - 1] }
                let duals = (0..<m).map { max(0, t[z + n + $0]) }
                return Solution(value: t[z + width - 1], primal: primal, duals: duals)
            }
            var leaving = -1
            var ratio = Double.infinity
            for r in 0..<m {
                let a = t[r * width + entering]
                guard a > eps else { continue }
                let q = t[r * width + width - 1] / a
                if q < ratio - 1e-12 || (abs(q - ratio) <= 1e-12 && leaving >= 0 && basis[r] < basis[leaving]) {
                    ratio = q
                    leaving = r
                }
            }
            guard leaving >= 0 else { return nil }
            degenerate = ratio <= 1e-12 ? degenerate + 1 : 0
            let pivot = t[leaving * width + entering]
            let pivotRow = leaving * width
            for c in 0..<width { t[pivotRow + c] /= pivot }
            for r in 0...m where r != leaving {
                let factor = t[r * width + entering]
                guard factor != 0 else { continue }
                let row = r * width
                for c in 0..<width { t[row + c] -= factor * t[pivotRow + c] }
            }
            basis[leaving] = entering
        }
        return nil
    }
}
