/// The simple slope of an interaction term's focal predictor: the effect of X on Y where the
/// moderator M lies `level` standard deviations from its mean (Aiken & West 1991, ch. 2;
/// Hair, Hult, Ringle, Sarstedt, Danks & Ray 2021, *PLS-SEM Using R*, ch. 8, seminr's
/// `slope_analysis`).
///
/// In `Y ~ X + M + X:M` the **focal predictor** is the construct named first in the term
/// (`X`), the **moderator** the second (`M`); to take M as the focal predictor write the term
/// the other way round (`M:X`). Every construct score has mean 0 and variance 1, so a moderator
/// level m (in standard deviations; −1, 0, +1 by default, ``PLSSettings/simpleSlopeLevels``)
/// is the score value m, and
///
///     slope(m) = β_X + β_XM · m
///
/// where β_X is the path X → Y and β_XM the interaction's path **per unit of the product of
/// the standardised scores** X·M. That is the reported path under
/// ``InteractionScale/indicatorSD`` (seminr's and the book's convention: the score is on the
/// scale of the products, for the two-stage method exactly the centred product of the stage-1
/// scores), and the standardised path divided by the product scale
/// `s = Σ_k SD(x_k)·|λ_k| / Σ_k |λ_k|` under ``InteractionScale/unitVariance``
/// (β_XM = β*_XM / s). The slopes are therefore the same under both scales. Slopes are in
/// standard deviations of Y per standard deviation of X.
///
/// Conventions: the slope treats the interaction score as the product of the focal
/// predictor's and the moderator's scores; for the two-stage method it is the product of their
/// stage-1 scores, which differ slightly from the stage-2 scores the main effects act on, and
/// for the product-indicator and orthogonal methods it is a composite of indicator products.
/// seminr, SmartPLS 4 and cSEM's `doFloodlightAnalysis`/`doSurfaceAnalysis` read the slope off
/// the estimated paths the same way; SmartPLS plots the moderator at −1 SD, the mean and +1 SD.
///
/// The simple slopes are statistics of the table (``StatisticKey/simpleSlope(focal:moderator:outcome:level:)``,
/// family ``StatisticFamily/simpleSlope``), computed from each resample's own paths and product
/// scale, so a bootstrap gives their standard errors, tests (H0: slope = 0) and intervals.
///
/// Aiken, L. S. & West, S. G. (1991). *Multiple Regression: Testing and Interpreting
/// Interactions*. Sage.
public struct SimpleSlope: Sendable, Equatable, Hashable, Codable {
  /// The interaction term, `focal:moderator`, as written in the model.
  public var interaction: String
  /// The focal predictor (the term's first construct).
  public var focal: String
  /// The moderator (the term's second construct).
  public var moderator: String
  /// The outcome.
  public var outcome: String
  /// The moderator's level in standard deviations from its mean.
  public var level: Double
  /// The slope of the focal predictor on the outcome at that level.
  public var estimate: Double

  public init(
    interaction: String, focal: String, moderator: String, outcome: String, level: Double,
    estimate: Double
  ) {
    self.interaction = interaction
    self.focal = focal
    self.moderator = moderator
    self.outcome = outcome
    self.level = level
    self.estimate = estimate
  }

  /// The statistic's key in the ``StatisticTable``.
  public var key: StatisticKey {
    .simpleSlope(focal: focal, moderator: moderator, outcome: outcome, level: level)
  }

  /// The moderator levels used unless told otherwise: −1 SD, the mean, +1 SD.
  public static let defaultLevels: [Double] = [-1, 0, 1]

  /// The most levels a model takes (each is a statistic of every bootstrap resample).
  public static let maximumLevelCount = 25

  /// The largest level in absolute value, in standard deviations.
  public static let maximumLevel = 10.0

  /// A level as text: an integer without decimals (`-1`, `0`, `2`), otherwise the shortest
  /// decimal that reads back as the same number (`0.5`).
  public static func levelText(_ level: Double) -> String {
    if level == 0 { return "0" }
    if level == level.rounded(), abs(level) < 1e15 { return String(Int(level)) }
    return "\(level)"
  }

  /// What is wrong with `levels` as ``PLSSettings/simpleSlopeLevels``, or nil: at least one
  /// and at most ``maximumLevelCount`` finite levels within ±``maximumLevel``, none twice.
  static func problem(levels: [Double]) -> InvalidSettingValue? {
    let text = levels.map(levelText).joined(separator: ",")
    if levels.isEmpty || levels.count > maximumLevelCount {
      return InvalidSettingValue(
        .simpleSlopeLevels, "must list between 1 and \(maximumLevelCount) levels",
        got: text.isEmpty ? "none" : text)
    }
    if let bad = levels.first(where: { !$0.isFinite || abs($0) > maximumLevel }) {
      return InvalidSettingValue(
        .simpleSlopeLevels,
        "must be numbers of standard deviations between -\(levelText(maximumLevel)) and "
          + "\(levelText(maximumLevel))", got: "\(bad)")
    }
    if Set(levels.map { $0 == 0 ? 0 : $0 }).count != levels.count {
      return InvalidSettingValue(.simpleSlopeLevels, "must not repeat a level", got: text)
    }
    return nil
  }
}

extension PLSEstimate {
  /// The simple slopes of every interaction term on each of its outcomes, at each moderator
  /// level of ``PLSSettings/simpleSlopeLevels`` (``SimpleSlope``), read from the estimate's
  /// ``statistics``; empty for a model without interaction terms.
  public var simpleSlopes: [SimpleSlope] {
    statistics.keys.enumerated().compactMap { k, key in
      guard case .simpleSlope(let focal, let moderator, let outcome, let level) = key else {
        return nil
      }
      return SimpleSlope(
        interaction: focal + ":" + moderator, focal: focal, moderator: moderator,
        outcome: outcome, level: level, estimate: statistics.values[k])
    }
  }
}
