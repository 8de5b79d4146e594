/// A JSON document built in code and written deterministically: object keys keep their
/// insertion order, numbers use the shortest text that reads back to the same `Double`, and a
/// non-finite number is written as `null` (JSON has no NaN). Identical values give identical
/// bytes, which the bootstrap's reproducibility tests rely on.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// Values are equal when they render to the same text.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.rendered() == rhs.rendered()
  }

  /// A number, or `null` when `value` is nil or not finite.
  public static func optional(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number(value)
  }

  /// The document as text, indented by two spaces per level when `pretty`.
  public func rendered(pretty: Bool = true) -> String {
    var out = ""
    write(into: &out, indent: 0, pretty: pretty)
    if pretty { out += "\n" }
    return out
  }

  private func write(into out: inout String, indent: Int, pretty: Bool) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .integer(let i): out += String(i)
    case .number(let d): out += d.isFinite ? Self.format(d) : "null"
    case .string(let s): Self.writeString(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      // Arrays of scalars stay on one line; arrays of containers get one item per line.
      let scalars = items.allSatisfy {
        if case .array = $0 { return false }
        if case .object = $0 { return false }
        return true
      }
      out += "["
      for (k, item) in items.enumerated() {
        if k > 0 { out += "," }
        if pretty && !scalars {
          out += "\n" + String(repeating: " ", count: indent + 2)
        } else if pretty && k > 0 {
          out += " "
        }
        item.write(into: &out, indent: indent + 2, pretty: pretty)
      }
      if pretty && !scalars { out += "\n" + String(repeating: " ", count: indent) }
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      // Objects of scalars (one table row) stay on one line.
      let flat = members.allSatisfy { member in
        switch member.1 {
        case .object, .array: return false
        default: return true
        }
      }
      out += "{"
      for (k, (key, value)) in members.enumerated() {
        if k > 0 { out += "," }
        if pretty && !flat {
          out += "\n" + String(repeating: " ", count: indent + 2)
        } else if pretty && k > 0 {
          out += " "
        }
        Self.writeString(key, into: &out)
        out += pretty ? ": " : ":"
        value.write(into: &out, indent: indent + 2, pretty: pretty)
      }
      if pretty && !flat { out += "\n" + String(repeating: " ", count: indent) }
      out += "}"
    }
  }

  /// The shortest round-tripping decimal text of `d`, in JSON's number syntax.
  public static func format(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    var text = "\(d)"  // Swift prints the shortest round-trip representation
    if text.hasPrefix(".") { text = "0" + text }
    return text.replacingOccurrences(of: "e+", with: "e")
  }

  private static func writeString(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
