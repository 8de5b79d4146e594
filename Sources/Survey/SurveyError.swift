import DataFiles
import DelimitedText

/// Why a response file could not be turned into ``SurveyResponses``.
public enum SurveyError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A text file could not be tokenised (not UTF-8, an unterminated quote, …).
  case text(DelimitedTextError)
  /// The file could not be read: missing, of an unsupported kind, a damaged workbook or SPSS file.
  case dataFile(DataFileError)
  /// The id column named in ``ResponseReadOptions/idColumn`` is not a column of the file.
  case unknownIDColumn(source: String, column: String, header: [String])
  /// The codebook is unusable.
  case codebook(CodebookError)
  /// No column of the file matches a codebook item.
  case noItemColumns(source: String, header: [String])
  /// The file has a header but no records of answers.
  case noRespondents(source: String)
  /// A strict read found problems; each names its row, column and item.
  case invalidResponses(source: String, problems: [ResponseIssue])
  /// Columns of different lengths were given to ``SurveyResponses/init(codebook:itemIDs:columns:source:reverseCodedItems:)``,
  /// or an id that is not a codebook item.
  case invalidTable(source: String, message: String)

  /// The error of reading a data file: tokenizer errors of text files keep their own case.
  public init(_ error: DataFileError) {
    if case .text(let text) = error {
      self = .text(text)
    } else {
      self = .dataFile(error)
    }
  }

  /// A message naming the file and, for problems, each row and column; problems of one kind
  /// and value are grouped with their count and first place (at most 20 groups are listed).
  public var description: String {
    switch self {
    case .text(let error): return error.description
    case .dataFile(let error): return error.description
    case .unknownIDColumn(let source, let column, let header):
      let shown = header.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
      return
        "\(source): no column \"\(column)\" for the respondent ids (header: \(shown)\(header.count > 8 ? ", …" : ""))"
    case .codebook(let error): return error.description
    case .noItemColumns(let source, let header):
      let shown = header.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
      return
        "\(source):1: no column matches a codebook item by id or question text (header: \(shown)\(header.count > 8 ? ", …" : ""))"
    case .noRespondents(let source): return "\(source): the file has a header but no responses"
    case .invalidResponses(let source, let problems):
      let groups = ResponseIssueGroup.grouping(problems)
      var lines = [
        "\(source): \(problems.count) problem\(problems.count == 1 ? "" : "s") in the responses\(groups.count < problems.count ? " (\(groups.count) kinds)" : ""):"
      ]
      lines += groups.prefix(20).map { "  \($0.description)" }
      if groups.count > 20 {
        lines.append("  … and \(groups.count - 20) more (read leniently to list them all)")
      }
      return lines.joined(separator: "\n")
    case .invalidTable(let source, let message): return "\(source): \(message)"
    }
  }
}
