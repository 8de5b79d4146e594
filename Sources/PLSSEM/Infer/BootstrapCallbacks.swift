/// Receives raw bootstrap draws in resample order (for `--keep-draws`): the first resample
/// index of a chunk and each resample's statistics (nil for a failed resample).
public typealias BootstrapDrawSink =
  @Sendable (_ firstResample: Int, _ draws: [[Double]?]) throws -> Void

/// Progress of a bootstrap: resamples finished so far and the total of this run or shard.
public typealias BootstrapProgress = @Sendable (_ completed: Int, _ total: Int) -> Void
