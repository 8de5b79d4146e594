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
}
