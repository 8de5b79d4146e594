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

  /// The name of the OpenBLAS kernel family in use (`"SkylakeX"`, `"Haswell"`, `"Zen"`,
  /// `"Prescott"`, …), as `openblas_get_corename()` reports it.
  ///
  /// OpenBLAS picks the kernels for the CPU at load time (or as `OPENBLAS_CORETYPE` says), and
  /// different kernels round differently in the last bits: results are bit-identical on one
  /// machine, for any thread count or shard split, but not across CPUs. State this name when
  /// comparing numbers between machines.
  public static var kernelName: String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
  }
}
