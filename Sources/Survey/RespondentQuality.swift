/// Response-quality indicators of one respondent, computed on the answers as given (before
/// reverse coding, so that ticking the same box everywhere shows as such).
public struct RespondentQuality: Sendable, Equatable, Codable {
  /// The respondent's 0-based position in ``SurveyResponses``.
  public var respondent: Int
  /// The physical line of the source where the respondent's record starts (0 if not from a
  /// text file).
  public var line: Int
  /// The respondent's row in the source (spreadsheet row, header = 1; SPSS/Stata case number).
  public var row: Int
  /// The respondent's id (the id column's text), if an id column was named.
  public var id: String?
  /// Items answered.
  public var answered: Int
  /// Items left missing.
  public var missing: Int
  /// `missing / (answered + missing)`.
  public var missingShare: Double
  /// True when at least two items are answered and every answer is the same scale point
  /// (straight-lining, a sign of inattentive answering).
  public var straightLining: Bool
  /// The longest run of identical consecutive answers in questionnaire order, skipping missing
  /// items (the "longstring" index of Johnson 2005).
  public var longestRun: Int

  /// The indicators of one respondent's `answers` (NaN = missing), in questionnaire order.
  public init(respondent: Int, line: Int, row: Int? = nil, id: String? = nil, answers: [Double]) {
    self.respondent = respondent
    self.line = line
    self.row = row ?? respondent + 2
    self.id = id
    let given = answers.filter { !$0.isNaN }
    answered = given.count
    missing = answers.count - given.count
    missingShare = answers.isEmpty ? 0 : Double(missing) / Double(answers.count)
    straightLining = given.count >= 2 && given.allSatisfy { $0 == given[0] }
    var longest = given.isEmpty ? 0 : 1
    var run = 1
    for index in given.indices.dropFirst() {
      run = given[index] == given[index - 1] ? run + 1 : 1
      longest = max(longest, run)
    }
    longestRun = longest
  }

  /// `row 12` or `row 12 (id R011)`, as reports name the respondent.
  public var place: String {
    "row \(row)" + (id.map { $0.isEmpty ? "" : " (id \($0))" } ?? "")
  }
}
