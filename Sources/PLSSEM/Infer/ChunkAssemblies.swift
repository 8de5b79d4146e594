import Synchronization

/// The chunks whose blocks are being computed: the bootstrap's unit of work is a block of 64
/// resamples (one batch of cross-products), finer than its unit of moment folding and
/// sharding (a chunk of 1,024). Any worker computes any block into its chunk's rows; the
/// worker that finishes a chunk's last block summarises the chunk, in resample order. Rows
/// buffers are reused, so memory is bounded by the chunks open at once (about one per
/// worker), not by B.
final class ChunkAssemblies: Sendable {
  /// One open chunk: its resamples' statistics (row r at `rows + r · m`) and resolutions.
  final class Assembly: @unchecked Sendable {
    let rows: UnsafeMutablePointer<Double>
    let resolutions: UnsafeMutablePointer<ResampleResolution>

    init(chunkSize: Int, statistics m: Int) {
      rows = .allocate(capacity: max(chunkSize * m, 1))
      rows.initialize(repeating: 0, count: max(chunkSize * m, 1))
      resolutions = .allocate(capacity: chunkSize)
      resolutions.initialize(repeating: .failed, count: chunkSize)
    }

    deinit {
      rows.deallocate()
      resolutions.deallocate()
    }
  }

  private struct State {
    /// Open chunks and the blocks each still waits for.
    var open: [Int: (assembly: Assembly, remaining: Int)] = [:]
    var free: [Assembly] = []
  }
  private let state = Mutex(State())
  private let chunkSize: Int
  private let statistics: Int

  init(chunkSize: Int, statistics m: Int) {
    self.chunkSize = chunkSize
    self.statistics = m
  }

  /// The rows of chunk `c`, opened (waiting for `blocks` blocks) by its first block.
  func assembly(chunk c: Int, blocks: Int) -> Assembly {
    state.withLock { s in
      if let open = s.open[c] { return open.assembly }
      let assembly = s.free.popLast() ?? Assembly(chunkSize: chunkSize, statistics: statistics)
      s.open[c] = (assembly, blocks)
      return assembly
    }
  }

  /// Records that a block of chunk `c` is written; true for its last block (the caller then
  /// summarises the chunk and calls ``release(chunk:)``). The lock orders every block's writes
  /// before the summary.
  func finishBlock(chunk c: Int) -> Bool {
    state.withLock { s in
      guard let open = s.open[c] else { return false }
      s.open[c] = (open.assembly, open.remaining - 1)
      return open.remaining == 1
    }
  }

  /// Returns chunk `c`'s rows to the pool.
  func release(chunk c: Int) {
    state.withLock { s in
      if let open = s.open.removeValue(forKey: c) { s.free.append(open.assembly) }
    }
  }
}
