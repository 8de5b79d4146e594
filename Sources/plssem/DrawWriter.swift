import Foundation
import PLSSEM
import PLSSEMReport

/// Streams raw bootstrap draws to a CSV file (`--keep-draws`): one row per resample, in
/// resample order, with every statistic; failed resamples have empty cells. The file appears
/// under its name only when complete (written to a temporary name, then renamed); a run that
/// fails leaves nothing behind.
final class DrawWriter: @unchecked Sendable {
  private let path: String
  private let temporary: String
  private let handle: FileHandle
  private let statistics: Int
  private var closed = false

  init(path: String, keys: [StatisticKey]) throws {
    self.path = path
    temporary = path + ".partial"
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else { throw InputError(description: "\(path): cannot create the draws file") }
    self.handle = handle
    statistics = keys.count
    let header = (["resample"] + keys.map { "\"\($0.description)\"" }).joined(separator: ",") + "\n"
    try write(header)
  }

  /// Removes the unfinished file of a run that failed.
  deinit {
    if !closed {
      try? handle.close()
      try? FileManager.default.removeItem(atPath: temporary)
    }
  }

  private func write(_ text: String) throws {
    do {
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      throw InputError(
        description: "\(path): cannot write the draws file (\(error.localizedDescription))")
    }
  }

  /// Called by the bootstrap, in resample order, one chunk at a time.
  @Sendable func write(_ firstResample: Int, _ draws: [[Double]?]) throws {
    var text = ""
    for (offset, row) in draws.enumerated() {
      text += String(firstResample + offset)
      if let row {
        for v in row { text += "," + JSONValue.format(v) }
      } else {
        text += String(repeating: ",", count: statistics)
      }
      text += "\n"
    }
    try write(text)
  }

  /// Closes the file and gives it its final name.
  func close() throws {
    try handle.close()
    closed = true
    guard rename(temporary, path) == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      throw InputError(description: "\(path): cannot write the draws file")
    }
  }
}
