import Foundation

/// A column of the response file that is not an item — a grouping or background variable such
/// as the province or the kind of business — with a label for each of its numeric codes. Group
/// names in a multi-group analysis (`plssem mga --groups province`) come from here.
///
/// ```yaml
/// variables:
///   - id: province
///     text: {id: Provinsi, en: Province}
///     labels:
///       1: {id: Jawa Timur, en: East Java}
///       2: {id: Jawa Tengah, en: Central Java}
/// ```
public struct CodebookVariable: Sendable, Equatable, Codable {
  /// The column name.
  public var id: String
  /// What the variable is, per language (optional).
  public var text: LocalizedText
  /// The label of each code, per language.
  public var labels: [Double: LocalizedText]

  /// A variable with the given parts.
  public init(id: String, text: LocalizedText = [:], labels: [Double: LocalizedText] = [:]) {
    self.id = id
    self.text = text
    self.labels = labels
  }

  enum CodingKeys: String, CodingKey { case id, text, labels }

  /// Decodes a variable; `text` and `labels` may be absent; every key of `labels` must be a
  /// number (the code as it appears in the data).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    text = try container.decodeIfPresent(LocalizedText.self, forKey: .text) ?? [:]
    let written =
      try container.decodeIfPresent([String: LocalizedText].self, forKey: .labels) ?? [:]
    var labels: [Double: LocalizedText] = [:]
    for (key, value) in written {
      guard let code = Double(key.trimmingCharacters(in: .whitespaces)), code.isFinite else {
        throw DecodingError.dataCorruptedError(
          forKey: .labels, in: container,
          debugDescription:
            "\"\(key)\" is not a number: the labels are keyed by the variable's codes (1: …, 2: …)")
      }
      guard labels[code] == nil else {
        throw DecodingError.dataCorruptedError(
          forKey: .labels, in: container, debugDescription: "the code \(key) is labelled twice")
      }
      labels[code] = value
    }
    self.labels = labels
  }

  /// Encodes the variable, its codes written as text keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(text, forKey: .text)
    var written: [String: LocalizedText] = [:]
    for (code, value) in labels {
      written[code.rounded() == code && abs(code) < 1e15 ? String(Int(code)) : String(code)] = value
    }
    try container.encode(written, forKey: .labels)
  }

  /// The label of `code` in the first of `languages` that has one (else in any language, the
  /// first by language code); nil when the code has no label.
  public func label(of code: Double, languages: [String]) -> String? {
    guard let texts = labels[code] else { return nil }
    for language in languages { if let text = texts[language], !text.isEmpty { return text } }
    return texts.keys.sorted().compactMap { texts[$0] }.first { !$0.isEmpty }
  }
}
