/// A setting of the engine, named by errors about its value so that each front end can call
/// it by its own name: the library says "the number of worker threads", the command line
/// `--threads` (it maps these names to its flags in one place).
public enum SettingName: String, Sendable, Codable, Equatable, CaseIterable,
  CustomStringConvertible
{
  /// ``PLSSettings/maxIterations``.
  case maxIterations
  /// ``PLSSettings/tolerance``.
  case tolerance
  /// ``PLSSettings/consistent``.
  case consistent
  /// ``BootstrapSettings/resamples``.
  case resamples
  /// ``BootstrapSettings/level``.
  case confidenceLevel
  /// ``BootstrapSettings/maximumFailureShare``.
  case maximumFailureShare
  /// ``BootstrapSettings/threads``.
  case threads
  /// A ``ShardSpec``.
  case shard
  /// ``BootstrapSettings/statistics``.
  case bootstrapStatistics
  /// ``BootstrapSettings/exactQuantileBudget``.
  case exactQuantileBudget
  /// ``BootstrapSettings/inadmissibleResamples``.
  case inadmissibleResamples
  /// ``PowerSettings/respondents``.
  case respondents
  /// ``PowerSettings/replications``.
  case replications
  /// ``PowerSettings/alpha``.
  case significanceLevel
  /// ``PowerSettings/targetPower``.
  case targetPower
  /// The number of permutations of a multi-group analysis or MICOM.
  case permutations
  /// ``PLSSettings/higherOrder``.
  case higherOrderMethod
  /// ``PLSSettings/simpleSlopeLevels``.
  case simpleSlopeLevels
  /// ``PowerSettings/test``: how a power study's replication counts a path as detected.
  case powerTest

  /// The setting in words, as the library's messages name it.
  public var description: String {
    switch self {
    case .maxIterations: return "the iteration cap"
    case .tolerance: return "the tolerance"
    case .consistent: return "consistent PLS"
    case .resamples: return "the number of bootstrap resamples"
    case .confidenceLevel: return "the confidence level"
    case .maximumFailureShare: return "the maximum failure share"
    case .threads: return "the number of worker threads"
    case .shard: return "the shard"
    case .bootstrapStatistics: return "the families of statistics to resample"
    case .exactQuantileBudget: return "the exact-quantile budget"
    case .inadmissibleResamples: return "the handling of inadmissible resamples"
    case .respondents: return "each sample size"
    case .replications: return "the number of replications"
    case .significanceLevel: return "the significance level"
    case .targetPower: return "the target power"
    case .permutations: return "the number of permutations"
    case .higherOrderMethod: return "the method for higher-order constructs"
    case .simpleSlopeLevels: return "the moderator levels of the simple slopes"
    case .powerTest: return "the test of the power study"
    }
  }
}

/// A setting given a value outside its domain: which setting, what it requires, and the value
/// given. ``description`` reads e.g. "the number of worker threads must lie between 1 and 1024
/// (got 0)"; ``message(naming:)`` lets a front end name the setting its own way.
public struct InvalidSettingValue: Sendable, Equatable, CustomStringConvertible {
  /// The setting.
  public let setting: SettingName
  /// What a valid value is, as a predicate: "must lie between 1 and 1024".
  public let requirement: String
  /// The value given, as text.
  public let value: String

  /// A problem with `setting`: `requirement` is what a valid value is ("must be at least 1"),
  /// `value` the value given, as text.
  public init(_ setting: SettingName, _ requirement: String, got value: String) {
    self.setting = setting
    self.requirement = requirement
    self.value = value
  }

  /// The message with the setting named by `name`.
  public func message(naming name: (SettingName) -> String) -> String {
    "\(name(setting)) \(requirement) (got \(value))"
  }

  /// The message in the library's words.
  public var description: String { message(naming: \.description) }
}
