/// How the bootstrap counted one resample, after ``InadmissibleResampleHandling``: whether its
/// statistics enter the results, and under which name it is reported.
enum ResampleResolution: UInt8, Sendable {
  /// Admissible: in the results.
  case admissible
  /// Inadmissible, kept (``InadmissibleResampleHandling/keep``): in the results.
  case keptInadmissible
  /// Inadmissible, replaced by an admissible draw (``InadmissibleResampleHandling/replace``):
  /// the replacement is in the results.
  case replaced
  /// Inadmissible, left out (``InadmissibleResampleHandling/drop``).
  case droppedInadmissible
  /// Inadmissible, and every replacement failed or was inadmissible: left out.
  case unreplaced
  /// Not computable: left out.
  case failed

  /// Whether its statistics enter the results.
  var isIncluded: Bool { self == .admissible || self == .keptInadmissible || self == .replaced }
  /// Whether its first draw was inadmissible (counted as `inadmissible`).
  var wasInadmissible: Bool {
    self == .keptInadmissible || self == .replaced || self == .droppedInadmissible
      || self == .unreplaced
  }
  /// Whether it is counted as failed (not computable, or not replaceable).
  var isFailed: Bool { self == .failed || self == .unreplaced }
}

extension Bootstrapper {
  /// Evaluates resample `b` with `evaluator` under the settings' handling of inadmissible
  /// resamples; the statistics of what enters the results are in `row`.
  func resolve(
    _ evaluator: ResampleEvaluator, resample b: Int, into row: UnsafeMutablePointer<Double>
  )
    -> ResampleResolution
  {
    resolve(evaluator.evaluate(resample: UInt64(b), into: row), evaluator, resample: b, into: row)
  }

  /// ``resolve(_:resample:into:)`` for resample b, column `j` of the evaluator's prepared
  /// batch (``ResampleEvaluator/prepareBatch(first:count:)``).
  func resolve(
    _ evaluator: ResampleEvaluator, batchColumn j: Int, resample b: Int,
    into row: UnsafeMutablePointer<Double>
  ) -> ResampleResolution {
    resolve(evaluator.evaluate(batchColumn: j, into: row), evaluator, resample: b, into: row)
  }

  /// Resolves resample b whose first draw gave `outcome` (replacements are drawn one by one).
  private func resolve(
    _ outcome: ResampleEvaluator.Outcome, _ evaluator: ResampleEvaluator, resample b: Int,
    into row: UnsafeMutablePointer<Double>
  ) -> ResampleResolution {
    switch outcome {
    case .admissible: return .admissible
    case .failed: return .failed
    case .inadmissible:
      switch settings.inadmissibleResamples {
      case .keep: return .keptInadmissible
      case .drop: return .droppedInadmissible
      case .replace:
        for attempt in 1...InadmissibleResampleHandling.maximumAttempts {
          if evaluator.evaluate(resample: UInt64(b), attempt: UInt64(attempt), into: row)
            == .admissible
          {
            return .replaced
          }
        }
        return .unreplaced
      }
    }
  }
}

/// The resamples of a chunk, shard or run that did not simply succeed: how many failed or
/// were inadmissible, and the first few of each by index (in resample order, for the
/// warnings that name them).
struct ResampleTally: Sendable, Equatable, Codable {
  /// How many indices of each kind are kept.
  static let listed = 10

  /// Resamples left out as not computable (or, under `replace`, not replaceable).
  var failed = 0
  /// Resamples whose draw was inadmissible (kept, dropped or replaced as the settings say).
  var inadmissible = 0
  /// The first failed resamples.
  var failedResamples: [Int] = []
  /// The first inadmissible resamples.
  var inadmissibleResamples: [Int] = []

  /// Counts resample `b`, resolved as `resolution`.
  mutating func count(_ resolution: ResampleResolution, resample b: Int) {
    if resolution.isFailed {
      failed += 1
      if failedResamples.count < Self.listed { failedResamples.append(b) }
    }
    if resolution.wasInadmissible {
      inadmissible += 1
      if inadmissibleResamples.count < Self.listed { inadmissibleResamples.append(b) }
    }
  }

  /// Appends the tally of the resamples that follow.
  mutating func append(_ other: ResampleTally) {
    failed += other.failed
    inadmissible += other.inadmissible
    failedResamples = Array((failedResamples + other.failedResamples).prefix(Self.listed))
    inadmissibleResamples = Array(
      (inadmissibleResamples + other.inadmissibleResamples).prefix(Self.listed))
  }
}
