import Foundation

/// How the narrative writes numbers: the report's own formatting (``NumberText``, the same
/// decimals as the tables: three, t two) with the language's decimal separator, and a
/// typographic minus sign. No number is formatted any other way.
struct NarrativeNumbers {
  /// Decimal commas and thousands points (Indonesian), else decimal points and thousands
  /// commas (English).
  let decimalComma: Bool

  /// A value with `digits` decimals (three, as the tables).
  func value(_ v: Double, _ digits: Int = 3) -> String {
    NumberText.fixed(v, digits, typographic: true, decimalComma: decimalComma)
  }

  /// A t statistic: two decimals, as the tables.
  func t(_ v: Double) -> String { value(v, 2) }

  /// A threshold of ``QualityThresholds`` or a reading guide as the rules write it: integers
  /// without decimals (3, 0), others with two (0.70, 0.95, 0.85).
  func limit(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e6 ? String(Int(v)) : value(v, 2)
  }

  /// "p < .001" / "p = .012" (APA) or "p < 0,001" / "p = 0,012" (with the leading zero, as
  /// Indonesian theses write it).
  func p(_ p: Double) -> String {
    if decimalComma {
      return p < 0.001 ? "p < 0,001" : "p = " + value(p, 3)
    }
    let text = NumberText.pValue(p)
    return text.hasPrefix("<") ? "p < " + text.dropFirst() : "p = " + text
  }

  /// An interval: "[0.081, 0.312]" or "[0,081; 0,312]".
  func interval(_ lower: Double, _ upper: Double) -> String {
    "[\(value(lower))\(decimalComma ? ";" : ",") \(value(upper))]"
  }

  /// A whole number with thousands separators: "5,000" or "5.000".
  func count(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (k, c) in digits.enumerated() {
      if k > 0, (digits.count - k) % 3 == 0 { out += decimalComma ? "." : "," }
      out.append(c)
    }
    return (n < 0 ? "\u{2212}" : "") + out
  }

  /// A confidence level as a percentage: "95%".
  func percent(_ level: Double) -> String {
    NumberText.setting(level * 100).replacingOccurrences(of: ".", with: decimalComma ? "," : ".")
      + "%"
  }

  /// A range "from – to" of values, or the one value when they are equal when printed.
  func range(_ r: ClosedRange<Double>, to word: String) -> String {
    let low = value(r.lowerBound)
    let high = value(r.upperBound)
    return low == high ? low : "\(low) \(word) \(high)"
  }
}
