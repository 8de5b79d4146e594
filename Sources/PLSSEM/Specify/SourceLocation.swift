/// A place in model text: 1-based line and column.
public struct SourceLocation: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
  /// 1-based line.
  public var line: Int
  /// 1-based column (in characters).
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "line \(line), column \(column)" }
}
