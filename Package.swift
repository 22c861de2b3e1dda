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
        .executableTarget(name: "gutplan", dependencies: ["GutPlanKit"],
                          linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group",
                                                          "-lFoundation", "-lFoundationInternationalization", "-lFoundationEssentials",
                                                          "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
                                                          "-lswiftSynchronization", "-lswiftDispatch", "-ldispatch", "-lBlocksRuntime",
                                                          "-Xlinker", "--end-group"], .when(platforms: [.linux], configuration: .release))]),
        // Release-build benchmark: synthetic catalogues, prints score, bound, gap, time, memory.
        .executableTarget(name: "gutplan-bench", dependencies: ["GutPlanKit"]),
        .testTarget(name: "GutPlanKitTests", dependencies: ["GutPlanKit"], exclude: ["Fixtures"]),
        // End-to-end tests that run the built `gutplan` binary.
        .testTarget(name: "GutPlanCLITests", dependencies: ["gutplan", "GutPlanKit"], exclude: ["Golden"]),
    ]
)
