/// Allocation-free LU factorisation with partial pivoting and solves for small square systems
/// that need not be positive definite, in plain Swift.
///
/// The companion of ``SmallSPDSolver`` for the systems that are symmetric but indefinite: the
/// structural regressions of consistent PLS on a corrected construct correlation matrix that is
/// not positive definite (an inadmissible solution, which cSEM and seminr still solve with an
/// ordinary linear solve). The algorithm is Gaussian elimination with partial pivoting,
/// `PA = LU` (Golub & Van Loan 2013, §3.4), in the right-looking (kij) order, followed by forward
/// and back substitution.
public enum SmallLUSolver {
  /// Factorises the `n × n` column-major matrix at `a` in place into `L` (unit lower, below the
  /// diagonal) and `U` (upper, on and above it), with the row exchanged at step k stored in
  /// `pivots[k]`.
  ///
  /// Returns false when a pivot's magnitude is at most `relativeTolerance` times the largest
  /// magnitude in the original matrix (numerically singular) or any value is not finite; the
  /// buffers are then unspecified.
  @inlinable
  public static func factorize(
    _ a: UnsafeMutablePointer<Double>, n: Int, pivots: UnsafeMutablePointer<Int>,
    relativeTolerance: Double = 1e-12
  ) -> Bool {
    var scale = 0.0
    for i in 0..<(n * n) {
      guard a[i].isFinite else { return false }
      scale = max(scale, abs(a[i]))
    }
    let threshold = relativeTolerance * scale
    for k in 0..<n {
      var pivotRow = k
      var largest = abs(a[k + k * n])
      for i in (k + 1)..<n where abs(a[i + k * n]) > largest {
        largest = abs(a[i + k * n])
        pivotRow = i
      }
      guard largest > threshold, largest.isFinite else { return false }
      pivots[k] = pivotRow
      if pivotRow != k {
        for c in 0..<n { swapAt(a, k + c * n, pivotRow + c * n) }
      }
      let inverse = 1 / a[k + k * n]
      for i in (k + 1)..<n { a[i + k * n] *= inverse }
      for c in (k + 1)..<n {
        let factor = a[k + c * n]
        guard factor != 0 else { continue }
        for i in (k + 1)..<n { a[i + c * n] -= a[i + k * n] * factor }
      }
    }
    return true
  }

  /// Solves `A x = b` in place for the factor and pivots made by
  /// ``factorize(_:n:pivots:relativeTolerance:)``.
  @inlinable
  public static func solve(
    factor lu: UnsafePointer<Double>, n: Int, pivots: UnsafePointer<Int>,
    _ b: UnsafeMutablePointer<Double>
  ) {
    for k in 0..<n where pivots[k] != k {
      let t = b[k]
      b[k] = b[pivots[k]]
      b[pivots[k]] = t
    }
    for i in 0..<n {
      var s = b[i]
      for k in 0..<i { s -= lu[i + k * n] * b[k] }
      b[i] = s
    }
    var i = n - 1
    while i >= 0 {
      var s = b[i]
      for k in (i + 1)..<n { s -= lu[i + k * n] * b[k] }
      b[i] = s / lu[i + i * n]
      i -= 1
    }
  }

  @inlinable
  static func swapAt(_ a: UnsafeMutablePointer<Double>, _ x: Int, _ y: Int) {
    let t = a[x]
    a[x] = a[y]
    a[y] = t
  }
}
