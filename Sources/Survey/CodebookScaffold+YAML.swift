extension CodebookScaffold {
  /// The codebook as YAML in the format of `Sources/Survey/README.md`, with a header saying
  /// where it came from, `# REVIEW` comments where something was guessed, and the columns that
  /// are not items listed at the end. Every text is double-quoted, so any header survives.
  public func yaml(source: String) -> String {
    var lines: [String] = []
    lines.append(
      "# Codebook scaffold for \(Self.comment(source)), written by `plssem codebook init`.")
    lines.append(
      "# It reads the file as it is; check the lines marked REVIEW, then name the constructs")
    lines.append(
      "# and add the question texts in the other language. Format: Sources/Survey/README.md.")
    for remark in review { lines += Self.wrapped("REVIEW: \(remark)", indent: "") }
    lines.append("instrument:")
    lines.append("  name: \(Self.quoted(codebook.instrument.name))")
    lines.append("")
    lines.append("languages: [\(codebook.languages.map(Self.quoted).joined(separator: ", "))]")
    lines.append("")
    lines.append("scales:")
    for scale in codebook.scales {
      if let remark = scaleRemarks[scale.id] {
        lines += Self.wrapped("REVIEW: \(remark)", indent: "  ")
      }
      lines.append("  - id: \(Self.quoted(scale.id))")
      lines.append("    points: \(scale.points)")
      if !scale.labels.isEmpty {
        lines.append("    labels:")
        let order =
          codebook.languages.filter { scale.labels[$0] != nil }
          + scale.labels.keys.sorted().filter { !codebook.languages.contains($0) }
        for language in order {
          let labels = scale.labels[language] ?? []
          lines.append(
            "      \(Self.quoted(language)): [\(labels.map(Self.quoted).joined(separator: ", "))]")
        }
      }
    }
    lines.append("")
    if !codebook.missingCodes.isEmpty {
      lines.append(
        "missingCodes: [\(codebook.missingCodes.map { NumberText.format($0) }.joined(separator: ", "))]"
      )
    }
    if !codebook.missingLabels.isEmpty {
      lines.append(
        "missingLabels: [\(codebook.missingLabels.map(Self.quoted).joined(separator: ", "))]")
    }
    if !codebook.missingCodes.isEmpty || !codebook.missingLabels.isEmpty { lines.append("") }
    lines.append("constructs:")
    for construct in codebook.constructs {
      lines.append("  - id: \(Self.quoted(construct.id))")
      if !construct.name.isEmpty {
        let names = construct.name.keys.sorted().map {
          "\(Self.quoted($0)): \(Self.quoted(construct.name[$0] ?? ""))"
        }
        lines.append("    name: {\(names.joined(separator: ", "))}")
      }
      lines.append("    mode: \(construct.mode.rawValue)")
    }
    lines.append("")
    lines.append("items:")
    for item in codebook.items {
      lines.append("  - id: \(Self.quoted(item.id))")
      lines.append("    construct: \(Self.quoted(item.construct))")
      if let scale = item.scale { lines.append("    scale: \(Self.quoted(scale))") }
      if !item.text.isEmpty {
        lines.append("    text:")
        for language in item.text.keys.sorted() {
          lines.append("      \(Self.quoted(language)): \(Self.quoted(item.text[language] ?? ""))")
        }
      }
    }
    if !skippedColumns.isEmpty {
      lines.append("")
      lines.append("# Columns that are not items (left out; a response file may keep them):")
      for column in skippedColumns {
        lines.append("#   \(Self.comment(column.name)): \(Self.comment(column.reason))")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A YAML double-quoted scalar: `\\` and `"` escaped, everything YAML does not allow as is
  /// (control characters, byte-order marks, line separators, non-characters) as `\\uXXXX` or
  /// `\\UXXXXXXXX`.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if isPlainPrintable(scalar) {
          out.unicodeScalars.append(scalar)
        } else {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out +=
            scalar.value > 0xFFFF
            ? "\\U" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
            : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
      }
    }
    return out + "\""
  }

  /// Whether YAML takes `scalar` as it is in a scalar or comment: printable (YAML 1.1, 5.1:
  /// tab, `0x20`–`0x7E`, `0xA0`–`0xD7FF`, `0xE000`–`0xFFFD`, `0x10000` and up), less the
  /// byte-order mark and the line and paragraph separators.
  static func isPlainPrintable(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v == 0xFEFF || v == 0x2028 || v == 0x2029 { return false }
    return v == 0x09 || (0x20...0x7E).contains(v) || (0xA0...0xD7FF).contains(v)
      || (0xE000...0xFFFD).contains(v) || v >= 0x10000
  }

  /// Comment lines (`# …`) of at most about 100 characters holding `text`.
  static func wrapped(_ text: String, indent: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in printable(text).split(whereSeparator: \.isWhitespace) {
      if !current.isEmpty, current.count + word.count + 1 > 96 {
        lines.append("\(indent)# \(current)")
        current = "  "
      }
      current += (current.isEmpty || current == "  " ? "" : " ") + word
    }
    if !current.trimmingWhitespace.isEmpty { lines.append("\(indent)# \(current)") }
    return lines
  }

  /// Text for a comment line: one line of printable characters (others become `?`), at most
  /// 120 characters.
  static func comment(_ text: String) -> String {
    let flat = printable(text)
    return flat.count > 120 ? String(flat.prefix(117)) + "…" : flat
  }

  /// `text` on one line, whitespace as spaces, characters YAML does not print as `?`.
  static func printable(_ text: String) -> String {
    var flat = ""
    for scalar in text.unicodeScalars {
      flat.unicodeScalars.append(
        scalar.properties.isWhitespace ? " " : isPlainPrintable(scalar) ? scalar : "?")
    }
    return flat
  }
}
