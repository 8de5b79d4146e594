/// Compares text that contains printed numbers — rendered tables, CSV, Markdown — so that the
/// comparison does not depend on the CPU.
///
/// OpenBLAS picks different kernels on different CPUs (AVX-512, AVX2, SSE), so computed values
/// differ between machines in their last bits. Text is therefore compared as a sequence of
/// *numbers* and the *text between them*:
///
/// - the text between numbers must be equal (runs of spaces may differ in length, so a column
///   padded to a number whose printed width changed still matches);
/// - every number may differ from its counterpart by `relativeTolerance · max(1, |expected|)`
///   (full-precision numbers such as `4.85e-17` or `0.9999999999999972`; for an integer such as
///   `344` this is exact below 1 / `relativeTolerance`);
/// - a fixed-point number (`0.162`, `-0.000`, `11.62`) may also differ by one unit in its last
///   printed digit when both sides print the same number of decimals (a fixed-decimal format): a
///   value that rounds to `0.1235` on one CPU may round to `0.1234` on another. Shortest
///   round-trip numbers (`0.5` against `0.5000001`) get the relative tolerance only.
///
/// Numbers are ASCII decimal literals that do not touch a letter, digit, `_` or `.` on either
/// side, so identifiers like `comp_1` or `x2` are text.
public enum NumericText {
  /// One printed number.
  struct Number: Equatable {
    var value: Double
    /// One unit in the last printed digit of a fixed-point number (0 for integers and numbers
    /// with an exponent).
    var lastDigit: Double
  }

  /// A line split into text and numbers: `text[0] number[0] text[1] … number[n-1] text[n]`.
  struct Split: Equatable {
    var text: [String]
    var numbers: [Number]
  }

  /// Whether `actual` matches `expected` under the rules above.
  public static func matches(_ actual: String, _ expected: String, relativeTolerance: Double)
    -> Bool
  {
    if actual == expected { return true }
    let a = split(actual)
    let e = split(expected)
    guard a.numbers.count == e.numbers.count,
      zip(a.text, e.text).allSatisfy({ collapsingSpaces($0) == collapsingSpaces($1) })
    else { return false }
    for (x, y) in zip(a.numbers, e.numbers) {
      let roundingFlip = x.lastDigit == y.lastDigit ? x.lastDigit : 0
      let allowed = max(relativeTolerance * max(1, abs(y.value)), roundingFlip)
      let difference = abs(x.value - y.value)
      // A little slack on the last-digit allowance: the decimal values themselves are rounded.
      if !(difference <= allowed * (1 + 1e-9)) { return false }
    }
    return true
  }

  /// The first line where `actual` and `expected` do not match (1-based), with both lines; nil
  /// when every line matches and the line counts agree.
  public static func firstMismatch(
    _ actual: String, _ expected: String, relativeTolerance: Double
  ) -> (line: Int, expected: String, actual: String)? {
    if actual == expected { return nil }
    let actualLines = actual.components(separatedBy: "\n")
    let expectedLines = expected.components(separatedBy: "\n")
    for k in 0..<max(actualLines.count, expectedLines.count) {
      let a = k < actualLines.count ? actualLines[k] : "<end>"
      let e = k < expectedLines.count ? expectedLines[k] : "<end>"
      if k >= actualLines.count || k >= expectedLines.count
        || !matches(a, e, relativeTolerance: relativeTolerance)
      {
        return (k + 1, e, a)
      }
    }
    return nil
  }

  static func split(_ line: String) -> Split {
    let bytes = Array(line.utf8)
    var text: [String] = []
    var numbers: [Number] = []
    var textStart = 0
    var i = 0
    while i < bytes.count {
      if let (number, end) = number(in: bytes, at: i) {
        text.append(String(decoding: bytes[textStart..<i], as: UTF8.self))
        numbers.append(number)
        textStart = end
        i = end
      } else {
        i += 1
      }
    }
    text.append(String(decoding: bytes[textStart..<bytes.count], as: UTF8.self))
    return Split(text: text, numbers: numbers)
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
  private static func isWordByte(_ b: UInt8) -> Bool {
    isDigit(b) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2E
      || b >= 0x80
  }

  /// The number starting at `start` (`-?digits[.digits][e±digits]` or `-?.digits…`), if one
  /// starts there and is not part of a word.
  private static func number(in bytes: [UInt8], at start: Int) -> (Number, Int)? {
    if start > 0 && isWordByte(bytes[start - 1]) { return nil }
    var i = start
    if bytes[i] == 0x2D || bytes[i] == 0x2B { i += 1 }  // sign
    let integerStart = i
    while i < bytes.count && isDigit(bytes[i]) { i += 1 }
    let integerDigits = i - integerStart
    var fractionDigits = 0
    var hasPoint = false
    if i < bytes.count && bytes[i] == 0x2E, i + 1 < bytes.count, isDigit(bytes[i + 1]) {
      hasPoint = true
      i += 1
      while i < bytes.count && isDigit(bytes[i]) {
        i += 1
        fractionDigits += 1
      }
    }
    guard integerDigits > 0 || fractionDigits > 0 else { return nil }
    var hasExponent = false
    if i < bytes.count && (bytes[i] == 0x65 || bytes[i] == 0x45) {
      var j = i + 1
      if j < bytes.count && (bytes[j] == 0x2D || bytes[j] == 0x2B) { j += 1 }
      let digitsStart = j
      while j < bytes.count && isDigit(bytes[j]) { j += 1 }
      if j > digitsStart {
        hasExponent = true
        i = j
      }
    }
    if i < bytes.count && isWordByte(bytes[i]) && bytes[i] != 0x2E { return nil }
    if i < bytes.count && bytes[i] == 0x2E, i + 1 < bytes.count, isDigit(bytes[i + 1]) {
      return nil  // a version or a dotted path, e.g. 1.2.3
    }
    guard let value = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else { return nil }
    let lastDigit = hasPoint && !hasExponent ? pow10(-fractionDigits) : 0
    return (Number(value: value, lastDigit: lastDigit), i)
  }

  /// 10^-k for k ≥ 0.
  private static func pow10(_ minusK: Int) -> Double {
    var result = 1.0
    for _ in 0..<min(-minusK, 400) { result /= 10 }
    return result
  }

  private static func collapsingSpaces(_ text: String) -> String {
    var out = ""
    var previousWasSpace = false
    for c in text {
      if c == " " {
        if !previousWasSpace { out.append(c) }
        previousWasSpace = true
      } else {
        out.append(c)
        previousWasSpace = false
      }
    }
    return out
  }
}
