// swift-tools-version:6.0
// libFuzzer harnesses for the readers of user input. Its own package so that the fuzzer
// flags (-sanitize=fuzzer,address, -parse-as-library) never touch the root build.
// Build and run them with ../scripts/fuzz.sh (see README.md's Development section).
import PackageDescription

let package = Package(
  name: "swift-plssem-fuzz",
  dependencies: [
    .package(name: "swift-plssem", path: ".."),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .target(name: "FuzzSupport"),
    // What the data-file harnesses check on every sheet read.
    .target(
      name: "FuzzDataFileChecks",
      dependencies: [
        .product(name: "DataFiles", package: "swift-plssem"),
        .product(name: "Survey", package: "swift-plssem"),
      ]),
    .executableTarget(
      name: "FuzzCSV",
      dependencies: ["FuzzSupport", .product(name: "PLSSEM", package: "swift-plssem")]),
    .executableTarget(
      name: "FuzzModel",
      dependencies: ["FuzzSupport", .product(name: "PLSSEM", package: "swift-plssem")]),
    .executableTarget(
      name: "FuzzShard",
      dependencies: ["FuzzSupport", .product(name: "PLSSEM", package: "swift-plssem")]),
    .executableTarget(
      name: "FuzzCodebook",
      dependencies: ["FuzzSupport", .product(name: "Survey", package: "swift-plssem")]),
    .executableTarget(
      name: "FuzzResponses",
      dependencies: ["FuzzSupport", .product(name: "Survey", package: "swift-plssem")]),
    .executableTarget(
      name: "FuzzWorkbook",
      dependencies: [
        "FuzzSupport", "FuzzDataFileChecks", .product(name: "DataFiles", package: "swift-plssem"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .executableTarget(
      name: "FuzzStatisticsFile",
      dependencies: [
        "FuzzSupport", "FuzzDataFileChecks", .product(name: "DataFiles", package: "swift-plssem"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
