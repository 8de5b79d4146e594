internal import CLAPACK

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    stopIdleWorkers()
    return true
  }()

  /// Ends the worker threads that a pthreads build of OpenBLAS starts when it loads (one per
  /// core but one, unless `OPENBLAS_NUM_THREADS` said otherwise). Held to one thread, OpenBLAS
  /// never hands them work, yet they kept polling with `sched_yield`: `perf` of a one-thread
  /// bootstrap showed the idle worker taking 13 % of the process's samples, and the process
  /// used about 20 % less CPU with `OPENBLAS_NUM_THREADS=1`. OpenBLAS starts them again by
  /// itself if ``setThreadCount(_:)`` later asks for more threads. Looked up at run time
  /// (`blas_thread_shutdown_`, exported by pthreads builds), so other BLAS builds are unaffected.
  private static func stopIdleWorkers() {
    #if canImport(Glibc) || canImport(Darwin)
      guard let process = dlopen(nil, RTLD_NOW),
        let symbol = dlsym(process, "blas_thread_shutdown_")
      else { return }
      typealias Shutdown = @convention(c) () -> Int32
      _ = unsafeBitCast(symbol, to: Shutdown.self)()
    #endif
  }

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
