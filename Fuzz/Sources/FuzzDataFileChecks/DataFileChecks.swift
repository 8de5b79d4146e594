// Checks shared by the data-file harnesses: what every sheet a reader returns must survive.
import DataFiles
import Survey

/// Small bounds, so that inputs that describe huge sheets are refused fast and within the RSS
/// limit (the readers' own bounds are what is being fuzzed).
public let fuzzLimits = DataFileLimits(
  maximumPartBytes: 4 << 20, maximumCells: 200_000, maximumColumns: 2_000)

/// A fixed codebook the responses are read with.
nonisolated(unsafe) let fuzzCodebook: Codebook? = try? Codebook(
  yaml: """
    instrument: {name: fuzz}
    languages: [id, en]
    missingCodes: [-99, 99]
    missingLabels: [NA, Tidak tahu]
    scales:
      - id: setuju5
        points: 5
        labels:
          id: [Sangat Tidak Setuju, Tidak Setuju, Netral, Setuju, Sangat Setuju]
          en: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]
    items:
      - {id: q1, construct: A, text: {id: "Bahan baku mudah diperoleh."}}
      - {id: q2, construct: A, reverse: true}
      - {id: x1, construct: B}
    """, source: "fuzz-codebook.yaml")

/// Reads a sheet every way the tool does: as numbers, through a codebook (strict and lenient,
/// then described), and as a codebook scaffold, whose YAML must load back to the same codebook.
public func exerciseSheet(_ sheet: DataSheet) {
  precondition(sheet.columns.allSatisfy { $0.cells.count == sheet.rowCount }, "ragged sheet")
  let numbers = sheet.numericColumns(missingCodes: [-99])
  precondition(numbers.values.allSatisfy { $0.count == sheet.rowCount }, "ragged numbers")
  if let codebook = fuzzCodebook {
    for strictness in [ResponseReadOptions.Strictness.strict, .lenient] {
      let reader = ResponseReader(codebook: codebook, options: .init(strictness: strictness))
      if let responses = try? reader.read(sheet) { _ = responses.describe() }
    }
  }
  if let scaffold = try? CodebookScaffold(sheet: sheet) {
    let yaml = scaffold.yaml(source: sheet.source)
    let loaded: Codebook
    do {
      loaded = try Codebook(yaml: yaml, source: "scaffold.yaml")
    } catch {
      fatalError("the scaffold of \(sheet.source) does not load: \(error)\n\(yaml)")
    }
    precondition(loaded == scaffold.codebook, "the scaffold's YAML loads to another codebook")
    // The scaffold reads its own sheet without problems, but for columns whose headers repeat
    // (ambiguous in any codebook).
    do {
      _ = try ResponseReader(codebook: loaded).read(sheet)
    } catch SurveyError.invalidResponses(_, let problems)
      where problems.allSatisfy({
        if case .duplicateHeader = $0.kind { return true }
        if case .duplicateItemColumn = $0.kind { return true }
        return false
      })
    {
      // Repeated headers: reported, as they should be.
    } catch {
      fatalError("the scaffold of \(sheet.source) does not read its sheet: \(error)\n\(yaml)")
    }
  }
}
