extension LEDInstrument {
  /// The standardised population paths of the example data (the mediation model):
  /// X2 → X3 0.50; X1 → Y 0.25; X2 → Y 0.20; X3 → Y 0.35.
  ///
  /// Implied: indirect effect X2 → X3 → Y = 0.175, total effect of X2 on Y = 0.375,
  /// R²(X3) = 0.25, R²(Y) = 0.35125.
  public static let populationPaths: [PopulationModel.Path] = [
    .init(from: "X2", to: "X3", coefficient: 0.50),
    .init(from: "X1", to: "Y", coefficient: 0.25),
    .init(from: "X2", to: "Y", coefficient: 0.20),
    .init(from: "X3", to: "Y", coefficient: 0.35),
  ]

  /// The correlation of the exogenous constructs: X1 with X2, 0.30.
  public static let populationCorrelations = [PopulationModel.Correlation("X1", "X2", 0.30)]

  /// The standardised population loadings of the 27 items (0.66 to 0.84; the two reverse-coded
  /// items are the weakest, as such items usually are).
  public static let populationLoadings: [String: Double] = [
    "X1_BL1": 0.78, "X1_BL2": 0.82, "X1_BL3": 0.74, "X1_FL1": 0.80, "X1_FL2": 0.76, "X1_FL3": 0.72,
    "X2_AG1": 0.75, "X2_AG2": 0.79, "X2_AG3": 0.83, "X2_CO1": 0.81, "X2_CO2": 0.77, "X2_CO3": 0.68,
    "X3_PS1": 0.84, "X3_PS2": 0.80, "X3_PS3": 0.76, "X3_GO1": 0.78, "X3_GO2": 0.73, "X3_GO3": 0.81,
    "Y_EP1": 0.82, "Y_EP2": 0.79, "Y_EP3": 0.74, "Y_MS1": 0.77, "Y_MS2": 0.66, "Y_MS3": 0.80,
    "Y_IN1": 0.78, "Y_IN2": 0.75, "Y_IN3": 0.71,
  ]

  /// The population model of the example data: ``populationPaths``,
  /// ``populationCorrelations`` and ``populationLoadings`` over the codebook's items.
  public static func populationModel() throws(CodebookError) -> PopulationModel {
    PopulationModel(
      codebook: try codebook(), paths: populationPaths, correlations: populationCorrelations,
      loadings: populationLoadings)
  }

  /// The thresholds of the example data, −2.05, −1.28, −0.39, 0.84: answers lean toward
  /// agreement as in most business surveys, with population shares of about 2 %, 8 %, 25 %,
  /// 45 % and 20 % for points 1–5.
  public static let exampleDiscretizer = LikertDiscretizer(unchecked: [-2.05, -1.28, -0.39, 0.84])

  /// The seeds of the shipped example files: `responses-100.csv` uses 100 and
  /// `responses-1000.csv` uses 1000.
  public static func exampleSeed(respondents: Int) -> UInt64 { UInt64(max(respondents, 0)) }

  /// The text of an example response file: `respondents` simulated answers from
  /// ``populationModel()`` with ``exampleDiscretizer``, reverse-coded items written as
  /// answered, a first `respondent` column, comma-separated.
  ///
  /// `exampleResponsesCSV(respondents: 100, seed: 100)` is `examples/led-survey/responses-100.csv`.
  ///
  /// - Throws: ``CodebookError`` or ``SimulationError`` (neither happens for the bundled values).
  public static func exampleResponsesCSV(respondents: Int, seed: UInt64) throws -> String {
    let codebook = try codebook()
    let simulator = try Simulator(model: try populationModel())
    let data = try simulator.simulate(respondents: respondents, seed: seed)
    return try data.responses(codebook: codebook, discretizer: exampleDiscretizer).csvText()
  }
}
