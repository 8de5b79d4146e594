import DataFiles
import Foundation
import Testing

/// The fixtures of `scripts/fixtures/make_data_file_fixtures.py` and the tables they must read as.
enum FixtureTables {
  static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
  }

  /// Reads a fixture with the file name as its source.
  static func read(_ name: String, options: DataFileOptions = .init()) throws -> DataSheet {
    try DataFileReader.read(bytes: bytes(name), source: name, options: options)
  }

  /// The error reading a fixture throws, or nil.
  static func error(_ name: String, options: DataFileOptions = .init()) throws -> DataFileError? {
    let input = try bytes(name)
    do {
      _ = try DataFileReader.read(bytes: input, source: name, options: options)
      return nil
    } catch {
      return error
    }
  }

  struct Expected: Decodable {
    struct Column: Decodable {
      var name: String
      var label: String?
      var valueLabels: [[Value]]?
      var cells: [Cell?]
    }
    enum Value: Decodable {
      case number(Double), text(String)
      init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
          self = .number(number)
        } else {
          self = .text(try container.decode(String.self))
        }
      }
    }
    struct Cell: Decodable {
      var n: Double?
      var t: String?
      var m: Double?
    }
    var source: String
    var sheetName: String?
    var columns: [Column]
    var rowNumbers: [Int]
    var skippedRows: [Int]?
    var noteContains: [String]?
  }

  static let expected: [String: Expected] = {
    let url = folder.appendingPathComponent("expected.json")
    guard let data = try? Data(contentsOf: url),
      let decoded = try? JSONDecoder().decode([String: Expected].self, from: data)
    else { return [:] }
    return decoded
  }()

  static func cell(_ expected: Expected.Cell?) -> DataCell {
    guard let expected else { return .empty }
    if let n = expected.n { return .number(n) }
    if let t = expected.t { return .text(t) }
    if let m = expected.m { return .declaredMissing(m) }
    return .empty
  }

  /// Checks every part of `sheet` against the fixture's expected table.
  static func check(_ sheet: DataSheet, against name: String) {
    guard let expected = expected[name] else {
      Issue.record("no expected table for \(name)")
      return
    }
    #expect(sheet.source == expected.source)
    if let sheetName = expected.sheetName { #expect(sheet.sheetName == sheetName) }
    #expect(sheet.columnNames == expected.columns.map(\.name), "\(name)")
    #expect(sheet.rowNumbers == expected.rowNumbers, "\(name)")
    for (column, wanted) in zip(sheet.columns, expected.columns) {
      #expect(column.cells == wanted.cells.map(cell), "\(name): column \(wanted.name)")
      if let label = wanted.label {
        #expect(column.label == label, "\(name): label of \(wanted.name)")
      }
      if let labels = wanted.valueLabels {
        let decoded = labels.compactMap { pair -> ValueLabel? in
          guard pair.count == 2, case .number(let value) = pair[0], case .text(let text) = pair[1]
          else { return nil }
          return ValueLabel(value: value, label: text)
        }
        #expect(column.valueLabels == decoded, "\(name): value labels of \(wanted.name)")
      }
    }
    if let skipped = expected.skippedRows {
      #expect(sheet.skippedRecords.map(\.row) == skipped, "\(name)")
    }
    for fragment in expected.noteContains ?? [] {
      #expect(sheet.notes.contains { $0.contains(fragment) }, "\(name): a note naming \(fragment)")
    }
  }
}
