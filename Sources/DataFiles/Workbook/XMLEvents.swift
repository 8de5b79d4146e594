import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A streaming (SAX) pass over one XML part of a workbook with Foundation's `XMLParser`
/// (libxml2 on Linux): element starts and ends by local name (namespace prefixes dropped),
/// and character data. External entities are never resolved.
///
/// On Linux `parse()` recovers from errors and may still return true (a mismatched end tag,
/// an unclosed element), so the first error the parser reports, and elements left open at the
/// end, fail the pass here.
final class XMLEvents: NSObject, XMLParserDelegate {
  /// Called at each element start with its local name and attributes (keys without prefix).
  var onStart: (String, [String: String]) throws(DataFileError) -> Void = { _, _ in }
  /// Called at each element end with its local name.
  var onEnd: (String) throws(DataFileError) -> Void = { _ in }
  /// Called with character data (possibly in several pieces per text node).
  var onText: (String) -> Void = { _ in }

  private var failure: DataFileError?
  private var depth = 0
  private var elements = 0
  private var part = ""
  private var source = ""

  /// Parses `bytes`; `part` and `source` name them in errors.
  func parse(_ bytes: [UInt8], part: String, source: String) throws(DataFileError) {
    let parser = XMLParser(data: Data(bytes))
    parser.shouldProcessNamespaces = true
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = self
    self.part = part
    self.source = source
    let succeeded = parser.parse()
    if let failure { throw failure }
    if !succeeded {
      throw .invalidXML(
        source: source, part: part, line: parser.lineNumber > 0 ? parser.lineNumber : nil,
        message: Self.reason(parser.parserError))
    }
    guard elements > 0, depth == 0 else {
      throw .invalidXML(
        source: source, part: part, line: nil,
        message: elements == 0 ? "no elements" : "the document ends inside an element")
    }
  }

  /// libxml2's error number in words, for the common ones.
  static func reason(_ error: (any Error)?) -> String {
    guard let error else { return "parse error" }
    let code = (error as NSError).code
    let known: [Int: String] = [
      4: "the document is empty", 5: "the document ends too early", 9: "an invalid character",
      23: "an unescaped '<' or '&'", 26: "an undeclared entity", 41: "a malformed attribute",
      64: "a malformed XML declaration", 73: "a malformed end tag",
      76: "an end tag that does not match its start tag",
      89: "an entity that refers to itself or expands too much",
    ]
    return known[code].map { "\($0), libxml2 error \(code)" } ?? "libxml2 error \(code)"
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    guard failure == nil else { return }
    failure = .invalidXML(
      source: source, part: part, line: parser.lineNumber > 0 ? parser.lineNumber : nil,
      message: Self.reason(parseError))
    parser.abortParsing()
  }

  /// The local part of a qualified name: `x:c` → `c`.
  static func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    guard failure == nil else { return }
    depth += 1
    elements += 1
    var attributes: [String: String] = [:]
    for (key, value) in attributeDict { attributes[Self.localName(key)] = value }
    do {
      try onStart(Self.localName(elementName), attributes)
    } catch {
      failure = error
      parser.abortParsing()
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    guard failure == nil else { return }
    depth -= 1
    do {
      try onEnd(Self.localName(elementName))
    } catch {
      failure = error
      parser.abortParsing()
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard failure == nil else { return }
    onText(string)
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    guard failure == nil else { return }
    onText(String(decoding: CDATABlock, as: UTF8.self))
  }
}
