import LinearAlgebra

@testable import PLSSEM

/// Runs the bootstrap's per-resample path on an estimate's own data — the kernel, the
/// statistic extraction (which applies PLSc) and the allocation-free ``AdmissibilityCheck`` —
/// so that tests can compare its verdict with ``PLSEstimate/admissibility``.
enum AdmissibilityTestSupport {
  static func resampleVerdict(_ estimate: PLSEstimate) throws -> Bool {
    let layout = estimate.layout
    let settings = estimate.settings
    let kernel = PLSKernel(layout: layout, settings: settings)
    let catalog = StatisticCatalog(
      layout: layout, families: StatisticFamily.resampledByDefault,
      consistent: settings.consistent)
    let workspace = PLSWorkspace(layout: layout)
    let scratch = StatisticScratch(layout: layout)
    let check = AdmissibilityScratch(layout: layout)
    var out = [Double](repeating: 0, count: catalog.count)
    return try estimate.indicatorCorrelations.storage.withUnsafeBufferPointer { s in
      guard let s = s.baseAddress else { return true }
      let outcome = try kernel.run(correlation: s, workspace: workspace)
      try out.withUnsafeMutableBufferPointer { o in
        guard let target = o.baseAddress else { return }
        try catalog.evaluate(
          kernel: kernel, correlation: s, workspace: workspace, scratch: scratch,
          observations: estimate.observations, into: target)
      }
      return AdmissibilityCheck.isAdmissible(
        layout: layout, consistent: settings.consistent, converged: outcome.converged,
        correlation: s, loadings: workspace.c, constructCorrelations: workspace.r,
        rhoA: scratch.rhoA, paths: scratch.paths, scratch: check)
    }
  }
}
