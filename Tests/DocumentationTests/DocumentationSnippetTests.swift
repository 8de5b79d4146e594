import Foundation
import TestSupport
import Testing

/// The Swift code in the documentation is compiled, so it cannot rot: every ```swift block of
/// the README and of the DocC articles (`Sources/*/*.docc/*.md`) has a verbatim copy in
/// `DocumentationSnippets.swift`, between `// BEGIN <file> <n>` and `// END <file> <n>` (n
/// counts the file's Swift blocks from 1), and this test checks that each copy equals its block.
/// A block's leading `import` lines are left out of the copy (the test file imports the modules),
/// and package manifests (`import PackageDescription`) are not compiled.
///
/// After changing an example in the documentation, change its copy (or the other way round):
/// the failure names the file and block.
@Suite("Documentation snippets")
struct DocumentationSnippetTests {
  /// The Markdown files whose Swift blocks are compiled.
  static func documents() throws -> [String] {
    var files = ["README.md"]
    let sources = Repository.url("Sources")
    for module in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() {
      let catalog = sources.appendingPathComponent(module).appendingPathComponent(
        "\(module).docc")
      guard let articles = try? FileManager.default.contentsOfDirectory(atPath: catalog.path)
      else { continue }
      for article in articles.sorted() where article.hasSuffix(".md") {
        files.append("Sources/\(module)/\(module).docc/\(article)")
      }
    }
    return files
  }

  /// The Swift blocks of a Markdown text, in order.
  static func swiftBlocks(_ text: String) -> [[String]] {
    var blocks: [[String]] = []
    var current: [String]?
    for line in text.components(separatedBy: "\n") {
      if current == nil {
        if line.trimmingCharacters(in: .whitespaces) == "```swift" { current = [] }
      } else if line.trimmingCharacters(in: .whitespaces) == "```" {
        blocks.append(current ?? [])
        current = nil
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  /// The compiled copies: `"<file> <n>"` → lines, de-indented to the marker's column.
  static func compiledCopies() throws -> [String: [String]] {
    let source = try Repository.text("Tests/DocumentationTests/DocumentationSnippets.swift")
    var copies: [String: [String]] = [:]
    var open: (name: String, indent: Int, lines: [String])?
    for line in source.components(separatedBy: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("// BEGIN ") {
        open = (String(trimmed.dropFirst("// BEGIN ".count)), line.count - trimmed.count, [])
      } else if trimmed.hasPrefix("// END "), let block = open {
        copies[block.name] = block.lines
        open = nil
      } else if let block = open {
        let dropped = line.prefix(block.indent).allSatisfy { $0 == " " }
        open?.lines.append(dropped ? String(line.dropFirst(block.indent)) : line)
      }
    }
    return copies
  }

  @Test("every Swift block of the README and the DocC articles is compiled verbatim")
  func blocksAreCompiled() throws {
    let copies = try Self.compiledCopies()
    var expected: Set<String> = []
    for file in try Self.documents() {
      for (k, block) in Self.swiftBlocks(try Repository.text(file)).enumerated() {
        if block.contains(where: { $0.hasPrefix("import PackageDescription") }) { continue }
        var lines = block
        while let first = lines.first, first.hasPrefix("import ") || first.isEmpty {
          lines.removeFirst()
        }
        let name = "\(file) \(k + 1)"
        expected.insert(name)
        guard let copy = copies[name] else {
          Issue.record(
            "\(name): no compiled copy; add it to DocumentationSnippets.swift between // BEGIN \(name) and // END \(name)"
          )
          continue
        }
        if copy != lines {
          let at = zip(copy, lines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
          let index = at ?? min(copy.count, lines.count)
          Issue.record(
            """
            \(name) differs from its compiled copy at line \(index + 1) of the block:
              documentation: \(index < lines.count ? lines[index] : "<end>")
              compiled:      \(index < copy.count ? copy[index] : "<end>")
            """)
        }
      }
    }
    for stale in Set(copies.keys).subtracting(expected).sorted() {
      Issue.record("DocumentationSnippets.swift has a copy of \(stale), which no longer exists")
    }
  }
}
