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
    let parser = XMLParser(data: Data(Self.utf8WithoutDeclaration(bytes)))
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

  /// The part as UTF-8 without its XML declaration (`<?xml version="1.0" encoding="…"?>`): a UTF-16
  /// part (byte-order mark) is converted, a UTF-8 BOM dropped, and the declaration removed so that
  /// libxml2 never switches encodings (its push parser dereferences a null handler for some
  /// declared encodings, `UTF-7` among them: a crash FuzzWorkbook found). SpreadsheetML parts
  /// are UTF-8 or UTF-16 (ECMA-376 Part 2, 8.1.2), so nothing is lost.
  static func utf8WithoutDeclaration(_ bytes: [UInt8]) -> [UInt8] {
    var text: [UInt8]
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let bigEndian = bytes[0] == 0xFE
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2)
      var i = 2
      while i + 1 < bytes.count {
        units.append(
          bigEndian
            ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
        i += 2
      }
      text = Array(String(decoding: units, as: UTF16.self).utf8)
    } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      text = Array(bytes.dropFirst(3))
    } else {
      text = bytes
    }
    var start = 0
    while start < text.count,
      text[start] == 0x20 || text[start] == 0x09 || text[start] == 0x0A
        || text[start] == 0x0D
    {
      start += 1
    }
    let open = Array("<?xml".utf8)
    guard text.count >= start + open.count + 1,
      text[start..<(start + open.count)].elementsEqual(open),
      [0x20, 0x09, 0x0A, 0x0D, 0x3F].contains(text[start + open.count])
    else { return text }
    var end = start + open.count
    while end + 1 < text.count, !(text[end] == 0x3F && text[end + 1] == 0x3E) { end += 1 }
    guard end + 1 < text.count else { return text }
    return Array(text[(end + 2)...])
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
