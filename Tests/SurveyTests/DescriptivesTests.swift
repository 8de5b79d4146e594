import Foundation
import TestSupport
import Testing

@testable import Survey

/// Expected values from numpy/scipy, written by scripts/fixtures/make_survey_fixtures.py.
struct DescriptivesFixture: Decodable {
  struct Expected: Decodable {
    var name: String
    var n: Int
    var missing: Int
    var mean: Double?
    var sd: Double?
    var median: Double?
    var min: Double?
    var max: Double?
    var skewness: Double?
    var excessKurtosis: Double?
    var distribution: [Int]?
    var offScale: Int?
  }
  struct Variable: Decodable {
    var values: [Double?]
    var points: Int?
    var expected: Expected
  }
  struct Constructs: Decodable {
    var items: [String: [Double?]]
    var scores: [String: [Double?]]
    var expected: [Expected]
    var expectedItems: [Expected]
  }
  var numpy: String
  var scipy: String
  var variables: [Variable]
  var constructs: Constructs

  static func load() throws -> DescriptivesFixture {
    let url = try #require(
      Bundle.module.url(
        forResource: "survey-descriptives", withExtension: "json", subdirectory: "Fixtures"))
    return try JSONDecoder().decode(DescriptivesFixture.self, from: Data(contentsOf: url))
  }
}

func check(_ actual: Descriptives, _ expected: DescriptivesFixture.Expected) {
  #expect(actual.name == expected.name)
  #expect(actual.n == expected.n, "\(expected.name) n")
  #expect(actual.missing == expected.missing, "\(expected.name) missing")
  #expect(
    isClose(actual.mean, expected.mean, tolerance: 1e-12, measure: .relativeAboveOne),
    "\(expected.name) mean \(String(describing: actual.mean))")
  #expect(
    isClose(actual.standardDeviation, expected.sd, tolerance: 1e-12, measure: .relativeAboveOne),
    "\(expected.name) sd")
  #expect(
    isClose(actual.median, expected.median, tolerance: 1e-12, measure: .relativeAboveOne),
    "\(expected.name) median")
  #expect(
    isClose(actual.minimum, expected.min, tolerance: 1e-12, measure: .relativeAboveOne),
    "\(expected.name) min")
  #expect(
    isClose(actual.maximum, expected.max, tolerance: 1e-12, measure: .relativeAboveOne),
    "\(expected.name) max")
  #expect(
    isClose(actual.skewness, expected.skewness, tolerance: 1e-12, measure: .relativeAboveOne),
    "\(expected.name) skewness \(String(describing: actual.skewness))")
  #expect(
    isClose(
      actual.excessKurtosis, expected.excessKurtosis, tolerance: 1e-12, measure: .relativeAboveOne),
    "\(expected.name) kurtosis \(String(describing: actual.excessKurtosis))")
  #expect(actual.distribution == expected.distribution, "\(expected.name) distribution")
  #expect(actual.offScale == expected.offScale, "\(expected.name) off-scale")
}

@Suite("Descriptives against numpy and scipy")
struct DescriptivesTests {
  @Test func singleVariablesMatchScipyTo1e12() throws {
    let fixture = try DescriptivesFixture.load()
    #expect(fixture.variables.count == 11)
    for variable in fixture.variables {
      let values = variable.values.map { $0 ?? .nan }
      check(
        Descriptives(name: variable.expected.name, values: values, scalePoints: variable.points),
        variable.expected)
    }
  }

  @Test func itemsAndConstructScoresMatchNumpyTo1e12() throws {
    let fixture = try DescriptivesFixture.load().constructs
    let codebook = try Codebook(
      yaml: """
        instrument: {name: F}
        scales: [{id: s, points: 5}]
        constructs: [{id: A}, {id: B}]
        items:
          - {id: A1, construct: A}
          - {id: A2, construct: A}
          - {id: A3, construct: A}
          - {id: B1, construct: B}
          - {id: B2, construct: B}
        """)
    let ids = ["A1", "A2", "A3", "B1", "B2"]
    let columns = try ids.map { id in try #require(fixture.items[id]).map { $0 ?? .nan } }
    let responses = try SurveyResponses(codebook: codebook, itemIDs: ids, columns: columns)
    let scores = responses.constructScores()
    #expect(scores.columnNames == ["A", "B"])
    for (name, column) in zip(scores.columnNames, scores.values) {
      let expected = try #require(fixture.scores[name]).map { $0 ?? .nan }
      #expect(column.count == expected.count)
      #expect(
        zip(column, expected).allSatisfy {
          ($0.isNaN && $1.isNaN) || isClose($0, $1, tolerance: 1e-12, measure: .relativeAboveOne)
        }, "\(name)")
    }
    let constructs = responses.constructDescriptives()
    #expect(constructs.count == fixture.expected.count)
    for (actual, expected) in zip(constructs, fixture.expected) { check(actual, expected) }
    let items = responses.itemDescriptives()
    for (actual, expected) in zip(items, fixture.expectedItems) { check(actual, expected) }
  }

  @Test func respondentQualityFlags() throws {
    let codebook = try smallCodebook()
    // A3 is reverse-coded: respondent 1 ticked 4 everywhere (straight-lining, though the
    // recoded A3 reads 2); respondent 2 varies; respondent 3 answered two items alike.
    let text = "A1,A2,A3,B1,B2\n4,4,4,4,4\n1,2,3,4,5\n3,,3,,\n"
    let responses = try read(text, codebook: codebook)
    #expect(responses.column("A3") == [2, 3, 3])
    let quality = responses.respondentQuality()
    #expect(quality.map(\.straightLining) == [true, false, true])
    #expect(quality.map(\.missing) == [0, 0, 3])
    #expect(quality.map(\.missingShare) == [0, 0, 0.6])
    #expect(quality.map(\.longestRun) == [5, 1, 2])
    #expect(quality.map(\.line) == [2, 3, 4])
    let description = responses.describe(missingShareThreshold: 0.5)
    #expect(description.straightLiners == 2)
    #expect(description.respondentsAboveMissingThreshold == 1)
    #expect(description.items.map(\.name) == ["A1", "A2", "A3", "B1", "B2"])
    #expect(description.constructs.map(\.name) == ["A", "B"])
    #expect(description.items[0].distribution == [1, 0, 1, 1, 0])
    let json = try JSONEncoder().encode(description)
    #expect(try JSONDecoder().decode(SurveyDescription.self, from: json) == description)
  }
}
