import PLSSEM
import Testing

@testable import PLSSEMReport

@Suite("CSV output")
struct CSVTests {
  /// Splits one CSV line into fields (RFC 4180 quoting).
  static func fields(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(line)[...]
    while let c = characters.popFirst() {
      if quoted {
        if c == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        fields.append(field)
        field = ""
      } else {
        field.append(c)
      }
    }
    fields.append(field)
    return fields
  }

  static func rows(_ text: String) -> [[String: String]] {
    let lines = text.split(separator: "\n").map(String.init)
    let header = fields(lines[0])
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
  }

  @Test func headerAndShape() throws {
    let text = try CSVRenderer.render(CorpRep.plain())
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first.map(String.init) == CSVRenderer.columns.joined(separator: ","))
    #expect(lines.last == "")  // ends with a line break
    for line in lines.dropFirst().dropLast() {
      #expect(Self.fields(String(line)).count == CSVRenderer.columns.count, "\(line)")
    }
  }

  @Test func numbersRoundTrip() throws {
    let report = try CorpRep.plain()
    let rows = Self.rows(CSVRenderer.render(report))
    let paths = rows.filter { $0["table"] == "paths" }
    #expect(paths.count == report.estimate.pathList.count)
    for row in paths {
      let value = report.estimate.path(from: row["from"]!, to: row["to"]!)
      #expect(Double(row["estimate"]!) == value)
      #expect(row["se"] == "" && row["p"] == "")
    }
    let reliability = rows.filter { $0["table"] == "reliability" }
    #expect(reliability.count == 4 * report.estimate.constructNames.count)
    #expect(
      rows.contains {
        $0["table"] == "summary" && $0["statistic"] == "observations" && $0["estimate"] == "344"
      })
    let tables = Set(rows.compactMap { $0["table"] })
    for table in [
      "summary", "paths", "r2", "f2", "inner_vif", "effects", "specific_indirect", "loadings",
      "weights", "outer_vif",
      "reliability", "htmt", "fornell_larcker", "cross_loadings", "construct_correlations",
    ] {
      #expect(tables.contains(table), "missing table \(table)")
    }
  }

  @Test func bootstrapColumns() throws {
    let report = try CorpRep.bootstrapped()
    let rows = Self.rows(CSVRenderer.render(report))
    for row in rows where row["table"] == "paths" {
      let inf = report.inference(.path(from: row["from"]!, to: row["to"]!))
      #expect(Double(row["se"]!) == inf?.standardError)
      #expect(Double(row["ci_upper"]!) == inf?.ciUpper)
    }
    for row in rows where row["table"] == "reliability" { #expect(row["t"] == "") }
    let via = rows.filter { $0["table"] == "specific_indirect" }.map { $0["via"]! }
    #expect(via == ["CUSA", "CUSA"])
  }

  @Test func quoting() {
    #expect(CSVRenderer.quote("plain") == "plain")
    #expect(CSVRenderer.quote("a,b") == "\"a,b\"")
    #expect(CSVRenderer.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVRenderer.quote("two\nlines") == "\"two\nlines\"")
    #expect(Self.fields("\"a,b\",\"c\"\"d\",e") == ["a,b", "c\"d", "e"])
  }
}
