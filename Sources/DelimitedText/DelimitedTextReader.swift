/// Reads delimited text (CSV, semicolon-separated exports, TSV) into records of string fields.
///
/// The reader holds the whole input as bytes and tokenises it on demand with
/// ``forEachRecord(_:)`` or ``records()``. It follows RFC 4180 with the relaxations that real
/// exports need:
///
/// - the delimiter may be comma, semicolon or tab, and is detected when not given
///   (see ``detectDelimiter(in:)``);
/// - a UTF-8 byte-order mark at the start is skipped;
/// - records end at CRLF, LF or a lone CR; a line break, delimiter or doubled quote (`""`) inside
///   a quoted field belongs to the field;
/// - a quote inside an *unquoted* field is kept as a literal character (`5" screen`);
/// - line breaks at the very end of the input do not make records; an empty line elsewhere is a
///   record with one empty field, so that callers can report or skip it.
///
/// Fields are returned exactly as written: no trimming, no type conversion. Checking that records
/// have as many fields as the header is the caller's job (it knows whether ragged rows are an
/// error); ``DelimitedTextError`` has kinds for those reports.
///
/// Every failure is a ``DelimitedTextError`` naming the source, the 1-based physical line and,
/// where it applies, the 1-based field index. No input crashes or hangs the reader: the work is a
/// single linear pass over the bytes.
public struct DelimitedTextReader: Sendable {
  /// The field separator: the one given to the initializer, or the detected one.
  public let delimiter: Delimiter
  /// The file path, or the name given to ``init(bytes:delimiter:source:)``; used in errors.
  public let source: String

  /// The input as read, byte-order mark included.
  public let bytes: [UInt8]
  /// The offset of the first byte after the byte-order mark, if any.
  let contentStart: Int

  /// A reader over `bytes`.
  ///
  /// Strips a UTF-8 BOM; detects the delimiter from the first record when `delimiter` is nil
  /// (count comma/semicolon/tab outside quotes; tie → comma).
  ///
  /// - Throws: ``DelimitedTextError/Kind/empty`` when the input holds nothing but a BOM and line
  ///   breaks; ``DelimitedTextError/Kind/unsupportedEncoding(_:)`` for a UTF-16 or UTF-32 BOM.
  public init(bytes: [UInt8], delimiter: Delimiter? = nil, source: String = "<input>")
    throws(DelimitedTextError)
  {
    self.source = source
    self.bytes = bytes
    if let encoding = Self.foreignEncoding(of: bytes) {
      throw DelimitedTextError(.unsupportedEncoding(encoding), source: source, line: 1)
    }
    let start = Self.hasUTF8ByteOrderMark(bytes) ? 3 : 0
    self.contentStart = start
    let isEmpty = bytes[start...].allSatisfy { $0 == Self.lineFeed || $0 == Self.carriageReturn }
    if isEmpty { throw DelimitedTextError(.empty, source: source, line: 1) }
    self.delimiter = delimiter ?? Self.detectDelimiter(in: bytes[start...])
  }

  /// A reader over the file at `path`; ``source`` is the path.
  ///
  /// - Throws: ``DelimitedTextError/Kind/fileNotFound`` or
  ///   ``DelimitedTextError/Kind/unreadableFile(_:)`` (a directory, no permission, an I/O error),
  ///   and everything ``init(bytes:delimiter:source:)`` throws.
  public init(contentsOfFile path: String, delimiter: Delimiter? = nil) throws(DelimitedTextError) {
    let bytes = try Self.readFile(path)
    try self.init(bytes: bytes, delimiter: delimiter, source: path)
  }

  static let lineFeed: UInt8 = 10
  static let carriageReturn: UInt8 = 13
  static let quote: UInt8 = 34

  static func hasUTF8ByteOrderMark(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
  }

  /// The name of the encoding announced by a UTF-16/UTF-32 byte-order mark, if there is one.
  static func foreignEncoding(of bytes: [UInt8]) -> String? {
    if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 {
      return "UTF-32 little-endian"
    }
    if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
      return "UTF-32 big-endian"
    }
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16 little-endian" }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16 big-endian" }
    return nil
  }

  /// The whole file at `path` (``WholeFile``), its failure as this module's error.
  static func readFile(_ path: String) throws(DelimitedTextError) -> [UInt8] {
    do {
      return try WholeFile.bytes(atPath: path)
    } catch .notFound {
      throw DelimitedTextError(.fileNotFound, source: path, line: 1)
    } catch {
      throw DelimitedTextError(.unreadableFile(error.reason), source: path, line: 1)
    }
  }
}
