/// A dense, column-major matrix of `Double`.
///
/// Storage is a Swift array, so `Matrix` is a value type with copy-on-write: copies are cheap
/// until one of them is mutated. Element `(i, j)` lives at `storage[i + j * rows]`, the layout
/// BLAS and LAPACK expect, so buffers go to them without copying.
///
/// Operations that combine matrices check shapes and throw ``LinearAlgebraError/shapeMismatch(operation:left:right:)``;
/// element access by subscript is unchecked beyond the standard library's array bounds check,
/// as for `Array`.
public struct Matrix: Equatable, Sendable, CustomStringConvertible {
  /// Number of rows.
  public private(set) var rows: Int
  /// Number of columns.
  public private(set) var columns: Int
  /// The elements in column-major order.
  public internal(set) var storage: [Double]

  /// A `rows × columns` matrix filled with `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    self.rows = max(0, rows)
    self.columns = max(0, columns)
    self.storage = Array(repeating: value, count: self.rows * self.columns)
  }

  /// A matrix over column-major `storage`; throws when the count is not `rows × columns`.
  public init(rows: Int, columns: Int, columnMajor storage: [Double]) throws(LinearAlgebraError) {
    guard rows >= 0, columns >= 0, storage.count == rows * columns else {
      throw .invalidArgument(
        operation: "Matrix(rows:columns:columnMajor:)",
        detail: "\(storage.count) values cannot fill a \(rows)×\(columns) matrix")
    }
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// A matrix from an array of rows; throws when the rows differ in length.
  public init(rowArrays: [[Double]]) throws(LinearAlgebraError) {
    let columns = rowArrays.first?.count ?? 0
    for (i, row) in rowArrays.enumerated() where row.count != columns {
      throw .invalidArgument(
        operation: "Matrix(rowArrays:)",
        detail: "row \(i + 1) has \(row.count) values, expected \(columns)")
    }
    self.init(rows: rowArrays.count, columns: columns)
    for (i, row) in rowArrays.enumerated() {
      for (j, value) in row.enumerated() { storage[i + j * rows] = value }
    }
  }

  /// A matrix from an array of columns; throws when the columns differ in length.
  public init(columnArrays: [[Double]]) throws(LinearAlgebraError) {
    let rows = columnArrays.first?.count ?? 0
    for (j, column) in columnArrays.enumerated() where column.count != rows {
      throw .invalidArgument(
        operation: "Matrix(columnArrays:)",
        detail: "column \(j + 1) has \(column.count) values, expected \(rows)")
    }
    self.rows = rows
    self.columns = columnArrays.count
    self.storage = columnArrays.flatMap { $0 }
  }

  /// The `n × n` identity matrix.
  public static func identity(_ n: Int) -> Matrix {
    var m = Matrix(rows: n, columns: n)
    for i in 0..<m.rows { m.storage[i + i * m.rows] = 1 }
    return m
  }

  /// A diagonal matrix with `diagonal` on its diagonal.
  public static func diagonal(_ diagonal: [Double]) -> Matrix {
    var m = Matrix(rows: diagonal.count, columns: diagonal.count)
    for (i, d) in diagonal.enumerated() { m.storage[i + i * m.rows] = d }
    return m
  }

  /// The shape as a value, for error messages.
  public var shape: LinearAlgebraError.Shape { .init(rows: rows, columns: columns) }

  /// Whether the matrix is square.
  public var isSquare: Bool { rows == columns }

  /// Element `(row, column)`, zero-based.
  public subscript(row: Int, column: Int) -> Double {
    get { storage[row + column * rows] }
    set { storage[row + column * rows] = newValue }
  }

  /// Column `j` as an array.
  public func column(_ j: Int) -> [Double] {
    Array(storage[(j * rows)..<((j + 1) * rows)])
  }

  /// Row `i` as an array.
  public func row(_ i: Int) -> [Double] {
    (0..<columns).map { storage[i + $0 * rows] }
  }

  /// Replaces column `j`; throws when `values` has the wrong length.
  public mutating func setColumn(_ j: Int, _ values: [Double]) throws(LinearAlgebraError) {
    guard values.count == rows, j >= 0, j < columns else {
      throw .invalidArgument(
        operation: "setColumn",
        detail: "column \(j) with \(values.count) values for a \(shape) matrix")
    }
    storage.replaceSubrange((j * rows)..<((j + 1) * rows), with: values)
  }

  /// The diagonal of the matrix.
  public var diagonal: [Double] {
    (0..<min(rows, columns)).map { storage[$0 + $0 * rows] }
  }

  /// The transpose.
  public var transposed: Matrix {
    var t = Matrix(rows: columns, columns: rows)
    for j in 0..<columns {
      for i in 0..<rows { t.storage[j + i * columns] = storage[i + j * rows] }
    }
    return t
  }

  /// The rows listed in `indices`, in that order, repeats allowed (the bootstrap's gather).
  /// Throws when an index is out of range.
  public func selectingRows(_ indices: [Int]) throws(LinearAlgebraError) -> Matrix {
    var result = Matrix(rows: indices.count, columns: columns)
    for index in indices where index < 0 || index >= rows {
      throw .invalidArgument(
        operation: "selectingRows", detail: "row index \(index) outside 0..<\(rows)")
    }
    let m = indices.count
    storage.withUnsafeBufferPointer { source in
      result.storage.withUnsafeMutableBufferPointer { target in
        for j in 0..<columns {
          let sourceColumn = j * rows
          let targetColumn = j * m
          for (k, index) in indices.enumerated() {
            target[targetColumn + k] = source[sourceColumn + index]
          }
        }
      }
    }
    return result
  }

  /// The columns listed in `indices`, in that order. Throws when an index is out of range.
  public func selectingColumns(_ indices: [Int]) throws(LinearAlgebraError) -> Matrix {
    var result = Matrix(rows: rows, columns: indices.count)
    for (k, j) in indices.enumerated() {
      guard j >= 0, j < columns else {
        throw .invalidArgument(
          operation: "selectingColumns", detail: "column index \(j) outside 0..<\(columns)")
      }
      result.storage.replaceSubrange(
        (k * rows)..<((k + 1) * rows), with: storage[(j * rows)..<((j + 1) * rows)])
    }
    return result
  }

  /// The square submatrix on rows and columns `indices`.
  public func submatrix(rows rowIndices: [Int], columns columnIndices: [Int])
    throws(LinearAlgebraError) -> Matrix
  {
    try selectingColumns(columnIndices).selectingRows(rowIndices)
  }

  /// Throws ``LinearAlgebraError/nonFinite(operation:row:column:)`` at the first NaN or infinity.
  public func checkFinite(_ operation: String) throws(LinearAlgebraError) {
    for (k, value) in storage.enumerated() where !value.isFinite {
      throw .nonFinite(operation: operation, row: k % max(rows, 1), column: k / max(rows, 1))
    }
  }

  /// Element-wise sum; throws on a shape mismatch.
  public static func + (lhs: Matrix, rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
    guard lhs.shape == rhs.shape else {
      throw .shapeMismatch(operation: "+", left: lhs.shape, right: rhs.shape)
    }
    var result = lhs
    for k in result.storage.indices { result.storage[k] += rhs.storage[k] }
    return result
  }

  /// Element-wise difference; throws on a shape mismatch.
  public static func - (lhs: Matrix, rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
    guard lhs.shape == rhs.shape else {
      throw .shapeMismatch(operation: "-", left: lhs.shape, right: rhs.shape)
    }
    var result = lhs
    for k in result.storage.indices { result.storage[k] -= rhs.storage[k] }
    return result
  }

  /// Every element multiplied by `scalar`.
  public static func * (scalar: Double, matrix: Matrix) -> Matrix {
    var result = matrix
    for k in result.storage.indices { result.storage[k] *= scalar }
    return result
  }

  /// The largest absolute element-wise difference; throws on a shape mismatch.
  public func maxAbsoluteDifference(_ other: Matrix) throws(LinearAlgebraError) -> Double {
    guard shape == other.shape else {
      throw .shapeMismatch(operation: "maxAbsoluteDifference", left: shape, right: other.shape)
    }
    var m = 0.0
    for k in storage.indices { m = max(m, abs(storage[k] - other.storage[k])) }
    return m
  }

  public var description: String {
    (0..<rows).map { i in row(i).map { String($0) }.joined(separator: "\t") }.joined(
      separator: "\n")
  }
}
