extension SurveyResponses {
  /// The statistics of each item column, with its distribution over the scale points.
  public func itemDescriptives() -> [Descriptives] {
    itemIDs.enumerated().map { j, id in
      let points = codebook.item(id).flatMap { codebook.scale(of: $0) }?.points
      return Descriptives(name: id, values: column(at: j), scalePoints: points)
    }
  }

  /// Construct scores: for each codebook construct with at least one item column, each
  /// respondent's mean of the construct's items that they answered (after reverse coding);
  /// NaN when they answered none of them.
  ///
  /// Averaging the available items (rather than requiring all) is the usual "person mean" for
  /// summated rating scales; the share answered is visible in ``respondentQuality()``.
  public func constructScores() -> NumericTable {
    var names: [String] = []
    var scores: [[Double]] = []
    for construct in codebook.constructs {
      let columns = itemIDs.indices.filter { codebook.item(itemIDs[$0])?.construct == construct.id }
      guard !columns.isEmpty else { continue }
      var score = [Double](repeating: .nan, count: respondentCount)
      for i in 0..<respondentCount {
        var sum = 0.0
        var count = 0
        for j in columns {
          let value = self[respondent: i, column: j]
          if !value.isNaN {
            sum += value
            count += 1
          }
        }
        if count > 0 { score[i] = sum / Double(count) }
      }
      names.append(construct.id)
      scores.append(score)
    }
    return NumericTable(columnNames: names, values: scores)
  }

  /// The statistics of each construct score (see ``constructScores()``); no distribution.
  public func constructDescriptives() -> [Descriptives] {
    let scores = constructScores()
    return zip(scores.columnNames, scores.values).map { Descriptives(name: $0, values: $1) }
  }

  /// Straight-lining, missing share and longest run of each respondent, on the answers as given.
  public func respondentQuality() -> [RespondentQuality] {
    let raw = rawValues()
    return (0..<respondentCount).map { i in
      let answers = itemIDs.indices.map { raw[i + $0 * respondentCount] }
      return RespondentQuality(
        respondent: i, line: lines[i], row: rows[i], id: respondentIDs?[i], answers: answers)
    }
  }

  /// Item and construct statistics with response-quality flags, for reports.
  ///
  /// - Parameter missingShareThreshold: respondents who left more than this share of items
  ///   missing are counted in ``SurveyDescription/respondentsAboveMissingThreshold``.
  public func describe(missingShareThreshold: Double = 0.2) -> SurveyDescription {
    let quality = respondentQuality()
    return SurveyDescription(
      source: source, instrument: codebook.instrument.name, respondents: respondentCount,
      items: itemDescriptives(), constructs: constructDescriptives(), respondentQuality: quality,
      straightLiners: quality.filter(\.straightLining).count,
      missingShareThreshold: missingShareThreshold,
      respondentsAboveMissingThreshold: quality.filter { $0.missingShare > missingShareThreshold }
        .count,
      issues: issues, idColumn: idColumn)
  }
}
