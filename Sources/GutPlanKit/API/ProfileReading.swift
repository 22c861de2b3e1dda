/// What reading a profile file gave: the profile when the file is free of errors, and every
/// problem found, located.
public struct ProfileReading: Sendable {
    /// `nil` when there is any error.
    public var profile: ClientProfile?
    /// The profile file's errors (`ProfileError`, in source order) as diagnostics with carets,
    /// then those of the lab report it names.
    public var diagnostics: [Diagnostic]
    /// The profile file's errors as values, for tests and tools.
    var errors: [ProfileError]

    /// `true` when the errors are only that the lab report named by `labs:` cannot be read:
    /// missing input rather than bad data.
    public var isMissingInput: Bool {
        !errors.isEmpty && diagnostics.count == errors.count
            && errors.allSatisfy { if case .missingFile = $0 { return true } else { return false } }
    }
}
