import DelimitedText
import Foundation

extension SurveyResponses {
  /// The responses as delimited text: a header of item ids and one line per respondent.
  ///
  /// - Parameters:
  ///   - delimiter: the field separator (comma by default).
  ///   - answersAsGiven: write reverse-coded items as answered (undoing the recoding), as a
  ///     questionnaire export would hold them; otherwise write the recoded values.
  ///   - respondentColumn: the name of a first column numbering respondents from 1, or nil for none.
  /// Whole numbers are written without a decimal point, missing values as empty fields; fields
  /// holding the delimiter, a quote or a line break are quoted.
  public func csvText(
    delimiter: Delimiter = .comma, answersAsGiven: Bool = true,
    respondentColumn: String? = "respondent"
  )
    -> String
  {
    let data = answersAsGiven ? rawValues() : values
    let separator = delimiter.character
    func quoted(_ field: String) -> String {
      guard
        field.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" || String($0) == separator })
      else {
        return field
      }
      return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    var lines: [String] = []
    lines.reserveCapacity(respondentCount + 1)
    lines.append(
      ((respondentColumn.map { [$0] } ?? []) + itemIDs).map(quoted).joined(separator: separator))
    for i in 0..<respondentCount {
      var fields: [String] = respondentColumn == nil ? [] : [String(i + 1)]
      for j in itemIDs.indices {
        let value = data[i + j * respondentCount]
        fields.append(value.isNaN ? "" : NumberText.format(value))
      }
      lines.append(fields.joined(separator: separator))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
