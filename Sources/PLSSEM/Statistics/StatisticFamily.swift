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
  /// Simple slopes of the focal predictor of each interaction term at the moderator's levels
  /// (``SimpleSlope``); none in a model without interaction terms.
  case simpleSlope
  /// Cohen's f² of each interaction term's path, the model re-estimated without the path
  /// (`InteractionEffectSizes`): one PLS run per interaction path and sample. Not resampled
  /// by default (it adds about one kernel run per resample and interaction path); none in a
  /// model without interaction terms.
  case interactionEffectSize

  /// The families a bootstrap resamples unless told otherwise: paths, loadings, weights, total,
  /// indirect and specific indirect effects, HTMT, R² and the simple slopes of interaction
  /// terms. seminr's `bootstrap_model` resamples
  /// paths, loadings, weights, HTMT and total effects; SmartPLS's bootstrap also reports
  /// quality criteria such as reliability, which adding ``reliability`` (and
  /// ``adjustedRSquared``, …) to ``BootstrapSettings/statistics`` gives. Families that are not
  /// resampled cost a bootstrap nothing.
  public static let resampledByDefault: Set<StatisticFamily> = [
    .path, .loading, .weight, .totalEffect, .indirectEffect, .specificIndirectEffect, .htmt,
    .rSquared, .simpleSlope,
  ]
}
