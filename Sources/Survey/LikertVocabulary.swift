/// Answer scales whose labels say their order, in Indonesian and English: what
/// `plssem codebook init` uses to order the distinct text answers of a column.
///
/// Each vocabulary lists its labels per language from the lowest point up; a few points accept
/// common alternatives (`Ragu-ragu` or `Kurang Setuju` for the middle of the Indonesian agreement
/// scale). Matching is through ``LooseText/labelVariants(_:)`` (case, spaces, a final
/// abbreviation in parentheses ignored).
struct LikertVocabulary: Sendable {
  /// A short id for the scale (`setuju5`).
  var id: String
  /// Per language, per point, the accepted spellings; the first is the one written.
  var labels: [String: [[String]]]

  var points: Int { labels.values.first?.count ?? 0 }

  static let all: [LikertVocabulary] = [
    LikertVocabulary(
      id: "setuju5",
      labels: [
        "id": [
          ["Sangat Tidak Setuju"], ["Tidak Setuju"],
          ["Netral", "Ragu-ragu", "Ragu ragu", "Kurang Setuju", "Cukup Setuju", "Biasa Saja"],
          ["Setuju"], ["Sangat Setuju"],
        ],
        "en": [
          ["Strongly disagree"], ["Disagree"],
          ["Neutral", "Neither agree nor disagree", "Undecided"], ["Agree"], ["Strongly agree"],
        ],
      ]),
    LikertVocabulary(
      id: "setuju7",
      labels: [
        "id": [
          ["Sangat Tidak Setuju"], ["Tidak Setuju"], ["Agak Tidak Setuju"], ["Netral"],
          ["Agak Setuju"], ["Setuju"], ["Sangat Setuju"],
        ],
        "en": [
          ["Strongly disagree"], ["Disagree"], ["Somewhat disagree"],
          ["Neutral", "Neither agree nor disagree"], ["Somewhat agree"], ["Agree"],
          ["Strongly agree"],
        ],
      ]),
    LikertVocabulary(
      id: "frekuensi5",
      labels: [
        "id": [
          ["Tidak Pernah"], ["Jarang"], ["Kadang-kadang", "Kadang kadang"], ["Sering"], ["Selalu"],
        ],
        "en": [["Never"], ["Rarely"], ["Sometimes"], ["Often"], ["Always"]],
      ]),
    LikertVocabulary(
      id: "puas5",
      labels: [
        "id": [
          ["Sangat Tidak Puas"], ["Tidak Puas"], ["Cukup Puas", "Netral"], ["Puas"],
          ["Sangat Puas"],
        ],
        "en": [
          ["Very dissatisfied"], ["Dissatisfied"], ["Neutral"], ["Satisfied"], ["Very satisfied"],
        ],
      ]),
    LikertVocabulary(
      id: "penting5",
      labels: [
        "id": [
          ["Sangat Tidak Penting"], ["Tidak Penting"], ["Cukup Penting"], ["Penting"],
          ["Sangat Penting"],
        ],
        "en": [
          ["Not at all important"], ["Slightly important"], ["Moderately important"],
          ["Very important"], ["Extremely important"],
        ],
      ]),
    LikertVocabulary(
      id: "setuju4",
      labels: [
        "id": [["Sangat Tidak Setuju"], ["Tidak Setuju"], ["Setuju"], ["Sangat Setuju"]],
        "en": [["Strongly disagree"], ["Disagree"], ["Agree"], ["Strongly agree"]],
      ]),
  ]

  /// Answers that mean "no answer", in both languages.
  static let missingAnswers: [String] = [
    "NA", "N/A", "Tidak tahu", "Tidak menjawab", "Tidak ada jawaban", "Don't know", "No answer",
    "Prefer not to say",
  ]

  /// The point (1-based) of `answer` on this scale, and the language it is in.
  func point(of answer: String) -> (point: Int, language: String)? {
    let keys = Set(
      [TextKey(answer)]
        + LooseText.labelVariants(answer).filter { $0.claimedPoint == nil }.map(\.key))
    for language in labels.keys.sorted() {
      for (index, spellings) in (labels[language] ?? []).enumerated()
      where spellings.contains(where: { keys.contains(TextKey($0)) }) {
        return (index + 1, language)
      }
    }
    return nil
  }

  /// The first vocabulary of ``all`` in which every answer has a point, with the language most
  /// answers are in. The five-point scales come first (the most common), then seven points, then
  /// four: answers that never use the middle point read as a five-point scale.
  static func matching(_ answers: [String]) -> (vocabulary: LikertVocabulary, language: String)? {
    guard !answers.isEmpty else { return nil }
    for vocabulary in all {
      let found = answers.map { vocabulary.point(of: $0) }
      guard found.allSatisfy({ $0 != nil }) else { continue }
      // Two answers on one point (a 4-point list read as 5) would lose information: skip.
      let points = found.compactMap { $0?.point }
      guard Set(points).count == Set(answers.map { TextKey($0) }).count else { continue }
      var languages: [String: Int] = [:]
      for entry in found { languages[entry?.language ?? "", default: 0] += 1 }
      let language = languages.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "en"
      return (vocabulary, language)
    }
    return nil
  }
}
