extension DelimitedTextReader {
  /// Visits every record in order (the header is record 0).
  ///
  /// `line` is the 1-based physical line where the record starts. Quoted fields may contain
  /// delimiters, doubled quotes and newlines. CRLF and LF both end records. A trailing empty line
  /// is not a record.
  ///
  /// Records are produced one at a time, so a caller that keeps only what it needs reads large
  /// files in little memory beyond the input bytes.
  ///
  /// - Throws: a ``DelimitedTextError`` for malformed text (the records before it have been
  ///   visited), or whatever `body` throws, unchanged; either stops the scan.
  public func forEachRecord(_ body: (_ index: Int, _ line: Int, _ fields: [String]) throws -> Void)
    throws
  {
    var failure: (any Error)?
    let textError = scan { index, line, fields in
      do {
        try body(index, line, fields)
        return true
      } catch {
        failure = error
        return false
      }
    }
    if let failure { throw failure }
    if let textError { throw textError }
  }

  /// All records, header first, with the physical line where each starts.
  ///
  /// - Throws: the first ``DelimitedTextError`` of the input.
  public func records() throws(DelimitedTextError) -> [(line: Int, fields: [String])] {
    var result: [(line: Int, fields: [String])] = []
    let textError = scan { _, line, fields in
      result.append((line, fields))
      return true
    }
    if let textError { throw textError }
    return result
  }

  /// The tokenizer: one pass over the bytes, calling `body` for each record until it returns
  /// `false`. Returns the error that stopped it, if any.
  ///
  /// Fields are built from byte slices of the input; bytes are only copied for a quoted field
  /// that contains doubled quotes. A field whose bytes are all ASCII skips UTF-8 validation.
  func scan(_ body: (_ index: Int, _ line: Int, _ fields: [String]) -> Bool) -> DelimitedTextError?
  {
    let separator = delimiter.rawValue
    let lf = Self.lineFeed
    let cr = Self.carriageReturn
    let quote = Self.quote
    let start = contentStart
    let source = source
    return bytes.withUnsafeBufferPointer { buffer -> DelimitedTextError? in
      let end = buffer.count
      var i = start
      var line = 1
      var index = 0
      var fields: [String] = []
      var scratch: [UInt8] = []
      // Input before this offset is known to be followed by a non-line-break byte.
      var nonBlankAhead = start

      func text(_ lower: Int, _ upper: Int, checked: Bool) -> String? {
        let slice = UnsafeBufferPointer(rebasing: buffer[lower..<upper])
        return checked
          ? String(validating: slice, as: UTF8.self) : String(decoding: slice, as: UTF8.self)
      }

      while i < end {
        let recordLine = line
        if i >= nonBlankAhead, buffer[i] == lf || buffer[i] == cr {
          var j = i
          while j < end, buffer[j] == lf || buffer[j] == cr { j += 1 }
          if j == end { break }  // only line breaks remain: no more records
          nonBlankAhead = j
        }
        fields.removeAll(keepingCapacity: true)
        var column = 1
        fieldLoop: while true {
          if i < end, buffer[i] == quote {
            let openingLine = line
            i += 1
            var segment = i
            var copied = false
            var high: UInt8 = 0
            var closed = false
            while i < end {
              let byte = buffer[i]
              if byte == quote {
                if i + 1 < end, buffer[i + 1] == quote {
                  if !copied {
                    scratch.removeAll(keepingCapacity: true)
                    copied = true
                  }
                  scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segment...i]))
                  i += 2
                  segment = i
                  continue
                }
                closed = true
                break
              }
              if byte == lf {
                line += 1
              } else if byte == cr, !(i + 1 < end && buffer[i + 1] == lf) {
                line += 1
              }
              high |= byte
              i += 1
            }
            guard closed else {
              return DelimitedTextError(
                .unterminatedQuote, source: source, line: openingLine, column: column)
            }
            let field: String?
            if copied {
              scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segment..<i]))
              field =
                high & 0x80 == 0
                ? String(decoding: scratch, as: UTF8.self)
                : String(validating: scratch, as: UTF8.self)
            } else {
              field = text(segment, i, checked: high & 0x80 != 0)
            }
            guard let field else {
              return DelimitedTextError(
                .invalidUTF8, source: source, line: openingLine, column: column)
            }
            fields.append(field)
            i += 1  // past the closing quote
            if i == end { break fieldLoop }
            let next = buffer[i]
            if next == separator {
              i += 1
              column += 1
              continue fieldLoop
            }
            if next == lf || next == cr {
              i += (next == cr && i + 1 < end && buffer[i + 1] == lf) ? 2 : 1
              line += 1
              break fieldLoop
            }
            return DelimitedTextError(
              .unexpectedCharacterAfterQuote, source: source, line: line, column: column)
          } else {
            let first = i
            var high: UInt8 = 0
            while i < end {
              let byte = buffer[i]
              if byte == separator || byte == lf || byte == cr { break }
              high |= byte
              i += 1
            }
            guard let field = text(first, i, checked: high & 0x80 != 0) else {
              return DelimitedTextError(.invalidUTF8, source: source, line: line, column: column)
            }
            fields.append(field)
            if i == end { break fieldLoop }
            let next = buffer[i]
            if next == separator {
              i += 1
              column += 1
              continue fieldLoop
            }
            i += (next == cr && i + 1 < end && buffer[i + 1] == lf) ? 2 : 1
            line += 1
            break fieldLoop
          }
        }
        if !body(index, recordLine, fields) { return nil }
        index += 1
      }
      return nil
    }
  }
}
