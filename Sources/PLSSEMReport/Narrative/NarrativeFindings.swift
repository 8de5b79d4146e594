import PLSSEM

/// What the narrative says, before it is put into words: the findings of the report document,
/// judged by ``QualityThresholds``, the bootstrap tests and the hypotheses. Language-neutral;
/// ``NarrativeWording`` turns it into sentences. Every value is a cell value of the document.
struct NarrativeFindings {
  /// A value with the name(s) it belongs to, as the narrative shows them (labels).
  struct Named {
    var name: String
    var value: Double
    var verdict: ThresholdVerdict?
  }

  /// A value of a pair of constructs (HTMT, correlations).
  struct Pair {
    var first: String
    var second: String
    var value: Double
  }

  /// A reliability value outside the rule.
  struct ReliabilityIssue {
    enum Statistic { case alpha, rhoC }
    enum Kind {
      /// Between the exploratory limit (0.60) and the threshold (0.70).
      case exploratory
      /// Below the exploratory limit.
      case unreliable
      /// Above the redundancy limit (0.95).
      case redundant
    }
    var construct: String
    var statistic: Statistic
    var value: Double
    var kind: Kind
  }

  /// The measurement model.
  struct Measurement {
    /// Loadings of the indicators of Mode A blocks with two or more indicators.
    var loadings: [Named] = []
    /// Constructs judged on reliability and AVE (Mode A, two or more indicators).
    var judged: [String] = []
    var alpha: [Double] = []
    var rhoC: [Double] = []
    var reliabilityIssues: [ReliabilityIssue] = []
    /// AVE of the judged constructs.
    var ave: [Named] = []
    /// Mode B constructs (not judged).
    var formative: [String] = []
    /// Whether reliability and validity were assessed (an assessment exists).
    var assessed = false
    /// HTMT of every pair.
    var htmt: [Pair] = []
    /// The bootstrap's one-sided upper limits of HTMT (empty without a bootstrap).
    var htmtUpper: [Pair] = []
    /// Pairs whose correlation is not below the √AVE of both (Fornell–Larcker).
    var fornellLarckerViolations: [Pair] = []
  }

  /// The structural model.
  struct Structural {
    /// Inner VIF per path ("X → Y").
    var vif: [Named] = []
    var r2: [Named] = []
    /// f² per path ("X → Y").
    var f2: [Named] = []
    /// Q² (redundancy) per endogenous construct; nil without blindfolding.
    var q2: [Named]?
    var omissionDistance: Int?
  }

  /// A bootstrap-tested effect.
  struct Effect {
    var estimate: Double
    var t: Double?
    var p: Double?
    var lower: Double?
    var upper: Double?
  }

  /// What the data say about a hypothesis (or an unlabelled path).
  struct HypothesisOutcome {
    enum Decision: Equatable {
      case supported
      /// Not significant at α (for an indirect effect: its interval includes zero).
      case notSignificant
      /// Significant, but of the sign opposite to the hypothesis's.
      case oppositeSign
      /// No test: no bootstrap, or the statistic has no inference.
      case untested
    }
    /// `H1`; nil for a path the model file names no hypothesis about.
    var label: String?
    /// The constructs' display names, predictor first.
    var chain: [String]
    var expected: PathModel.Hypothesis.Direction?
    var effect: Effect
    /// Whether the effect is significant: p < α for a path; for an indirect effect the
    /// interval excludes zero. Nil when untested.
    var significant: Bool?
    var decision: Decision
    /// Whether the sign of the estimate is the expected one (true when none is expected).
    var signAsExpected: Bool {
      guard let expected else { return true }
      return expected == .positive ? effect.estimate > 0 : effect.estimate < 0
    }
    var isIndirect: Bool { chain.count > 2 }
  }

  /// The type of mediation (Zhao, Lynch & Chen 2010).
  enum MediationType {
    /// Indirect and direct effects significant, same sign: partial mediation.
    case complementary
    /// Indirect and direct effects significant, opposite signs: partial (competitive).
    case competitive
    /// Only the indirect effect significant: full mediation.
    case indirectOnly
    /// Only the direct effect significant: no mediation.
    case directOnly
    /// Neither significant: no mediation.
    case noEffect
    /// Indirect effect significant, but the model has no direct path to compare with.
    case noDirectPath
    /// Indirect effect not significant and no direct path.
    case noIndirectNoDirectPath
  }

  /// One specific indirect effect and what it says about mediation.
  struct Mediation {
    var chain: [String]
    var indirect: Effect
    var indirectSignificant: Bool?
    /// The direct path from the chain's first to its last construct, when the model has one.
    var direct: Effect?
    var directSignificant: Bool?
    /// Nil without a bootstrap.
    var type: MediationType?
  }

  /// The bootstrap behind the tests.
  struct Testing {
    var resamples: Int
    var tails: TestTails
    var level: Double
    var alpha: Double { 1 - level }
    var method: ConfidenceIntervalMethod
  }

  var converged = true
  var admissible = true
  var measurement = Measurement()
  var structural = Structural()
  var testing: Testing?
  /// Whether the model file names hypotheses (else the outcomes are the paths, unlabelled).
  var hasHypotheses = false
  var outcomes: [HypothesisOutcome] = []
  var mediations: [Mediation] = []
  /// The thresholds the verdicts come from.
  var thresholds: QualityThresholds
}
