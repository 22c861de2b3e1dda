/// The person a plan is for, and everything they flagged.
public struct Profile: Sendable, Equatable, Codable {
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
    /// How active the person is; `nil`: the whole sedentary-to-active range of the energy table.
    public var activity: Activity?
    /// Daily supplements by nutrient id, in the nutrient's unit symbol (`vitamin-d`: 25 ug).
    public var supplements: [String: Double]
    /// The low-FODMAP elimination phase: every food of every item low-FODMAP at its serving.
    public var lowFODMAP: Bool = false

    public init(sex: Sex = .female, age: Int = 35, diet: Diet = .omnivore, exclude: [String] = [],
                energy: ClosedRange<Double>? = nil, confirmed: Set<String> = [], suspected: Set<String> = [],
                labs: [LabResult] = [], symptoms: Set<String> = [], activity: Activity? = nil,
                supplements: [String: Double] = [:]) {
        self.activity = activity
        self.supplements = supplements
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

    /// The daily energy band when the rule directory has no energy table: the DGA 2020–2025
    /// adult ranges, female 1600–2400 kcal, male 2000–3000 kcal.
    public static func defaultEnergy(for sex: Sex) -> ClosedRange<Double> {
        sex == .female ? 1600...2400 : 2000...3000
    }

    /// The energy band that applies: `energy` once the facade has resolved it (from `--kcal` or
    /// the energy table), else the fixed default.
    public var energyBand: ClosedRange<Double> { energy ?? Profile.defaultEnergy(for: sex) }
}
