/// Rows of m statistics written by several threads at disjoint indices.
final class ParallelRows: @unchecked Sendable {
  let storage: UnsafeMutablePointer<Double>
  let width: Int
  let count: Int
  /// How each row's resample was counted; written at disjoint indices, hence a raw buffer.
  let resolution: UnsafeMutablePointer<ResampleResolution>

  init(count: Int, width: Int) {
    self.count = count
    self.width = width
    storage = .allocate(capacity: max(count * width, 1))
    storage.initialize(repeating: 0, count: max(count * width, 1))
    resolution = .allocate(capacity: max(count, 1))
    resolution.initialize(repeating: .failed, count: max(count, 1))
  }

  deinit {
    storage.deallocate()
    resolution.deallocate()
  }

  func row(_ r: Int) -> UnsafeMutablePointer<Double> { storage + r * width }
  func values(_ r: Int) -> [Double] { Array(UnsafeBufferPointer(start: row(r), count: width)) }
}
