import Foundation

/// Files of this repository, found from this file's location (`Tests/TestSupport/`).
///
/// Everything the tests read lives in the repository (`examples/`, `Tests/*/Fixtures`,
/// `Tests/ReportTests/Golden`, `Tests/CLITests/Corpus`), so the suite runs from a clean clone
/// without `../shared` or any other checkout beside it.
public enum Repository {
  /// The repository root (the folder that holds `Package.swift`).
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A repository-relative path (`examples/…`, `Tests/…`) as a URL.
  public static func url(_ relative: String) -> URL {
    root.appendingPathComponent(relative)
  }

  /// A repository-relative path as an absolute file-system path.
  public static func path(_ relative: String) -> String {
    url(relative).path
  }

  /// The UTF-8 text of a repository file.
  public static func text(_ relative: String) throws -> String {
    try String(contentsOf: url(relative), encoding: .utf8)
  }

  /// The bytes of a repository file.
  public static func data(_ relative: String) throws -> Data {
    try Data(contentsOf: url(relative))
  }

  /// A repository JSON file whose top level is an object (a fixture), or nil if it is not one.
  public static func jsonObject(_ relative: String) throws -> [String: Any]? {
    try JSONSerialization.jsonObject(with: data(relative)) as? [String: Any]
  }
}
