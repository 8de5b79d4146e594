import Dispatch
import Foundation
import LinearAlgebra
import Synchronization

/// Runs permutations of the group labels: for each permutation, re-estimates every group on its
/// permuted rows of the pooled data and hands the groups' statistics to a visitor.
///
/// Work is split into units of ``unit`` permutations taken by the worker threads in any order;
/// each permutation's result depends only on its own stream (``PermutationStream``), and the
/// visitors write either at the permutation's row or into per-worker integer counts, so results
/// are bit-identical for any thread count. Nothing grows with the number of permutations unless
/// the visitor keeps rows.
struct PermutationEngine: Sendable {
  /// Permutations per unit of work.
  static let unit = 16

  /// The pooled data, standardised (n × p).
  let data: Matrix
  let kernel: PLSKernel
  let catalog: StatisticCatalog
  /// The group sizes, in group order (summing to n).
  let sizes: [Int]
  let seed: UInt64
  let threads: Int
  /// For a model with interaction terms, its design and settings: every permuted group re-runs
  /// the staged procedure on its own rows (base indicators standardised within the group,
  /// products and stage-1 scores formed again), as the observed groups' estimates do.
  var interaction: (design: InteractionDesign, settings: PLSSettings)? = nil

  /// The per-permutation callback: `(permutation, permuted rows, statistics, worker)`, where
  /// `statistics` holds group g's m statistics at `g * m` — or is nil when a group's
  /// re-estimation failed (a constant indicator in a group, a singular block).
  typealias Visitor =
    @Sendable (
      _ permutation: Int, _ rows: UnsafePointer<Int>, _ statistics: UnsafePointer<Double>?,
      _ worker: Int
    ) -> Void

  /// Runs permutations `range` and returns how many failed.
  func run(_ range: Range<Int>, visit: Visitor) -> Int {
    let n = data.rows
    let m = catalog.count
    let groups = sizes.count
    let evaluators = (0..<threads).map { _ in
      ResampleEvaluator(
        data: data, kernel: kernel, catalog: catalog, signChange: .none, originalWeights: [],
        originalLoadings: [], seed: seed,
        interaction: interaction.map {
          InteractionResampling(design: $0.design, settings: $0.settings, rows: n)
        })
    }
    let units = (range.count + Self.unit - 1) / Self.unit
    let next = Atomic<Int>(0)
    let failures = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      let evaluator = evaluators[t]
      let rows = UnsafeMutablePointer<Int>.allocate(capacity: max(n, 1))
      let statistics = UnsafeMutablePointer<Double>.allocate(capacity: max(groups * m, 1))
      defer {
        rows.deallocate()
        statistics.deallocate()
      }
      while true {
        let u = next.add(1, ordering: .relaxed).oldValue
        guard u < units else { break }
        let first = range.lowerBound + u * Self.unit
        let last = min(first + Self.unit, range.upperBound)
        for i in first..<last {
          PermutationStream.permute(seed: seed, permutation: i, into: rows, count: n)
          var offset = 0
          var ok = true
          for g in 0..<groups {
            let outcome = evaluator.evaluate(
              rows: rows + offset, count: sizes[g], into: statistics + g * m)
            if outcome == .failed {
              ok = false
              break
            }
            offset += sizes[g]
          }
          if !ok { failures.add(1, ordering: .relaxed) }
          visit(i, rows, ok ? UnsafePointer(statistics) : nil, t)
        }
      }
    }
    return failures.load(ordering: .relaxed)
  }
}
