import Foundation
import TestSupport
import Testing

@testable import PLSSEM

@Suite("Grouping: splitting the data and its errors")
struct GroupSplitTests {
  static let model = """
    A =~ a1 + a2
    B =~ b1 + b2
    B ~ A
    """

  static func table(groups: [Double], labelled: Bool = false) throws -> DataTable {
    var generator = SeededGenerator(seed: 3)
    let n = groups.count
    func column() -> [Double] {
      (0..<n).map { _ in Double(Int.random(in: 1...7, using: &generator)) }
    }
    return try DataTable(
      columnNames: ["a1", "a2", "b1", "b2", "g"],
      columns: [column(), column(), column(), column(), groups], source: "groups.csv")
  }

  @Test("values ascending, labels attached, rows in table order; --group-values order kept")
  func split() throws {
    let model = try PathModel(syntax: Self.model)
    let data = try Self.table(groups: (0..<30).map { Double($0 % 3 + 1) })
    let split = try GroupSplit(
      data: data, column: "g", labels: [1: "food", 2: "craft"], model: model)
    #expect(split.groups.map(\.valueText) == ["1", "2", "3"])
    #expect(split.groups.map(\.name) == ["food", "craft", "3"])
    #expect(split.groups[0].rows == Array(stride(from: 0, to: 30, by: 3)))
    let chosen = try GroupSplit(data: data, column: "g", values: [3, 1], model: model)
    #expect(chosen.groups.map(\.valueText) == ["3", "1"])
    #expect(chosen.data.rowCount == 20)
    #expect(MultiGroupAnalysis.pairs(3).map { [$0.0, $0.1] } == [[0, 1], [0, 2], [1, 2]])
  }

  @Test("missing cells are replaced by the pooled mean before the split")
  func pooledMeanReplacement() throws {
    let model = try PathModel(syntax: Self.model)
    var columns = try Self.table(groups: (0..<20).map { Double($0 % 2) }).columns
    columns[0][0] = .nan
    let data = try DataTable(columnNames: ["a1", "a2", "b1", "b2", "g"], columns: columns)
    let split = try GroupSplit(data: data, column: "g", model: model)
    let observed = columns[0].filter { !$0.isNaN }
    let mean = observed.reduce(0, +) / Double(observed.count)
    #expect(split.data.columns[0][0] == mean)
    let casewise = try GroupSplit(data: data, column: "g", model: model, missing: .casewiseDeletion)
    #expect(casewise.data.rowCount == 19)
    #expect(casewise.groups[0].observations == 9)
  }

  @Test("bad grouping: one value, a group of 3 rows, missing values, no such column")
  func errors() throws {
    let model = try PathModel(syntax: Self.model)
    let one = try Self.table(groups: Array(repeating: 1, count: 20))
    #expect(throws: GroupingError.singleGroup(column: "g", value: "1", source: "groups.csv")) {
      try GroupSplit(data: one, column: "g", model: model)
    }
    let small = try Self.table(groups: (0..<20).map { $0 < 3 ? 2 : 1 })
    let error = #expect(throws: GroupingError.self) {
      try GroupSplit(data: small, column: "g", labels: [2: "craft"], model: model)
    }
    #expect(
      error?.description
        == "groups.csv: group 2 (craft) of 'g' has 3 complete rows; the model needs at least 4 "
        + "(its largest block or regression)")
    var columns = try Self.table(groups: (0..<20).map { Double($0 % 2) }).columns
    columns[4][4] = .nan
    columns[4][7] = .nan
    let missing = try DataTable(columnNames: ["a1", "a2", "b1", "b2", "g"], columns: columns)
    let missingError = #expect(throws: GroupingError.self) {
      try GroupSplit(data: missing, column: "g", model: model)
    }
    #expect(missingError?.description.contains("missing in 2 rows (rows 6, 9)") == true)
    let absent = #expect(throws: GroupingError.self) {
      try GroupSplit(data: one, column: "group", model: model)
    }
    #expect(absent?.description.contains("no grouping column 'group'") == true)
    #expect(throws: GroupingError.self) {
      try GroupSplit(data: small, column: "g", values: [1, 5], model: model)
    }
    #expect(throws: GroupingError.self) {
      try GroupSplit(data: small, column: "g", values: [1, 1], model: model)
    }
  }
}
