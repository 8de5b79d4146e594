/// How an interaction term `A:B` (``PathModel/Interaction``) is measured when the model is
/// estimated (``PLSSettings/interaction``).
///
/// - ``twoStage`` (the default, as SmartPLS 4 and Hair et al. recommend): stage 1 estimates the
///   model without its interaction terms; the product of the standardised stage-1 scores of A
///   and B is the single indicator of `A:B`; stage 2 re-estimates the whole model with it
///   (Chin, Marcolin & Newsted 2003; Henseler & Chin 2010; Hair, Hult, Ringle, Sarstedt, Danks &
///   Ray 2021, *PLS-SEM Using R*, ch. 8).
/// - ``productIndicator``: all pairwise products of A's and B's standardised indicators (A's
///   indicator varying slowest) are Mode A indicators of `A:B` (Chin, Marcolin & Newsted 2003;
///   Henseler & Chin 2010, "standardized product indicator approach").
/// - ``orthogonal``: each of those products replaced by its residual from the least-squares
///   regression (with intercept) on all indicators of A and B (Little, Bovaird & Widaman 2006;
///   Henseler & Chin 2010).
///
/// The generated indicators are named `A:B` (two-stage) and `a*b` for the indicators a of A and
/// b of B (product indicator, orthogonal), as seminr names its products.
public enum InteractionMethod: String, Sendable, Codable, Equatable, CaseIterable {
  case twoStage = "two-stage"
  case productIndicator = "product-indicator"
  case orthogonal
}

/// The scale of an interaction term's score, and so of its path coefficient
/// (``PLSSettings/interactionScale``).
///
/// - ``indicatorSD`` (the default, the published convention of seminr and of *PLS-SEM Using R*,
///   ch. 8, whose corporate-reputation interaction path −0.071 it reproduces): after
///   estimation the interaction's unit-variance score is multiplied by the mean standard
///   deviation of its indicators, weighted by their absolute loadings,
///   `s = Σ_k SD(x_k)·|λ_k| / Σ_k |λ_k|` (Henseler & Chin 2010's rescaling, seminr's
///   `adjust_interaction`). For the two-stage method `s` is the standard deviation of the
///   product of the standardised stage-1 scores, so the score is that product, centred. Its
///   path coefficients are per unit of this score (the standardised coefficient divided by
///   `s`); its loadings and cross-loadings are covariances with it (multiplied by `s`);
///   correlations, R², weights and the other constructs' numbers do not change.
/// - ``unitVariance``: the score keeps unit variance like every other construct's, so its
///   path is a standardised coefficient and its loadings are correlations.
public enum InteractionScale: String, Sendable, Codable, Equatable, CaseIterable {
  case indicatorSD = "indicator-sd"
  case unitVariance = "unit-variance"
}
