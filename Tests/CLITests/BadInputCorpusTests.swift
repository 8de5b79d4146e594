import Foundation
import TestSupport
import Testing

/// The bad-input corpus: `Tests/CLITests/Corpus` (inputs, models and the `cases.json` manifest).
enum Corpus {
  static let folder: URL = Repository.url("Tests/CLITests/Corpus")
}

/// One entry of `Corpus/cases.json`: a command line that must fail cleanly.
///
/// In `args` and `setup`, `{corpus}` is the corpus folder, `{examples}` the repository's
/// `examples/`, `{work}` a fresh folder for generated inputs and setup results, and `{out}` a
/// fresh folder for the output file, which must be empty after the run (no partial output, no
/// temporary file) unless `output` says what it must hold.
struct CorpusCase: Decodable, Sendable, CustomTestStringConvertible {
  /// A short identifier, unique in the manifest.
  var name: String
  /// What the case checks, in a few words.
  var about: String
  var args: [String]
  /// The expected exit status (1 for bad input, the default).
  var exit: Int32?
  /// Substrings standard error must contain: the file, line, row, column or construct.
  var stderr: [String]
  /// Commands that must succeed first (e.g. bootstrap shards for a merge).
  var setup: [[String]]?
  /// An input made at test time in `{work}` (too large to commit); see ``Generated``.
  var generate: String?
  /// For cases that succeed: substrings the file `{out}/result.json` must contain.
  var output: [String]?

  var expectedExit: Int32 { exit ?? 1 }
  var testDescription: String { name }

  static func all() throws -> [CorpusCase] {
    let data = try Data(contentsOf: Corpus.folder.appendingPathComponent("cases.json"))
    return try JSONDecoder().decode([CorpusCase].self, from: data)
  }
}

/// Inputs too large to commit, written by the tests.
enum Generated {
  static let tenMegabytes = 10 * 1024 * 1024

  /// Writes the input named `name` into `folder`.
  static func write(_ name: String, into folder: URL) throws {
    let good = try String(
      contentsOf: Corpus.folder.appendingPathComponent("data/good.csv"), encoding: .utf8)
    let lines = good.split(separator: "\n", omittingEmptySubsequences: false)
    let header = String(lines[0])
    let rest = lines.dropFirst(2).joined(separator: "\n")
    var bytes: [UInt8]
    switch name {
    case "ten-mb-cell":
      // Row 2's first cell is a 10 MB run of digits: a number far beyond Double's range.
      bytes =
        Array((header + "\n").utf8) + [UInt8](repeating: UInt8(ascii: "7"), count: tenMegabytes)
      bytes += Array((",1,2,3,4,5\n" + rest).utf8)
    case "ten-mb-row":
      // Row 2 is a 10 MB line of about 2.6 million fields.
      bytes = Array((header + "\n").utf8)
      let field = Array("1.5,".utf8)
      bytes.reserveCapacity(tenMegabytes + 4096)
      while bytes.count < tenMegabytes { bytes += field }
      bytes += Array(("1.5\n" + rest).utf8)
    case "ten-mb-header":
      // One 10 MB line without a line break: a header of unique names and no data.
      var text = ""
      text.reserveCapacity(tenMegabytes + 16)
      var j = 0
      while text.utf8.count < tenMegabytes {
        text += j == 0 ? "c0" : ",c\(j)"
        j += 1
      }
      bytes = Array(text.utf8)
    default:
      throw CocoaError(
        .fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "unknown generated input \(name)"])
    }
    try Data(bytes).write(to: folder.appendingPathComponent("\(name).csv"))
  }
}

@Suite("Bad-input corpus")
struct BadInputCorpusTests {
  @Test("the manifest is well formed")
  func manifest() throws {
    let cases = try CorpusCase.all()
    #expect(cases.count >= 40)
    #expect(Set(cases.map(\.name)).count == cases.count, "case names are unique")
    for c in cases {
      #expect(!c.stderr.isEmpty || c.expectedExit == 0, "\(c.name): names no key words")
      for argument in c.args where argument.hasPrefix("{corpus}/") {
        let path = Corpus.folder.path + argument.dropFirst("{corpus}".count)
        #expect(
          FileManager.default.fileExists(atPath: path) || argument.contains("does-not-exist")
            || argument.contains("/nope."), "\(c.name): \(path)")
      }
    }
  }

  @Test("fails cleanly", arguments: try CorpusCase.all())
  func corpusCase(_ c: CorpusCase) throws {
    let fm = FileManager.default
    let base = fm.temporaryDirectory.appendingPathComponent(
      "plssem-corpus-\(c.name)-\(UUID().uuidString)")
    let work = base.appendingPathComponent("work")
    let out = base.appendingPathComponent("out")
    try fm.createDirectory(at: work, withIntermediateDirectories: true)
    try fm.createDirectory(at: out, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: base) }
    func expand(_ arguments: [String]) -> [String] {
      arguments.map {
        $0.replacingOccurrences(of: "{corpus}", with: Corpus.folder.path)
          .replacingOccurrences(
            of: "{examples}", with: Repository.url("examples").path
          )
          .replacingOccurrences(of: "{work}", with: work.path)
          .replacingOccurrences(of: "{out}", with: out.path)
      }
    }
    if let generate = c.generate { try Generated.write(generate, into: work) }
    for step in c.setup ?? [] {
      let outcome = try CLIRunner.run(expand(step))
      try #require(
        outcome.status == 0, "\(c.name): setup \(step) failed:\n\(outcome.standardError)")
    }

    let outcome = try CLIRunner.run(expand(c.args))
    CLIRunner.expectNoCrash(outcome, c.name)
    #expect(
      outcome.status == c.expectedExit,
      "\(c.name): exit \(outcome.status); stderr:\n\(outcome.standardError)")
    for word in expand(c.stderr) {
      #expect(
        outcome.standardError.contains(word),
        "\(c.name): '\(word)' not in stderr:\n\(outcome.standardError)")
    }
    if c.expectedExit == 1 {
      // One error, after any notes and warnings that came before it.
      let lines = outcome.standardError.split(separator: "\n")
      let first = lines.firstIndex { $0.hasPrefix("error: ") }
      #expect(
        first.map {
          lines[..<$0].allSatisfy { $0.hasPrefix("note: ") || $0.hasPrefix("warning: ") }
        }
          == true, "\(c.name): stderr:\n\(outcome.standardError)")
      #expect(
        outcome.standardError.utf8.count < 4096,
        "\(c.name): a \(outcome.standardError.utf8.count)-byte message")
    }

    let beside = try fm.contentsOfDirectory(atPath: base.path).sorted()
    #expect(beside == ["out", "work"], "\(c.name): left \(beside) beside the output folder")
    let left = try fm.contentsOfDirectory(atPath: out.path).sorted()
    if let expected = c.output {
      #expect(left == ["result.json"], "\(c.name): output folder holds \(left)")
      let text =
        (try? String(contentsOf: out.appendingPathComponent("result.json"), encoding: .utf8)) ?? ""
      for word in expected {
        #expect(text.contains(word), "\(c.name): '\(word)' not in the output")
      }
    } else {
      #expect(left.isEmpty, "\(c.name): left \(left) in the output folder")
    }
  }
}
