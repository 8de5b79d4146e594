import DelimitedText

/// Reading a whole file (``WholeFile`` of DelimitedText, POSIX calls), its failure as this
/// module's error: "no such file", "it is a directory", or the system's message.
enum FileContents {
  static func bytes(atPath path: String) throws(DataFileError) -> [UInt8] {
    do {
      return try WholeFile.bytes(atPath: path)
    } catch {
      throw .unreadable(source: path, reason: error.reason)
    }
  }
}
