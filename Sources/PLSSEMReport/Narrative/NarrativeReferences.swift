/// The sources the narrative cites beyond the rules of thumb (whose references are
/// ``QualityThresholds/references``).
enum NarrativeReferences {
  /// Zhao, Lynch & Chen (2010), the typology of mediation; Hair et al. (2019) for the reading
  /// guide of Q² is among the rules' references.
  static let all: [String] = [
    "Zhao, X., Lynch, J. G., & Chen, Q. (2010). Reconsidering Baron and Kenny: Myths and truths about mediation analysis. Journal of Consumer Research, 37(2), 197–206."
  ]
}
