/// Number formatting for messages and written files (cells are parsed by DataFiles'
/// `DataSheet.decimal(_:decimalComma:)`).
enum NumberText {
  /// `3` for integral values, otherwise Swift's shortest round-tripping form (`3.5`).
  static func format(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
