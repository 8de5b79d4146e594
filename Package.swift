// swift-tools-version:6.0
// swift-plssem: a PLS-SEM engine. Layout by pipeline stage; see README.md and
// docs/design.md. Dependencies point one way:
//   plssem (CLI) -> PLSSEMReport -> PLSSEM (engine) -> LinearAlgebra -> CLAPACK (C)
//   plssem (CLI) -> Survey -> LinearAlgebra, DataFiles -> DelimitedText, ZIPFoundation, CReadStat (C)
import PackageDescription

let package = Package(
  name: "swift-plssem",
  products: [
    .library(name: "PLSSEM", targets: ["PLSSEM"]),
    .library(name: "Survey", targets: ["Survey"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "DataFiles", targets: ["DataFiles"]),
    .library(name: "PLSSEMReport", targets: ["PLSSEMReport"]),
    .executable(name: "plssem", targets: ["plssem"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // `make docs`: the DocC catalogs of PLSSEM, Survey, LinearAlgebra and PLSSEMReport.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // The only C surface: CBLAS and LAPACK from Debian's OpenBLAS (which carries LAPACK).
    .systemLibrary(
      name: "CLAPACK",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev", "liblapack-dev", "pkg-config"])]
    ),
    // SPSS and Stata files through ReadStat (Debian's libreadstat-dev ships no pkg-config file).
    .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),
    .target(name: "LinearAlgebra", dependencies: ["CLAPACK"], exclude: ["README.md"]),
    // Tokenising delimited text (CSV/TSV) with row and column positions; no statistics.
    .target(name: "DelimitedText", exclude: ["README.md"]),
    // Data files as researchers have them (CSV/TSV, xlsx, SPSS, Stata) read into one table of
    // named columns with their labels; knows nothing of models or codebooks.
    .target(
      name: "DataFiles",
      dependencies: [
        "DelimitedText", "CReadStat", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["README.md"]),
    .target(
      name: "PLSSEM", dependencies: ["LinearAlgebra", "DelimitedText"], exclude: ["README.md"]),
    .target(
      name: "Survey",
      dependencies: [
        "LinearAlgebra", "DelimitedText", "DataFiles", .product(name: "Yams", package: "Yams"),
      ],
      exclude: ["README.md"]
    ),
    .target(name: "PLSSEMReport", dependencies: ["PLSSEM"], exclude: ["README.md"]),
    .executableTarget(
      name: "plssem",
      dependencies: [
        "PLSSEM", "Survey", "PLSSEMReport", "DataFiles",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"]
    ),
    // What every test target shares (not a product): the repository root and example data,
    // one tolerance tracker, one seeded generator, one CLI runner. See Tests/TestSupport/README.md.
    .target(
      name: "TestSupport", dependencies: ["PLSSEM", "LinearAlgebra"], path: "Tests/TestSupport",
      exclude: ["README.md"]),
    // examples/embedding-in-swift is its own package (run it there with `swift run`); its
    // source is compiled here too, so `swift build` and `make test` keep it from rotting.
    .executableTarget(
      name: "EmbeddingExampleBuildCheck", dependencies: ["PLSSEM"],
      path: "examples/embedding-in-swift/Sources/EmbeddingExample"),
    .testTarget(
      name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "DelimitedTextTests", dependencies: ["DelimitedText", "TestSupport"]),
    .testTarget(
      name: "DataFilesTests", dependencies: ["DataFiles", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "PLSSEMTests", dependencies: ["PLSSEM", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SurveyTests", dependencies: ["Survey", "DataFiles", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "ReportTests", dependencies: ["PLSSEMReport", "PLSSEM", "TestSupport"],
      exclude: ["Golden"]),
    // The Monte Carlo power study: the engine's PowerStudy on the Survey population simulator,
    // against an independent numpy simulation (Fixtures/make_power_fixture.py).
    .testTarget(
      name: "PowerTests", dependencies: ["PLSSEM", "Survey", "TestSupport"],
      resources: [.copy("Fixtures")]),
    // The Swift examples of the README and the DocC articles, compiled and checked verbatim.
    .testTarget(
      name: "DocumentationTests",
      dependencies: ["PLSSEM", "PLSSEMReport", "Survey", "LinearAlgebra", "TestSupport"]),
    // Runs the built plssem executable; Corpus/ holds the bad-input files and their manifest.
    .testTarget(name: "CLITests", dependencies: ["TestSupport"], exclude: ["Corpus", "Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
