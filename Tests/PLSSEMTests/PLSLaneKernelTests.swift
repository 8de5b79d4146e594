import Foundation
import LinearAlgebra
import TestSupport
import Testing

@testable import PLSSEM

/// The four-lane PLS kernel (``PLSLaneKernel``) against the scalar ``PLSKernel`` it replaces in
/// the batched bootstrap: every lane must give the scalar kernel's weights, `C`, `R`, iteration
/// count and convergence flag bit for bit, or be handed back to the scalar kernel.
@Suite("PLS lane kernel: four resamples in SIMD lanes, the scalar kernel's bits")
struct PLSLaneKernelTests {
  /// Correlation matrices of `count` resamples of `data` (rows drawn with replacement), by the
  /// two-pass formula.
  static func resampleCorrelations(_ data: Matrix, count: Int, seed: UInt64) -> [[Double]] {
    let n = data.rows
    let p = data.columns
    var random = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      let rows = (0..<n).map { _ in Int(random.next() % UInt64(n)) }
      return twoPassCorrelation((0..<p).map { j in rows.map { data[$0, j] } })
    }
  }

  /// What the scalar kernel gives for `s`: nil when it throws.
  struct Scalar: Equatable {
    var weights: [UInt64]
    var c: [UInt64]
    var r: [UInt64]
    var outcome: PLSKernel.Outcome
  }

  static func scalar(_ kernel: PLSKernel, _ s: [Double]) -> Scalar? {
    let layout = kernel.layout
    let ws = PLSWorkspace(layout: layout)
    let outcome = try? s.withUnsafeBufferPointer {
      try kernel.run(correlation: $0.baseAddress!, workspace: ws)
    }
    guard let outcome else { return nil }
    return Scalar(
      weights: (0..<layout.p).map { ws.weights[$0].bitPattern },
      c: (0..<(layout.p * layout.J)).map { ws.c[$0].bitPattern },
      r: (0..<(layout.J * layout.J)).map { ws.r[$0].bitPattern }, outcome: outcome)
  }

  /// Runs the lanes on four matrices; nil for a lane that needs the scalar kernel.
  static func lanes(_ kernel: PLSKernel, _ matrices: [[Double]], _ lanes: PLSLaneWorkspace)
    -> [Scalar?]
  {
    precondition(matrices.count == 4)
    for (k, s) in matrices.enumerated() {
      s.withUnsafeBufferPointer { lanes.load(lane: k, from: $0.baseAddress!) }
    }
    PLSLaneKernel(kernel).run(lanes)
    let layout = kernel.layout
    let ws = PLSWorkspace(layout: layout)
    return (0..<4).map { k in
      guard !lanes.outcomes[k].needsScalar else { return nil }
      lanes.store(lane: k, into: ws)
      return Scalar(
        weights: (0..<layout.p).map { ws.weights[$0].bitPattern },
        c: (0..<(layout.p * layout.J)).map { ws.c[$0].bitPattern },
        r: (0..<(layout.J * layout.J)).map { ws.r[$0].bitPattern },
        outcome: lanes.outcomes[k].outcome)
    }
  }

  /// Compares lanes with the scalar kernel on `matrices` (in groups of four); returns the
  /// outcomes and how many lanes went scalar.
  @discardableResult
  static func compare(_ kernel: PLSKernel, _ matrices: [[Double]], label: String) -> (
    outcomes: [PLSKernel.Outcome], scalarLanes: Int
  ) {
    let workspace = PLSLaneWorkspace(layout: kernel.layout)
    var outcomes: [PLSKernel.Outcome] = []
    var scalarLanes = 0
    var mismatches = 0
    for group in stride(from: 0, to: matrices.count - 3, by: 4) {
      let four = Array(matrices[group..<(group + 4)])
      let got = lanes(kernel, four, workspace)
      for k in 0..<4 {
        let expected = scalar(kernel, four[k])
        if let lane = got[k] {
          if lane != expected { mismatches += 1 }
          outcomes.append(lane.outcome)
        } else {
          scalarLanes += 1
        }
      }
    }
    #expect(mismatches == 0, "\(label): \(mismatches) lanes differ from the scalar kernel")
    return (outcomes, scalarLanes)
  }

  static func kernel(_ estimate: PLSEstimate, _ change: (inout PLSSettings) -> Void) -> PLSKernel {
    var settings = estimate.settings
    change(&settings)
    return PLSKernel(layout: estimate.layout, settings: settings)
  }

  @Test(
    "resamples of corp rep and mobi: every scheme and stop criterion, bit for bit",
    arguments: InnerWeightingScheme.allCases)
  func everySchemeAndCriterion(scheme: InnerWeightingScheme) throws {
    for (name, estimate, count) in [
      ("corp rep", try ExampleData.corpRepSimpleEstimate(), 200),
      ("mobi", try ExampleData.mobiEstimate(), 120),
    ] {
      let matrices = Self.resampleCorrelations(
        estimate.prepared.standardized, count: count, seed: 5)
      for criterion in StopCriterion.allCases {
        let kernel = Self.kernel(estimate) {
          $0.scheme = scheme
          $0.stopCriterion = criterion
        }
        let (outcomes, scalarLanes) = Self.compare(
          kernel, matrices, label: "\(name) \(scheme) \(criterion)")
        #expect(scalarLanes == 0)
        #expect(outcomes.count == count)
        #expect(!outcomes.contains { !$0.converged }, "\(name) \(scheme) \(criterion)")
        // Lanes of a group converge at different passes.
        #expect(Set(outcomes.map(\.iterations)).count > 1, "\(name) \(scheme) \(criterion)")
      }
    }
  }

  @Test("a low iteration cap: lanes stop converged and unconverged at different passes")
  func lowCap() throws {
    let estimate = try ExampleData.mobiEstimate()
    let matrices = Self.resampleCorrelations(estimate.prepared.standardized, count: 160, seed: 9)
    for scheme in InnerWeightingScheme.allCases {
      for (cap, tolerance) in [(0, 1e-7), (1, 1e-3), (3, 1e-4), (4, 1e-5), (6, 1e-6)] {
        let kernel = Self.kernel(estimate) {
          $0.scheme = scheme
          $0.maxIterations = cap
          $0.tolerance = tolerance
        }
        let (outcomes, _) = Self.compare(kernel, matrices, label: "\(scheme) cap \(cap)")
        #expect(!outcomes.contains { $0.iterations > cap })
        if cap >= 3 {
          #expect(outcomes.contains { $0.converged }, "\(scheme) cap \(cap)")
          #expect(outcomes.contains { !$0.converged }, "\(scheme) cap \(cap)")
        }
      }
    }
  }

  /// `s` with block `target`'s rows and columns replaced by block `source`'s (same size), so
  /// that the two constructs' scores are perfectly correlated.
  static func duplicating(_ s: [Double], p: Int, source: Range<Int>, target: Range<Int>)
    -> [Double]
  {
    var result = s
    func map(_ i: Int) -> Int {
      target.contains(i) ? source.lowerBound + (i - target.lowerBound) : i
    }
    for a in 0..<p {
      for b in 0..<p { result[a + b * p] = s[map(a) + map(b) * p] }
    }
    return result
  }

  @Test("lanes the scalar kernel treats differently go scalar; their neighbours are unaffected")
  func scalarLanes() throws {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let layout = estimate.layout
    let p = layout.p
    let matrices = Self.resampleCorrelations(estimate.prepared.standardized, count: 8, seed: 21)
    // COMP and LIKE (3 indicators each) identical: collinear predecessors of CUSA and CUSL.
    let collinear = Self.duplicating(
      matrices[1], p: p, source: layout.block(0), target: layout.block(1))
    // CUSL's block zeroed: its score variance is 0 (a degenerate construct).
    var degenerate = matrices[3]
    for a in layout.block(3) {
      for b in layout.block(3) { degenerate[a + b * p] = 0 }
    }
    for scheme in InnerWeightingScheme.allCases {
      let kernel = Self.kernel(estimate) { $0.scheme = scheme }
      let workspace = PLSLaneWorkspace(layout: layout)
      let four = [matrices[0], collinear, matrices[2], degenerate]
      let got = Self.lanes(kernel, four, workspace)
      #expect(got[0] != nil && got[0] == Self.scalar(kernel, matrices[0]), "\(scheme)")
      #expect(got[2] != nil && got[2] == Self.scalar(kernel, matrices[2]), "\(scheme)")
      #expect(got[3] == nil, "\(scheme): the degenerate lane goes scalar")
      #expect(Self.scalar(kernel, degenerate) == nil)
      if scheme == .path {
        #expect(got[1] == nil, "the collinear lane goes scalar")
        #expect(Self.scalar(kernel, collinear) == nil)
      } else if let lane = got[1] {
        #expect(lane == Self.scalar(kernel, collinear), "\(scheme)")
      }
      // Run again with normal matrices: nothing left over from the scalar lanes.
      Self.compare(kernel, Array(matrices[4..<8]), label: "\(scheme) after scalar lanes")
    }
  }

  @Test("the lane Cholesky equals SmallSPDSolver bit for bit, sizes 1-7, pivot failures included")
  func cholesky() {
    var random = SeededGenerator(seed: 4)
    for n in 1...7 {
      for trial in 0..<50 {
        // Gram matrices of random vectors; some made singular or indefinite.
        var lanes = [[Double]](repeating: [], count: 4)
        for k in 0..<4 {
          let m = n + (trial % 3 == 0 && k == 1 ? -1 : 2)
          let x = (0..<(max(m, 1) * n)).map { _ in random.normal() }
          var a = [Double](repeating: 0, count: n * n)
          for i in 0..<n {
            for j in 0..<n {
              for r in 0..<max(m, 1) { a[i + j * n] += x[r + i * max(m, 1)] * x[r + j * max(m, 1)] }
            }
          }
          if trial % 5 == 1 && k == 2 { a[n * n - 1] = -a[n * n - 1] }
          lanes[k] = a
        }
        let b = (0..<(4 * n)).map { _ in random.normal() }
        var packed = (0..<(n * n)).map { i in
          SIMD4(lanes[0][i], lanes[1][i], lanes[2][i], lanes[3][i])
        }
        var rhs = (0..<n).map { i in SIMD4(b[i], b[n + i], b[2 * n + i], b[3 * n + i]) }
        let failed = PLSLaneKernel.factorize(&packed, n: n, relativeTolerance: 1e-10)
        packed.withUnsafeBufferPointer { PLSLaneKernel.solve(factor: $0.baseAddress!, n: n, &rhs) }
        for k in 0..<4 {
          var a = lanes[k]
          var x = Array(b[(k * n)..<((k + 1) * n)])
          let ok = SmallSPDSolver.factorize(&a, n: n, relativeTolerance: 1e-10)
          #expect(ok == !failed[k], "n \(n) trial \(trial) lane \(k)")
          guard ok else { continue }
          a.withUnsafeBufferPointer { SmallSPDSolver.solve(factor: $0.baseAddress!, n: n, &x) }
          #expect(
            (0..<n).map { rhs[$0][k].bitPattern } == x.map(\.bitPattern),
            "n \(n) trial \(trial) lane \(k)")
        }
      }
    }
  }

  @Test(
    "the evaluator's batch columns with lanes equal those without, in any order, short batches padded",
    arguments: InnerWeightingScheme.allCases)
  func evaluatorLanes(scheme: InnerWeightingScheme) throws {
    for estimate in [
      try ExampleData.corpRepSimpleEstimate(settings: PLSSettings(scheme: scheme)),
      try ExampleData.mobiEstimate(settings: PLSSettings(scheme: scheme)),
      try ExampleData.corpRepSimpleEstimate(
        settings: PLSSettings(scheme: scheme, consistent: true)),
    ] {
      let bootstrapper = Bootstrapper(settings: BootstrapSettings(resamples: 200, seed: 8))
      let catalog = bootstrapper.catalog(for: estimate)
      let kernel = PLSKernel(layout: estimate.layout, settings: estimate.settings)
      let data = estimate.prepared.standardized
      let batched = data.storage.withUnsafeBufferPointer {
        BatchedCrossProducts(data: $0.baseAddress!, rows: data.rows, columns: data.columns)
      }
      func evaluator(lanes: Bool) -> ResampleEvaluator {
        ResampleEvaluator(
          data: data, kernel: kernel, catalog: catalog, signChange: .individual,
          originalWeights: estimate.weights, originalLoadings: estimate.loadings, seed: 8,
          batched: batched, usesLanes: lanes)
      }
      let m = catalog.count
      func rows(_ e: ResampleEvaluator, first: Int, count: Int, order: [Int]) -> [[UInt64]: UInt8] {
        e.prepareBatch(first: first, count: count)
        var result: [[UInt64]: UInt8] = [:]
        for j in order {
          var row = [Double](repeating: .nan, count: m)
          let outcome = row.withUnsafeMutableBufferPointer {
            e.evaluate(batchColumn: j, into: $0.baseAddress!)
          }
          result[[UInt64(j)] + row.map(\.bitPattern)] = outcome.rawValue
        }
        return result
      }
      let lanes = evaluator(lanes: true)
      let plain = evaluator(lanes: false)
      for (first, count) in [(0, 64), (64, 7), (128, 1), (192, 62)] {
        var random = SeededGenerator(seed: UInt64(first + count))
        let order = (0..<count).shuffled(using: &random)
        #expect(
          rows(lanes, first: first, count: count, order: order)
            == rows(plain, first: first, count: count, order: Array(0..<count)),
          "\(scheme) first \(first) count \(count)")
      }
    }
  }
}
