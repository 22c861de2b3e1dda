// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gutplan",
    products: [
        .library(name: "GutPlanKit", targets: ["GutPlanKit"]),
        .executable(name: "gutplan", targets: ["gutplan"]),
    ],
    targets: [
        // All logic: knowledge base, rule language, engine, planner, exports.
        .target(name: "GutPlanKit"),
        // Thin command-line front end: parses arguments, calls GutPlanKit, maps errors to exit codes.
        .target(name: "GutPlanCLI", dependencies: ["GutPlanKit"]),
        // The executable: only `main.swift`, calling GutPlanCLI. Its release build on Linux links the
        // Swift runtime and Foundation statically (no dynamic loading of those libraries at every
        // start: `gutplan --help` about 12 ms to 5 ms). Tests link GutPlanCLI, not this target, so
        // they never get these flags (a test bundle must share the toolchain's dynamic runtime).
        .executableTarget(name: "gutplan", dependencies: ["GutPlanCLI"],
                          linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group",
                                                          "-lFoundation", "-lFoundationInternationalization", "-lFoundationEssentials",
                                                          "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
                                                          "-lswiftSynchronization", "-lswiftDispatch", "-ldispatch", "-lBlocksRuntime",
                                                          "-Xlinker", "--end-group"], .when(platforms: [.linux], configuration: .release))]),
        // Release-build benchmark: synthetic catalogues, prints score, bound, gap, time, memory.
        .executableTarget(name: "gutplan-bench", dependencies: ["GutPlanKit"]),
        .testTarget(name: "GutPlanKitTests", dependencies: ["GutPlanKit"], exclude: ["Fixtures"]),
        // End-to-end tests that run the built `gutplan` binary.
        .testTarget(name: "GutPlanCLITests", dependencies: ["GutPlanCLI", "GutPlanKit"], exclude: ["Golden"]),
    ]
)
