/// Allocation-free Cholesky factorisation and solves for small symmetric positive-definite
/// systems (a handful of predictors, a Mode B block), in plain Swift.
///
/// For the tiny systems that PLS iterations solve thousands of times per second, the cost of
/// a LAPACK call (argument checking, workspace) exceeds the arithmetic; these loops over raw
/// buffers avoid it. The algorithm is the textbook column Cholesky–Banachiewicz recursion
/// `Lⱼⱼ = √(Aⱼⱼ − Σₖ Lⱼₖ²)`, `Lᵢⱼ = (Aᵢⱼ − Σₖ LᵢₖLⱼₖ)/Lⱼⱼ` (Golub & Van Loan 2013, §4.2),
/// followed by forward and back substitution.
public enum SmallSPDSolver {
  /// Factorises the `n × n` column-major matrix at `a` in place into its lower Cholesky factor.
  /// Returns false when a pivot is not positive or falls below `relativeTolerance` times the
  /// original diagonal element (numerically singular); the buffer is then unspecified.
  @inlinable
  public static func factorize(
    _ a: UnsafeMutablePointer<Double>, n: Int, relativeTolerance: Double = 1e-12
  ) -> Bool {
    // Sizes 1–4 (the predecessor systems of the path scheme, solved in every PLS iteration)
    // take straight-line code: the same operations in the same order as the loops below, so
    // the results are bit-identical, without the loops' set-up that dominates at these sizes.
    switch n {
    case 1: return factorize1(a, relativeTolerance)
    case 2: return factorize2(a, relativeTolerance)
    case 3: return factorize3(a, relativeTolerance)
    case 4: return factorize4(a, relativeTolerance)
    default: return factorizeLoops(a, n: n, relativeTolerance: relativeTolerance)
    }
  }

  /// The general factorisation, for any `n`; ``factorize(_:n:relativeTolerance:)`` uses it
  /// beyond 4 unknowns (and the tests compare the straight-line sizes with it bit for bit).
  @inlinable
  internal static func factorizeLoops(
    _ a: UnsafeMutablePointer<Double>, n: Int, relativeTolerance: Double
  ) -> Bool {
    // Column j is updated by the columns k < j in increasing k (left-looking): for every
    // entry, the same operations in the same order as the dot products of the recursion, but
    // along contiguous columns, which vectorise.
    for j in 0..<n {
      let cj = a + j * n
      let original = cj[j]
      for k in 0..<j {
        let ck = a + k * n
        let ljk = ck[j]
        for i in j..<n { cj[i] -= ck[i] * ljk }
      }
      let d = cj[j]
      guard d > relativeTolerance * abs(original), d.isFinite else { return false }
      let l = d.squareRoot()
      cj[j] = l
      let inverse = 1 / l
      for i in (j + 1)..<max(n, j + 1) { cj[i] *= inverse }
    }
    return true
  }

  /// Solves `L Lᵀ x = b` in place for the factor made by ``factorize(_:n:relativeTolerance:)``.
  @inlinable
  public static func solve(
    factor l: UnsafePointer<Double>, n: Int, _ b: UnsafeMutablePointer<Double>
  ) {
    switch n {
    case 1:
      b[0] = b[0] / l[0]
      b[0] = b[0] / l[0]
    case 2:
      let l00 = l[0]
      let l10 = l[1]
      let l11 = l[3]
      let y0 = b[0] / l00
      let y1 = (b[1] - l10 * y0) / l11
      let x1 = y1 / l11
      b[1] = x1
      b[0] = (y0 - l10 * x1) / l00
    case 3:
      let l00 = l[0]
      let l10 = l[1]
      let l20 = l[2]
      let l11 = l[4]
      let l21 = l[5]
      let l22 = l[8]
      let y0 = b[0] / l00
      let y1 = (b[1] - l10 * y0) / l11
      let y2 = (b[2] - l20 * y0 - l21 * y1) / l22
      let x2 = y2 / l22
      let x1 = (y1 - l21 * x2) / l11
      b[2] = x2
      b[1] = x1
      b[0] = (y0 - l10 * x1 - l20 * x2) / l00
    case 4:
      let l00 = l[0]
      let l10 = l[1]
      let l20 = l[2]
      let l30 = l[3]
      let l11 = l[5]
      let l21 = l[6]
      let l31 = l[7]
      let l22 = l[10]
      let l32 = l[11]
      let l33 = l[15]
      let y0 = b[0] / l00
      let y1 = (b[1] - l10 * y0) / l11
      let y2 = (b[2] - l20 * y0 - l21 * y1) / l22
      let y3 = (b[3] - l30 * y0 - l31 * y1 - l32 * y2) / l33
      let x3 = y3 / l33
      let x2 = (y2 - l32 * x3) / l22
      let x1 = (y1 - l21 * x2 - l31 * x3) / l11
      b[3] = x3
      b[2] = x2
      b[1] = x1
      b[0] = (y0 - l10 * x1 - l20 * x2 - l30 * x3) / l00
    default: solveLoops(factor: l, n: n, b)
    }
  }

