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

  /// The model file of the direct model (`examples/led-survey/direct.model`).
  public static func directModelSyntax() throws(CodebookError) -> String {
    try codebook().modelSyntax(
      structural: directStructure,
      title:
        "LED-SENTRA: direct model (industrial linkages, cluster pattern and LED orientation -> business sustainability)",
      source: "LEDInstrument.codebookYAML")
  }

  /// The model file of the mediation model (`examples/led-survey/mediation.model`).
  public static func mediationModelSyntax() throws(CodebookError) -> String {
    try codebook().modelSyntax(
      structural: mediationStructure,
      title:
        "LED-SENTRA: mediation model (LED orientation mediates cluster pattern -> business sustainability)",
      source: "LEDInstrument.codebookYAML")
  }
}
