import Foundation
import Testing

/// Runs the built `plssem` executable as a subprocess, with a time limit.
public enum CLIRunner {
  /// What one run left behind.
  public struct Outcome: Sendable {
    /// The exit status, or the signal number when ``signalled``.
    public var status: Int32
    /// True when the process ended by a signal (a trap, an abort, a kill) rather than `exit`.
    public var signalled: Bool
    /// True when the run was killed for exceeding its time limit.
    public var timedOut: Bool
    /// Wall-clock seconds from start to exit.
    public var seconds: Double
    /// Standard output, byte for byte.
    public var standardOutputBytes: Data
    /// Standard error, byte for byte.
    public var standardErrorBytes: Data

    /// Standard output as UTF-8 text.
    public var standardOutput: String { String(decoding: standardOutputBytes, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    public var standardError: String { String(decoding: standardErrorBytes, as: UTF8.self) }

    /// Standard output parsed as a JSON object (`--format json`), or nil if it is not one.
    public func jsonObject() throws -> [String: Any]? {
      try JSONSerialization.jsonObject(with: standardOutputBytes) as? [String: Any]
    }
  }

  /// The `plssem` executable: `$PLSSEM_BINARY` if set, else the one beside the test bundle.
  ///
  /// On Linux `swift test` builds every product of the package, so `plssem` sits in the same
  /// `.build/<triple>/<configuration>/` folder as the `…PackageTests.xctest` runner.
  public static let binary: Result<URL, BinaryNotFound> = locateBinary()

  /// Why ``binary`` is missing: the folders searched.
  public struct BinaryNotFound: Error, CustomStringConvertible {
    public var searched: [String]
    public var description: String {
      "the plssem executable was not found (looked in: \(searched.joined(separator: ", "))); "
        + "build it with `swift build --product plssem` (swift test builds it too) or set PLSSEM_BINARY"
    }
  }

  private static func locateBinary() -> Result<URL, BinaryNotFound> {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["PLSSEM_BINARY"], !path.isEmpty {
      return FileManager.default.isExecutableFile(atPath: path)
        ? .success(URL(fileURLWithPath: path)) : .failure(BinaryNotFound(searched: [path]))
    }
    var folders: [URL] = []
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      folders.append(bundle.bundleURL.deletingLastPathComponent())
    }
    if let executable = Bundle.main.executableURL {
      folders.append(executable.deletingLastPathComponent())
    }
    if let first = CommandLine.arguments.first {
      folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    folders.append(Repository.url(".build/debug"))
    var searched: [String] = []
    for folder in folders {
      let candidate = folder.appendingPathComponent("plssem")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return .success(candidate) }
      if !searched.contains(folder.path) { searched.append(folder.path) }
    }
    return .failure(BinaryNotFound(searched: searched))
  }

  /// Runs `plssem` (or `executable`, e.g. `/bin/bash` for a script) with `arguments` in
  /// `directory`, killing it after `timeout` seconds (TERM, then KILL after 5 s).
  ///
  /// Standard output and error go to files (never pipes), so a large output cannot block the
  /// child while the parent waits.
  public static func run(
    _ arguments: [String], in directory: URL? = nil, timeout: Double = 60, executable: URL? = nil
  ) throws -> Outcome {
    let executable = try executable ?? binary.get()
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("plssem-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    let start = Date()
    try process.run()
    var timedOut = false
    while process.isRunning {
      if Date().timeIntervalSince(start) > timeout {
        timedOut = true
        process.terminate()
        let grace = Date()
        while process.isRunning, Date().timeIntervalSince(grace) < 5 { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        break
      }
      usleep(10_000)
    }
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(start)
    return Outcome(
      status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
      timedOut: timedOut, seconds: seconds,
      standardOutputBytes: (try? Data(contentsOf: outURL)) ?? Data(),
      standardErrorBytes: (try? Data(contentsOf: errURL)) ?? Data())
  }

  /// Runs `plssem` and expects exit status 0 (an issue naming the command and its standard
  /// error otherwise); returns standard output, byte for byte.
  public static func output(
    _ arguments: [String], in directory: URL? = nil, timeout: Double = 60,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Data {
    let outcome = try run(arguments, in: directory, timeout: timeout)
    expectNoCrash(
      outcome, "plssem \(arguments.joined(separator: " "))", sourceLocation: sourceLocation)
    #expect(
      outcome.status == 0,
      "plssem \(arguments.joined(separator: " ")): exit \(outcome.status): \(outcome.standardError)",
      sourceLocation: sourceLocation)
    return outcome.standardOutputBytes
  }

  /// Records an issue for every sign of a crash: a signal, an exit status of 128 or more, a
  /// Swift runtime trap message, or a timeout.
  public static func expectNoCrash(
    _ outcome: Outcome, _ context: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      !outcome.timedOut, "\(context): still running after the time limit",
      sourceLocation: sourceLocation)
    #expect(
      !outcome.signalled, "\(context): ended by signal \(outcome.status)",
      sourceLocation: sourceLocation)
    #expect(
      outcome.status < 128, "\(context): exit status \(outcome.status)",
      sourceLocation: sourceLocation)
    for sign in [
      "Fatal error", "Illegal instruction", "Segmentation fault", "Stack dump", "Assertion failed",
    ] {
      #expect(
        !outcome.standardError.contains(sign),
        "\(context): '\(sign)' on standard error:\n\(outcome.standardError)",
        sourceLocation: sourceLocation)
    }
  }
}
