import Foundation

/// Plans many client profiles into one output folder, in parallel.
///
/// - Every profile is read, planned and rendered independently on `workers` threads; a profile
///   that fails is reported with its problem and the others go on.
/// - Outputs are named after the profile file (`ana.profile` → `ana.json`, `ana.csv`, ...), written
///   atomically with `PrivateFile` (new files 0600, replaced files keep their mode). A profile's
///   files depend only on its inputs, so the outputs are the same bytes whatever the order or
///   number of workers.
/// - Re-running skips a profile whose inputs are unchanged: the FNV-1a 64 hash (`FNV1a`) of the
///   version, the formats, every file of the rule directory, the profile file and its lab
///   report matches the one in the folder's manifest (`BatchManifest`) and every output exists.
///   `force` plans every profile again.
public struct BatchPlanner: Sendable {
    public var gutPlan: GutPlan
    /// The rule directory `gutPlan` was loaded from; its files are part of every hash.
    public var rulesDirectory: String?
    /// The front end's version; a new version plans everything again.
    public var version: String
    public var formats: [Format]
    public var outputFolder: String
    public var force: Bool
    /// Threads planning at once (at least 1).
    public var workers: Int

    public init(gutPlan: GutPlan, rulesDirectory: String?, version: String, formats: [Format], outputFolder: String,
                force: Bool = false, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.gutPlan = gutPlan
        self.rulesDirectory = rulesDirectory
        self.version = version
        self.formats = formats
        self.outputFolder = outputFolder
        self.force = force
        self.workers = max(1, workers)
    }

    /// The extension of profile files.
    public static let profileExtension = "profile"

