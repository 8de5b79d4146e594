import Foundation
import Synchronization

/// A progress bar with rate and ETA on standard error, drawn only when standard error is a
/// terminal (so logs and CI output stay clean). Redraws at most ten times a second.
final class ProgressBar: Sendable {
  private struct State {
    var lastDraw = 0.0
  }
  private let label: String
  private let start = Date()
  private let state = Mutex(State())

  private init(label: String) {
    self.label = label
  }

  /// A bar when standard error is a terminal and `--quiet` is off, else nil.
  static func forStandardError(label: String) -> ProgressBar? {
    isatty(STDERR_FILENO) == 1 && !Console.isQuiet ? ProgressBar(label: label) : nil
  }

  /// Draws `completed` of `total`.
  @Sendable func update(_ completed: Int, _ total: Int) {
    let elapsed = Date().timeIntervalSince(start)
    let due = state.withLock { s -> Bool in
      guard elapsed - s.lastDraw >= 0.1 || completed == total else { return false }
      s.lastDraw = elapsed
      return true
    }
    guard due, total > 0 else { return }
    let fraction = Double(completed) / Double(total)
    let width = 30
    let filled = Int(fraction * Double(width))
    let rate = elapsed > 0 ? Double(completed) / elapsed : 0
    let eta = rate > 0 ? Double(total - completed) / rate : 0
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let line = String(
      format: "\r%@ [%@] %3.0f%% %d/%d  %.0f/s  ETA %.0fs ", label, bar, fraction * 100, completed,
      total, rate, eta)
    FileHandle.standardError.write(Data(line.utf8))
  }

  /// Ends the bar's line.
  func finish() {
    FileHandle.standardError.write(Data("\n".utf8))
  }
}
