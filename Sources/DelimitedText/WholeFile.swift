#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a whole file with POSIX calls, so that "no such file", "a folder" and "no
/// permission" each get their own message: the one file reader of `DelimitedTextReader` and
/// of the DataFiles module, which turn a ``Failure`` into their own errors.
public enum WholeFile {
  /// Why a file could not be read.
  public enum Failure: Error, Sendable, Equatable {
    /// No file at the path (or an empty path, or a path through something not a folder).
    case notFound
    /// The path names a folder.
    case directory
    /// The system refused or failed (no permission, an I/O error): its message.
    case unreadable(String)

    /// The failure as messages word it: `no such file`, `it is a directory`, or the
    /// system's message.
    public var reason: String {
      switch self {
      case .notFound: "no such file"
      case .directory: "it is a directory"
      case .unreadable(let reason): reason
      }
    }
  }

  /// The bytes of the file at `path`.
  public static func bytes(atPath path: String) throws(Failure) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    if descriptor < 0 {
      let code = errno
      if code == ENOENT || code == ENOTDIR || path.isEmpty { throw .notFound }
      throw .unreadable(reason(code))
    }
    defer { _ = close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw .unreadable(reason(errno)) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw .directory }
    var result: [UInt8] = []
    if info.st_size > 0 { result.reserveCapacity(Int(info.st_size)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        let code = errno
        if code == EINTR { continue }
        throw .unreadable(reason(code))
      }
      if count == 0 { break }
      result.append(contentsOf: chunk[0..<count])
    }
    return result
  }

  /// The system's message for an `errno` value.
  static func reason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
