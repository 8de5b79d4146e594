/// A column of a data file: its name, the labels a statistics package keeps with it, and its cells.
public struct DataColumn: Sendable, Equatable {
  /// The header text (CSV, xlsx) or variable name (SPSS, Stata).
  public var name: String
  /// The variable label (SPSS, Stata): usually the question text. Nil for text files and
  /// spreadsheets.
  public var label: String?
  /// The value labels (SPSS, Stata), in ascending order of value: `1 = "Sangat tidak setuju"`, …
  public var valueLabels: [ValueLabel]
  /// The cells, one per data row of the sheet.
  public var cells: [DataCell]

  /// A column with the given parts.
  public init(
    name: String, label: String? = nil, valueLabels: [ValueLabel] = [], cells: [DataCell]
  ) {
    self.name = name
    self.label = label
    self.valueLabels = valueLabels
    self.cells = cells
  }

  /// The label of `value`, if the file gives one.
  public func label(of value: Double) -> String? {
    valueLabels.first { $0.value == value }?.label
  }
}

/// A value and the text a statistics package shows for it (an SPSS or Stata value label).
public struct ValueLabel: Sendable, Equatable, Hashable, Codable {
  /// The stored value, e.g. `4`.
  public var value: Double
  /// Its label, e.g. `Setuju`.
  public var label: String

  /// A label for `value`.
  public init(value: Double, label: String) {
    self.value = value
    self.label = label
  }
}
