// swift-tools-version:6.1
// Benchmarks for swift-plssem, kept in their own package so that the root package's
// `swift build` / `swift test` never resolve or build the benchmark dependencies.
// Run: `cd Benchmarks && swift package --disable-sandbox benchmark` (see README.md).
import PackageDescription

let package = Package(
  name: "swift-plssem-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    // The MallocInterposer trait only: it leaves out the default RuntimeInterposer trait, whose
    // package is not available offline here.
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    .package(name: "swift-plssem", path: ".."),
  ],
  targets: [
    .executableTarget(
      name: "LinearAlgebraBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "LinearAlgebra", package: "swift-plssem"),
      ],
      path: "Benchmarks/LinearAlgebraBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "BootstrapBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "LinearAlgebra", package: "swift-plssem"),
        .product(name: "PLSSEM", package: "swift-plssem"),
      ],
      path: "Benchmarks/BootstrapBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ]
)
