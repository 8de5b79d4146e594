/// Rows of m statistics written by several threads at disjoint indices.
final class ParallelRows: @unchecked Sendable {
  let storage: UnsafeMutablePointer<Double>
  let width: Int
  let count: Int
  /// Whether each row's resample succeeded; written at disjoint indices, hence a raw buffer.
  let succeeded: UnsafeMutablePointer<Bool>

  init(count: Int, width: Int) {
    self.count = count
    self.width = width
    storage = .allocate(capacity: max(count * width, 1))
    storage.initialize(repeating: 0, count: max(count * width, 1))
    succeeded = .allocate(capacity: max(count, 1))
    succeeded.initialize(repeating: false, count: max(count, 1))
  }

  deinit {
    storage.deallocate()
    succeeded.deallocate()
  }

  func row(_ r: Int) -> UnsafeMutablePointer<Double> { storage + r * width }
  func values(_ r: Int) -> [Double] { Array(UnsafeBufferPointer(start: row(r), count: width)) }
}
