import GutPlanKit

extension CLIError {
    /// A failed file write: exit 73 when the file could not be made, 74 when storing the data
    /// failed part-way.
    init(_ failure: PrivateFile.Failure) {
        switch failure.kind {
        case .cannotCreate: self = .cannotWrite(failure.description)
        case .ioFailure: self = .ioError(failure.description)
        }
    }
}
