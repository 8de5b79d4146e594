import LinearAlgebra

/// The staged procedure of a model with interaction terms, re-run inside every bootstrap
/// resample (and jackknife sample), as seminr's bootstrap re-runs it: the generated indicators
/// are formed again from the resample's own data — the base indicators standardised within the
/// resample and, for the two-stage method, the scores of a stage-1 estimation on the resample —
/// before the resample's stage-2 estimation (``ResampleEvaluator``). One per worker; it owns its
/// buffers, so a resample allocates nothing.
final class InteractionResampling: @unchecked Sendable {
  let design: InteractionDesign
  let settings: PLSSettings
  private let columns: InteractionColumns
  private let stage1: PLSKernel
  private let workspace: PLSWorkspace
  /// The resample's base indicators standardised within it (n × p₀), and their correlations.
  private let z: UnsafeMutablePointer<Double>
  private let baseCorrelation: UnsafeMutablePointer<Double>
  private let capacity: Int

  init(design: InteractionDesign, settings: PLSSettings, rows: Int) {
    self.design = design
    self.settings = settings
    columns = InteractionColumns(design: design)
    stage1 = PLSKernel(layout: design.baseLayout, settings: settings)
    workspace = PLSWorkspace(layout: design.baseLayout)
    let p0 = design.baseIndicatorCount
    capacity = max(rows * p0, 1)
    z = .allocate(capacity: capacity)
    z.initialize(repeating: 0, count: capacity)
    baseCorrelation = .allocate(capacity: max(p0 * p0, 1))
    baseCorrelation.initialize(repeating: 0, count: max(p0 * p0, 1))
  }

  deinit {
    z.deallocate()
    baseCorrelation.deallocate()
  }

  /// Overwrites the generated columns of the gathered sample `data` (`rows × (p + 1)`
  /// column-major: the base indicators first, then the generated ones, then ones) with those
  /// of this sample. `crossProducts` is scratch of at least `(p₀ + 1)²` doubles. Returns false
  /// when the sample cannot be used (a constant base indicator, a failed stage 1, a singular
  /// orthogonalising regression).
  func generate(
    in data: UnsafeMutablePointer<Double>, rows n: Int,
    crossProducts g: UnsafeMutablePointer<Double>
  ) -> Bool {
    let p0 = design.baseIndicatorCount
    let q0 = p0 + 1
    // The generated block is overwritten below: its first column holds the ones meanwhile.
    let ones = data + p0 * n
    for r in 0..<n { ones[r] = 1 }
    guard
      InPlaceCorrelation.compute(
        augmentedData: data, rows: n, columns: p0, workspace: g, into: baseCorrelation) == nil
    else { return false }
    // Standardise within the sample, from the column sums and cross-products just formed.
    let count = Double(n)
    for i in 0..<p0 {
      let sum = g[i + p0 * q0]
      let mean = sum / count
      let squares = g[i + i * q0] - sum * mean
      let inverse = 1 / (squares / (count - 1)).squareRoot()
      let from = data + i * n
      let to = z + i * n
      for r in 0..<n { to[r] = (from[r] - mean) * inverse }
    }
    var weights: UnsafePointer<Double>?
    if design.method == .twoStage {
      do {
        _ = try stage1.run(correlation: baseCorrelation, workspace: workspace)
      } catch {
        return false
      }
      weights = UnsafePointer(workspace.weights)
    }
    return columns.generate(
      z: z, rows: n, correlation: baseCorrelation, weights: weights, into: data + p0 * n)
  }
}
