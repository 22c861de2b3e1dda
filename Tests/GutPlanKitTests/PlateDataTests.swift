import Foundation
import Testing
@testable import GutPlanKit

/// The shipped plate tables: a method for every meal, a shopping row and a household unit for
/// every food, aisles from the list, and methods that name nothing outside their meal.
@Suite struct PlateDataTests {
    @Test func tablesLoadWithoutErrorsOrWarnings() throws {
        let loaded = try Plate.loaded.get()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
    }

    @Test func everyMealHasAMethodOfOneToFiveSteps() throws {
        let loaded = try Plate.loaded.get()
        let meals = loaded.knowledge.meals
        #expect(meals.count >= 202)
        #expect(loaded.recipes.count == meals.count)
        for meal in meals {
            guard let recipe = loaded.recipes.first(where: { $0.meal == meal.id }) else {
                Issue.record("no method for \(meal.id)")
                continue
            }
            #expect(Recipe.stepCount.contains(recipe.steps.count), "\(meal.id): \(recipe.steps.count) steps")
            #expect(recipe.steps.allSatisfy { !$0.isEmpty && $0.first?.isUppercase == true && $0.hasSuffix(".") },
                    "\(meal.id): each step is a sentence")
            #expect(recipe.totalMinutes > 0 && recipe.totalMinutes <= 180, "\(meal.id): \(recipe.totalMinutes) minutes")
        }
    }

    @Test func methodsListMealsInMealsOrder() throws {
        let loaded = try Plate.loaded.get()
        #expect(loaded.recipes.map(\.meal) == loaded.knowledge.meals.map(\.id))
    }

    /// Sodium is a limit: no method adds salt, and none names a cooking fat, sauce or seasoning
    /// the meal does not hold (the ingredient list is the whole shopping list).
    @Test func methodsNameNothingOutsideTheirMeal() throws {
        let loaded = try Plate.loaded.get()
        let never = ["salt", "season", "stock cube", "bouillon", "soy sauce", "vinegar", "sugar", "flour", "butter ",
                     "cumin", "paprika", "chili powder", "chilli", "black pepper", "ginger", "cinnamon", "vanilla",
                     "cream ", "mayonnaise", "mustard", "lime", "cilantro", "coriander"]
        // word in a step → foods of which the meal must hold at least one
        let needs: [String: [String]] = [
            "oil": ["olive-oil", "garlic-oil"], "lemon": ["lemon-juice"], "cheddar": ["cheddar"], "honey": ["honey"],
            "garlic": ["garlic", "garlic-oil"], "onion": ["onions", "spring-onion-greens"], "rice": ["brown-rice", "white-rice"],
            "tortilla": ["corn-tortilla"], "egg": ["egg", "egg-whole", "egg-scrambled"],
            "milk": ["milk-fortified", "soy-milk-fortified", "almond-milk-fortified"],
            "yogurt": ["yogurt", "greek-yogurt"], "tomato": ["tomato"], "pepper": ["red-pepper"], "maple": ["maple-syrup"],
            "kimchi": ["kimchi"], "sauerkraut": ["sauerkraut"], "miso": ["miso"], "tahini": ["tahini"],
            "parsley": ["parsley"], "walnut": ["walnuts"], "chickpea": ["chickpeas", "chickpeas-canned"], "lentil": ["lentils"],
            "quinoa": ["quinoa"], "barley": ["barley"], "buckwheat": ["buckwheat"], "spinach": ["spinach", "spinach-cooked"],
            "peanut": ["peanuts", "peanut-butter"], "potato": ["potato", "sweet-potato", "potato-boiled"],
        ]
        for meal in loaded.knowledge.meals {
            guard let recipe = loaded.recipes.first(where: { $0.meal == meal.id }) else { continue }
            let text = recipe.steps.joined(separator: " ").lowercased().replacingOccurrences(of: "peanut butter", with: "peanut-paste")
            let foods = Set(meal.portions.map(\.food))
            for word in never where text.contains(word) {
                Issue.record("\(meal.id): the method says '\(word)'")
            }
            for (word, options) in needs where Self.hasWord(word, in: text, whole: true) && foods.isDisjoint(with: options) {
                Issue.record("\(meal.id): the method names '\(word)' but the meal holds none of \(options)")
            }
        }
    }

    /// A word each food goes by in a method (any of `|`-separated words).
    static let foodWords: [String: String] = [
        "egg": "egg", "salmon": "salmon", "tuna": "tuna", "sardines": "sardine", "mackerel": "mackerel", "trout": "trout",
        "cod": "cod", "shrimp": "shrimp", "oysters": "oyster", "mussels": "mussel", "clams": "clam", "beef-ground": "beef",
        "beef-sirloin": "steak|beef", "beef-liver": "liver", "chicken-breast": "chicken", "chicken-thigh": "chicken",
        "turkey-breast": "turkey", "pork-loin": "pork", "lamb": "lamb", "milk-fortified": "milk", "yogurt": "yogurt",
        "greek-yogurt": "yogurt", "cheddar": "cheddar", "cottage-cheese": "cottage cheese", "soy-milk-fortified": "soy milk",
        "fortified-cereal": "cereal", "fortified-oj": "orange juice", "oats": "oats", "brown-rice": "rice", "quinoa": "quinoa",
        "whole-wheat-bread": "bread", "whole-wheat-pasta": "pasta|spaghetti|noodles", "barley": "barley",
        "buckwheat": "buckwheat", "rye-bread": "rye", "corn-tortilla": "tortilla", "lentils": "lentil", "chickpeas": "chickpea",
        "black-beans": "beans", "kidney-beans": "beans", "edamame": "edamame", "tofu": "tofu", "tempeh": "tempeh",
        "miso": "miso", "hummus": "hummus", "carrots": "carrot", "carrots-cooked": "carrot", "spinach": "spinach",
        "spinach-cooked": "spinach", "kale": "kale", "swiss-chard": "chard", "collards": "collard", "broccoli": "broccoli",
        "brussels-sprouts": "brussels", "sweet-potato": "sweet potato|potatoes", "potato": "potato", "red-pepper": "pepper",
        "tomato": "tomato", "asparagus": "asparagus", "onions": "onion", "garlic": "garlic", "leeks": "leek",
        "jerusalem-artichoke": "artichoke", "mushrooms-uv": "mushroom", "green-peas": "peas", "cabbage": "cabbage|slaw",
        "parsley": "parsley", "beet-greens": "beet greens", "pumpkin": "pumpkin puree", "dandelion-greens": "dandelion",
        "sauerkraut": "sauerkraut", "orange": "orange", "grapefruit": "grapefruit", "kiwi": "kiwi",
        "strawberries": "strawberr", "blueberries": "blueberr", "raspberries": "raspberr", "banana": "banana",
        "apple": "apple", "avocado": "avocado", "mango": "mango", "dried-apricots": "apricot", "lemon-juice": "lemon",
        "papaya": "papaya", "pumpkin-seeds": "pumpkin seeds", "almonds": "almond", "cashews": "cashew", "walnuts": "walnut",
        "brazil-nuts": "brazil", "chia-seeds": "chia", "flaxseed": "flax", "sunflower-seeds": "sunflower",
        "peanut-butter": "peanut butter", "tahini": "tahini", "dark-chocolate": "chocolate", "honey": "honey",
        "olive-oil": "olive oil", "chicory-root": "chicory", "kefir": "kefir", "kimchi": "kimchi", "almond-milk-fortified": "almond milk",
        "egg-whole": "egg", "egg-scrambled": "egg", "mushrooms": "mushroom", "spring-onion-greens": "spring onion",
        "garlic-oil": "garlic-infused oil", "banana-firm": "banana", "chickpeas-canned": "chickpea", "white-rice": "rice",
        "bok-choy": "bok choy", "green-beans": "green beans", "eggplant": "eggplant", "parsnip": "parsnip", "lettuce": "lettuce",
        "cantaloupe": "cantaloupe", "grapes": "grape", "maple-syrup": "maple syrup", "peanuts": "peanut",
        "macadamias": "macadamia", "potato-boiled": "potato",
    ]

    /// A method uses every food of its meal (a food added to foods.csv needs its word above).
    @Test func methodsUseEveryFoodOfTheirMeal() throws {
        let loaded = try Plate.loaded.get()
        for meal in loaded.knowledge.meals {
            guard let recipe = loaded.recipes.first(where: { $0.meal == meal.id }) else { continue }
            let text = recipe.steps.joined(separator: " ").lowercased()
            for portion in meal.portions {
                guard let words = Self.foodWords[portion.food] else {
                    Issue.record("add a word for food '\(portion.food)' to PlateDataTests.foodWords")
                    continue
                }
                #expect(words.split(separator: "|").contains { Self.hasWord(String($0), in: text) },
                        "\(meal.id): the method never names \(portion.food)")
            }
        }
    }

    /// Whether `word` starts a word of `text`; with `whole`, the word may go on only by a plural
    /// `s` or `es` ("egg", "eggs", but not "eggplant").
    static func hasWord(_ word: String, in text: String, whole: Bool = false) -> Bool {
        var start = text.startIndex
        while let range = text.range(of: word, range: start..<text.endIndex) {
            start = range.upperBound
            if range.lowerBound != text.startIndex, text[text.index(before: range.lowerBound)].isLetter { continue }
            guard whole else { return true }
            let rest = text[range.upperBound...].prefix { $0.isLetter }
            if rest.isEmpty || rest == "s" || rest == "es" { return true }
        }
        return false
    }

    @Test func everyFoodHasAShoppingRowAndAUnit() throws {
        let loaded = try Plate.loaded.get()
        let foods = loaded.knowledge.foods.map(\.id)
        #expect(foods.count >= 120)
        #expect(loaded.shopping.map(\.food) == foods)
        #expect(loaded.units.map(\.food) == foods)
    }

    @Test func aislesComeFromTheList() throws {
        let loaded = try Plate.loaded.get()
        let list = ["produce", "meat and fish", "dairy and eggs", "grains and bakery", "tins and jars", "frozen",
                    "nuts and seeds", "other"]
        #expect(Aisle.allCases.map(\.rawValue) == list)
        let data = try #require(FileManager.default.contents(atPath: Plate.path("shopping.csv")))
        let table = try #require(CSVTable.read(data, path: "shopping.csv", columns: .named(
            required: ShoppingInfo.csvColumns, optional: [], ignoringCase: false, allowingOthers: false)).table)
        for row in table.rows {
            #expect(list.contains(table.text("aisle", in: row)))
        }
        // Every aisle is used by some food.
        #expect(Set(loaded.shopping.map(\.aisle)) == Set(Aisle.allCases))
    }

    /// Dry grains, pasta and legumes are bought dry with a yield above 1; canned foods sit in
    /// tins and jars, frozen ones in frozen; eggs by the egg; milk-like drinks by the litre.
    @Test func foodsAreBoughtTheWayShopsSellThem() throws {
        for id in ["oats", "brown-rice", "quinoa", "whole-wheat-pasta", "barley", "buckwheat", "lentils", "chickpeas",
                   "black-beans", "kidney-beans"] {
            let info = try Plate.shopping(id)
            #expect(info.buyAs.hasSuffix(", dry"), "\(id): \(info.buyAs)")
            #expect(info.yield > 2 && info.yield < 6, "\(id): yield \(info.yield)")
            #expect(info.aisle == .grainsAndBakery)
        }
        for id in ["tuna", "sardines", "pumpkin", "sauerkraut"] { #expect(try Plate.shopping(id).aisle == .tinsAndJars, "\(id)") }
        for id in ["edamame", "green-peas"] { #expect(try Plate.shopping(id).aisle == .frozen, "\(id)") }
        let egg = try Plate.shopping("egg")
        #expect(egg.buyUnit == "egg" && egg.gramsPerUnit == 50 && egg.aisle == .dairyAndEggs)
        for id in ["milk-fortified", "soy-milk-fortified", "almond-milk-fortified", "kefir", "fortified-oj"] {
            #expect(try Plate.shopping(id).isLitres, "\(id)")
        }
        for id in ["onions", "garlic", "banana", "lemon-juice"] { #expect(try Plate.shopping(id).isCounted, "\(id)") }
        // Every row cites where its yield and weight come from.
        for info in try Plate.loaded.get().shopping {
            #expect(!info.yieldSource.isEmpty && !info.weightSource.isEmpty)
            if info.yield != 1 { #expect(info.yieldSource.contains("NDB"), "\(info.food): \(info.yieldSource)") }
        }
    }

    /// The issue's examples, on the real foods.
    @Test func householdAmountsOfRealFoods() throws {
        #expect(try Plate.text("egg", servings: 3) == "3 large eggs (150 g)")
        #expect(try Plate.text("brown-rice", servings: 1) == "1 cup cooked brown rice (195 g)")
        #expect(try Plate.text("garlic", servings: 1.0 / 3) == "1 clove garlic (3 g)")
        #expect(try Plate.text("garlic", servings: 0.75) == "2 cloves garlic (7 g)")
        #expect(try Plate.text("whole-wheat-bread", servings: 2) == "2 slices whole-wheat bread (64 g)")
        #expect(try Plate.text("brown-rice", servings: 1.25) == "1 1/4 cups cooked brown rice (244 g)")
        #expect(try Plate.text("banana", servings: 0.5) == "1/2 medium banana (59 g)")
        #expect(try Plate.text("onions", servings: 0.75) == "1/2 cup chopped onion (60 g)")
        #expect(try Plate.text("olive-oil", servings: 0.5) == "1 1/2 tsp olive oil (7 g)")
        #expect(try Plate.text("cod", servings: 1.75) == "150 g cod fillet, baked")
        #expect(try Plate.text("almonds", servings: 0.75) == "18 almonds (21 g)")
        #expect(try Plate.text("avocado", servings: 0.5) == "1/4 avocado (50 g)")
        #expect(try Plate.text("chicken-thigh", servings: 1.5) == "1 1/2 chicken thighs (174 g)")
    }

    /// Every portion of every meal has a household text with its grams, and the measure is
    /// within half a step of the planned grams (or is the one-step minimum).
    @Test func everyPortionOfEveryMealHasAMeasure() throws {
        let loaded = try Plate.loaded.get()
        var count = 0
        for meal in loaded.knowledge.meals {
            for portion in meal.portions {
                let food = try Plate.food(portion.food)
                let grams = food.grams * portion.servings
                let amount = try #require(HouseholdAmount(food: food.id, grams: grams, unit: try Plate.unit(portion.food)))
                // The measure it reads in: its own unit, or a larger spoon or cup.
                let unit = HouseholdAmount.measure(grams, try Plate.unit(portion.food))
                count += 1
                let measured = amount.amount * unit.gramsPerUnit
                let halfStep = unit.roundTo * unit.gramsPerUnit / 2
                #expect(abs(measured - grams) <= halfStep + 1e-9 || amount.amount == unit.roundTo,
                        "\(meal.id) \(food.id): \(amount.text)")
                #expect(amount.grams == grams)
                if !unit.isGrams { #expect(amount.text.hasSuffix(" g)"), "\(amount.text)") }
            }
        }
        #expect(count > 500)
    }

    @Test func shoppingQuantitiesOfRealFoods() throws {
        // 39 hard-boiled eggs are 39 eggs.
        let eggs = try #require(ShoppingQuantity(food: "egg", eatenGrams: 39 * 50, info: try Plate.shopping("egg")))
        #expect(eggs.quantity == 39 && eggs.unit == "eggs" && eggs.text == "39 eggs (1950 g)")
        // 1901 g of cooked brown rice is bought as dry rice: 1901 / 3.331 = 570.7 g, so 571 g.
        let rice = try #require(ShoppingQuantity(food: "brown-rice", eatenGrams: 1901, info: try Plate.shopping("brown-rice")))
        #expect(rice.quantity == 571 && rice.unit == "g" && rice.aisle == .grainsAndBakery)
        #expect(abs(rice.grams - 1901 / 3.331) < 1e-9)
        #expect(rice.text == "571 g brown rice, long-grain, dry")
        // Five cups of milk (1220 g) at 1031.3 g per litre is 1.18 l, bought as 1.25 l.
        let milk = try #require(ShoppingQuantity(food: "milk-fortified", eatenGrams: 5 * 244, info: try Plate.shopping("milk-fortified")))
        #expect(milk.quantity == 1.25 && milk.unit == "l")
        // 2.5 cups of chopped onion (400 g) at 110 g a medium onion is 3.6 onions, so 4.
        let onions = try #require(ShoppingQuantity(food: "onions", eatenGrams: 400, info: try Plate.shopping("onions")))
        #expect(onions.quantity == 4 && onions.text == "4 onions (400 g)")
        // Nine cloves of garlic (27 g) fit in one head.
        let garlic = try #require(ShoppingQuantity(food: "garlic", eatenGrams: 27, info: try Plate.shopping("garlic")))
        #expect(garlic.quantity == 1 && garlic.text == "1 head of garlic (27 g)")
        // Salmon is bought raw: 255 g baked needs 255 / 0.839 g raw.
        let salmon = try #require(ShoppingQuantity(food: "salmon", eatenGrams: 255, info: try Plate.shopping("salmon")))
        #expect(salmon.quantity == 304 && salmon.aisle == .meatAndFish)
    }

    /// A week's list: foods that share a shop item add up before rounding, aisles come in list
    /// order, and the same input gives the same list.
    @Test func shoppingListOfRealFoods() throws {
        let info = try Plate.loaded.get().shopping
        let eaten: [String: Double] = [
            "egg": 100, "egg-scrambled": 122, "egg-whole": 50,          // 2 + 2 + 1 eggs
            "brown-rice": 1901, "onions": 400, "salmon": 255, "milk-fortified": 1220,
            "carrots": 61, "carrots-cooked": 92,                         // 1 + 2 carrots
            "pizza": 100, "tuna": .nan,
        ]
        let list = ShoppingQuantity.list(eaten: eaten, info: info)
        #expect(list.skipped == ["tuna", "pizza"])
        #expect(list.items.map(\.text) == [
            "3 carrots (153 g)", "4 onions (400 g)",
            "304 g sockeye salmon fillet, raw",
            "5 eggs (272 g)", "1.25 l milk, 2%, vitamins A and D added",
            "571 g brown rice, long-grain, dry",
        ])
        #expect(list.items.map(\.aisle) == [.produce, .produce, .meatAndFish, .dairyAndEggs, .dairyAndEggs, .grainsAndBakery])
        let eggs = try #require(list.items.first { $0.item == "eggs, large" })
        #expect(eggs.food == "egg" && eggs.foods == ["egg", "egg-whole", "egg-scrambled"] && eggs.quantity == 5)
        #expect(ShoppingQuantity.list(eaten: eaten, info: info) == list)
        // Two eggs' worth of the largest Double overflows the sum: skipped, never "inf eggs".
        let huge = ShoppingQuantity.list(eaten: ["rice": 1, "egg": .greatestFiniteMagnitude, "egg-whole": .greatestFiniteMagnitude],
                                         info: info)
        #expect(huge.skipped == ["egg", "egg-whole", "rice"] && huge.items.isEmpty)
    }

    /// A real meal's ingredient list, for one and for four at the table.
    @Test func ingredientsOfARealMeal() throws {
        let loaded = try Plate.loaded.get()
        let meal = try #require(loaded.knowledge.meals.first { $0.id == "mushroom-eggs-toast" })
        let one = HouseholdAmount.ingredients(of: meal, foods: loaded.knowledge.foods, units: loaded.units)
        #expect(one.missing.isEmpty)
        #expect(one.amounts.map(\.text) == ["2 cups sliced white mushrooms (140 g)", "2 large eggs (100 g)",
                                            "3 slices whole-wheat bread (96 g)", "2 cloves garlic (7 g)",
                                            "1 1/2 tsp olive oil (7 g)"])
        let four = HouseholdAmount.ingredients(of: meal, people: 4, foods: loaded.knowledge.foods, units: loaded.units)
        #expect(four.amounts.map(\.text) == ["8 cups sliced white mushrooms (560 g)", "8 large eggs (400 g)",
                                             "12 slices whole-wheat bread (384 g)", "9 cloves garlic (27 g)",
                                             "2 tbsp olive oil (27 g)"])
        let none = HouseholdAmount.ingredients(of: meal, people: 0, foods: loaded.knowledge.foods, units: [])
        #expect(none.amounts.isEmpty && none.missing == meal.portions.map(\.food))
    }
}
