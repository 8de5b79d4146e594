/// The bundled instrument of the reference study: local economic development (LED) in
/// Indonesian industrial centres (sentra industri), answered by 100 business owners on a
/// 5-point Likert scale.
///
/// Constructs: X1 industrial linkages, X2 cluster pattern, X3 LED orientation, Y business
/// sustainability (see ``codebookYAML``). Two structural models go with it: the direct model
/// `Y ~ X1 + X2 + X3` and the mediation model in which LED orientation carries part of the
/// effect of the cluster pattern on sustainability (`X3 ~ X2`, `Y ~ X1 + X2 + X3`).
///
/// The population values used to simulate `examples/led-survey/responses-*.csv` are here too,
/// so that estimates from those files can be compared with the truth.
public enum LEDInstrument {
  /// The instrument's codebook, decoded and validated.
  public static func codebook() throws(CodebookError) -> Codebook {
    try Codebook(yaml: codebookYAML, source: "LEDInstrument.codebookYAML")
  }

  /// `Y ~ X1 + X2 + X3`.
  public static let directStructure = [StructuralEquation("Y", ["X1", "X2", "X3"])]

  /// `X3 ~ X2` and `Y ~ X1 + X2 + X3`: LED orientation mediates cluster pattern → sustainability.
  public static let mediationStructure = [
    StructuralEquation("X3", ["X2"]), StructuralEquation("Y", ["X1", "X2", "X3"]),
  ]

  /// The hypotheses of the direct model: each predictor relates positively to sustainability.
  public static let directHypotheses = ["H1: X1 -> Y (+)", "H2: X2 -> Y (+)", "H3: X3 -> Y (+)"]

  /// The hypotheses of the mediation model: the four paths are positive, and LED orientation
  /// carries a positive indirect effect of the cluster pattern on sustainability (H5).
  public static let mediationHypotheses = [
    "H1: X2 -> X3 (+)", "H2: X1 -> Y (+)", "H3: X2 -> Y (+)", "H4: X3 -> Y (+)",
    "H5: X2 -> X3 -> Y (+)",
  ]

  /// The model file of the direct model (`examples/led-survey/direct.model`), with
  /// ``directHypotheses``.
  public static func directModelSyntax() throws(CodebookError) -> String {
    try codebook().modelSyntax(
      structural: directStructure,
      title:
        "LED-SENTRA: direct model (industrial linkages, cluster pattern and LED orientation -> business sustainability)",
      hypotheses: directHypotheses, source: "LEDInstrument.codebookYAML")
  }

  /// The model file of the higher-order model (`examples/led-survey/hoc.model`): the direct
  /// model's paths with every construct a higher-order construct over its dimensions (X1 =
  /// backward + forward linkage, X2 = agglomeration + cooperation, X3 = policy support + growth
  /// orientation, Y = economic performance + market stability + innovation), with
  /// ``directHypotheses``.
  public static func hocModelSyntax() throws(CodebookError) -> String {
    try codebook().modelSyntax(
      structural: directStructure,
      title:
        "LED-SENTRA: higher-order model (each construct measured by its dimensions; the direct model's paths)",
      hypotheses: directHypotheses, dimensions: true, source: "LEDInstrument.codebookYAML")
  }

  /// The model file of the mediation model (`examples/led-survey/mediation.model`), with
  /// ``mediationHypotheses``.
  public static func mediationModelSyntax() throws(CodebookError) -> String {
    try codebook().modelSyntax(
      structural: mediationStructure,
      title:
        "LED-SENTRA: mediation model (LED orientation mediates cluster pattern -> business sustainability)",
      hypotheses: mediationHypotheses, source: "LEDInstrument.codebookYAML")
  }
}
