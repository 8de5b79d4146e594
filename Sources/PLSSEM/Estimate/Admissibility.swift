import Foundation

/// Whether an estimate is admissible, with the list of what is wrong when it is not: the
/// checks of cSEM's `verify()` (Rademaker & Schuberth, cSEM, `R/postestimate_verify.R`), applied
/// to every estimate, with or without consistent PLS.
///
/// An estimate is **inadmissible** when (one ``AdmissibilityProblem`` per offending value):
///
/// 1. the PLS algorithm did not converge within the iteration cap (``AdmissibilityProblem/Kind/notConverged``);
/// 2. a loading on the own construct exceeds 1 in absolute value — a negative measurement-error
///    variance, a Heywood case (``AdmissibilityProblem/Kind/loadingAboveOne``);
/// 3. the construct correlation matrix (the consistent one with PLSc) is not positive
///    semi-definite (``AdmissibilityProblem/Kind/constructCorrelationsNotPositiveSemidefinite``);
/// 4. a reliability exceeds 1: ρ_A of a construct corrected by PLSc
///    (``AdmissibilityProblem/Kind/reliabilityAboveOne``; composites have reliability 1, as in
///    cSEM);
/// 5. the model-implied indicator correlation matrix of the estimated model (``ModelFit``'s
///    `Σ̂`) is not positive semi-definite
///    (``AdmissibilityProblem/Kind/impliedIndicatorCorrelationsNotPositiveSemidefinite``).
///
/// and, beyond cSEM, when PLSc meets ρ_A ≤ 0 (``AdmissibilityProblem/Kind/reliabilityNotPositive``):
/// cSEM and seminr return NaN there; we leave the construct uncorrected and list the problem
/// (see ``ConsistentCorrection``).
///
/// Conventions: "positive semi-definite" means no eigenvalue below −1e-8, the tolerance of
/// `matrixcalc::is.positive.semi.definite` that cSEM calls; |loading| > 1 and ρ_A > 1 allow
/// 1e-10 for rounding (a single indicator's loading is 1 up to the last bits). Problems are
/// listed in the order of the checks above, within a check in indicator or construct order.
///
/// An inadmissible estimate is reported, not refused, as cSEM, seminr and ADANCO do; the command
/// line warns on standard error and `--require-admissible` turns it into an error.
public struct Admissibility: Sendable, Codable, Equatable {
  /// What is wrong; empty for an admissible estimate.
  public var problems: [AdmissibilityProblem]

  /// Whether no check failed.
  public var isAdmissible: Bool { problems.isEmpty }

  public init(problems: [AdmissibilityProblem] = []) {
    self.problems = problems
  }

  /// One warning per problem: code `"not-converged"` for non-convergence, `"inadmissible"` for
  /// the others.
  public var diagnostics: [Diagnostic] {
    problems.map(\.diagnostic)
  }
}

/// One failed admissibility check (see ``Admissibility``): what failed, the constructs and
/// indicator involved and the offending value.
public struct AdmissibilityProblem: Sendable, Codable, Equatable, CustomStringConvertible {
  /// The check that failed, named as in cSEM's `verify()` where it has the check.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// The PLS algorithm did not converge (cSEM status 1). Value: the iteration cap.
    case notConverged = "not-converged"
    /// |loading| > 1 (cSEM status 2). Value: the loading.
    case loadingAboveOne = "loading-above-one"
    /// The construct correlation matrix is not positive semi-definite (cSEM status 3). Value:
    /// its smallest eigenvalue.
    case constructCorrelationsNotPositiveSemidefinite = "construct-correlations-not-psd"
    /// A reliability (ρ_A of a PLSc-corrected construct) above 1 (cSEM status 4). Value: ρ_A.
    case reliabilityAboveOne = "reliability-above-one"
    /// ρ_A ≤ 0 or undefined: PLSc cannot correct the construct, which is left uncorrected
    /// (not a cSEM status: cSEM returns NaN). Value: ρ_A, or nil when it is not finite.
    case reliabilityNotPositive = "reliability-not-positive"
    /// The model-implied indicator correlation matrix of the estimated model is not positive
    /// semi-definite (cSEM status 5). Value: its smallest eigenvalue.
    case impliedIndicatorCorrelationsNotPositiveSemidefinite = "implied-correlations-not-psd"
  }

  /// What failed.
  public var kind: Kind
  /// The constructs involved: the construct of a loading or reliability, or those of the
  /// matrix (for a construct correlation matrix, the pair whose correlation exceeds 1 in
  /// absolute value when there is one, otherwise all).
  public var constructs: [String]
  /// The indicator involved (for a loading).
  public var indicator: String?
  /// The offending value (see ``Kind``); never NaN or infinite (nil then).
  public var value: Double?
  /// Whether the estimate used consistent PLS (worded into the description).
  public var consistent: Bool

  public init(
    kind: Kind, constructs: [String], indicator: String? = nil, value: Double? = nil,
    consistent: Bool = false
  ) {
    self.kind = kind
    self.constructs = constructs
    self.indicator = indicator
    self.value = value.flatMap { $0.isFinite ? $0 : nil }
    self.consistent = consistent
  }

  /// The problem in one sentence, naming constructs, indicator and value.
  public var description: String {
    let shown = value.map { Self.format($0) } ?? "undefined"
    let quoted = constructs.map { "'\($0)'" }
    switch kind {
    case .notConverged:
      let unit = value == 1 ? "iteration" : "iterations"
      return "the PLS algorithm did not converge within \(shown) \(unit); results are provisional"
    case .loadingAboveOne:
      let which = consistent ? "consistent loading" : "loading"
      return
        "the \(which) of '\(indicator ?? "?")' on \(quoted.first ?? "?") is \(shown), above 1 in absolute value (a Heywood case: a negative measurement-error variance)"
    case .constructCorrelationsNotPositiveSemidefinite:
      let which =
        consistent ? "consistent construct correlation matrix" : "construct correlation matrix"
      let pair =
        constructs.count == 2
        ? " (the correlation of \(quoted.joined(separator: " and ")) exceeds 1 in absolute value)"
        : ""
      return
        "the \(which) is not positive semi-definite (smallest eigenvalue \(shown))\(pair)"
    case .reliabilityAboveOne:
      return "rho_A of \(quoted.first ?? "?") is \(shown), above 1"
    case .reliabilityNotPositive:
      return
        "rho_A of \(quoted.first ?? "?") is \(shown): consistent PLS cannot correct it (1/sqrt(rho_A) does not exist), so it is left uncorrected, as a composite; its indicators do not behave as measures of one common factor"
    case .impliedIndicatorCorrelationsNotPositiveSemidefinite:
      return
        "the model-implied indicator correlation matrix (estimated model) is not positive semi-definite (smallest eigenvalue \(shown))"
    }
  }

  /// The warning that reports this problem.
  public var diagnostic: Diagnostic {
    let message =
      kind == .notConverged ? description : "inadmissible solution: \(description)"
    return Diagnostic(
      severity: .warning,
      code: kind == .notConverged ? Diagnostic.Code.notConverged : Diagnostic.Code.inadmissible,
      message: message, construct: constructs.count == 1 ? constructs.first : nil,
      indicator: indicator, value: value)
  }

  /// Four significant digits, integers without decimals.
  static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
    return String(format: "%.4g", value)
  }
}
