import Synchronization

/// Receives finished chunks from the workers in any order and processes them in chunk order:
/// folds (single run) or keeps (shard) their moment summaries, tallies failed and inadmissible
/// resamples, passes their draws on, and reports progress.
final class ChunkCollector: Sendable {
  private struct State {
    var next: Int
    var pending: [Int: (MomentSummary, Int, ResampleTally, [[Double]?])] = [:]
    var folded: MomentSummary
    var kept: [MomentSummary] = []
    var attempted = 0
    var tally = ResampleTally()
  }
  private let state: Mutex<State>
  private let keepChunks: Bool
  private let total: Int
  private let progress: BootstrapProgress?
  private let draws: BootstrapDrawSink?
  private let chunkSize = Bootstrapper.chunkSize

  init(
    firstChunk: Int, statistics m: Int, keepChunks: Bool, total: Int, progress: BootstrapProgress?,
    draws: BootstrapDrawSink?
  ) {
    state = Mutex(State(next: firstChunk, folded: MomentSummary(statistics: m)))
    self.keepChunks = keepChunks
    self.total = total
    self.progress = progress
    self.draws = draws
  }

  func submit(
    chunk: Int, summary: MomentSummary, attempted: Int, tally: ResampleTally,
    draws chunkDraws: [[Double]?]
  ) throws {
    try state.withLock { s in
      s.pending[chunk] = (summary, attempted, tally, chunkDraws)
      while let (summary, attempted, tally, rows) = s.pending.removeValue(forKey: s.next) {
        if keepChunks { s.kept.append(summary) } else { s.folded.fold(summary) }
        s.attempted += attempted
        s.tally.append(tally)
        if let draws { try draws(s.next * chunkSize, rows) }
        s.next += 1
        progress?(s.attempted, total)
      }
    }
  }

  func finish() -> (moments: [MomentSummary], attempted: Int, tally: ResampleTally) {
    state.withLock { s in (keepChunks ? s.kept : [s.folded], s.attempted, s.tally) }
  }
}
