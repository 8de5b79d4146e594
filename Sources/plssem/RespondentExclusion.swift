import ArgumentParser
import Foundation
import PLSSEM
import Survey

/// `--exclude-rows 5,17,30-32`: row numbers and ranges.
enum RowList {
  /// The rows of `text` in the order given, without repeats; a usage error for anything that is
  /// not a list of positive whole numbers and ranges (at most 10 million rows).
  static func parse(_ text: String) throws -> [Int] {
    var rows: [Int] = []
    var seen: Set<Int> = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let item = part.trimmingCharacters(in: .whitespaces)
      if item.isEmpty, text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      let bounds = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
      guard let low = Int(bounds[0].trimmingCharacters(in: .whitespaces)), low >= 1,
        let high = bounds.count == 2 ? Int(bounds[1].trimmingCharacters(in: .whitespaces)) : low,
        high >= low
      else {
        throw ValidationError(
          "--exclude-rows takes row numbers and ranges such as 5,17,30-32 (got '\(item)')")
      }
      guard high - low < 10_000_000, rows.count + (high - low) < 10_000_000 else {
        throw ValidationError("--exclude-rows: the range '\(item)' is too large")
      }
      for row in low...high where seen.insert(row).inserted { rows.append(row) }
    }
    return rows
  }
}

/// A respondent left out before estimation, and why.
struct ExcludedRespondent {
  /// Its position among the rows read.
  var index: Int
  /// `row 12 (id R011)`.
  var place: String
  /// Why: `--exclude-rows`, `straight-lining`, `missing 40% of the items`.
  var reasons: [String]
}

/// Applies `--exclude-rows`, `--exclude-straightliners` and `--exclude-missing-above` to the
/// data read: the table loses those rows, and what was dropped is returned (and printed as one
/// note). Straight-lining and the missing share are judged on the answers as given: the
/// codebook's items when the data was read through one, else the model's indicators.
func excludeRespondents(_ data: LoadedData, input: InputOptions, model: PathModel) throws
  -> (data: LoadedData, excluded: [ExcludedRespondent])
{
  let rowsToDrop = try input.excludedRowNumbers
  guard !rowsToDrop.isEmpty || input.excludeStraightliners || input.excludeMissingAbove != nil
  else { return (data, []) }
  let count = data.rowsRead.count
  var reasons = [[String]](repeating: [], count: count)
  if !rowsToDrop.isEmpty {
    let index = Dictionary(
      data.rowsRead.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    for row in rowsToDrop {
      guard let i = index[row] else {
        let range =
          data.rowsRead.isEmpty ? "none" : "\(data.rowsRead.first ?? 0)–\(data.rowsRead.last ?? 0)"
        throw InputError(
          description:
            "\(data.table.source): --exclude-rows \(row): no respondent is on row \(row) (respondents are on rows \(range))"
        )
      }
      reasons[i].append("--exclude-rows")
    }
  }
  if input.excludeStraightliners || input.excludeMissingAbove != nil {
    let quality = respondentQuality(data, model: model)
    for (i, q) in quality.enumerated() {
      if input.excludeStraightliners, q.straightLining { reasons[i].append("straight-lining") }
      if let share = input.excludeMissingAbove, q.missingShare > share {
        reasons[i].append(
          "missing \(Int((q.missingShare * 100).rounded()))% of the items (above \(Int((share * 100).rounded()))%)"
        )
      }
    }
  }
  let excluded = reasons.indices.filter { !reasons[$0].isEmpty }.map {
    ExcludedRespondent(index: $0, place: data.place(ofRead: $0), reasons: reasons[$0])
  }
  guard !excluded.isEmpty else {
    Console.note("\(data.table.source): no respondent met the exclusion rules; all \(count) kept")
    return (data, [])
  }
  guard excluded.count < count else {
    throw InputError(
      description:
        "\(data.table.source): the exclusion rules leave no respondent (all \(count) excluded)")
  }
  let dropped = Set(excluded.map(\.index))
  let kept = (0..<count).filter { !dropped.contains($0) }
  var result = data
  result.table = try data.table.selectingRows(kept)
  result.keptIndices = kept
  Console.note(exclusionSummary(excluded, of: count, source: data.table.source))
  return (result, excluded)
}

/// `excluded 3 of 100 respondents before estimation: --exclude-rows: row 5; straight-lining: row 12 (id R011), row 40`.
func exclusionSummary(_ excluded: [ExcludedRespondent], of count: Int, source: String) -> String {
  var byReason: [(String, [String])] = []
  for respondent in excluded {
    let reason = respondent.reasons.joined(separator: " and ")
    if let k = byReason.firstIndex(where: { $0.0 == reason }) {
      byReason[k].1.append(respondent.place)
    } else {
      byReason.append((reason, [respondent.place]))
    }
  }
  let parts = byReason.map { reason, places in
    let shown = places.prefix(20).joined(separator: ", ")
    return "\(reason): \(shown)\(places.count > 20 ? " and \(places.count - 20) more" : "")"
  }
  return
    "\(source): excluded \(excluded.count) of \(count) respondents before estimation; \(parts.joined(separator: "; "))"
}

/// Each row's answer pattern: from the codebook's items as answered, or the model's indicators.
func respondentQuality(_ data: LoadedData, model: PathModel) -> [RespondentQuality] {
  if let responses = data.responses { return responses.respondentQuality() }
  let columns = model.indicators.compactMap { data.table.column(named: $0) }
  return data.rowsRead.indices.map { i in
    RespondentQuality(
      respondent: i, line: 0, row: data.rowsRead[i], id: data.idsRead?[i],
      answers: columns.map { $0[i] })
  }
}
