import Foundation
import TestSupport
import Testing

@testable import Survey

@Suite("The shipped LED example")
struct ExampleFilesTests {
  @Test(arguments: [100, 1000])
  func responseFilesAreReproducedByTheGenerator(respondents: Int) throws {
    let generated = try LEDInstrument.exampleResponsesCSV(
      respondents: respondents, seed: LEDInstrument.exampleSeed(respondents: respondents))
    let shipped = try Repository.text("examples/led-survey/responses-\(respondents).csv")
    if generated != shipped {
      // Leave the generated text beside the build for inspection.
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "responses-\(respondents).csv")
      try? generated.write(to: path, atomically: true, encoding: .utf8)
      Issue.record(
        "examples/led-survey/responses-\(respondents).csv differs from the generator; see \(path.path)"
      )
    }
  }

  @Test func exampleDataLeanTowardAgreementAndAreAlwaysOnTheScale() throws {
    let codebook = try LEDInstrument.codebook()
    let path = Repository.path("examples/led-survey/responses-1000.csv")
    let responses = try ResponseReader(codebook: codebook).read(contentsOfFile: path)
    #expect(responses.respondentCount == 1000)
    let items = responses.itemDescriptives()
    #expect(items.allSatisfy { $0.n == 1000 && $0.offScale == 0 })
    let mean = items.compactMap(\.mean).reduce(0, +) / Double(items.count)
    #expect(mean > 3.4 && mean < 4.1)
  }
}
