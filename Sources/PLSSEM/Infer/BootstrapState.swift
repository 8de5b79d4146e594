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
  public var generator = "philox4x32-10 (key = seed, counter = (resample, block)); Lemire bounded integers"
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
