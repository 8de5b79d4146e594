/// Count, mean and sum of squared deviations of a batch of draws, per statistic, combined
/// across batches with the update of Chan, Golub & LeVeque (1979):
/// `n = nₐ + n_b`, `δ = x̄_b − x̄ₐ`, `x̄ = x̄ₐ + δ n_b/n`, `M₂ = M₂ₐ + M₂_b + δ² nₐ n_b / n`.
/// Within a batch, draws enter one at a time by Welford's (1962) update. Batches are always
/// folded in resample order, so the result does not depend on threads or shards.
struct MomentSummary: Sendable, Codable, Equatable {
  var count: Int
  var mean: [Double]
  var m2: [Double]

  init(statistics m: Int) {
    count = 0
    mean = Array(repeating: 0, count: m)
    m2 = Array(repeating: 0, count: m)
  }

  /// Adds one draw (Welford).
  mutating func add(_ x: UnsafePointer<Double>) {
    count += 1
    let inverse = 1 / Double(count)
    mean.withUnsafeMutableBufferPointer { mean in
      m2.withUnsafeMutableBufferPointer { m2 in
        for k in 0..<mean.count {
          let delta = x[k] - mean[k]
          mean[k] += delta * inverse
          m2[k] += delta * (x[k] - mean[k])
        }
      }
    }
  }

  /// Folds `other` (the batch that follows) into this summary (Chan et al.).
  mutating func fold(_ other: MomentSummary) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let na = Double(count)
    let nb = Double(other.count)
    let n = na + nb
    for k in mean.indices {
      let delta = other.mean[k] - mean[k]
      mean[k] += delta * nb / n
      m2[k] += other.m2[k] + delta * delta * na * nb / n
    }
    count += other.count
  }
}
