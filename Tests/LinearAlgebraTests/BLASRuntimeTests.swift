import Foundation
import Testing

@testable import LinearAlgebra

/// The OpenBLAS thread policy. Tests run in parallel and the thread count is process-wide,
/// so no test ever changes it.
@Suite("BLAS runtime")
struct BLASRuntimeTests {
  @Test func openBLASUsesOneThreadAfterFirstUse() throws {
    _ = try Matrix.identity(3) * Matrix.identity(3)
    #expect(BLASRuntime.defaultThreadCount == 1)
    #expect(BLASRuntime.threadCount == 1)
  }

  /// The kernel family OpenBLAS chose (printed, so a test log says which CPU path ran; the suite
  /// is run under several with `OPENBLAS_CORETYPE`, see the README).
  @Test func kernelNameFollowsOpenBLASCoreType() throws {
    let name = BLASRuntime.kernelName
    print("[OpenBLAS kernel] \(name)")
    #expect(!name.isEmpty && name != "unknown")
    let requested = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? ""
    // OpenBLAS honours a core type this CPU can run (and maps a few newer names to older ones).
    if ["Haswell", "SkylakeX", "Zen", "Prescott", "Sandybridge", "Nehalem"].contains(requested) {
      #expect(name.lowercased() == requested.lowercased(), "requested \(requested), got \(name)")
    }
  }
}
