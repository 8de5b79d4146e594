/// Which part of a sharded bootstrap to run: shard `index` of `count` (1-based, `k/N`).
/// Shard k covers chunks `⌊(k−1)C/N⌋ ..< ⌊kC/N⌋` of the C chunks of 1,024 resamples.
public struct ShardSpec: Sendable, Equatable, Codable {
  public let index: Int
  public let count: Int
  /// The most shards a run may be split into (a million: far more than chunks in any real
  /// run, few enough that the chunk ranges cannot overflow).
  public static let maximumCount = 1 << 20

  public init(index: Int, count: Int) throws(BootstrapError) {
    guard count >= 1, index >= 1, index <= count else {
      throw .invalidSetting(
        InvalidSettingValue(.shard, "must be written k/N with 1 ≤ k ≤ N", got: "\(index)/\(count)"))
    }
    guard count <= Self.maximumCount else {
      throw .invalidSetting(
        InvalidSettingValue(
          .shard, "must split the run into at most \(Self.maximumCount) shards",
          got: "\(count) shards"))
    }
    self.index = index
    self.count = count
  }

  /// The chunks this shard covers of a run of `chunks` chunks.
  public func chunks(of chunks: Int) -> Range<Int> {
    ((index - 1) * chunks / count)..<(index * chunks / count)
  }
}
