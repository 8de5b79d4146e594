import Dispatch
import Foundation

extension Bootstrapper {
  /// Jackknife acceleration `a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 [Σ(θ̄ − θ₍ᵢ₎)²]^{3/2})` (Efron & Tibshirani 1993,
  /// eq. 14.15), over the leave-one-out samples that succeed (inadmissible ones too when
  /// `keepInadmissible`); 0 when undefined.
  static func jackknifeAcceleration(
    evaluators: [ResampleEvaluator], n: Int, statistics m: Int, keepInadmissible: Bool
  )
    -> [Double]
  {
    let rows = ParallelRows(count: n, width: m)
    let threads = evaluators.count
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      var i = t
      while i < n {
        switch evaluators[t].evaluate(omitting: i, into: rows.row(i)) {
        case .admissible: rows.resolution[i] = .admissible
        case .inadmissible:
          rows.resolution[i] = keepInadmissible ? .keptInadmissible : .droppedInadmissible
        case .failed: rows.resolution[i] = .failed
        }
        i += threads
      }
    }
    let good = (0..<n).filter { rows.resolution[$0].isIncluded }
    return (0..<m).map { k in
      let values = good.map { rows.row($0)[k] }
      let mean = values.reduce(0, +) / Double(max(values.count, 1))
      var s2 = 0.0
      var s3 = 0.0
      for v in values {
        let d = mean - v
        s2 += d * d
        s3 += d * d * d
      }
      guard s2 > 0 else { return 0 }
      return s3 / (6 * pow(s2, 1.5))
    }
  }
}
