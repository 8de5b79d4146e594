import Foundation
import TestSupport
import Testing

@testable import PLSSEM

/// Loading of the reference fixtures and data used by the PLSc, model-fit, blindfolding and
/// PLSpredict tests (`PLSc*Tests`, `ModelFit*Tests`, `Blindfolding*Tests`, `PLSPredict*Tests`).
enum AssessExtrasFixture {
  /// The test target's `Fixtures` folder.
  static var fixtures: URL {
    if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return url }
    return Repository.url("Tests/PLSSEMTests/Fixtures")
  }

  /// A JSON fixture below `Fixtures/` as a dictionary.
  static func json(_ relativePath: String) throws -> [String: Any] {
    let data = try Data(contentsOf: fixtures.appendingPathComponent(relativePath))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw AssessExtrasFixtureProblem(message: "\(relativePath) is not a JSON object")
    }
    return object
  }

  /// Estimates the model and data a fixture names (`modelFile`/`model`, `data`, `missingCodes`).
  static func estimate(_ fixture: [String: Any], settings: PLSSettings) throws -> PLSEstimate {
    let modelText =
      try (fixture["model"] as? String) ?? Repository.text(string(fixture, "modelFile"))
    let codes = (fixture["missingCodes"] as? [Double]) ?? []
    let data = try ExampleData.table(string(fixture, "data"), missingCodes: codes)
    return try PLSEstimator(settings: settings).estimate(PathModel(syntax: modelText), data: data)
  }

  static func string(_ object: [String: Any], _ key: String) throws -> String {
    guard let value = object[key] as? String else {
      throw AssessExtrasFixtureProblem(message: "missing string '\(key)'")
    }
    return value
  }

  static func object(_ object: [String: Any], _ key: String) throws -> [String: Any] {
    guard let value = object[key] as? [String: Any] else {
      throw AssessExtrasFixtureProblem(message: "missing object '\(key)'")
    }
    return value
  }

  static func rows(_ object: [String: Any], _ key: String) throws -> [[String: Any]] {
    guard let value = object[key] as? [[String: Any]] else {
      throw AssessExtrasFixtureProblem(message: "missing list '\(key)'")
    }
    return value
  }

  static func number(_ object: [String: Any], _ key: String) throws -> Double {
    guard let value = object[key] as? Double ?? (object[key] as? Int).map(Double.init) else {
      throw AssessExtrasFixtureProblem(message: "missing number '\(key)'")
    }
    return value
  }
}

struct AssessExtrasFixtureProblem: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

extension AssessExtrasFixture {
  /// `table` with column `name` multiplied by −1 (a reverse-coded indicator).
  static func negating(_ table: DataTable, column name: String) throws -> DataTable {
    let columns = table.columnNames.map {
      $0 == name ? (table.column(named: $0) ?? []).map { -$0 } : (table.column(named: $0) ?? [])
    }
    return try DataTable(columnNames: table.columnNames, columns: columns, source: table.source)
  }

  /// `table` with a copy of column `name` appended as `copy`.
  static func duplicating(_ table: DataTable, column name: String, as copy: String) throws
    -> DataTable
  {
    try DataTable(
      columnNames: table.columnNames + [copy],
      columns: table.columns + [table.column(named: name) ?? []], source: table.source)
  }
}

extension StatisticCatalog {
  /// Runs the kernel on the estimate's indicator correlations and evaluates `catalog` there,
  /// as a bootstrap resample would on its own correlations.
  static func evaluateOnOriginal(
    _ catalog: StatisticCatalog, _ estimate: PLSEstimate, kernel: PLSKernel
  ) throws -> [Double] {
    let workspace = PLSWorkspace(layout: estimate.layout)
    let scratch = StatisticScratch(layout: estimate.layout)
    return try estimate.indicatorCorrelations.storage.withUnsafeBufferPointer { s in
      guard let base = s.baseAddress else { return [] }
      _ = try kernel.run(correlation: base, workspace: workspace)
      return try catalog.table(
        kernel: kernel, correlation: base, workspace: workspace, scratch: scratch,
        observations: estimate.observations
      ).values
    }
  }
}
