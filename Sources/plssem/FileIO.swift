import Foundation
import PLSSEMReport

/// Reads a text file or throws a message naming it.
func readText(_ path: String, what: String) throws -> String {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw InputError(
      description: "\(path): cannot read the \(what) file (no such file, or not readable)")
  }
  guard let text = String(data: data, encoding: .utf8) else {
    throw InputError(description: "\(path): the \(what) file is not UTF-8 text")
  }
  return text
}

/// Writes the rendered output to the chosen destination.
func emit(_ text: String, to output: String?) throws {
  if let output {
    try OutputFile.write(text, to: output)
  } else {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
