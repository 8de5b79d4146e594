/// One cell of a data file, as the file holds it.
///
/// Text files hold only text; spreadsheets and statistics packages also hold typed numbers and
/// declared missing values. Readers never guess: a CSV cell `4` is ``text(_:)`` (the consumer
/// decides how to read numbers, decimal commas and missing spellings), an xlsx number cell is
/// ``number(_:)``.
public enum DataCell: Sendable, Equatable, Hashable {
  /// Nothing in the cell (an empty spreadsheet cell, an empty CSV field, SPSS system-missing).
  case empty
  /// A number the file stores as a number.
  case number(Double)
  /// Text as the file holds it (CSV fields, spreadsheet strings, dates written as ISO text).
  case text(String)
  /// A value the file itself declares missing: an SPSS user-defined missing value (its code) or
  /// a Stata extended missing value `.a`–`.z` (nil code).
  case declaredMissing(Double?)

  /// The cell as text for messages and headers: numbers in their shortest form (`4`, `3.5`).
  public var text: String {
    switch self {
    case .empty: ""
    case .number(let value): NumberFormatting.shortest(value)
    case .text(let text): text
    case .declaredMissing(let code): code.map(NumberFormatting.shortest) ?? "."
    }
  }

  /// True for ``empty`` and for text made only of whitespace.
  public var isBlank: Bool {
    switch self {
    case .empty: true
    case .text(let text): text.allSatisfy(\.isWhitespace)
    case .number, .declaredMissing: false
    }
  }
}

/// Number formatting shared by the readers.
enum NumberFormatting {
  /// `3` for integral values below 10^15, otherwise Swift's shortest round-tripping form.
  static func shortest(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
