/// A JSON document as a value: a tiny, deterministic model used by every JSON export.
///
/// Objects keep their members in the order given (use `object(sorting:)` to sort by key), so the
/// same value always renders to the same bytes. Numbers render locale-independently with at most
/// six decimals, trailing zeros trimmed (`2010.0` → `2010`); non-finite numbers render as `null`.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in output order. Keys should be unique; the writer does not check.
    case object([Member])

    /// One `"key": value` pair of an object.
    struct Member: Sendable, Equatable {
        var key: String
        var value: JSONValue
        init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// An object whose members are sorted by key (byte order of the UTF-8 keys).
    static func object(sorting dictionary: [String: JSONValue]) -> JSONValue {
        .object(dictionary.keys.sorted(by: JSONValue.keyOrder).map { Member($0, dictionary[$0] ?? .null) })
    }

    /// An object from ordered pairs: `.object(ordered: [("a", 1), ("b", "x")])`.
    static func object(ordered pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.map { Member($0.0, $0.1) })
    }

    /// A number, or `null` for `nil`.
    static func number(_ value: Double?) -> JSONValue {
        value.map { .number($0) } ?? .null
    }

    /// Key order used for sorted objects: plain code-unit order, independent of locale.
    /// Compares the two strings' contiguous UTF-8 bytes (sorting a plan's keys was a visible
    /// cost through the generic `lexicographicallyPrecedes`).
    static func keyOrder(_ a: String, _ b: String) -> Bool {
        a.withUTF8Bytes { a in
            b.withUTF8Bytes { b in
                let common = min(a.count, b.count)
                var index = 0
                while index < common {
                    if a[index] != b[index] { return a[index] < b[index] }
                    index += 1
                }
                return a.count < b.count
            }
        }
    }

    /// The member value for `key` when this is an object (first match), else `nil`.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The element at `index` when this is an array and the index is valid, else `nil`.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(nilLiteral: ()) { self = .null }
}
