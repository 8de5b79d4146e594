import Foundation
import PLSSEM

/// How the human-readable renderers (Markdown, HTML) write numbers: fixed decimals, p-values in
/// APA style, significance stars. Machine formats (JSON, CSV) use ``JSONValue/format(_:)``
/// instead, the shortest text that reads back to the same `Double`.
enum NumberText {
  /// `value` with `digits` decimals, or `n/a` when not finite. A minus sign is U+2212 when
  /// `typographic` (HTML, prose), else ASCII; the decimal separator is a comma when
  /// `decimalComma` (Indonesian prose, ``NarrativeLanguage/indonesian``), else a point.
  static func fixed(
    _ value: Double?, _ digits: Int = 3, typographic: Bool = false, decimalComma: Bool = false
  ) -> String {
    guard let value, value.isFinite else { return "n/a" }
    var text = String(format: "%.\(digits)f", value)
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
      text.removeFirst()
    }
    if typographic, text.hasPrefix("-") { text = "\u{2212}" + text.dropFirst() }
    if decimalComma { text = text.replacingOccurrences(of: ".", with: ",") }
    return text
  }

  /// A p-value: three decimals, `<.001` below 0.001, without the leading zero (APA).
  static func pValue(_ p: Double?) -> String {
    guard let p, p.isFinite else { return "n/a" }
    if p < 0.001 { return "<.001" }
    let text = String(format: "%.3f", p)
    return text.hasPrefix("0") ? String(text.dropFirst()) : text
  }

  /// Significance stars: `*` p < .05, `**` p < .01, `***` p < .001.
  static func stars(_ p: Double?) -> String {
    guard let p, p.isFinite else { return "" }
    return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : ""
  }

  /// A setting value: integers without decimals, others in Swift's shortest form.
  static func setting(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : "\(value)"
  }

  /// Whether a bootstrapped statistic cannot vary (fixed by construction, as the loading and
  /// weight of a single-item construct, or every draw identical): it has no t, p or interval,
  /// shown as `n/a`.
  static func isFixed(_ inference: StatisticInference) -> Bool {
    inference.isConstant
  }

  /// The note under tables where ``isFixed(_:)`` applied.
  static let fixedNote =
    "n/a: the statistic does not vary across resamples (fixed by construction, e.g. a single-item construct)."
}
