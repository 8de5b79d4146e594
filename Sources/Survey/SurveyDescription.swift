/// Everything `plssem describe` reports about a response file: item and construct statistics,
/// response-quality flags, and the issues met while reading.
public struct SurveyDescription: Sendable, Equatable, Codable {
  /// The response file.
  public var source: String
  /// The codebook's instrument name.
  public var instrument: String
  /// The number of respondents read.
  public var respondents: Int
  /// One entry per item column, in codebook order.
  public var items: [Descriptives]
  /// One entry per construct score (mean of the construct's answered items).
  public var constructs: [Descriptives]
  /// One entry per respondent.
  public var respondentQuality: [RespondentQuality]
  /// Respondents who gave the same answer to every item they answered (at least two).
  public var straightLiners: Int
  /// The share of missing items above which a respondent is counted below.
  public var missingShareThreshold: Double
  /// Respondents whose share of missing items exceeds ``missingShareThreshold``.
  public var respondentsAboveMissingThreshold: Int
  /// Problems and notes from reading the file.
  public var issues: [ResponseIssue]
  /// The column naming the respondents, when one was named.
  public var idColumn: String?

  /// The respondents flagged for straight-lining or a missing share above the threshold, in
  /// file order, each with its row and id (``RespondentQuality/place``).
  public var flaggedRespondents: [RespondentQuality] {
    respondentQuality.filter { $0.straightLining || $0.missingShare > missingShareThreshold }
  }
}
