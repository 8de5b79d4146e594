/// The results in words (``ReportNarrative``) of an estimate.
extension EstimationReport {
  /// The narrative of this report in `language`, judged by `thresholds`: built from
  /// ``document(thresholds:)``'s tables (every number in it is one the tables show) and the
  /// model's hypotheses (`PathModel.hypotheses`).
  public func narrative(_ language: NarrativeLanguage, thresholds: QualityThresholds = .standard)
    -> ReportNarrative
  {
    var plain = self
    plain.narrativeLanguage = nil
    return narrative(
      language, document: plain.document(thresholds: thresholds), thresholds: thresholds)
  }

  /// The narrative from an already built document.
  func narrative(
    _ language: NarrativeLanguage, document: ReportDocument, thresholds: QualityThresholds
  ) -> ReportNarrative {
    language.wording.narrative(NarrativeFindings(self, document, thresholds: thresholds))
  }
}
