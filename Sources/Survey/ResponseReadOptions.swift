import DelimitedText

/// How ``ResponseReader`` treats a response file.
public struct ResponseReadOptions: Sendable, Equatable {
  /// What to do with problems in the data.
  public enum Strictness: String, Sendable, Equatable, Codable, CaseIterable {
    /// Read the whole file, then throw ``SurveyError/invalidResponses(source:problems:)`` with
    /// every problem found if there was any.
    case strict
    /// Mark each bad cell missing and skip each malformed record, list every problem in
    /// ``SurveyResponses/issues``, and return the data.
    case lenient
  }

  /// When a comma inside a value is a decimal separator (`3,5` = 3.5).
  public enum DecimalComma: String, Sendable, Equatable, Codable, CaseIterable {
    /// Accept decimal commas when the delimiter is not a comma (semicolon- or tab-separated
    /// files, as spreadsheets write them in locales with decimal commas).
    case automatic
    /// Always accept them (a quoted `"3,5"` in a comma-separated file then means 3.5).
    case always
    /// Never: `3,5` is not a number.
    case never
  }

  /// Strict (the default) or lenient.
  public var strictness: Strictness
  /// The delimiter, or nil to detect it from the header (comma, semicolon or tab).
  public var delimiter: Delimiter?
  /// Decimal-comma handling; ``DecimalComma/automatic`` by default.
  public var decimalComma: DecimalComma
  /// Whether reverse-coded items are recoded `points + 1 − x` (default true).
  public var reverseCoding: Bool
  /// Missing codes used besides the codebook's own (such as a CLI's `--missing-code`).
  public var additionalMissingCodes: [Double]
  /// The worksheet of an `.xlsx` workbook to read; nil for the first.
  public var sheet: String?
  /// A column naming the respondents (an id, a name), kept in
  /// ``SurveyResponses/respondentIDs`` to name them in reports; nil for none.
  public var idColumn: String?

  /// Options with the given values; the defaults read strictly with detection on.
  public init(
    strictness: Strictness = .strict, delimiter: Delimiter? = nil,
    decimalComma: DecimalComma = .automatic,
    reverseCoding: Bool = true, additionalMissingCodes: [Double] = [], sheet: String? = nil,
    idColumn: String? = nil
  ) {
    self.strictness = strictness
    self.delimiter = delimiter
    self.decimalComma = decimalComma
    self.reverseCoding = reverseCoding
    self.additionalMissingCodes = additionalMissingCodes
    self.sheet = sheet
    self.idColumn = idColumn
  }
}
