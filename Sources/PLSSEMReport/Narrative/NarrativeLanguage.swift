/// The language of a report's results in words (``ReportNarrative``): `plssem --narrative id|en`.
public enum NarrativeLanguage: String, Sendable, Equatable, CaseIterable {
  /// Indonesian (`id`): decimal commas (`0,593`), thousands points (`5.000`), `p < 0,001`.
  case indonesian = "id"
  /// English (`en`): decimal points (`0.593`), thousands commas (`5,000`), APA p-values
  /// (`p < .001`).
  case english = "en"

  /// The language named by a code (`id`, `en`; case-insensitive); nil for any other.
  public init?(code: String) {
    switch code.lowercased() {
    case "id": self = .indonesian
    case "en": self = .english
    default: return nil
    }
  }

  /// The BCP 47 code, for the HTML `lang` attribute.
  public var code: String { rawValue }

  /// The wording of this language.
  var wording: any NarrativeWording {
    switch self {
    case .indonesian: return IndonesianWording()
    case .english: return EnglishWording()
    }
  }
}
