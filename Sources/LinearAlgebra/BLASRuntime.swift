internal import CLAPACK

/// The thread policy for OpenBLAS.
///
/// swift-plssem runs its own parallelism (the bootstrap splits resamples across cores), so
/// OpenBLAS is held to **one thread**: with more, its idle workers spin and steal the cores
/// the engine's own workers need, and the small products of PLS gain nothing from threading.
/// The policy is applied once, lazily, before the first BLAS or LAPACK call that LinearAlgebra
/// makes, whatever `OPENBLAS_NUM_THREADS` says; ``setThreadCount(_:)`` changes it for
/// programs that want BLAS parallelism for one big product.
public enum BLASRuntime {
  /// The thread count applied at start-up.
  public static let defaultThreadCount = 1

  /// Applies the start-up policy exactly once (Swift runs a global's initialiser once,
  /// thread-safely); touched by every entry point that calls BLAS or LAPACK.
  internal static let configured: Bool = {
    openblas_set_num_threads(Int32(defaultThreadCount))
    return true
  }()

  /// Makes sure the policy has been applied. Cheap after the first call.
  @inline(__always)
  internal static func ensureConfigured() {
    _ = configured
  }

  /// The number of threads OpenBLAS uses now.
  public static var threadCount: Int {
    ensureConfigured()
    return Int(openblas_get_num_threads())
  }

  /// Sets the OpenBLAS thread count for the whole process. Not for use while other threads
  /// call BLAS (the setting is process-wide).
  public static func setThreadCount(_ count: Int) {
    ensureConfigured()
    openblas_set_num_threads(Int32(max(1, count)))
  }
}
