import Foundation
import PLSSEM
import Survey

/// The model of a run, and where it came from.
struct LoadedModel {
  /// The validated model.
  var model: PathModel
  /// Its name in messages and reports: the model file, or `--structural`.
  var source: String
  /// The text of the whole model: the file's, or, when the codebook measured constructs, the
  /// measurement statements written out followed by the given text.
  var text: String
  /// The constructs whose measurement came from the codebook, in model order.
  var fromCodebook: [String]
}

/// Reads `--model` or `--structural`; with `--codebook`, every construct the paths name without
/// a measurement statement is measured by the codebook's items of that construct (`=~` for
/// Mode A, `<~` for Mode B), the constructs added after the model's own in codebook order; with
/// `--dimensions`, a construct with two or more dimensions is measured by its dimensions'
/// lower-order constructs instead (a higher-order construct). Errors name the model file (or `--structural`),
/// line and column, or the codebook.
func loadModel(_ input: InputOptions) throws -> LoadedModel {
  let source: String
  let text: String
  if let path = input.model {
    source = path
    text = try readText(path, what: "model")
  } else if let structural = input.structural {
    source = "--structural"
    text = structural.replacingOccurrences(of: "\\n", with: "\n")
  } else {
    throw InputError(description: "give the model: --model FILE, or --structural with --codebook")
  }
  var model: PathModel
  do {
    model = try PathModel(unvalidatedSyntax: text, source: source)
  } catch {
    throw InputError(description: error.description(inFile: source))
  }
  var fromCodebook: [String] = []
  var fullText = text
  if input.dimensions, input.codebook == nil {
    throw InputError(
      description: "--dimensions needs --codebook (the dimensions are the codebook's)")
  }
  if let codebookPath = input.codebook {
    let codebook = try Codebook(contentsOfFile: codebookPath)
    // The constructs the paths name without a measurement statement, in codebook order.
    var needed: [(index: Int, name: String, construct: ConstructDefinition)] = []
    var measured = Set(model.constructNames + model.higherOrderConstructs.map(\.name))
    for path in model.paths {
      for name in [path.from, path.to] where !measured.contains(name) {
        guard
          let index = codebook.constructs.firstIndex(where: { $0.id == name })
            ?? codebook.constructs.firstIndex(where: { $0.id.lowercased() == name.lowercased() })
        else {
          throw CodebookError.unknownModelConstruct(source: codebookPath, construct: name)
        }
        needed.append((index, name, codebook.constructs[index]))
        measured.insert(name)
      }
    }
    var statements: [String] = []
    for (_, name, construct) in needed.sorted(by: { $0.index < $1.index }) {
      let items = codebook.items(ofConstruct: construct.id).map(\.id)
      let mode: MeasurementMode = construct.mode == .B ? .b : .a
      // With --dimensions: the construct over its dimensions' lower-order constructs.
      if input.dimensions,
        let blocks = try codebook.dimensionBlocks(of: construct, source: codebookPath)
      {
        for block in blocks {
          model.constructs.append(
            PathModel.Construct(name: block.name, mode: mode, indicators: block.items))
        }
        model.constructs.append(
          PathModel.Construct(name: name, mode: mode, indicators: blocks.map(\.name)))
        fromCodebook.append(name)
        statements += try codebook.dimensionStatements(of: construct, source: codebookPath) ?? []
        continue
      }
      model.constructs.append(
        PathModel.Construct(name: name, mode: mode, indicators: items, location: nil))
      fromCodebook.append(name)
      statements.append(
        "\(quotedName(name)) \(mode == .a ? "=~" : "<~") \(items.map(quotedName).joined(separator: " + "))"
      )
    }
    if !statements.isEmpty {
      fullText =
        "# Measurement model from the codebook \(codebookPath) (instrument \(codebook.instrument.name))\n"
        + statements.joined(separator: "\n") + "\n\n# \(input.model ?? "--structural")\n" + text
        + (text.hasSuffix("\n") ? "" : "\n")
    }
  }
  do {
    model = try model.validated(source: source)
  } catch {
    throw InputError(description: error.description(inFile: source))
  }
  return LoadedModel(model: model, source: source, text: fullText, fromCodebook: fromCodebook)
}

/// A name as model text writes it: quoted with backticks unless it is letters, digits, `_`, `.`.
func quotedName(_ name: String) -> String {
  let plain =
    !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
  return plain ? name : "`\(name.replacingOccurrences(of: "`", with: "'"))`"
}

/// With `--labels`, each construct's name in the codebook in `--language` (default
/// `preferredLanguage` — the `--narrative` language — when the codebook has names in it, else
/// the codebook's first language; constructs without a name there keep their id).
func constructLabels(_ input: InputOptions, model: PathModel, preferredLanguage: String? = nil)
  throws -> [String: String]
{
  guard input.labels, let path = input.codebook else { return [:] }
  let codebook = try Codebook(contentsOfFile: path)
  let known = Set(codebook.languages + codebook.constructs.flatMap { $0.name.keys })
  let preferred = preferredLanguage.flatMap { known.contains($0) ? $0 : nil }
  let language = input.language ?? preferred ?? codebook.languages.first ?? "en"
  guard known.contains(language) else {
    throw InputError(
      description:
        "--language \(language): the codebook \(path) has names in \(known.sorted().joined(separator: ", "))"
    )
  }
  var labels: [String: String] = [:]
  for name in model.constructNames {
    if let construct = codebook.construct(name), let label = construct.name[language],
      !label.trimmingWhitespaceForLabel.isEmpty
    {
      labels[name] = label
    }
  }
  if labels.isEmpty {
    warn("--labels: the codebook \(path) names none of the model's constructs in '\(language)'")
  }
  return labels
}

extension String {
  fileprivate var trimmingWhitespaceForLabel: String {
    trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
