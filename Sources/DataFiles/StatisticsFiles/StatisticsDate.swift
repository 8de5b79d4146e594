/// Dates and times as SPSS and Stata store them, turned into ISO 8601 text.
///
/// SPSS stores seconds since 1582-10-14 00:00 (formats `DATE`, `ADATE`, `EDATE`, `SDATE`,
/// `JDATE`, `DATETIME`, `YMDHMS`, …); Stata stores days since 1960-01-01 (`%td`, `%d`) or
/// milliseconds since 1960-01-01 00:00 (`%tc`, `%tC`).
enum StatisticsDate {
  static func isoText(_ value: Double, format: String) -> String? {
    let upper = format.uppercased()
    let letters = String(upper.prefix { $0.isLetter || $0 == "%" })
    let seconds: Double
    let showTime: Bool
    switch letters {
    case "DATE", "ADATE", "EDATE", "SDATE", "JDATE", "MOYR", "QYR", "WKYR":
      seconds = value - 12_219_379_200  // 1582-10-14 → 1970-01-01
      showTime = false
    case "DATETIME", "YMDHMS", "DATETIMEMS":
      seconds = value - 12_219_379_200
      showTime = true
    case "%TD", "%D":
      seconds = (value - 3653) * 86_400
      showTime = false
    case "%TC":
      seconds = value / 1000 - 3653 * 86_400
      showTime = true
    default: return nil
    }
    guard seconds.isFinite, abs(seconds) < 3e11 else { return nil }
    let total = Int(seconds.rounded(.down))
    let days = total >= 0 ? total / 86_400 : -((-total + 86_399) / 86_400)
    let rest = total - days * 86_400
    let date = ExcelDate.civil(daysSince1970: days)
    guard showTime else { return date }
    func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(date) \(pad(rest / 3600)):\(pad(rest / 60 % 60)):\(pad(rest % 60))"
  }
}
