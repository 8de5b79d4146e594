import LinearAlgebra

/// Internal-consistency reliability and convergent validity of one construct.
///
/// With `S` the block's indicator correlation matrix (k indicators), `λ` its loadings and `w`
/// its outer weights scaled so the score has unit variance:
///
/// - Cronbach's alpha on standardised indicators (Cronbach 1951):
///   `α = k/(k − 1) · (1 − k / Σᵢⱼ Sᵢⱼ)`.
/// - Composite reliability (Jöreskog 1971; Werts, Linn & Jöreskog 1974):
///   `ρ_C = (Σλ)² / ((Σλ)² + Σ(1 − λ²))`.
/// - `ρ_A` (Dijkstra & Henseler 2015, eq. 19):
///   `ρ_A = (wᵀw)² · wᵀ(S − diag S)w / wᵀ(wwᵀ − diag(wwᵀ))w`.
/// - Average variance extracted (Fornell & Larcker 1981): `AVE = Σλ² / k`.
///
/// Conventions, as seminr and SmartPLS: a single-indicator block has all four equal to 1.
/// For Mode B blocks alpha, ρ_C and AVE are computed by the same formulas from the block's
/// correlations and loadings (they describe the indicators, though a composite makes no claim
/// of internal consistency), and `ρ_A` is reported as 1, as seminr does.
public struct ConstructReliability: Sendable, Codable, Equatable {
  /// The construct.
  public let construct: String
  /// Cronbach's alpha.
  public let alpha: Double
  /// Composite reliability ρ_C.
  public let rhoC: Double
  /// Dijkstra–Henseler ρ_A.
  public let rhoA: Double
  /// Average variance extracted.
  public let ave: Double

  /// The reliability of construct `j` of an estimate.
  init(estimate: PLSEstimate, construct j: Int) {
    let layout = estimate.layout
    let range = layout.block(j)
    let k = range.count
    let s = estimate.indicatorCorrelations
    construct = layout.constructNames[j]
    guard k > 1 else {
      alpha = 1
      rhoC = 1
      rhoA = 1
      ave = 1
      return
    }
    var total = 0.0
    for a in range {
      for b in range { total += s[a, b] }
    }
    alpha = Double(k) / Double(k - 1) * (1 - Double(k) / total)
    let lambdas = range.map { estimate.crossLoadings[$0, j] }
    let sum = lambdas.reduce(0, +)
    let sumSquares = lambdas.reduce(0) { $0 + $1 * $1 }
    rhoC = sum * sum / (sum * sum + lambdas.reduce(0) { $0 + (1 - $1 * $1) })
    ave = sumSquares / Double(k)
    if layout.modes[j] == .b {
      rhoA = 1
    } else {
      rhoA = Self.rhoA(weights: range.map { estimate.weights[$0] }, correlations: s, block: range)
    }
  }

  /// `ρ_A` of a block from its weights and the indicator correlation matrix.
  static func rhoA(weights w: [Double], correlations s: Matrix, block: Range<Int>) -> Double {
    var wtw = 0.0
    var offDiagonalS = 0.0
    var offDiagonalWW = 0.0
    let indices = Array(block)
    for a in w.indices {
      wtw += w[a] * w[a]
      for b in w.indices where b != a {
        offDiagonalS += w[a] * s[indices[a], indices[b]] * w[b]
        offDiagonalWW += w[a] * w[a] * w[b] * w[b]
      }
    }
    return wtw * wtw * offDiagonalS / offDiagonalWW
  }
}
