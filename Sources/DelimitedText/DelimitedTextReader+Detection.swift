extension DelimitedTextReader {
  /// The delimiter of the text whose first record starts at `bytes.startIndex`.
  ///
  /// Counts commas, semicolons and tabs outside quotes in the first record (up to the first line
  /// break outside quotes) and picks the most frequent; on a tie, including a record with none of
  /// them (a single column), the earlier of comma, semicolon, tab wins.
  ///
  /// A header line is usually the first record, and header cells of spreadsheet exports rarely
  /// hold unquoted delimiters, which makes this count reliable. When it is not, pass the delimiter.
  public static func detectDelimiter(in bytes: ArraySlice<UInt8>) -> Delimiter {
    var counts: [Delimiter: Int] = [.comma: 0, .semicolon: 0, .tab: 0]
    var inQuotes = false
    for byte in bytes {
      if byte == quote {
        inQuotes.toggle()
        continue
      }
      if inQuotes { continue }
      if byte == lineFeed || byte == carriageReturn { break }
      if let delimiter = Delimiter(rawValue: byte) { counts[delimiter, default: 0] += 1 }
    }
    var best = Delimiter.comma
    for candidate in Delimiter.allCases
    where counts[candidate, default: 0] > counts[best, default: 0] {
      best = candidate
    }
    return best
  }
}
