/// The byte that separates fields in a record.
///
/// The raw value is the ASCII code of the separator, so the tokenizer compares bytes directly.
public enum Delimiter: UInt8, Sendable, CaseIterable {
  /// `,` — comma-separated values (RFC 4180).
  case comma = 44
  /// `;` — the usual separator of spreadsheet exports in locales that write decimal commas.
  case semicolon = 59
  /// Horizontal tab — tab-separated values.
  case tab = 9

  /// A readable name of the separator, for messages.
  public var name: String {
    switch self {
    case .comma: "comma"
    case .semicolon: "semicolon"
    case .tab: "tab"
    }
  }

  /// The separator as a one-character string.
  public var character: String {
    switch self {
    case .comma: ","
    case .semicolon: ";"
    case .tab: "\t"
    }
  }
}
