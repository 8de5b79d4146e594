import Foundation
import PLSSEM
import Survey

/// The design of the reference tests: X and Z uncorrelated, Y = 0.3 X + 0 Z + ζ, three items
/// per construct at loading 0.8, continuous items; drawn by the `Survey` population simulator
/// from the study's Philox normals, as the command line does.
enum TwoPathDesign {
  static let modelText = """
    X =~ x1 + x2 + x3
    Z =~ z1 + z2 + z3
    Y =~ y1 + y2 + y3
    Y ~ X + Z
    """

  static let population = PopulationModel(
    constructs: ["X", "Z", "Y"],
    paths: [
      .init(from: "X", to: "Y", coefficient: 0.3), .init(from: "Z", to: "Y", coefficient: 0),
    ],
    indicators: ["X": "x", "Z": "z", "Y": "y"].sorted(by: { $0.key < $1.key }).flatMap { c, p in
      (1...3).map { PopulationModel.Indicator(item: "\(p)\($0)", construct: c, loading: 0.8) }
    })

  static func study(settings: PowerSettings) throws -> PowerStudy {
    let simulator = try Simulator(model: population)
    return try PowerStudy(
      model: try PathModel(syntax: modelText),
      population: [
        PowerPath(from: "X", to: "Y", population: 0.3),
        PowerPath(from: "Z", to: "Y", population: 0),
      ],
      settings: settings
    ) { n, normals in
      let data = try simulator.simulate(respondents: n, seed: 0) { normals.next() }
      return try DataTable(columnNames: data.itemIDs, columns: data.continuousItems)
    }
  }
}
