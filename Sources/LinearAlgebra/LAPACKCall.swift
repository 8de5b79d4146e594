internal import CLAPACK

/// Small helpers shared by the LAPACK wrappers.
enum LAPACK {
  /// Calls `body` with a Fortran character argument.
  @inline(__always)
  static func withCharacter<R>(_ c: Character, _ body: (UnsafePointer<CChar>) -> R) -> R {
    var value = CChar(c.asciiValue ?? 32)
    return withUnsafePointer(to: &value) { body($0) }
  }

  /// Throws for a negative `info` (an argument error: a bug in the wrapper, not bad data).
  static func check(_ routine: String, _ info: Int32) throws(LinearAlgebraError) {
    if info < 0 { throw .lapackFailure(routine: routine, info: Int(info)) }
  }

  /// Throws unless `matrix` is square and finite.
  static func requireSquareFinite(_ matrix: Matrix, _ operation: String) throws(LinearAlgebraError)
  {
    guard matrix.isSquare else {
      throw .shapeMismatch(
        operation: operation + " (needs a square matrix)", left: matrix.shape, right: matrix.shape)
    }
    try matrix.checkFinite(operation)
  }
}