  /// The general substitutions, for any `n` (see ``factorizeLoops(_:n:relativeTolerance:)``).
  @inlinable
  internal static func solveLoops(
    factor l: UnsafePointer<Double>, n: Int, _ b: UnsafeMutablePointer<Double>
  ) {
    for i in 0..<n {
      var s = b[i]
      for k in 0..<i { s -= l[i + k * n] * b[k] }
      b[i] = s / l[i + i * n]
    }
    var i = n - 1
    while i >= 0 {
      var s = b[i]
      for k in (i + 1)..<max(n, i + 1) { s -= l[k + i * n] * b[k] }
      b[i] = s / l[i + i * n]
      i -= 1
    }
  }

  @inlinable
  internal static func factorize1(
    _ a: UnsafeMutablePointer<Double>, _ relativeTolerance: Double
  ) -> Bool {
    let d = a[0]
    guard d > relativeTolerance * abs(d), d.isFinite else { return false }
    a[0] = d.squareRoot()
    return true
  }

  @inlinable
  internal static func factorize2(
    _ a: UnsafeMutablePointer<Double>, _ relativeTolerance: Double
  ) -> Bool {
    let d0 = a[0]
    guard d0 > relativeTolerance * abs(d0), d0.isFinite else { return false }
    let l00 = d0.squareRoot()
    let l10 = a[1] * (1 / l00)
    let original1 = a[3]
    let d1 = original1 - l10 * l10
    guard d1 > relativeTolerance * abs(original1), d1.isFinite else { return false }
    a[0] = l00
    a[1] = l10
    a[3] = d1.squareRoot()
    return true
  }

  @inlinable
  internal static func factorize3(
    _ a: UnsafeMutablePointer<Double>, _ relativeTolerance: Double
  ) -> Bool {
    let d0 = a[0]
    guard d0 > relativeTolerance * abs(d0), d0.isFinite else { return false }
    let l00 = d0.squareRoot()
    let inverse0 = 1 / l00
    let l10 = a[1] * inverse0
    let l20 = a[2] * inverse0
    let original1 = a[4]
    let d1 = original1 - l10 * l10
    let c21 = a[5] - l20 * l10
    guard d1 > relativeTolerance * abs(original1), d1.isFinite else { return false }
    let l11 = d1.squareRoot()
    let l21 = c21 * (1 / l11)
    let original2 = a[8]
    let d2 = (original2 - l20 * l20) - l21 * l21
    guard d2 > relativeTolerance * abs(original2), d2.isFinite else { return false }
    a[0] = l00
    a[1] = l10
    a[2] = l20
    a[4] = l11
    a[5] = l21
    a[8] = d2.squareRoot()
    return true
  }

  @inlinable
  internal static func factorize4(
    _ a: UnsafeMutablePointer<Double>, _ relativeTolerance: Double
  ) -> Bool {
    let d0 = a[0]
    guard d0 > relativeTolerance * abs(d0), d0.isFinite else { return false }
    let l00 = d0.squareRoot()
    let inverse0 = 1 / l00
    let l10 = a[1] * inverse0
    let l20 = a[2] * inverse0
    let l30 = a[3] * inverse0
    let original1 = a[5]
    let d1 = original1 - l10 * l10
    let c21 = a[6] - l20 * l10
    let c31 = a[7] - l30 * l10
    guard d1 > relativeTolerance * abs(original1), d1.isFinite else { return false }
    let l11 = d1.squareRoot()
    let inverse1 = 1 / l11
    let l21 = c21 * inverse1
    let l31 = c31 * inverse1
    let original2 = a[10]
    let d2 = (original2 - l20 * l20) - l21 * l21
    let c32 = (a[11] - l30 * l20) - l31 * l21
    guard d2 > relativeTolerance * abs(original2), d2.isFinite else { return false }
    let l22 = d2.squareRoot()
    let l32 = c32 * (1 / l22)
    let original3 = a[15]
    let d3 = ((original3 - l30 * l30) - l31 * l31) - l32 * l32
    guard d3 > relativeTolerance * abs(original3), d3.isFinite else { return false }
    a[0] = l00
    a[1] = l10
    a[2] = l20
    a[3] = l30
    a[5] = l11
    a[6] = l21
    a[7] = l31
    a[10] = l22
    a[11] = l32
    a[15] = d3.squareRoot()
    return true
  }
}
