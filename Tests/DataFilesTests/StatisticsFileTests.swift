import DataFiles
import Foundation
import Testing

@Suite("SPSS and Stata files")
struct StatisticsFileTests {
  @Test(
    "variables, labels, value labels, missing values, strings and dates as written",
    arguments: ["labels.sav", "labels.zsav", "labels.por", "labels.dta"])
  func readsAsWritten(_ name: String) throws {
    let sheet = try FixtureTables.read(name)
    FixtureTables.check(sheet, against: name)
  }

  @Test("formats are recognised by content")
  func formats() throws {
    #expect(try FixtureTables.read("labels.sav").format == .sav)
    #expect(try FixtureTables.read("labels.zsav").format == .zsav)
    #expect(try FixtureTables.read("labels.por").format == .por)
    #expect(try FixtureTables.read("labels.dta").format == .dta)
  }

  @Test("a corrupt file fails with ReadStat's reason and the file's name")
  func corrupt() throws {
    for name in ["corrupt.sav", "garbage.sav"] {
      let error = try FixtureTables.error(name)
      #expect(
        error?.description.hasPrefix("\(name): cannot read the SPSS data file (.sav): ") == true,
        "\(String(describing: error))")
    }
  }

  @Test("the cell limit stops a large file")
  func cellLimit() throws {
    let error = try FixtureTables.error(
      "labels.sav", options: .init(limits: DataFileLimits(maximumCells: 10)))
    #expect(error?.description.contains("too large") == true, "\(String(describing: error))")
  }
}
