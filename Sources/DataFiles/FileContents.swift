#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a whole file with POSIX calls, so that "no such file", "a folder" and "no
/// permission" each get their own message.
enum FileContents {
  static func bytes(atPath path: String) throws(DataFileError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    if descriptor < 0 {
      let code = errno
      if code == ENOENT || code == ENOTDIR || path.isEmpty {
        throw .unreadable(source: path, reason: "no such file")
      }
      throw .unreadable(source: path, reason: reason(code))
    }
    defer { _ = close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .unreadable(source: path, reason: reason(errno))
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw .unreadable(source: path, reason: "it is a directory")
    }
    var result: [UInt8] = []
    if info.st_size > 0 { result.reserveCapacity(Int(info.st_size)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        let code = errno
        if code == EINTR { continue }
        throw .unreadable(source: path, reason: reason(code))
      }
      if count == 0 { break }
      result.append(contentsOf: chunk[0..<count])
    }
    return result
  }

  static func reason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
