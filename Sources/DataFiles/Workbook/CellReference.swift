/// A cell's place in a worksheet: `B7` is column 2, row 7 (both 1-based).
struct CellReference: Equatable {
  var column: Int
  var row: Int

  /// Parses `A1`-style references (`$` signs allowed); nil for anything else or beyond
  /// 1 … 2^24 in either part.
  init?(_ text: String) {
    var column = 0
    var row = 0
    var sawLetter = false
    var sawDigit = false
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "$"): continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
        guard !sawDigit else { return nil }
        column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
        sawLetter = true
        guard column <= 1 << 24 else { return nil }
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        sawDigit = true
        guard row <= 1 << 24 else { return nil }
      default: return nil
      }
    }
    guard sawLetter, sawDigit, row >= 1 else { return nil }
    self.column = column
    self.row = row
  }

  init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }

  /// `B7`.
  var name: String { Self.columnName(column) + String(row) }

  /// `A`, `B`, …, `Z`, `AA`, …
  static func columnName(_ column: Int) -> String {
    var n = column
    var letters: [Character] = []
    while n > 0 {
      let remainder = (n - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
      n = (n - 1) / 26
    }
    return String(letters.reversed())
  }
}
