/// How the inner proxy of a construct combines the scores of its neighbours in the structural
/// model (Lohmöller 1989, §2.3; Hair et al. 2022, ch. 3). With `R` the construct correlations:
public enum InnerWeightingScheme: String, Sendable, Codable, Equatable, CaseIterable {
  /// Path weighting (the default of SmartPLS and seminr): a predecessor's inner weight is its
  /// coefficient in the multiple regression of the construct on all its predecessors; a
  /// successor's is the correlation `rⱼₖ`.
  case path
  /// Centroid (Wold 1982): the sign of the correlation, `sign(rⱼₖ)`, for every neighbour.
  case centroid
  /// Factorial (Lohmöller 1989): the correlation `rⱼₖ` itself for every neighbour.
  case factorial
}
