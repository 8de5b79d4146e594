import Foundation
import PLSSEM

/// The bundled example data sets and models (`examples/`), read as the tests need them.
///
/// The paths are repository-relative so that reports and goldens that name their inputs do not
/// depend on where the repository is checked out.
public enum ExampleData {
  /// `examples/corporate-reputation/corp_rep.csv` (`-99` = missing).
  public static let corpRepData = "examples/corporate-reputation/corp_rep.csv"
  /// The missing-value code of the corporate reputation data.
  public static let corpRepMissingCodes: [Double] = [-99]
  /// `examples/corporate-reputation/simple.model`.
  public static let corpRepSimpleModel = "examples/corporate-reputation/simple.model"
  /// `examples/corporate-reputation/extended.model`.
  public static let corpRepExtendedModel = "examples/corporate-reputation/extended.model"
  /// `examples/ecsi-mobi/mobi.csv` (no missing values).
  public static let mobiData = "examples/ecsi-mobi/mobi.csv"
  /// `examples/ecsi-mobi/mobi.model`.
  public static let mobiModel = "examples/ecsi-mobi/mobi.model"

  /// `plssem estimate` of the LED mediation model on the 100 LED responses read with their
  /// codebook (missing codes, reverse-coded items, scale bounds), paths absolute.
  public static let ledMediationArguments = [
    "estimate", "--data", Repository.path("examples/led-survey/responses-100.csv"), "--codebook",
    Repository.path("examples/led-survey/codebook.yaml"), "--model",
    Repository.path("examples/led-survey/mediation.model"),
  ]

  /// A repository CSV file as a table.
  public static func table(_ relative: String, missingCodes: [Double] = []) throws -> DataTable {
    try DataTable(csvFile: Repository.path(relative), missingCodes: missingCodes)
  }

  /// A repository model file, parsed (its file name is the source in error messages).
  public static func model(_ relative: String) throws -> PathModel {
    try PathModel(
      syntax: Repository.text(relative), source: (relative as NSString).lastPathComponent)
  }

  /// The corporate reputation data, `-99` read as missing.
  public static func corpRep() throws -> DataTable {
    try table(corpRepData, missingCodes: corpRepMissingCodes)
  }

  /// The ECSI mobile phone data.
  public static func mobi() throws -> DataTable {
    try table(mobiData)
  }

  /// The corporate reputation simple model estimated with default settings (mean replacement,
  /// path scheme, seminr's stop rule) unless `settings` says otherwise.
  public static func corpRepSimpleEstimate(settings: PLSSettings = PLSSettings()) throws
    -> PLSEstimate
  {
    try PLSEstimator(settings: settings).estimate(model(corpRepSimpleModel), data: corpRep())
  }

  /// The ECSI mobile phone model estimated with default settings unless `settings` says otherwise.
  public static func mobiEstimate(settings: PLSSettings = PLSSettings()) throws -> PLSEstimate {
    try PLSEstimator(settings: settings).estimate(model(mobiModel), data: mobi())
  }
}