    /// The profile files named on a command line: a folder stands for its `*.profile` files
    /// (not its subfolders), in byte order of their names; files are taken as given, in order,
    /// each once. A path that does not exist is missing input.
    public static func profilePaths(_ arguments: [String]) throws(GutPlanError) -> [String] {
        var paths: [String] = []
        var seen = Set<String>()
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw .missingInput("cannot read '\(argument.clipped(to: 400))': no such file or folder")
            }
            var found: [String] = [argument]
            if isDirectory.boolValue {
                guard let names = try? fm.contentsOfDirectory(atPath: argument) else {
                    throw .missingInput("cannot read folder '\(argument.clipped(to: 400))'")
                }
                found = names.filter { $0.hasSuffix("." + profileExtension) && !$0.hasPrefix(".") }
                    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                    .map { join(argument, $0) }
                    .filter { !ProfileReader.isFolder($0) }
            }
            for path in found where seen.insert(path).inserted { paths.append(path) }
        }
        return paths
    }

    /// The output name of a profile path: its file name without `.profile`.
    public static func outputName(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let suffix = "." + profileExtension
        return file.hasSuffix(suffix) && file.count > suffix.count ? String(file.dropLast(suffix.count)) : file
    }

    /// Plans every profile. `progress` is called once per profile as it finishes, never twice
    /// at once (calls come from worker threads). Results come back in the order of `paths`.
    public func run(_ paths: [String], progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }) -> BatchSummary {
        if let failure = prepareFolder() {
            let results = paths.map { BatchResult(path: $0, name: Self.outputName(of: $0), status: .cannotWrite(failure), outputs: []) }
            for (index, result) in results.enumerated() { progress(BatchProgress(completed: index + 1, total: results.count, result: result)) }
            return BatchSummary(results: results, manifestFailure: nil)
        }
        let manifest = BatchManifest(folder: outputFolder)
        let baseHash = inputsHash()
        // The first profile to claim a name keeps it; later ones with the same name fail.
        var owners: [String: String] = [:]
        let jobs: [(path: String, name: String, clash: String?)] = paths.map { path in
            let name = Self.outputName(of: path)
            if let owner = owners[name] { return (path, name, owner) }
            owners[name] = path
            return (path, name, nil)
        }
        let collector = BatchCollector(count: jobs.count, progress: progress)
        let threads = min(workers, max(1, jobs.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = collector.nextJob() {
                let job = jobs[index]
                if let owner = job.clash {
                    let diagnostic = Diagnostic(.error, "output name '\(job.name)' is already used by \(owner)",
                                                at: SourceLocation(path: job.path, line: 1, column: 1))
                    collector.finish(index, BatchResult(path: job.path, name: job.name, status: .invalid([diagnostic]), outputs: []),
                                     hash: nil)
                } else {
                    let (result, hash) = plan(job.path, name: job.name, base: baseHash, manifest: manifest)
                    collector.finish(index, result, hash: hash)
                }
            }
        }
        let finished = collector.finished
        var results: [BatchResult] = []
        var updated = manifest
        for (index, job) in jobs.enumerated() {
            let (result, hash) = finished[index]
                ?? (BatchResult(path: job.path, name: job.name, status: .failed("not planned"), outputs: []), nil)
            results.append(result)
            if let hash, result.status.severity == .ok {
                updated.hashes[job.name] = hash
            } else if job.clash == nil {
                // A failed profile is planned again next time, whatever its hash.
                updated.hashes[job.name] = nil
            }
        }
        var manifestFailure: String?
        if updated != manifest || !FileManager.default.fileExists(atPath: Self.join(outputFolder, BatchManifest.fileName)) {
            do { try PrivateFile.write(Data(updated.json.utf8), to: Self.join(outputFolder, BatchManifest.fileName)) } catch {
                manifestFailure = error.description
            }
        }
        return BatchSummary(results: results, manifestFailure: manifestFailure)
    }

    /// Plans one profile unless its inputs are unchanged.
    /// The result, and the inputs' hash when the outputs are up to date.
    private func plan(_ path: String, name: String, base: FNV1a, manifest: BatchManifest) -> (BatchResult, String?) {
        func result(_ status: BatchResult.Status, _ outputs: [String] = [], hash: String? = nil) -> (BatchResult, String?) {
            (BatchResult(path: path, name: name, status: status, outputs: outputs), hash)
        }
        guard !ProfileReader.isFolder(path), let data = FileManager.default.contents(atPath: path) else {
            return result(.missingInput("cannot read profile '\(path.clipped(to: 400))': \(ProfileReader.whyUnreadable(path))"))
        }
        let reading = gutPlan.parseProfile(data, path: path)
        guard let client = reading.profile else {
            return result(reading.isMissingInput ? .missingInput(reading.diagnostics.map(\.rendered).joined(separator: "\n"))
                                                 : .invalid(reading.diagnostics))
        }
        var hash = base
        hash.add(piece: data)
        if let labs = client.input.labsPath {
            guard let labData = FileManager.default.contents(atPath: labs) else {
                return result(.missingInput("cannot read lab report '\(labs.clipped(to: 400))'"))
            }
            hash.add(piece: labData)
        } else {
            hash.add("")
        }
        let outputs = formats.map { Self.join(outputFolder, name + "." + $0.fileExtension) }
        if !force, manifest.hashes[name] == hash.hex, outputs.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            return result(.unchanged, outputs, hash: hash.hex)
        }
        let outcome: GutPlan.Outcome
        do {
            let profile = try gutPlan.resolve(client)
            outcome = try gutPlan.plan(profile, options: client.options)
        } catch {
            return result(Self.status(for: error, path: path))
        }
        var texts: [String] = []
        for format in formats {
            do { texts.append(try format.render(outcome, client)) } catch {
                return result(.failed("rendering \(format.name) for \(path.clipped(to: 400)) failed: \(error)"))
            }
        }
        for (text, output) in zip(texts, outputs) {
            do { try PrivateFile.write(Data(text.utf8), to: output) } catch {
                return result(.cannotWrite(error.description))
            }
        }
        return result(.planned, outputs, hash: hash.hex)
    }

    /// A facade error as a batch status.
    static func status(for error: GutPlanError, path: String) -> BatchResult.Status {
        switch error {
        case .badData(let diagnostics): return .invalid(diagnostics)
        case .missingInput(let text): return .missingInput(text)
        case .noPlan(let text): return .noPlan(text)
        default:
            // A request the library refuses (an age, a name it cannot serve): the profile is bad.
            return .invalid([Diagnostic(.error, error.message, at: SourceLocation(path: path, line: 1, column: 1))])
        }
    }

    /// The hash of what every profile shares: version, formats and the rule directory's files
    /// (top level, by name in byte order, each name and content).
    func inputsHash() -> FNV1a {
        var hash = FNV1a()
        hash.add(version)
        hash.add(formats.map { $0.name + "." + $0.fileExtension }.joined(separator: ","))
        guard let directory = rulesDirectory else { return hash }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            let path = Self.join(directory, name)
            guard !ProfileReader.isFolder(path), let data = FileManager.default.contents(atPath: path) else { continue }
            hash.add(name)
            hash.add(piece: data)
        }
        return hash
    }

    /// Creates the output folder (mode 0700) when missing; the reason when it cannot be used.
    private func prepareFolder() -> String? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: outputFolder, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? nil : "cannot write to \(outputFolder.clipped(to: 400)): it is not a folder"
        }
        do {
            try fm.createDirectory(atPath: outputFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return nil
        } catch {
            return "cannot create the folder \(outputFolder.clipped(to: 400))"
        }
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
