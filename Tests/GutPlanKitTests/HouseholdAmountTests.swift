import Testing
@testable import GutPlanKit

/// The rounding rule and texts of `HouseholdAmount` and `ShoppingQuantity`, on made-up units so
/// each case is plain to read (the real foods are checked in `PlateDataTests`).
@Suite struct HouseholdAmountTests {
    static let cup = HouseholdUnit(food: "rice", unit: "cup", unitPlural: "cups", label: "cooked rice", gramsPerUnit: 200,
                                   roundTo: 0.25, source: "test")
    static let egg = HouseholdUnit(food: "egg", unit: "large egg", unitPlural: "large eggs", label: "", gramsPerUnit: 50,
                                   roundTo: 1, source: "test")
    static let grams = HouseholdUnit(food: "cod", unit: "g", unitPlural: "g", label: "cod", gramsPerUnit: 1, roundTo: 5,
                                     source: "test")

    @Test(arguments: [
        (200.0, 1.0, "1 cup cooked rice (200 g)"),
        (250.0, 1.25, "1 1/4 cups cooked rice (250 g)"),
        (74.0, 0.25, "1/4 cup cooked rice (74 g)"),          // 0.37 cups → 1/4
        (75.0, 0.5, "1/2 cup cooked rice (75 g)"),           // 0.375 is a tie: away from zero
        (10.0, 0.25, "1/4 cup cooked rice (10 g)"),          // never below one step
        (0.4, 0.25, "1/4 cup cooked rice (0.4 g)"),
        (600.0, 3.0, "3 cups cooked rice (600 g)"),
        (349.0, 1.75, "1 3/4 cups cooked rice (349 g)"),
    ])
    func cups(grams: Double, amount: Double, text: String) throws {
        let result = try #require(HouseholdAmount(food: "rice", grams: grams, unit: Self.cup))
        #expect(result.amount == amount)
        #expect(result.text == text)
        #expect(result.unit == (amount > 1 ? "cups" : "cup"))
        #expect(result.grams == grams)
    }

    static let tsp = HouseholdUnit(food: "oil", unit: "tsp", unitPlural: "tsp", label: "olive oil", gramsPerUnit: 4.5,
                                   roundTo: 0.5, source: "test")
    static let tbsp = HouseholdUnit(food: "parsley", unit: "tbsp", unitPlural: "tbsp", label: "chopped parsley", gramsPerUnit: 3.8,
                                    roundTo: 0.5, source: "test")

    /// Spoons read in a larger measure (3 tsp = 1 tbsp, 16 tbsp = 1 cup) from one of it up, when
    /// the larger measure at its step stays within half a teaspoon or one tablespoon.
    @Test(arguments: [
        (11.25, "2 1/2 tsp olive oil (11 g)"),             // below one tablespoon
        (13.5, "1 tbsp olive oil (14 g)"),
        (20.25, "1 1/2 tbsp olive oil (20 g)"),
        (31.5, "2 1/2 tbsp olive oil (32 g)"),              // 7 tsp: 2 1/2 tbsp is 1/2 tsp off
        (18.0, "1 1/2 tbsp olive oil (18 g)"),              // 4 tsp: 1 1/2 tbsp is 1/2 tsp over
        (23.625, "5 1/2 tsp olive oil (24 g)"),             // 5 1/4 tsp: 2 tbsp would be 3/4 tsp over
        (216.0, "1 cup olive oil (216 g)"),                 // tsp to tbsp to cup
    ])
    func teaspoons(grams: Double, text: String) throws {
        #expect(try #require(HouseholdAmount(food: "oil", grams: grams, unit: Self.tsp)).text == text)
    }

    @Test(arguments: [
        (11.4, "3 tbsp chopped parsley (11 g)"),            // below a quarter cup
        (15.2, "1/4 cup chopped parsley (15 g)"),
        (38.0, "10 tbsp chopped parsley (38 g)"),          // 3/4 cup would be 2 tbsp over
        (45.6, "3/4 cup chopped parsley (46 g)"),
        (57.0, "1 cup chopped parsley (57 g)"),            // 1 tbsp under a cup
        (136.8, "2 1/4 cups chopped parsley (137 g)"),
    ])
    func tablespoons(grams: Double, text: String) throws {
        let amount = try #require(HouseholdAmount(food: "parsley", grams: grams, unit: Self.tbsp))
        #expect(amount.text == text)
        #expect(amount.grams == grams)
    }

