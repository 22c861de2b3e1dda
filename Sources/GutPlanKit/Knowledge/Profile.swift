/// The person a plan is for, and everything they flagged.
public struct Profile: Sendable, Equatable {
    public var sex: Sex
    public var age: Int
    public var diet: Diet
    /// Food tags or food ids the person excludes (`dairy`, `liver`).
    public var exclude: [String]
    /// Daily energy band in kcal; `nil` uses the default for the sex.
    public var energy: ClosedRange<Double>?
    /// Nutrient ids the person flagged as lab-confirmed.
    public var confirmed: Set<String>
    /// Nutrient ids the person flagged as suspected.
    public var suspected: Set<String>
    public var labs: [LabResult]
    /// Symptom ids.
    public var symptoms: Set<String>

    public init(sex: Sex = .female, age: Int = 35, diet: Diet = .omnivore, exclude: [String] = [],
                energy: ClosedRange<Double>? = nil, confirmed: Set<String> = [], suspected: Set<String> = [],
                labs: [LabResult] = [], symptoms: Set<String> = []) {
        self.sex = sex
        self.age = age
        self.diet = diet
        self.exclude = exclude
        self.energy = energy
        self.confirmed = confirmed
        self.suspected = suspected
        self.labs = labs
        self.symptoms = symptoms
    }

    /// The default daily energy band: female 1600–2400 kcal, male 2000–3000 kcal.
    public static func defaultEnergy(for sex: Sex) -> ClosedRange<Double> {
        sex == .female ? 1600...2400 : 2000...3000
    }

    /// The energy band that applies.
    public var energyBand: ClosedRange<Double> { energy ?? Profile.defaultEnergy(for: sex) }
}
