/// How the caller produced a bootstrap's inputs: everything outside the engine that shapes the
/// result, recorded in each shard file so that a merge can re-create the estimate exactly and
/// refuse shards of other inputs.
///
/// The engine compares provenances (shards merge only when they are equal) and names the file
/// or option that differs; what they hold is the caller's. The `plssem` CLI records its
/// command-line options that shape the result (every input, algorithm, assessment and bootstrap
/// option; not `--shard`, `--output`, `--threads`, `--format`) and a content digest of each file
/// it read (data, model, codebook).
public struct BootstrapProvenance: Sendable, Codable, Equatable {
  /// A file the caller read, with a digest of its bytes.
  public struct InputFile: Sendable, Codable, Equatable {
    /// What the file is, e.g. `data`, `model`, `codebook`.
    public var role: String
    /// Its path as the caller gave it.
    public var path: String
    /// ``digest(of:)`` of its contents.
    public var digest: String

    public init(role: String, path: String, digest: String) {
      self.role = role
      self.path = path
      self.digest = digest
    }
  }

  /// The caller's options, in its own notation (the CLI: its arguments).
  public var arguments: [String]
  /// The files read.
  public var files: [InputFile]
  /// The working directory against which relative paths were resolved, if the caller records it.
  public var workingDirectory: String?

  public init(arguments: [String] = [], files: [InputFile] = [], workingDirectory: String? = nil) {
    self.arguments = arguments
    self.files = files
    self.workingDirectory = workingDirectory
  }

  /// A digest of file contents for change detection (not security): FNV-1a, 64 bit, of the
  /// bytes, with the byte count, in hexadecimal (`"fnv1a64:<hash>:<bytes>"`).
  public static func digest(of bytes: some Sequence<UInt8>) -> String {
    var hash = FNV1a()
    var count = 0
    for byte in bytes {
      hash.add(byte)
      count += 1
    }
    return "fnv1a64:\(String(hash.value, radix: 16)):\(count)"
  }

  /// The first difference between `self` (of `label`) and `other` (of `otherLabel`), in words.
  func difference(from other: BootstrapProvenance, _ label: String, _ otherLabel: String)
    -> String?
  {
    let roles =
      files.map(\.role)
      + other.files.map(\.role).filter { r in
        !files.contains { $0.role == r }
      }
    for role in roles {
      let mine = files.first { $0.role == role }
      let theirs = other.files.first { $0.role == role }
      guard mine != theirs else { continue }
      guard let mine else { return "\(otherLabel) was made with a \(role) file, \(label) without" }
      guard let theirs else {
        return "\(label) was made with a \(role) file, \(otherLabel) without"
      }
      if mine.path != theirs.path {
        return "\(label) was made from the \(role) \(mine.path), \(otherLabel) from \(theirs.path)"
      }
      return
        "\(label) and \(otherLabel) were made from different contents of the \(role) \(mine.path) (it changed between the shards)"
    }
    if arguments != other.arguments {
      return
        "\(label) was made with other options than \(otherLabel) (\(Self.shown(arguments, without: other.arguments)) where \(otherLabel) has \(Self.shown(other.arguments, without: arguments)))"
    }
    return nil
  }
}

extension BootstrapProvenance {
  /// The arguments of `list` that `other` lacks, each value with its option name before it
  /// (`--seed 2`), or "nothing".
  static func shown(_ list: [String], without other: [String]) -> String {
    var shown: [String] = []
    for (k, argument) in list.enumerated() where !other.contains(argument) {
      let option =
        k > 0 && list[k - 1].hasPrefix("-") && !argument.hasPrefix("-") ? list[k - 1] : nil
      if let option, shown.last != option { shown.append(option) }
      shown.append(argument)
    }
    return shown.isEmpty ? "nothing" : shown.joined(separator: " ")
  }
}

/// The 64-bit FNV-1a hash (Fowler, Noll & Vo), byte by byte.
struct FNV1a {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func add(_ byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
  }

  /// Adds the 8 bytes of `bits`, least significant first.
  mutating func add(_ bits: UInt64) {
    var bits = bits
    for _ in 0..<8 {
      add(UInt8(truncatingIfNeeded: bits))
      bits >>= 8
    }
  }
}
