import Foundation
import ZIPFoundation

/// The ZIP container of an xlsx workbook: its parts by name, each inflated within bounds.
///
/// ZIPFoundation lists the archive (end of central directory, ZIP64, entry names and sizes) and
/// inflates; the archive is read from the file (a temporary copy for bytes without one). Its `Archive.extract` is not used for deflated parts: in version 0.9.20 on Linux it
/// loops for ever on a deflate stream that is cut short (a 200-byte crafted file hangs it) and
/// hands zlib a longer input than the last chunk holds. So each part's compressed bytes are
/// located here (its local header, found by name) and given to ZIPFoundation's public
/// `Data.decompress` through a provider that serves whole buffers and throws past the end.
struct WorkbookArchive {
  let source: String
  let limits: DataFileLimits
  private let bytes: [UInt8]
  /// Entries by normalised path (first of duplicates).
  private let entries: [String: Entry]
  /// Normalised path by lowercased path, for case-insensitive look-ups.
  private let lowercased: [String: String]

  /// The most entries listed; an xlsx has a few dozen.
  static let maximumEntries = 100_000
  /// The inflation buffer.
  static let bufferSize = 1 << 16

  /// The archive of `bytes`, the contents of `file` when there is one.
  init(bytes: [UInt8], file: URL? = nil, source: String, limits: DataFileLimits)
    throws(DataFileError)
  {
    self.source = source
    self.limits = limits
    self.bytes = bytes
    // A file-backed archive: ZIPFoundation's in-memory one traps when a header points past
    // the end of the data (its seek accepts any offset, its read then forms a negative range).
    // The bytes go to a temporary file when the caller has no file (or it changed meanwhile).
    let temporary: URL?
    let url: URL
    if let file, let onDisk = try? Data(contentsOf: file), onDisk.elementsEqual(bytes) {
      url = file
      temporary = nil
    } else {
      let made = FileManager.default.temporaryDirectory.appendingPathComponent(
        "plssem-workbook-\(UUID().uuidString).xlsx")
      guard (try? Data(bytes).write(to: made)) != nil else {
        throw .unreadable(source: source, reason: "cannot write a temporary copy to read it")
      }
      url = made
      temporary = made
    }
    defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw .invalidWorkbook(
        source: source, reason: "the ZIP archive is truncated or damaged (no central directory)")
    }
    var entries: [String: Entry] = [:]
    var lowercased: [String: String] = [:]
    var count = 0
    for entry in archive {
      count += 1
      guard count <= Self.maximumEntries else {
        throw .tooLarge(
          source: source, what: "the archive lists more than \(Self.maximumEntries) parts")
      }
      let path = Self.normalised(entry.path)
      if entries[path] == nil {
        entries[path] = entry
        lowercased[path.lowercased()] = path
      }
    }
    self.entries = entries
    self.lowercased = lowercased
  }

  /// `a\b` → `a/b`, no leading `/`.
  static func normalised(_ path: String) -> String {
    var path = path.replacingOccurrences(of: "\\", with: "/")
    while path.hasPrefix("/") { path.removeFirst() }
    return path
  }

  /// The part names, for classifying other kinds of ZIP file.
  var paths: Dictionary<String, Entry>.Keys { entries.keys }

  /// Whether the archive holds `path` (case-insensitively).
  func contains(_ path: String) -> Bool { entry(path) != nil }

  private func entry(_ path: String) -> Entry? {
    let path = Self.normalised(path)
    if let entry = entries[path] { return entry }
    return lowercased[path.lowercased()].flatMap { entries[$0] }
  }

  /// The inflated bytes of `path`, or nil when the archive has no such part.
  ///
  /// Refuses a part whose declared size exceeds ``DataFileLimits/maximumPartBytes`` before
  /// inflating it, stops inflating as soon as the output exceeds the declared size (a header that
  /// lies), and checks the CRC.
  func part(_ path: String, bound: Int? = nil) throws(DataFileError) -> [UInt8]? {
    guard let entry = entry(path) else { return nil }
    let name = Self.normalised(entry.path)
    guard entry.type == .file else { return nil }
    let limit = min(bound ?? limits.maximumPartBytes, limits.maximumPartBytes)
    guard entry.uncompressedSize <= UInt64(limit) else {
      throw .tooLarge(
        source: source,
        what:
          "part \(name) inflates to \(entry.uncompressedSize) bytes, more than the limit of \(limit)"
      )
    }
    let declared = Int(entry.uncompressedSize)
    guard let start = dataOffset(of: entry) else {
      throw .invalidWorkbook(source: source, reason: "part \(name) has no local header")
    }
    let compressedSize = entry.compressedSize
    guard compressedSize <= UInt64(bytes.count - start) else {
      throw .invalidWorkbook(source: source, reason: "part \(name) is cut short (truncated file)")
    }
    let end = start + Int(compressedSize)
    var output = [UInt8]()
    output.reserveCapacity(declared)
    if !entry.isCompressed {
      output.append(contentsOf: bytes[start..<min(end, start + declared)])
      guard end - start == declared, Data(output).crc32(checksum: 0) == entry.checksum else {
        throw .invalidWorkbook(
          source: source, reason: "part \(name) is damaged (its size or checksum does not match)")
      }
      return output
    }
    let bufferSize = Self.bufferSize
    let compressed = bytes
    let checksum: CRC32
    do {
      checksum = try Data.decompress(
        size: Int64(compressedSize), bufferSize: bufferSize, skipCRC32: false,
        provider: { position, _ in
          // Whole buffers only (the inflater is told a full buffer is there), zero-padded past
          // the part's end; past that, the stream was cut short.
          let from = start + Int(position)
          guard from < end else { throw PartError.truncated }
          var chunk = Data(compressed[from..<min(end, from + bufferSize)])
          if chunk.count < bufferSize { chunk.append(Data(count: bufferSize - chunk.count)) }
          return chunk
        },
        consumer: { chunk in
          guard output.count + chunk.count <= declared else { throw PartError.overflow }
          output.append(contentsOf: chunk)
        })
    } catch PartError.overflow {
      throw .invalidWorkbook(
        source: source,
        reason:
          "part \(name) inflates beyond the \(declared) bytes its header declares (a damaged or malicious archive)"
      )
    } catch {
      throw .invalidWorkbook(
        source: source, reason: "part \(name) cannot be inflated (damaged or cut short)")
    }
    guard output.count == declared, checksum == entry.checksum else {
      throw .invalidWorkbook(
        source: source, reason: "part \(name) is damaged (its size or checksum does not match)")
    }
    return output
  }

  private enum PartError: Error { case truncated, overflow }

  /// Where the compressed bytes of `entry` start: after the local file header (signature
  /// `PK\u{3}\u{4}`, 30 bytes, the name and the extra field) that carries the entry's name.
  private func dataOffset(of entry: Entry) -> Int? {
    let name = Array(entry.path.utf8)
    let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    return bytes.withUnsafeBufferPointer { b -> Int? in
      var i = 0
      while i + 30 <= b.count {
        if b[i] == signature[0], b[i + 1] == signature[1], b[i + 2] == signature[2],
          b[i + 3] == signature[3]
        {
          let nameLength = Int(b[i + 26]) | Int(b[i + 27]) << 8
          let extraLength = Int(b[i + 28]) | Int(b[i + 29]) << 8
          let nameStart = i + 30
          if nameLength == name.count, nameStart + nameLength <= b.count,
            b[nameStart..<(nameStart + nameLength)].elementsEqual(name)
          {
            let data = nameStart + nameLength + extraLength
            return data <= b.count ? data : nil
          }
        }
        i += 1
      }
      return nil
    }
  }
}
