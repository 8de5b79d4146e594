import Foundation

/// Writes output files whole or not at all: the text goes to a temporary file beside the
/// target, which is then renamed over it (rename is atomic on POSIX file systems), so a failed
/// or interrupted run never leaves a half-written file.
public enum OutputFile {
  /// Problems writing an output file.
  public struct WriteError: Error, CustomStringConvertible {
    /// The file that could not be written.
    public let path: String
    /// Why, in the operating system's words.
    public let reason: String
    /// "path: cannot write the output (reason)".
    public var description: String { "\(path): cannot write the output (\(reason))" }
  }

  /// Writes `text` to `path` atomically.
  public static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` to `path` atomically.
  public static func write(_ data: Data, to path: String) throws {
    let target = URL(fileURLWithPath: path)
    let directory = target.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try data.write(to: temporary)
      guard rename(temporary.path, target.path) == 0 else {
        throw WriteError(path: path, reason: String(cString: strerror(errno)))
      }
    } catch let error as WriteError {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw WriteError(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}
