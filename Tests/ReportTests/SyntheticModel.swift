import Foundation
import PLSSEM
import PLSSEMReport
import TestSupport

/// A synthetic model of fifteen constructs in five layers, with Mode A and Mode B blocks and
/// paths that skip layers, and simulated data that fit it: the size the path diagram promises
/// to keep readable.
enum SyntheticModel {
  /// (name, mode, indicator count, predecessors)
  static let constructs: [(String, MeasurementMode, Int, [String])] = [
    ("Image", .a, 4, []), ("Expectation", .a, 3, []), ("Quality", .b, 6, []), ("Price", .a, 2, []),
    ("Value", .a, 3, ["Quality", "Price"]), ("Trust", .a, 3, ["Image", "Expectation"]),
    ("Service", .b, 5, ["Quality", "Expectation"]), ("Fairness", .a, 3, ["Price", "Image"]),
    ("Satisfaction", .a, 4, ["Value", "Service", "Expectation"]),
    ("Commitment", .a, 3, ["Trust", "Fairness"]),
    ("Complaints", .a, 1, ["Service"]), ("Reputation", .a, 3, ["Trust", "Value"]),
    ("Loyalty", .a, 3, ["Satisfaction", "Commitment", "Image"]),
    ("WordOfMouth", .a, 2, ["Reputation", "Complaints"]),
    ("Retention", .a, 3, ["Loyalty", "WordOfMouth", "Price"]),
  ]

  static func report() throws -> EstimationReport {
    var generator = SeededGenerator(seed: 20_240_611)
    let n = 300
    var latent: [String: [Double]] = [:]
    var columns: [String: [Double]] = [:]
    var parts: [PathModel.Construct] = []
    var paths: [PathModel.Path] = []
    for (name, mode, k, predecessors) in constructs {
      var score = (0..<n).map { _ in generator.normal() }
      if !predecessors.isEmpty {
        let scale = 0.6 / Double(predecessors.count).squareRoot()
        for i in 0..<n {
          score[i] = 0.8 * score[i] + scale * predecessors.reduce(0) { $0 + latent[$1]![i] }
        }
      }
      latent[name] = score
      let indicators = (1...k).map { "\(name.lowercased())_\($0)" }
      for indicator in indicators {
        columns[indicator] = score.map { 0.8 * $0 + 0.6 * generator.normal() }
      }
      parts.append(PathModel.Construct(name: name, mode: mode, indicators: indicators))
      paths += predecessors.map { PathModel.Path(from: $0, to: name) }
    }
    let names = parts.flatMap(\.indicators)
    let data = try DataTable(
      columnNames: names, columns: names.map { columns[$0]! }, source: "synthetic")
    let estimate = try PLSEstimator().estimate(
      PathModel(constructs: parts, paths: paths), data: data)
    return EstimationReport(
      estimate: estimate, assessment: try PLSAssessment(estimate: estimate),
      dataSource: "synthetic.csv",
      modelSource: "synthetic.model")
  }
}
