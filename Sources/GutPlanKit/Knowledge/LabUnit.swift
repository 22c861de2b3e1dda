import Foundation

/// A unit of a lab result: a concentration, an amount (mass, moles or equivalents) per volume,
/// or a percentage (`%`, for a saturation such as transferrin saturation).
///
/// Parsed from text such as `ng/mL`, `ug/L`, `µg/L`, `μg/L`, `mcg/L`, `mg/dL`, `nmol/L`,
/// `pmol/L`, `µmol/L`, `mmol/L`, `mEq/L`. Both micro signs (U+00B5, U+03BC), `u` and `mc` mean
/// micro; names compare case-insensitively. Amounts convert within a kind by factors, between
/// mass and moles through the test's molar mass, and between moles and equivalents through the
/// ion's valence.
struct LabUnit: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case mass
        case molar
        case equivalents
        /// A share of a whole (`%`); `perLitre` is then the fraction one unit means (0.01).
        case fraction
    }

    var kind: Kind
    /// The amount in base units (g, mol or Eq) per litre that one of this unit means.
    var perLitre: Double

    init(kind: Kind, perLitre: Double) {
        self.kind = kind
        self.perLitre = perLitre
    }

    /// Parses a unit; `nil` when it is not a concentration unit gutplan knows.
    init?(_ text: String) {
        let unit = text.trimmedBlanks
        if unit == "%" {
            self.init(kind: .fraction, perLitre: 0.01)
            return
        }
        guard let (amount, volume) = Self.amountAndVolume(unit) else { return nil }
        let litres: Double
        switch volume {
        case "l": litres = 1
        case "dl": litres = 0.1
        case "ml": litres = 0.001
        default: return nil
        }
        guard let (kind, factor) = Self.amounts[amount] else { return nil }
        self.init(kind: kind, perLitre: factor / litres)
    }

    /// `unit` split at its one `/`: the amount and the volume, lowercased, micro signs written
    /// `u`; `nil` without exactly one `/`. ASCII text (no micro sign) is cut and lowercased byte
    /// by byte, as `split` and `lowercased()` would (A–Z are its only capitals).
    private static func amountAndVolume(_ unit: String) -> (amount: String, volume: String)? {
        let ascii = unit.withUTF8Bytes { bytes -> (amount: String, volume: String)?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            guard let slash = bytes.firstIndex(of: 0x2F), !bytes[(slash + 1)...].contains(0x2F) else { return .some(nil) }
            func lowercased(_ range: Range<Int>) -> String {
                String(decoding: bytes[range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
            }
            return (lowercased(0..<slash), lowercased(slash + 1..<bytes.count))
        }
        if let ascii { return ascii }
        let parts = unit.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let amount = parts[0].replacingOccurrences(of: "\u{00B5}", with: "u").replacingOccurrences(of: "\u{03BC}", with: "u").lowercased()
        return (amount, parts[1].lowercased())
    }

    /// Every amount a unit may name (lowercase, micro written `u`): a prefix and a base, each
    /// name made of one pair only; equivalents take no prefix but milli.
    private static let amounts: [String: (kind: Kind, factor: Double)] = {
        let prefixes: [(String, Double)] = [("", 1), ("m", 1e-3), ("u", 1e-6), ("mc", 1e-6), ("n", 1e-9), ("p", 1e-12)]
        var amounts: [String: (kind: Kind, factor: Double)] = [:]
        for (prefix, factor) in prefixes {
            for (base, kind) in [("g", Kind.mass), ("mol", .molar), ("eq", .equivalents)] {
                if kind == .equivalents && prefix != "" && prefix != "m" { continue }
                amounts[prefix + base] = (kind, factor)
            }
        }
        return amounts
    }()
}

extension LabTest {
    /// Converts a value of this test between units, or `nil` when a unit is unknown or cannot
    /// apply to this test (a molar unit without a molar mass, `mEq/L` without a valence).
    func convert(_ value: Double, from: String, to: String) -> Double? {
        guard let source = LabUnit(from), let target = LabUnit(to),
              let base = amount(value * source.perLitre, from: source.kind, to: target.kind) else { return nil }
        return base / target.perLitre
    }

    /// Whether a unit can be used for this test (it converts to the test's usual unit).
    func accepts(unit: String) -> Bool {
        convert(1, from: unit, to: self.unit) != nil
    }

    /// Converts an amount per litre between kinds (g, mol, Eq) for this analyte.
    private func amount(_ value: Double, from: LabUnit.Kind, to: LabUnit.Kind) -> Double? {
        if from == to {
            // Mass units always apply; molar and equivalent units need what makes them meaningful.
            switch from {
            case .mass: return value
            case .molar: return molarMass == nil && valence == nil ? nil : value
            case .equivalents: return valence == nil ? nil : value
            case .fraction: return value
            }
        }
        guard from != .fraction, to != .fraction else { return nil }
        guard let moles = toMoles(value, from) else { return nil }
        switch to {
        case .molar: return moles
        case .mass: return molarMass.map { moles * $0 }
        case .equivalents: return valence.map { moles * Double($0) }
        case .fraction: return nil
        }
    }

    private func toMoles(_ value: Double, _ kind: LabUnit.Kind) -> Double? {
        switch kind {
        case .molar: return molarMass == nil && valence == nil ? nil : value
        case .mass: return molarMass.flatMap { $0 > 0 ? value / $0 : nil }
        case .equivalents: return valence.flatMap { $0 > 0 ? value / Double($0) : nil }
        case .fraction: return nil
        }
    }
}

extension LabTest {
    /// Common units, in the order advice mentions them.
    static let commonUnits = ["ng/mL", "ug/L", "pg/mL", "ng/L", "ug/dL", "mg/dL", "mg/L", "pmol/L", "nmol/L",
                              "umol/L", "mmol/L", "mEq/L"]

    /// `use ng/mL or ug/L`: the test's usual unit and a common unit equal to it.
    var unitAdvice: String {
        guard let usual = LabUnit(unit) else { return "use \(unit)" }
        let same = Self.commonUnits.first { name in
            guard name != unit, let other = LabUnit(name), other.kind == usual.kind else { return false }
            return abs(other.perLitre - usual.perLitre) <= 1e-9 * usual.perLitre
        }
        return same.map { "use \(unit) or \($0)" } ?? "use \(unit)"
    }
}
