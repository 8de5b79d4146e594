import Foundation
import Yams

extension Codebook {
  /// Decodes and validates a codebook written in YAML.
  ///
  /// - Parameters:
  ///   - yaml: the codebook text.
  ///   - source: the name used in errors (a path, or `<codebook>`).
  /// - Throws: ``CodebookError`` naming the YAML line for syntax errors, the field path for
  ///   missing or mistyped fields, and the item, scale or construct for inconsistencies.
  public init(yaml: String, source: String = "<codebook>") throws(CodebookError) {
    let decoded: Codebook
    do {
      decoded = try YAMLDecoder().decode(Codebook.self, from: yaml)
    } catch let error as YamlError {
      throw Self.describe(error, source: source)
    } catch let error as DecodingError {
      throw Self.describe(error, source: source)
    } catch {
      throw .invalidYAML(source: source, line: nil, column: nil, message: String(describing: error))
    }
    self = try decoded.validated(source: source)
  }

  /// Reads, decodes and validates the YAML codebook at `path`.
  ///
  /// - Throws: ``CodebookError/unreadable(source:reason:)`` when the file is missing or not
  ///   UTF-8, and everything ``init(yaml:source:)`` throws.
  public init(contentsOfFile path: String) throws(CodebookError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(source: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw .unreadable(source: path, reason: "it is a directory")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(source: path, reason: "permission denied or I/O error")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .unreadable(source: path, reason: "the file is not UTF-8 text")
    }
    try self.init(yaml: text, source: path)
  }

  static func describe(_ error: YamlError, source: String) -> CodebookError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .invalidYAML(source: source, line: mark.line, column: mark.column, message: problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .invalidYAML(
        source: source, line: context.mark.line, column: context.mark.column,
        message: "duplicate key \(duplicates.joined(separator: ", "))")
    default:
      return .invalidYAML(
        source: source, line: nil, column: nil, message: String(describing: error))
    }
  }

  static func describe(_ error: DecodingError, source: String) -> CodebookError {
    func path(_ keys: [any CodingKey]) -> String {
      let parts = keys.map { key in key.intValue.map { "entry \($0 + 1)" } ?? key.stringValue }
      return parts.isEmpty ? "top level" : parts.joined(separator: ", ")
    }
    switch error {
    case .keyNotFound(let key, let context):
      return .invalidStructure(
        source: source, path: path(context.codingPath),
        message: "required field \"\(key.stringValue)\" is missing")
    case .typeMismatch(let type, let context):
      return .invalidStructure(
        source: source, path: path(context.codingPath), message: "expected \(Self.typeName(type))")
    case .valueNotFound(let type, let context):
      return .invalidStructure(
        source: source, path: path(context.codingPath),
        message: "expected \(Self.typeName(type)), found nothing")
    case .dataCorrupted(let context):
      if let yamlError = context.underlyingError as? YamlError {
        return describe(yamlError, source: source)
      }
      return .invalidStructure(
        source: source, path: path(context.codingPath), message: context.debugDescription)
    @unknown default:
      return .invalidStructure(
        source: source, path: "top level", message: String(describing: error))
    }
  }

  static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text"
    case is Int.Type: "a whole number"
    case is Double.Type: "a number"
    case is Bool.Type: "true or false"
    default:
      "\(type)".hasPrefix("Array")
        ? "a list" : (("\(type)".hasPrefix("Dictionary")) ? "a mapping" : "\(type)")
    }
  }
}
