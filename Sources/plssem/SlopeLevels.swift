import ArgumentParser
import PLSSEM

/// The value of `--slope-levels`: moderator levels in standard deviations from its mean,
/// separated by commas (`-2,-1,0,1,2`); the engine checks their range and count
/// (``SimpleSlope``).
struct SlopeLevels: ExpressibleByArgument, Equatable {
  var levels: [Double]

  init(levels: [Double]) { self.levels = levels }

  init?(argument: String) {
    var levels: [Double] = []
    for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
      let text = part.trimmingCharacters(in: .whitespaces)
      guard let value = Double(text), value.isFinite else { return nil }
      levels.append(value)
    }
    self.levels = levels
  }

  var defaultValueDescription: String {
    levels.map(SimpleSlope.levelText).joined(separator: ",")
  }
}
