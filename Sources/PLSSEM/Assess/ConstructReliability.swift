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

  /// The reliability of construct `j` of an estimate, read from its statistic table (where
  /// ``StatisticCatalog`` computes it by the formulas above).
  init(estimate: PLSEstimate, construct j: Int) {
    let name = estimate.constructNames[j]
    let table = estimate.statistics
    construct = name
    alpha = table[.cronbachAlpha(construct: name)] ?? .nan
    rhoC = table[.rhoC(construct: name)] ?? .nan
    rhoA = table[.rhoA(construct: name)] ?? .nan
    ave = table[.ave(construct: name)] ?? .nan
  }

  /// `ρ_A` of the block `block` from its weights `w` and the p × p indicator correlation matrix
  /// `s`: the one implementation, used by the statistic table and by the PLSc correction (so
  /// both give the same bits). NaN for a single-indicator block (0/0).
  static func rhoA(
    block: Range<Int>, weights w: UnsafePointer<Double>, correlation s: UnsafePointer<Double>,
    p: Int
  ) -> Double {
    var wtw = 0.0
    var offDiagonalS = 0.0
    var offDiagonalWW = 0.0
    for a in block {
      wtw += w[a] * w[a]
      for b in block where b != a {
        offDiagonalS += w[a] * s[a + b * p] * w[b]
        offDiagonalWW += w[a] * w[a] * w[b] * w[b]
      }
    }
    return wtw * wtw * offDiagonalS / offDiagonalWW
  }
}
