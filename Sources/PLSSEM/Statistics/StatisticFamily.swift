/// A kind of statistic of the ``StatisticTable``: every key of the table belongs to one family
/// (``StatisticKey/family``). A bootstrap resamples the families of
/// ``BootstrapSettings/statistics``; the estimate's table holds them all.
public enum StatisticFamily: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
  /// Path coefficients.
  case path
  /// Loadings on the own construct.
  case loading
  /// Outer weights.
  case weight
  /// Total effects.
  case totalEffect
  /// Indirect effects.
  case indirectEffect
  /// Specific indirect effects (one per chain of two or more paths).
  case specificIndirectEffect
  /// HTMT.
  case htmt
  /// R².
  case rSquared
  /// Adjusted R².
  case adjustedRSquared
  /// HTMT2.
  case htmt2
  /// Cronbach's alpha, ρ_C, ρ_A and AVE of every construct.
  case reliability
  /// Outer VIF.
  case outerVIF
  /// Inner VIF.
  case innerVIF
  /// Cross-loadings (every indicator with every construct).
  case crossLoading
  /// Construct correlations.
  case constructCorrelation

  /// The families a bootstrap resamples unless told otherwise: paths, loadings, weights, total,
  /// indirect and specific indirect effects, HTMT and R². seminr's `bootstrap_model` resamples
  /// paths, loadings, weights, HTMT and total effects; SmartPLS's bootstrap also reports
  /// quality criteria such as reliability, which adding ``reliability`` (and
  /// ``adjustedRSquared``, …) to ``BootstrapSettings/statistics`` gives. Families that are not
  /// resampled cost a bootstrap nothing.
  public static let resampledByDefault: Set<StatisticFamily> = [
    .path, .loading, .weight, .totalEffect, .indirectEffect, .specificIndirectEffect, .htmt,
    .rSquared,
  ]
}
