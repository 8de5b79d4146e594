/// Number formatting and parsing for messages and response cells.
enum NumberText {
  /// `3` for integral values, otherwise Swift's shortest round-tripping form (`3.5`).
  static func format(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// The value of a decimal number written `[+-]digits[.digits][e[+-]digits]`, or nil.
  ///
  /// Stricter than `Double(String)`, which also accepts `nan`, `inf` and hexadecimal forms that
  /// no questionnaire export means as answers. With `decimalComma`, a single `,` may stand for
  /// the decimal point (`3,5`), as in semicolon-separated exports of many locales.
  static func parse(_ text: String, decimalComma: Bool) -> Double? {
    var bytes = Array(text.utf8)
    var i = 0
    if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
    var digits = 0
    while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
      i += 1
      digits += 1
    }
    if i < bytes.count,
      bytes[i] == UInt8(ascii: ".") || (decimalComma && bytes[i] == UInt8(ascii: ","))
    {
      bytes[i] = UInt8(ascii: ".")
      i += 1
      while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
        i += 1
        digits += 1
      }
    }
    guard digits > 0 else { return nil }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      var exponentDigits = 0
      while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
        i += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return nil }
    }
    guard i == bytes.count, let value = Double(String(decoding: bytes, as: UTF8.self)),
      value.isFinite
    else {
      return nil
    }
    return value
  }
}
