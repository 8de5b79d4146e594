import Foundation

/// Reading a whole file as bytes, nil when it cannot be read.
enum FileBytes {
  /// The file's bytes. A regular file is read with POSIX calls straight into the array (one
  /// pass, no intermediate `Data`: a large CSV file is the biggest allocation of a run); other
  /// readable files (pipes, devices) through `FileManager`. Nil for a missing file, a folder or
  /// an I/O error.
  static func read(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { _ = close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    let kind = info.st_mode & S_IFMT
    if kind == S_IFDIR { return nil }
    guard kind == S_IFREG else {
      return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
    let expected = Int(info.st_size)
    var failed = false
    var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
      count = 0
      while count < expected {
        let n = Foundation.read(descriptor, buffer.baseAddress.map { $0 + count }, expected - count)
        if n < 0, errno == EINTR { continue }
        if n < 0 { failed = true }
        if n <= 0 { break }
        count += n
      }
    }
    guard !failed else { return nil }
    // A file that grew while it was read: take the rest too.
    if bytes.count == expected {
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = chunk.withUnsafeMutableBytes {
          Foundation.read(descriptor, $0.baseAddress, $0.count)
        }
        if n < 0, errno == EINTR { continue }
        if n < 0 { return nil }
        if n == 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
      }
    }
    return bytes
  }
}
