import Foundation

/// What a batch output folder was made from: for each output name, a hash of everything its
/// files depend on. Stored as `.gutplan-batch.json` in the folder (mode 0600), keys sorted:
///
///     {"format": "gutplan-batch 1", "profiles": {"ana": "0123456789abcdef", ...}}
///
/// A missing or unreadable manifest is an empty one: everything is planned again.
struct BatchManifest: Sendable, Equatable {
    static let fileName = ".gutplan-batch.json"
    static let formatTag = "gutplan-batch 1"

    var hashes: [String: String] = [:]

    init(hashes: [String: String] = [:]) { self.hashes = hashes }

    /// Reads the manifest in `folder`; empty when absent or not a manifest.
    init(folder: String) {
        let path = BatchPlanner.join(folder, Self.fileName)
        guard let data = FileManager.default.contents(atPath: path), data.count <= 64 << 20,
              let value = try? JSONParser.parse(String(decoding: data, as: UTF8.self)),
              value["format"] == .string(Self.formatTag), case .object(let members)? = value["profiles"] else { return }
        for member in members {
            if case .string(let hash) = member.value { hashes[member.key] = hash }
        }
    }

    var json: String {
        let value = JSONValue.object(ordered: [
            ("format", .string(Self.formatTag)),
            ("profiles", .object(sorting: hashes.mapValues { .string($0) })),
        ])
        return JSONWriter().write(value) + "\n"
    }
}
