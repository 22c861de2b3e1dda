/// FNV-1a, 64 bits (Fowler, Noll, Vo; offset basis 14695981039346656037, prime 1099511628211):
/// a small, deterministic, platform-independent hash of bytes, used to tell whether a batch's
/// inputs changed. Not a cryptographic hash: it detects edits, not tampering.
///
/// Each `add` of a piece hashes its length first, so `("ab", "c")` and `("a", "bc")` differ.
struct FNV1a: Sendable, Equatable {
    static let offsetBasis: UInt64 = 14_695_981_039_346_656_037
    static let prime: UInt64 = 1_099_511_628_211

    private(set) var value = FNV1a.offsetBasis

    init() {}

    mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* Self.prime
        }
    }

    /// Adds a length-prefixed piece.
    mutating func add<Bytes: Collection>(piece: Bytes) where Bytes.Element == UInt8 {
        var length = UInt64(piece.count).littleEndian
        withUnsafeBytes(of: &length) { add(bytes: $0) }
        add(bytes: piece)
    }

    mutating func add(_ text: String) { add(piece: Array(text.utf8)) }

    /// Sixteen lowercase hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
