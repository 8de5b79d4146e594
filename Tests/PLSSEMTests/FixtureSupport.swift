import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// One estimation fixture of `Fixtures/estimation/` (see the README there): values computed by
/// seminr (path, factorial) or plspm (centroid), never by this package.
struct EstimationFixture: Decodable, Sendable {
  struct Settings: Decodable, Sendable {
    let maxIterations: Int
    let tolerance: Double
  }

  struct PathValue: Decodable, Sendable {
    let from: String
    let to: String
    let estimate: Double
  }

  /// A path statistic that seminr may leave undefined (`null`), such as an inner VIF.
  struct OptionalPathValue: Decodable, Sendable {
    let from: String
    let to: String
    let estimate: Double?
  }

  struct IndicatorValue: Decodable, Sendable {
    let construct: String
    let indicator: String
    let estimate: Double
  }

  struct ConstructValue: Decodable, Sendable {
    let construct: String
    let estimate: Double
  }

  struct Cell: Decodable, Sendable {
    let row: String
    let column: String
    let estimate: Double
  }

  struct CrossLoading: Decodable, Sendable {
    let indicator: String
    let construct: String
    let estimate: Double
  }

  struct Reliability: Decodable, Sendable {
    let construct: String
    let alpha: Double
    let rhoC: Double
    let rhoA: Double
    let ave: Double
  }

  struct Scores: Decodable, Sendable {
    let constructs: [String]
    let rows: [[Double]]
  }

  /// seminr's results again with stop criterion 1e-12: the fixed point.
  struct TightlyConverged: Decodable, Sendable {
    let settings: Settings
    let iterations: Int
    let paths: [PathValue]
    let weights: [IndicatorValue]
    let loadings: [IndicatorValue]
    let r2: [ConstructValue]
  }

  let name: String
  let data: String
  let modelFile: String
  let missingCodes: [Double]
  let model: String
  let scheme: String
  let modes: [String: String]
  let settings: Settings
  let observations: Int
  let constructs: [String]
  let iterations: Int
  let converged: Bool?
  let paths: [PathValue]
  let weights: [IndicatorValue]
  let loadings: [IndicatorValue]
  let r2: [ConstructValue]
  let r2Adjusted: [ConstructValue]
  let constructCorrelations: [Cell]
  let totalEffects: [PathValue]
  let indirectEffects: [PathValue]
  let crossLoadings: [CrossLoading]
  let constructScoresFirstRows: Scores?
  let reliability: [Reliability]?
  let htmt: [Cell]?
  let fornellLarcker: [Cell]?
  let vifOuter: [IndicatorValue]?
  let vifInner: [OptionalPathValue]?
  let fSquare: [PathValue]?
  let tightlyConverged: TightlyConverged?

  private enum CodingKeys: String, CodingKey {
    case name = "case"
    case data, modelFile, missingCodes, model, scheme, modes, settings, observations, constructs
    case iterations, converged, paths, weights, loadings, r2, r2Adjusted, constructCorrelations
    case totalEffects, indirectEffects, crossLoadings, constructScoresFirstRows, reliability, htmt
    case fornellLarcker, vifOuter, vifInner, fSquare, tightlyConverged
  }

  /// Whether seminr generated the file (its stop rule is ours, so 1e-9 applies).
  var isSeminr: Bool { name.contains("_seminr_") }

  /// The inner weighting scheme of the file.
  var innerScheme: InnerWeightingScheme {
    get throws {
      guard let scheme = InnerWeightingScheme(rawValue: scheme) else {
        throw FixtureError("\(name): unknown scheme '\(scheme)'")
      }
      return scheme
    }
  }

  /// Settings that reproduce how the generator stopped.
  ///
  /// seminr: its own rule, which is our default (`Σ|ΔW| < 1e-7`, passes 0…300). plspm stops on
  /// a sum of *squared* weight changes below 1e-24 (see the README); ours is the same form on
  /// the normalised weights, which converges to the same fixed point.
  var reproducingSettings: PLSSettings {
    get throws {
      if isSeminr {
        return PLSSettings(
          scheme: try innerScheme, maxIterations: settings.maxIterations,
          tolerance: settings.tolerance, stopCriterion: .sumAbsoluteChange)
      }
      return PLSSettings(
        scheme: try innerScheme, maxIterations: settings.maxIterations,
        tolerance: settings.tolerance, stopCriterion: .sumSquaredChange)
    }
  }
}

struct FixtureError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Loading fixtures from the test bundle and example data from the repository.
enum Fixtures {
  /// The composite-estimation fixtures (the `plsc_*` files are shaped differently).
  static let seminr = [
    "corprep_simple_seminr_path", "corprep_simple_seminr_factorial",
    "corprep_extended_seminr_path", "corprep_extended_seminr_factorial",
    "mobi_seminr_path", "mobi_seminr_factorial",
  ]
  static let plspm = [
    "corprep_simple_plspm_centroid", "corprep_extended_plspm_centroid", "mobi_plspm_centroid",
  ]
  static let all = seminr + plspm

  private static let cache = FixtureCache()

  /// The fixture named `name` (file name without `.json`), decoded once per process.
  static func estimation(_ name: String) throws -> EstimationFixture {
    try cache.fixture(name)
  }

  /// The fixture's data table, read from the repository with its missing codes.
  static func dataTable(for fixture: EstimationFixture) throws -> DataTable {
    try ExampleData.table(fixture.data, missingCodes: fixture.missingCodes)
  }

  /// The fixture's model, parsed from the verbatim text stored in it.
  static func model(for fixture: EstimationFixture) throws -> PathModel {
    try PathModel(syntax: fixture.model, source: fixture.name)
  }

  /// Our estimate under the settings that reproduce the generator's stop rule.
  static func estimate(_ fixture: EstimationFixture, settings: PLSSettings? = nil) throws
    -> PLSEstimate
  {
    let settings = try settings ?? fixture.reproducingSettings
    return try PLSEstimator(settings: settings).estimate(
      try model(for: fixture), data: try dataTable(for: fixture))
  }
}

/// Decoded fixtures, shared by the tests of one process (Swift Testing runs them in parallel).
private final class FixtureCache: @unchecked Sendable {
  private let lock = NSLock()
  private var decoded: [String: EstimationFixture] = [:]

  func fixture(_ name: String) throws -> EstimationFixture {
    lock.lock()
    defer { lock.unlock() }
    if let cached = decoded[name] { return cached }
    guard
      let url = Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "Fixtures/estimation")
    else { throw FixtureError("Fixtures/estimation/\(name).json is not in the test bundle") }
    let fixture = try JSONDecoder().decode(EstimationFixture.self, from: Data(contentsOf: url))
    decoded[name] = fixture
    return fixture
  }
}

extension DataTable {
  /// A table from CSV text (tests).
  init(csv text: String, missingCodes: [Double] = [], source: String = "test.csv") throws(DataError)
  {
    try self.init(csvBytes: Array(text.utf8), missingCodes: missingCodes, source: source)
  }
}
