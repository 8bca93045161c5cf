// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "carbonsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "carbonsim", targets: ["carbonsim"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Reports", targets: ["Reports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
    ],
    targets: [
        // What GSL offers, as a Clang module.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // SQLite's C API (GRDB does the rest).
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // libxlsxwriter's C API: Excel workbooks (--format xlsx).
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Numbers only: components, model assembly, GSL wrappers, indicators. No I/O.
        .target(name: "Simulator", dependencies: ["CGSL"]),
        // Words to numbers: scenario schema, YAML, validation, embedded datasets and history, sweep and
        // optimisation specs. Input only: nothing here searches, fits or attributes.
        .target(
            name: "Scenarios",
            dependencies: ["Simulator", "Yams"],
            resources: [.copy("Datasets/inner-mongolia.yaml"), .copy("Datasets/ceads-sector-groups.csv"),
                        .copy("Datasets/province-template.yaml"), .copy("Datasets/province-facts.csv"), .copy("Datasets/inner-mongolia-observations.csv"),
                        .copy("Defaults")]
        ),
        // Questions asked of the model: solve one lever for a target, least-cost optimisation under the
        // targets, wedges and decomposition of abatement, trends fitted to history (calibration), the model
        // against published observations (hindcast).
        .target(name: "Analysis", dependencies: ["Simulator", "Scenarios"]),
        // Parameter sweeps: designs to runs on all cores, results streamed into SQLite, summaries.
        .target(
            name: "Sweeps",
            dependencies: ["Simulator", "Scenarios", "CSQLite", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Numbers to artefacts: plan-period tables, comparisons, sweep summaries; CSV, JSON, Markdown, xlsx.
        .target(name: "Reports", dependencies: ["Simulator", "Scenarios", "Analysis", "Sweeps", "CXlsxWriter"]),
        // The what-if page: a local web server (`carbonsim serve`) with its page as resources. Only the
        // serve command imports it, so no other command depends on the web stack.
        .target(
            name: "Server",
            dependencies: ["Simulator", "Scenarios", "Analysis", "Sweeps", "Reports",
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), .product(name: "Logging", package: "swift-log")],
            resources: [.copy("Assets")]
        ),
        // The commands: thin.
        .executableTarget(
            name: "carbonsim",
            dependencies: [
                "Simulator", "Scenarios", "Analysis", "Sweeps", "Reports", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "MallocCounter", path: "Benchmarks/MallocCounter"),
        .executableTarget(
            name: "carbonsim-bench",
            dependencies: ["Simulator", "Scenarios", "Sweeps", "MallocCounter"],
            path: "Benchmarks/carbonsim-bench"
        ),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator"]),
        .testTarget(name: "ModelTests", dependencies: ["Scenarios", "Analysis", "Simulator"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "Analysis", "Simulator"]),
        .testTarget(name: "SweepsTests", dependencies: ["Sweeps", "Scenarios", "Simulator"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Scenarios", "Simulator", "Reports"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Scenarios", "Analysis", "Simulator", "Sweeps"], exclude: ["Golden"]),
    ]
)
