/// The accumulated, mergeable state of a bootstrap run or of one shard of it: everything the
/// final statistics need.
///
/// A single run folds its chunks' moment summaries in resample order as they finish; a shard
/// keeps its chunks' summaries separately, and merging concatenates the shards' chunk lists in
/// order and folds them the same way, so a merged result is bit-identical to the single run.
/// The draws themselves are either all kept (`KeptDraws`, exact quantiles, while
/// `B × statistics` fits ``BootstrapSettings/exactQuantileBudget``) or summarised in a
/// `DistributionSketch` of fixed size.
public struct BootstrapState: Sendable, Codable, Equatable {
  /// The generator that drew the resamples.
  public var generator =
    "philox4x32-10 (key = seed, counter = (resample, block)); Lemire bounded integers"
  /// The settings (the thread count is not part of the state).
  public var settings: BootstrapSettings
  /// Identifies model, data and estimation settings; shards merge only when equal.
  public var fingerprint: BootstrapFingerprint
  /// The statistics, by their ``StatisticKey`` text.
  public var keys: [String]
  /// The original estimates, in `keys` order.
  public var original: [Double]
  /// Resamples per chunk.
  public var chunkSize: Int
  /// The chunks this state covers, `firstChunk ..< firstChunk + chunkCount`.
  public var firstChunk: Int
  public var chunkCount: Int
  /// Moment summaries: one per chunk in a shard, or the single fold of all chunks so far.
  var moments: [MomentSummary]
  /// Every draw of the resamples covered (exact mode), or nil.
  var draws: KeptDraws?
  /// The distribution sketch of the resamples covered (sketch mode), or nil.
  var sketch: DistributionSketch?
  /// Resamples attempted.
  public var attempted: Int
  /// Resamples left out as not computable (under `replace`, also those no replacement fixed).
  public var failed: Int
  /// Resamples whose draw was inadmissible: in the results (`keep`), left out (`drop`) or
  /// replaced (`replace`), as ``BootstrapSettings/inadmissibleResamples`` says.
  public var inadmissible: Int
  /// The first (up to 10) failed and inadmissible resamples, by index.
  public var failedResamples: [Int]
  public var inadmissibleResamples: [Int]
  /// Jackknife acceleration per statistic, for BCa intervals.
  public var acceleration: [Double]?

  /// Whether the interval limits are exact quantiles of every draw (else read from the sketch).
  public var keepsDraws: Bool { draws != nil }

  /// The resamples in the results: attempted minus failed, and minus the inadmissible ones
  /// when they are dropped.
  var included: Int {
    attempted - failed - (settings.inadmissibleResamples == .drop ? inadmissible : 0)
  }

  /// Fold every moment summary in order into one.
  func foldedMoments() -> MomentSummary {
    var total = MomentSummary(statistics: keys.count)
    for chunk in moments { total.fold(chunk) }
    return total
  }

  /// The resamples of chunks `first ..< first + count` of a run of `resamples`.
  static func resamples(chunks first: Int, count: Int, of resamples: Int, chunkSize: Int) -> Int {
    guard count > 0 else { return 0 }
    return min((first + count) * chunkSize, resamples) - first * chunkSize
  }
}

extension BootstrapState {
  /// The largest resample count a state may claim: far beyond any real run, small enough that
  /// no count derived from it overflows.
  static let maximumResamples = 1 << 48

  /// This state if it holds together, else ``BootstrapError/malformedShard(source:reason:)``
  /// naming `source` and the first inconsistency.
  ///
  /// A state read back from a shard file is user data: a truncated, hand-edited or mixed-up file
  /// must be refused with a message, not crash the merge or ``BootstrapResult`` on an array of
  /// the wrong length or an impossible count. The one check of a state's consistency, used by
  /// ``BootstrapShard`` and ``BootstrapResult``.
  func validated(source: String = "<bootstrap state>") throws(BootstrapError) -> BootstrapState {
    func refuse(_ reason: String) -> BootstrapError {
      .malformedShard(source: source, reason: reason)
    }
    let m = keys.count
    let limit = Self.maximumResamples
    guard settings.resamples >= 2, settings.resamples <= limit else {
      throw refuse("\(settings.resamples) resamples (expected 2 to \(limit))")
    }
    guard chunkSize >= 1, chunkSize <= 1 << 20 else { throw refuse("chunk size \(chunkSize)") }
    let chunks = (settings.resamples + chunkSize - 1) / chunkSize
    guard firstChunk >= 0, chunkCount >= 0, firstChunk <= chunks, chunkCount <= chunks - firstChunk
    else {
      throw refuse("chunks \(firstChunk)..<\(firstChunk + chunkCount) of \(chunks)")
    }
    guard Set(keys).count == m else { throw refuse("a statistic is listed twice") }
    guard original.count == m else {
      throw refuse("\(original.count) original estimates for \(m) statistics")
    }
    let covered = Self.resamples(
      chunks: firstChunk, count: chunkCount, of: settings.resamples, chunkSize: chunkSize)
    guard attempted == covered, failed >= 0, failed <= attempted, inadmissible >= 0,
      inadmissible <= attempted, included >= 0
    else {
      throw refuse(
        "\(failed) failed and \(inadmissible) inadmissible of \(attempted) attempted resamples, for chunks covering \(covered)"
      )
    }
    let indices = 0..<(firstChunk * chunkSize + attempted)
    guard failedResamples.count <= min(failed, ResampleTally.listed),
      inadmissibleResamples.count <= min(inadmissible, ResampleTally.listed),
      (failedResamples + inadmissibleResamples).allSatisfy(indices.contains)
    else {
      throw refuse("the lists of failed and inadmissible resamples do not match their counts")
    }
    var succeeded = 0
    for summary in moments {
      guard summary.count >= 0, summary.count <= attempted, summary.mean.count == m,
        summary.m2.count == m
      else { throw refuse("a moment summary does not match the \(m) statistics") }
      succeeded += summary.count
    }
    guard succeeded == included else {
      throw refuse("the moment summaries count \(succeeded) draws, not \(included)")
    }
    switch (draws, sketch) {
    case (let draws?, nil):
      guard settings.keepsDraws(statistics: m) else {
        throw refuse("kept draws where the settings ask for a sketch")
      }
      guard draws.statistics == m, draws.rows == attempted else {
        throw refuse("\(draws.rows) rows of draws of \(draws.statistics) statistics")
      }
      var kept = 0
      for r in 0..<draws.rows where !draws.values[r * m].isNaN { kept += 1 }
      guard kept == succeeded || m == 0 else {
        throw refuse("\(kept) successful draws kept, \(succeeded) counted")
      }
    case (nil, let sketch?):
      guard !settings.keepsDraws(statistics: m) else {
        throw refuse("a sketch where the settings ask for kept draws")
      }
      guard sketch.statistics == m else {
        throw refuse("the distribution sketch does not match the \(m) statistics")
      }
      for k in 0..<m {
        guard sketch.count(k) == succeeded,
          sketch.below[k] >= 0, sketch.equal[k] >= 0,
          sketch.below[k] <= succeeded - sketch.equal[k]
        else {
          throw refuse("the distribution sketch of \(keys[k]) does not count \(succeeded) draws")
        }
      }
    default:
      throw refuse("neither kept draws nor a distribution sketch (or both)")
    }
    if let acceleration {
      guard acceleration.count == m, acceleration.allSatisfy(\.isFinite) else {
        throw refuse("\(acceleration.count) acceleration constants for \(m) statistics")
      }
    }
    return self
  }
}
