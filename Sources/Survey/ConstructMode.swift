/// How a construct's indicators form it in PLS estimation.
public enum ConstructMode: String, Sendable, Equatable, Codable, CaseIterable {
  /// Mode A: reflective measurement, written `=~` in model files (correlation weights).
  case A
  /// Mode B: formative/composite measurement, written `<~` in model files (regression weights).
  case B

  /// The model-syntax operator of the mode.
  public var modelOperator: String {
    switch self {
    case .A: "=~"
    case .B: "<~"
    }
  }
}
