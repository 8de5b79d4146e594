/// The accumulated, mergeable state of a bootstrap run or of one shard of it: everything the
/// final statistics need, of a size independent of B (apart from one small moment summary per
/// chunk of 1,024 resamples in a shard).
///
/// A single run folds its chunks' moment summaries in resample order as they finish; a shard
/// keeps its chunks' summaries separately, and merging concatenates the shards' chunk lists in
/// order and folds them the same way, so a merged result is bit-identical to the single run.
public struct BootstrapState: Sendable, Codable, Equatable {
  /// The format of this state, for shard files.
  public var format = "plssem.bootstrap-state/1"
  /// The generator that drew the resamples.
  public var generator =
    "philox4x32-10 (key = seed, counter = (resample, block)); Lemire bounded integers"
  /// The settings (the thread count is not part of the state).
  public var settings: BootstrapSettings
  /// Identifies model, data and estimation settings; shards merge only when equal.
  public var fingerprint: String
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
  /// The distribution sketch of all resamples covered.
  var sketch: DistributionSketch
  /// Resamples attempted and failed.
  public var attempted: Int
  public var failed: Int
  /// Jackknife acceleration per statistic, for BCa intervals.
  public var acceleration: [Double]?

  /// Fold every moment summary in order into one.
  func foldedMoments() -> MomentSummary {
    var total = MomentSummary(statistics: keys.count)
    for chunk in moments { total.fold(chunk) }
    return total
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
  /// must be refused with a message, not crash ``Bootstrapper/merge(_:)`` or
  /// ``BootstrapResult/init(state:keys:)`` on an array of the wrong length or an impossible count.
  public func validated(source: String = "<bootstrap state>") throws(BootstrapError)
    -> BootstrapState
  {
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
    guard original.count == m else {
      throw refuse("\(original.count) original estimates for \(m) statistics")
    }
    guard attempted >= 0, attempted <= settings.resamples, failed >= 0, failed <= attempted else {
      throw refuse("\(failed) failed of \(attempted) attempted resamples")
    }
    for summary in moments
    where summary.count < 0 || summary.mean.count != m || summary.m2.count != m {
      throw refuse("a moment summary does not match the \(m) statistics")
    }
    let s = sketch
    let perStatistic =
      [s.lower, s.width, s.minimum, s.maximum].map(\.count)
      + [s.under, s.over, s.below, s.equal].map(\.count)
    guard perStatistic.allSatisfy({ $0 == m }), s.counts.count == m * DistributionSketch.binCount
    else {
      throw refuse("the distribution sketch does not match the \(m) statistics")
    }
    let tallies = s.under + s.over + s.below + s.equal
    guard tallies.allSatisfy({ $0 >= 0 && $0 <= settings.resamples }) else {
      throw refuse("a distribution count outside 0…\(settings.resamples)")
    }
    for k in 0..<m {
      var total = 0
      for c in s.counts[(k * DistributionSketch.binCount)..<((k + 1) * DistributionSketch.binCount)]
      { total += Int(c) }
      guard total <= settings.resamples else {
        throw refuse("the distribution sketch counts more draws than resamples")
      }
    }
    if let acceleration, acceleration.count != m {
      throw refuse("\(acceleration.count) acceleration constants for \(m) statistics")
    }
    return self
  }
}
