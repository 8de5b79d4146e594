/// One slot per worker thread, each written only by its own worker.
final class PerWorkerSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<Value>
  let count: Int

  init(repeating value: Value, count: Int) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: value, count: count)
  }

  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }

  subscript(index: Int) -> Value {
    get { slots[index] }
    set { slots[index] = newValue }
  }
}
