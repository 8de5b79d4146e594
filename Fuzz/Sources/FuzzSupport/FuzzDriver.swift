// The entry point shared by the harnesses.
//
// SwiftPM renames an executable's `main` (so that tests can link the module) and points the
// linker's `main` at it, which hides the `main` of libFuzzer's runtime. So each harness has its
// own `@main` that hands the command line to libFuzzer's driver, `LLVMFuzzerRunDriver`.
#if canImport(Glibc)
  import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// One fuzz input: the bytes libFuzzer made.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Runs libFuzzer with this process's arguments and `target`; never returns.
public func runFuzzer(_ target: FuzzTarget) -> Never {
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  let status = LLVMFuzzerRunDriver(&argc, &argv, target)
  exit(status)
}

/// The input as a buffer (libFuzzer passes a null pointer for the empty input).
public func fuzzBytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> UnsafeBufferPointer<UInt8> {
  guard let start, count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
  return UnsafeBufferPointer(start: start, count: count)
}
