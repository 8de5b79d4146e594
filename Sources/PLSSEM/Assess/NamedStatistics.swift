/// A statistic of one indicator of a construct (a VIF, a loading…).
public struct IndicatorStatistic: Sendable, Codable, Equatable {
  public let construct: String
  public let indicator: String
  public let estimate: Double
}

/// A statistic of one structural path `from → to` (an inner VIF, an f²…).
public struct PathStatistic: Sendable, Codable, Equatable {
  public let from: String
  public let to: String
  public let estimate: Double
}
