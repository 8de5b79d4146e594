// swift-tools-version:6.0
// libFuzzer harnesses for the readers of user input. Its own package so that the fuzzer
// flags (-sanitize=fuzzer,address, -parse-as-library) never touch the root build.
// Build and run them with ../scripts/fuzz.sh (see README.md's Development section).
import PackageDescription

let package = Package(
  name: "swift-plssem-fuzz",
  dependencies: [.package(name: "swift-plssem", path: "..")],
  targets: [
    .target(name: "FuzzSupport"),
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
  ],
  swiftLanguageModes: [.v6]
)
