/// A problem found while reading delimited text, with the place where it was found.
///
/// The tokenizer raises the structural kinds (``Kind/empty``, ``Kind/unterminatedQuote``,
/// ``Kind/invalidUTF8``, ``Kind/unexpectedCharacterAfterQuote`` and the file kinds); callers that
/// check the table's shape raise the others (``Kind/wrongFieldCount(expected:found:)``,
/// ``Kind/duplicateHeader(_:)``, ``Kind/emptyHeader``) with the same positions, so that every
/// message about a file reads alike:
///
///     data.csv:12: column 3: unterminated quoted field
public struct DelimitedTextError: Error, CustomStringConvertible, Equatable, Sendable {
  /// What went wrong.
  public enum Kind: Equatable, Sendable {
    /// The input holds no record: no bytes, only a byte-order mark, or only line breaks.
    case empty
    /// A quoted field opens on this line and the input ends before its closing quote.
    case unterminatedQuote
    /// A field's bytes are not valid UTF-8.
    case invalidUTF8
    /// A closing quote is followed by something other than a delimiter, a line break or the end.
    case unexpectedCharacterAfterQuote
    /// A record has `found` fields where the header has `expected` (raised by callers).
    case wrongFieldCount(expected: Int, found: Int)
    /// The header names a column twice (raised by callers).
    case duplicateHeader(String)
    /// A header field is empty (raised by callers).
    case emptyHeader
    /// No file exists at the path.
    case fileNotFound
    /// The file exists but cannot be read; the payload says why.
    case unreadableFile(String)
    /// The input starts with a byte-order mark of an encoding other than UTF-8, e.g.
    /// `"UTF-16 little-endian"` (spreadsheet "Unicode text" exports).
    case unsupportedEncoding(String)
  }

  /// What went wrong.
  public let kind: Kind
  /// The file path, or a name the caller chose (`"<input>"` by default).
  public let source: String
  /// The 1-based physical line of the input where the problem is.
  public let line: Int
  /// The 1-based field index in the record, when the problem belongs to one field.
  public let column: Int?

  /// An error of `kind` at `line` (and `column`, if any) of `source`.
  public init(_ kind: Kind, source: String, line: Int, column: Int? = nil) {
    self.kind = kind
    self.source = source
    self.line = line
    self.column = column
  }

  /// `source:line: column N: message`, the shape compilers use, so editors can jump to it.
  public var description: String {
    var text = "\(source):\(line): "
    if let column { text += "column \(column): " }
    return text + message
  }

  /// The message without its position.
  public var message: String {
    switch kind {
    case .empty: "no records: the input is empty"
    case .unterminatedQuote: "unterminated quoted field"
    case .invalidUTF8: "field is not valid UTF-8 text"
    case .unexpectedCharacterAfterQuote:
      "unexpected character after a closing quote (a quote inside a quoted field must be doubled)"
    case .wrongFieldCount(let expected, let found):
      "record has \(found) field\(found == 1 ? "" : "s"), the header has \(expected)"
    case .duplicateHeader(let name): "duplicate column name \"\(name)\" in the header"
    case .emptyHeader: "empty column name in the header"
    case .fileNotFound: "no such file"
    case .unreadableFile(let reason): "cannot read the file: \(reason)"
    case .unsupportedEncoding(let encoding):
      "the text is encoded as \(encoding); save it as UTF-8 (CSV UTF-8) instead"
    }
  }
}
