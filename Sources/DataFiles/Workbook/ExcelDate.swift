/// Excel's serial dates: which number formats show dates, and the ISO 8601 text of a serial.
///
/// A workbook stores a date as a number of days (the fraction is the time of day) in the 1900
/// date system (serial 1 = 1900-01-01, with Lotus 1-2-3's fictitious 1900-02-29 as serial 60) or,
/// when the workbook says `date1904`, the 1904 system (serial 0 = 1904-01-01). The number
/// format of the cell's style tells a date from a plain number.
enum ExcelDate {
  /// Excel's built-in date and time formats: 14–22, 45–47, and the East Asian 27–36 and 50–58.
  static func isBuiltInDateFormat(_ id: Int) -> Bool {
    (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id)
      || (50...58).contains(id)
  }

  /// Whether a custom format code shows a date or time: after dropping quoted text, escaped
  /// characters and bracketed parts (colours, conditions, locales; `[h]`, `[m]`, `[s]` elapsed
  /// times count as times), it contains `d`, `m`, `y`, `h` or `s` in its first section.
  static func isDateFormat(_ code: String) -> Bool {
    var characters = Array(code)
    var cleaned: [Character] = []
    var i = 0
    while i < characters.count {
      let c = characters[i]
      if c == ";" { break }
      if c == "\"" {
        i += 1
        while i < characters.count, characters[i] != "\"" { i += 1 }
        i += 1
        continue
      }
      if c == "\\" || c == "_" || c == "*" {
        i += 2
        continue
      }
      if c == "[" {
        var j = i + 1
        var inner = ""
        while j < characters.count, characters[j] != "]" {
          inner.append(characters[j])
          j += 1
        }
        let lower = inner.lowercased()
        if !lower.isEmpty, lower.allSatisfy({ "hms".contains($0) }) { cleaned.append("h") }
        i = j + 1
        continue
      }
      cleaned.append(c)
      i += 1
    }
    characters = cleaned
    let lower = String(characters).lowercased()
    if lower == "general" || lower.hasPrefix("general") { return false }
    return lower.contains { "dmyhs".contains($0) }
  }

  /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, or `HH:MM:SS` for a time below one day; nil for a
  /// serial outside 0 … 2,958,465 (9999-12-31).
  static func isoText(serial: Double, uses1904: Bool) -> String? {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    var days = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(days)) * 86_400).rounded())
    if seconds >= 86_400 {
      days += 1
      seconds -= 86_400
    }
    let time =
      "\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
    if !uses1904, days == 0 { return seconds == 0 ? "1900-01-00" : time }
    let date: String
    if uses1904 {
      date = civil(daysSince1970: days + daysFrom1970To1904)
    } else if days == 60 {
      date = "1900-02-29"  // the day Lotus 1-2-3 invented and Excel kept
    } else {
      // Serial 1 = 1900-01-01; after the fictitious 29 February, one day less.
      date = civil(daysSince1970: days - (days < 60 ? 1 : 2) + daysFrom1970To1900)
    }
    return seconds == 0 ? date : "\(date) \(time)"
  }

  private static let daysFrom1970To1900 = -25_567
  private static let daysFrom1970To1904 = -24_107

  private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  /// The proleptic Gregorian date of a day count from 1970-01-01 (Hinnant's civil_from_days).
  static func civil(daysSince1970 z0: Int) -> String {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    let year = String(y)
    return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(pad(m))-\(pad(d))"
  }
}
