/// One step of the portion ladder (one row of `Rules/portions.csv`): every meal's servings times
/// `scale`, for people whose energy band the standard portions do not reach on a typical day.
/// Additions are never scaled (they are doses, and ramp up from a quarter serving).
struct PortionScale: Sendable, Equatable {
    var scale: Double
    var source: String

    init(scale: Double, source: String) {
        self.scale = scale
        self.source = source
    }
}
