// swift-tools-version:6.0
// A Swift program that embeds swift-plssem as a library. Run: swift run (in this folder).
import PackageDescription

let package = Package(
  name: "EmbeddingExample",
  dependencies: [.package(name: "swift-plssem", path: "../..")],
  targets: [
    .executableTarget(
      name: "EmbeddingExample",
      dependencies: [.product(name: "PLSSEM", package: "swift-plssem")]
    )
  ]
)
