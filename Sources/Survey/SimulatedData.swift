/// The output of ``Simulator/simulate(respondents:seed:)``: true construct scores and
/// continuous item values, which can be cut into Likert answers.
public struct SimulatedData: Sendable {
  /// The constructs, in population-model order.
  public let constructNames: [String]
  /// The true construct scores, one array per construct.
  public let latentScores: [[Double]]
  /// The items, in indicator order.
  public let itemIDs: [String]
  /// The continuous item values `λη + ε`, one array per item.
  public let continuousItems: [[Double]]
  /// The seed the data were drawn with.
  public let seed: UInt64

  /// The number of respondents.
  public var respondentCount: Int { latentScores.first?.count ?? 0 }

  /// The continuous items as a table.
  public var continuousTable: NumericTable {
    NumericTable(columnNames: itemIDs, values: continuousItems)
  }

  /// The true construct scores as a table.
  public var latentTable: NumericTable {
    NumericTable(columnNames: constructNames, values: latentScores)
  }

  /// The items cut into categories `1...discretizer.points`.
  public func likertCategories(_ discretizer: LikertDiscretizer = .fivePoint) -> [[Int]] {
    continuousItems.map { column in column.map { discretizer.category(of: $0) } }
  }

  /// The items cut into Likert categories, as responses to `codebook` in the construct's
  /// direction (a reverse-coded item is listed in ``SurveyResponses/reverseCodedItems``, so that
  /// ``SurveyResponses/csvText(delimiter:answersAsGiven:respondentColumn:)`` writes the answer a
  /// respondent would have ticked).
  ///
  /// - Throws: ``SimulationError/itemMismatch(item:message:)`` when an item is not in the
  ///   codebook or its scale has another number of points than the discretiser.
  public func responses(codebook: Codebook, discretizer: LikertDiscretizer = .fivePoint)
    throws(SimulationError)
    -> SurveyResponses
  {
    for id in itemIDs {
      guard let item = codebook.item(id) else {
        throw .itemMismatch(item: id, message: "not in the codebook")
      }
      guard let scale = codebook.scale(of: item), scale.points == discretizer.points else {
        throw .itemMismatch(
          item: id,
          message: "its scale does not have \(discretizer.points) points like the thresholds")
      }
    }
    let columns = likertCategories(discretizer).map { $0.map(Double.init) }
    let reversed = itemIDs.filter { codebook.item($0)?.reverse == true }
    do {
      return try SurveyResponses(
        codebook: codebook, itemIDs: itemIDs, columns: columns, source: "<simulated seed \(seed)>",
        reverseCodedItems: reversed)
    } catch {
      throw .itemMismatch(item: itemIDs.first ?? "", message: error.description)
    }
  }
}
