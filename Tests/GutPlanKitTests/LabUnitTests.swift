import Testing
@testable import GutPlanKit

@Suite struct LabUnitTests {
    let vitaminD = LabTest(id: "25-hydroxyvitamin-d", name: "25(OH)D", aliases: [], unit: "ng/mL", molarMass: 400.64, valence: nil)
    let b12 = LabTest(id: "vitamin-b12", name: "B12", aliases: [], unit: "pg/mL", molarMass: 1355.37, valence: nil)
    let folate = LabTest(id: "folate", name: "Folate", aliases: [], unit: "ng/mL", molarMass: 441.4, valence: nil)
    let zinc = LabTest(id: "zinc", name: "Zinc", aliases: [], unit: "ug/dL", molarMass: 65.38, valence: nil)
    let magnesium = LabTest(id: "magnesium", name: "Mg", aliases: [], unit: "mg/dL", molarMass: 24.305, valence: 2)
    let ferritin = LabTest(id: "ferritin", name: "Ferritin", aliases: [], unit: "ng/mL", molarMass: nil, valence: nil)

    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 0.01) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func parsesSpellings() {
        for text in ["ng/mL", "ng/ml", "NG/ML", "ug/L", "µg/L", "μg/L", "mcg/L", "ug/dL", "mg/dL", "mg/L", "pg/mL",
                     "nmol/L", "pmol/L", "umol/L", "µmol/L", "μmol/L", "mmol/L", "mEq/L", "meq/l"] {
            #expect(LabUnit(text) != nil, "\(text)")
        }
        for text in ["IU/mL", "ng", "ng/", "/mL", "ng/mL/L", "kg/L", "uEq/L", ""] {
            #expect(LabUnit(text) == nil, "\(text)")
        }
        #expect(LabUnit("µg/L") == LabUnit("ng/mL"))
        #expect(LabUnit("μg/L") == LabUnit("mcg/L"))
    }

    @Test func massToMolar() {
        #expect(close(vitaminD.convert(20, from: "ng/mL", to: "nmol/L"), 49.92))
        #expect(close(vitaminD.convert(49.92, from: "nmol/L", to: "ng/mL"), 20))
        #expect(close(b12.convert(300, from: "pg/mL", to: "pmol/L"), 221.34))
        #expect(close(folate.convert(4, from: "ng/mL", to: "nmol/L"), 9.062))
        #expect(close(zinc.convert(70, from: "µg/dL", to: "µmol/L"), 10.71))
        #expect(close(magnesium.convert(1.8, from: "mg/dL", to: "mmol/L"), 0.7406))
    }

    @Test func equivalents() {
        #expect(close(magnesium.convert(1.5, from: "mEq/L", to: "mmol/L"), 0.75, 1e-12))
        #expect(close(magnesium.convert(0.75, from: "mmol/L", to: "mEq/L"), 1.5, 1e-12))
        #expect(close(magnesium.convert(1.5, from: "mEq/L", to: "mg/dL"), 1.823, 0.001))
        #expect(zinc.convert(1, from: "mEq/L", to: "umol/L") == nil)
    }

    @Test func massToMass() {
        #expect(close(ferritin.convert(30, from: "ng/mL", to: "ug/L"), 30, 1e-9))
        #expect(close(ferritin.convert(30, from: "ng/mL", to: "mg/L"), 0.03, 1e-12))
        #expect(close(zinc.convert(70, from: "ug/dL", to: "mg/L"), 0.7, 1e-12))
    }

    @Test func unitsThatDoNotApply() {
        #expect(ferritin.convert(30, from: "mmol/L", to: "ng/mL") == nil)
        #expect(ferritin.convert(30, from: "ng/mL", to: "nmol/L") == nil)
        #expect(ferritin.convert(30, from: "furlongs", to: "ng/mL") == nil)
        #expect(!ferritin.accepts(unit: "pmol/L"))
        #expect(ferritin.accepts(unit: "µg/L"))
        #expect(ferritin.unitAdvice == "use ng/mL or ug/L")
        #expect(zinc.unitAdvice == "use ug/dL")
    }
}
