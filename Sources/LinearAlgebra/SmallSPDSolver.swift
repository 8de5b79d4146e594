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
}
