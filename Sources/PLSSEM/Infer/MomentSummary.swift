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

  /// The summary of a batch of draws held resample by resample: resample r's `m` statistics
  /// start at `rows + r * m`. For every statistic, exactly the arithmetic of
  /// ``init(columns:stride:count:statistics:)`` (Welford's update in resample order), with the
  /// statistics updated side by side.
  init(rows: UnsafePointer<Double>, count: Int, statistics m: Int) {
    self.init(statistics: m)
    self.count = count
    mean.withUnsafeMutableBufferPointer { mean in
      m2.withUnsafeMutableBufferPointer { m2 in
        guard let mean = mean.baseAddress, let m2 = m2.baseAddress else { return }
        for r in 0..<count {
          let inverse = 1 / Double(r + 1)
          let x = rows + r * m
          for k in 0..<m {
            let delta = x[k] - mean[k]
            mean[k] += delta * inverse
            m2[k] += delta * (x[k] - mean[k])
          }
        }
      }
    }
  }

  /// The summary of a batch of draws held statistic by statistic: statistic k's `count`
  /// draws, in resample order, start at `columns + k * stride`. Welford's update runs over each
  /// statistic's draws in resample order — the same arithmetic as adding the draws one resample
  /// at a time, done column by column so that each column stays in cache.
  init(columns: UnsafePointer<Double>, stride: Int, count: Int, statistics m: Int) {
    self.init(statistics: m)
    self.count = count
    for k in 0..<m {
      let x = columns + k * stride
      var mean = 0.0
      var m2 = 0.0
      for r in 0..<count {
        let inverse = 1 / Double(r + 1)
        let delta = x[r] - mean
        mean += delta * inverse
        m2 += delta * (x[r] - mean)
      }
      self.mean[k] = mean
      self.m2[k] = m2
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
