/// Escaping of text for XML, SVG and HTML output. Every name, label and file path that reaches
/// the HTML report or the SVG diagram passes through ``Markup/escape(_:)``; nothing else is
/// inserted into markup unescaped.
public enum Markup {
  /// `text` safe as XML/HTML character data and as a quoted attribute value: `&`, `<`, `>`,
  /// `"` and `'` become entity references, and characters XML 1.0 forbids (C0 controls other
  /// than tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