    @Test func eggsAndGrams() throws {
        #expect(HouseholdAmount(food: "egg", grams: 150, unit: Self.egg)?.text == "3 large eggs (150 g)")
        #expect(HouseholdAmount(food: "egg", grams: 50, unit: Self.egg)?.text == "1 large egg (50 g)")
        #expect(HouseholdAmount(food: "egg", grams: 124, unit: Self.egg)?.amount == 2)
        #expect(HouseholdAmount(food: "egg", grams: 125, unit: Self.egg)?.amount == 3)
        let cod = try #require(HouseholdAmount(food: "cod", grams: 148.75, unit: Self.grams))
        #expect(cod.text == "150 g cod" && cod.amount == 150 && cod.unit == "g")
        #expect(HouseholdAmount(food: "cod", grams: 1, unit: Self.grams)?.text == "5 g cod")
    }

    @Test func badInputGivesNil() {
        for grams in [0.0, -5, .nan, .infinity, -.infinity] {
            #expect(HouseholdAmount(food: "rice", grams: grams, unit: Self.cup) == nil)
        }
        #expect(HouseholdAmount(food: "egg", grams: 100, unit: Self.cup) == nil)
        // Huge but finite amounts give a text, never a trap.
        let huge = HouseholdAmount(food: "rice", grams: 1e300, unit: Self.cup)
        #expect(huge?.text.hasSuffix(" g)") == true)
        let most = HouseholdAmount(food: "cod", grams: .greatestFiniteMagnitude, unit: Self.grams)
        #expect(most != nil && most?.text.contains("inf") == false)
    }

    @Test func amountTextWritesQuarters() {
        #expect(HouseholdAmount.amountText(0.25) == "1/4")
        #expect(HouseholdAmount.amountText(0.5) == "1/2")
        #expect(HouseholdAmount.amountText(0.75) == "3/4")
        #expect(HouseholdAmount.amountText(2) == "2")
        #expect(HouseholdAmount.amountText(2.75) == "2 3/4")
        #expect(HouseholdAmount.amountText(10.5) == "10 1/2")
    }

    static let rice = ShoppingInfo(food: "rice", aisle: .grainsAndBakery, buyAs: "rice, dry", buyUnit: "g", buyUnitPlural: "g",
                                   gramsPerUnit: 1, yield: 3, yieldSource: "test", weightSource: "test")
    static let milk = ShoppingInfo(food: "milk", aisle: .dairyAndEggs, buyAs: "milk", buyUnit: "l", buyUnitPlural: "l",
                                   gramsPerUnit: 1000, yield: 1, yieldSource: "test", weightSource: "test")
    static let onion = ShoppingInfo(food: "onion", aisle: .produce, buyAs: "onions", buyUnit: "onion", buyUnitPlural: "onions",
                                    gramsPerUnit: 110, yield: 1, yieldSource: "test", weightSource: "test")

    @Test func shoppingRoundsUp() throws {
        let rice = try #require(ShoppingQuantity(food: "rice", eatenGrams: 1000, info: Self.rice))
        #expect(rice.grams == 1000.0 / 3 && rice.quantity == 334 && rice.text == "334 g rice, dry")
        let milk = try #require(ShoppingQuantity(food: "milk", eatenGrams: 1010, info: Self.milk))
        #expect(milk.quantity == 1.25 && milk.unit == "l" && milk.text == "1.25 l milk")
        #expect(ShoppingQuantity(food: "milk", eatenGrams: 1000, info: Self.milk)?.quantity == 1)
        let three = try #require(ShoppingQuantity(food: "onion", eatenGrams: 330, info: Self.onion))
        #expect(three.quantity == 3 && three.unit == "onions" && three.text == "3 onions (330 g)")
        let one = try #require(ShoppingQuantity(food: "onion", eatenGrams: 20, info: Self.onion))
        #expect(one.quantity == 1 && one.unit == "onion" && one.aisle == .produce)
        // 0.1 + 0.2 style noise never buys an extra onion.
        #expect(ShoppingQuantity(food: "onion", eatenGrams: 110 * 3 * (1 + 1e-13), info: Self.onion)?.quantity == 3)
    }

    @Test func shoppingBadInputGivesNil() {
        for grams in [0.0, -1, .nan, .infinity] {
            #expect(ShoppingQuantity(food: "rice", eatenGrams: grams, info: Self.rice) == nil)
        }
        #expect(ShoppingQuantity(food: "milk", eatenGrams: 100, info: Self.rice) == nil)
        let most = ShoppingQuantity(food: "rice", eatenGrams: .greatestFiniteMagnitude, info: Self.rice)
        #expect(most != nil && most?.text.contains("inf") == false)
    }

    @Test func aislesSortInListOrder() {
        #expect(Aisle.allCases.sorted() == Aisle.allCases)
        #expect(Aisle.produce < Aisle.other && Aisle.frozen < Aisle.nutsAndSeeds)
    }
}
