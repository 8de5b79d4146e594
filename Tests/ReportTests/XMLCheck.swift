import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What an XML parse of a document found: whether it is well-formed, its elements, text and
/// attribute values (entities resolved).
struct XMLCheck {
  var wellFormed = false
  var error: String?
  var elements: [String] = []
  var text = ""
  var attributes: [String: [String]] = [:]

  init(_ document: String) {
    let delegate = Collector()
    let parser = XMLParser(data: Data(document.utf8))
    parser.delegate = delegate
    let ok = parser.parse()
    wellFormed = ok && parser.parserError == nil
    error = parser.parserError.map {
      "\($0) at line \(parser.lineNumber), column \(parser.columnNumber)"
    }
    elements = delegate.elements
    text = delegate.text
    attributes = delegate.attributes
  }

  /// Number of elements named `name`.
  func count(_ name: String) -> Int { elements.filter { $0 == name }.count }

  private final class Collector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var text = ""
    var attributes: [String: [String]] = [:]

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?,
      attributes attributeDict: [String: String] = [:]
    ) {
      elements.append(elementName)
      for (key, value) in attributeDict { attributes[key, default: []].append(value) }
      text += " "
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      text += string
    }
  }
}
