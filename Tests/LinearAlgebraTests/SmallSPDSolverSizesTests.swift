import Testing

@testable import LinearAlgebra

/// The straight-line Cholesky code for 1–4 unknowns must do exactly what the general loops do:
/// compared bit for bit on random symmetric positive-definite systems and on singular ones.
struct SmallSPDSolverSizesTests {
  /// A deterministic SPD matrix `XᵀX / m + shift·I` from a linear congruential sequence.
  private func system(n: Int, seed: UInt64, shift: Double) -> [Double] {
    var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53) - 0.5
    }
    let m = n + 3
    let x = (0..<(m * n)).map { _ in next() }
    var a = [Double](repeating: 0, count: n * n)
    for col in 0..<n {
      for row in 0..<n {
        var v = 0.0
        for k in 0..<m { v += x[k + row * m] * x[k + col * m] }
        a[row + col * n] = v / Double(m) + (row == col ? shift : 0)
      }
    }
    return a
  }

  /// `a` factorised by the straight-line code and by the loops: each factor and whether it
  /// was accepted.
  func factorizeBothWays(_ a: [Double], n: Int) -> ([Double], Bool, [Double], Bool) {
    var fast = a
    var loops = a
    let fastOK = fast.withUnsafeMutableBufferPointer {
      SmallSPDSolver.factorize($0.baseAddress!, n: n, relativeTolerance: 1e-10)
    }
    let loopsOK = loops.withUnsafeMutableBufferPointer {
      SmallSPDSolver.factorizeLoops($0.baseAddress!, n: n, relativeTolerance: 1e-10)
    }
    return (fast, fastOK, loops, loopsOK)
  }

  @Test(arguments: [1, 2, 3, 4])
  func straightLineMatchesLoopsBitForBit(n: Int) {
    for seed in UInt64(0)..<200 {
      let a = system(n: n, seed: seed, shift: seed % 3 == 0 ? 0 : 0.1)
      let (fast, fastOK, loops, loopsOK) = factorizeBothWays(a, n: n)
      #expect(fastOK == loopsOK)
      guard fastOK, loopsOK else { continue }
      for i in 0..<n {
        for j in 0...i {
          #expect(fast[i + j * n].bitPattern == loops[i + j * n].bitPattern)
        }
      }
      var b1 = (0..<n).map { Double($0) - 0.7 * Double(seed % 5) }
      var b2 = b1
      fast.withUnsafeBufferPointer { l in
        b1.withUnsafeMutableBufferPointer {
          SmallSPDSolver.solve(factor: l.baseAddress!, n: n, $0.baseAddress!)
        }
        b2.withUnsafeMutableBufferPointer {
          SmallSPDSolver.solveLoops(factor: l.baseAddress!, n: n, $0.baseAddress!)
        }
      }
      #expect(b1.map(\.bitPattern) == b2.map(\.bitPattern))
    }
  }

  @Test(arguments: [1, 2, 3, 4])
  func singularSystemsAreRefusedAlike(n: Int) {
    // A rank-deficient matrix (all columns equal) and one with a zero pivot.
    for a in [[Double](repeating: 1, count: n * n), [Double](repeating: 0, count: n * n)] {
      let (_, fastOK, _, loopsOK) = factorizeBothWays(a, n: n)
      #expect(fastOK == loopsOK)
    }
  }
}
