import ArgumentParser
import Foundation
import PLSSEM
import PLSSEMReport

/// `--scores FILE`.
struct ScoresOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write the construct scores to this CSV file: one row per respondent in data order (row, the --id-column, one column per construct; empty for respondents left out of the estimate). (default: none)",
      valueName: "file"))
  var scores: String?

  /// Writes the scores of `inputs` when `--scores` was given.
  func write(_ inputs: EstimatedInputs) throws {
    guard let path = scores else { return }
    try OutputFile.write(ScoresWriter.csv(inputs), to: path)
    Console.note(
      "wrote the construct scores of \(inputs.estimate.observations) respondents to \(path)")
  }
}

/// The construct scores as CSV.
enum ScoresWriter {
  /// `row`, the id column when one was named, and one column per construct, for every
  /// respondent read in data order. A respondent excluded before estimation or dropped by
  /// casewise deletion has empty score cells. Scores are the estimate's standardised ones
  /// (``PLSEstimate/scores``), written in full precision.
  static func csv(_ inputs: EstimatedInputs) -> String {
    let estimate = inputs.estimate
    let data = inputs.data
    var header = ["row"]
    if let idColumn = data.idColumn { header.append(idColumn) }
    header += estimate.constructNames
    // Score row of each row read: table rows (kept respondents) less casewise-dropped ones.
    var scoreRow = [Int?](repeating: nil, count: data.rowsRead.count)
    let dropped = Set(estimate.dataSummary.droppedRowIndices)
    var k = 0
    for (tableRow, read) in data.keptIndices.enumerated() where !dropped.contains(tableRow) {
      if read < scoreRow.count, k < estimate.scores.rows { scoreRow[read] = k }
      k += 1
    }
    var lines = [header.map(field).joined(separator: ",")]
    lines.reserveCapacity(data.rowsRead.count + 1)
    for (i, row) in data.rowsRead.enumerated() {
      var cells = [String(row)]
      if data.idColumn != nil { cells.append(field(data.idsRead?[i] ?? "")) }
      if let r = scoreRow[i] {
        cells += (0..<estimate.constructNames.count).map { "\(estimate.scores[r, $0])" }
      } else {
        cells += Array(repeating: "", count: estimate.constructNames.count)
      }
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break.
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
