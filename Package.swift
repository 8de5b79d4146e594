// swift-tools-version:6.0
// swift-plssem: a PLS-SEM engine. Layout by pipeline stage; see README.md and
// ../shared/docs/design.md. Dependencies point one way:
//   plssem (CLI) -> PLSSEMReport -> PLSSEM (engine) -> LinearAlgebra -> CLAPACK (C)
//   plssem (CLI) -> Survey -> LinearAlgebra, DelimitedText
import PackageDescription

let package = Package(
  name: "swift-plssem",
  products: [
    .library(name: "PLSSEM", targets: ["PLSSEM"]),
    .library(name: "Survey", targets: ["Survey"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "PLSSEMReport", targets: ["PLSSEMReport"]),
    .executable(name: "plssem", targets: ["plssem"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The only C surface: CBLAS and LAPACK from Debian's OpenBLAS (which carries LAPACK).
    .systemLibrary(
      name: "CLAPACK",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev", "liblapack-dev", "pkg-config"])]
    ),
    .target(name: "LinearAlgebra", dependencies: ["CLAPACK"], exclude: ["README.md"]),
    // Tokenising delimited text (CSV/TSV) with row and column positions; no statistics.
    .target(name: "DelimitedText", exclude: ["README.md"]),
    .target(
      name: "PLSSEM", dependencies: ["LinearAlgebra", "DelimitedText"], exclude: ["README.md"]),
    .target(
      name: "Survey",
      dependencies: ["LinearAlgebra", "DelimitedText", .product(name: "Yams", package: "Yams")],
      exclude: ["README.md"]
    ),
    .target(name: "PLSSEMReport", dependencies: ["PLSSEM"], exclude: ["README.md"]),
    .executableTarget(
      name: "plssem",
      dependencies: [
        "PLSSEM", "Survey", "PLSSEMReport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"]
    ),
    // What every test target shares (not a product): the repository root and example data,
    // one tolerance tracker, one seeded generator, one CLI runner. See Tests/TestSupport/README.md.
    .target(
      name: "TestSupport", dependencies: ["PLSSEM", "LinearAlgebra"], path: "Tests/TestSupport",
      exclude: ["README.md"]),
    .testTarget(
      name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "DelimitedTextTests", dependencies: ["DelimitedText", "TestSupport"]),
    .testTarget(
      name: "PLSSEMTests", dependencies: ["PLSSEM", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SurveyTests", dependencies: ["Survey", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "ReportTests", dependencies: ["PLSSEMReport", "PLSSEM", "TestSupport"],
      exclude: ["Golden"]),
    // Runs the built plssem executable; Corpus/ holds the bad-input files and their manifest.
    .testTarget(name: "CLITests", dependencies: ["TestSupport"], exclude: ["Corpus"]),
  ],
  swiftLanguageModes: [.v6]
)
