import LinearAlgebra

/// The admissibility checks of ``Admissibility`` on raw buffers: the allocation-free verdict
/// that the bootstrap calls on each resample's final state
/// (``isAdmissible(layout:consistent:converged:correlation:loadings:constructCorrelations:rhoA:paths:scratch:)``),
/// and the same checks listing every problem for an estimate
/// (``problems(layout:settings:converged:correlation:loadings:constructCorrelations:rhoA:paths:)``).
/// Both share the tests below, so an estimate and a resample get the same verdict.
///
/// Positive semi-definiteness is decided by a Cholesky factorisation of `M + 1e-8·I`: it
/// succeeds exactly when no eigenvalue of `M` lies below −1e-8 (up to rounding), the criterion
/// of `matrixcalc::is.positive.semi.definite` that cSEM's `verify()` uses, without an
/// eigendecomposition (the problem list reports the smallest eigenvalue all the same).
enum AdmissibilityCheck {
  /// Slack for |loading| > 1 and ρ_A > 1: a single indicator's loading is 1 up to rounding.
  static let unitTolerance = 1e-10
  /// Eigenvalues down to −1e-8 count as zero (`matrixcalc::is.positive.semi.definite`).
  static let semidefiniteTolerance = 1e-8

  /// Whether the loading `value` exceeds 1 in absolute value (beyond rounding).
  static func isLoadingAboveOne(_ value: Double) -> Bool { abs(value) > 1 + unitTolerance }

  /// Whether the ρ_A of a PLSc-corrected construct exceeds 1 (beyond rounding).
  static func isReliabilityAboveOne(_ value: Double) -> Bool { value > 1 + unitTolerance }

  /// Whether the symmetric `n × n` matrix in `m` has no eigenvalue below −1e-8. `m` is
  /// overwritten.
  static func isSemidefinite(overwriting m: UnsafeMutablePointer<Double>, n: Int) -> Bool {
    for i in 0..<n { m[i + i * n] += semidefiniteTolerance }
    return SmallSPDSolver.factorize(m, n: n, relativeTolerance: 0)
  }

  /// The allocation-free verdict on a finished run: the kernel's final state after
  /// ``ConsistentCorrection/apply(layout:correlation:weights:loadings:constructCorrelations:rhoA:)``
  /// (when consistent) and the structural regressions.
  ///
  /// - Parameters:
  ///   - consistent: whether PLSc was applied (then ρ_A is checked).
  ///   - converged: whether the kernel met its stop criterion.
  ///   - s: the p × p indicator correlations.
  ///   - c: the p × J indicator–construct correlations (own-construct entries: the loadings).
  ///   - r: the J × J construct correlations (consistent ones with PLSc).
  ///   - rhoA: ρ_A per construct as ``ConsistentCorrection`` left it (read only when
  ///     consistent).
  ///   - b: the path coefficients `b[from + to·J]`, zero where there is no path
  ///     (`StatisticScratch.paths` after ``StatisticCatalog`` evaluated a catalog with a
  ///     structural family, e.g. paths or R²).
  static func isAdmissible(
    layout: ModelLayout, consistent: Bool, converged: Bool, correlation s: UnsafePointer<Double>,
    loadings c: UnsafePointer<Double>, constructCorrelations r: UnsafePointer<Double>,
    rhoA: UnsafePointer<Double>, paths b: UnsafePointer<Double>, scratch: AdmissibilityScratch
  ) -> Bool {
    guard converged else { return false }
    let p = layout.p
    let J = layout.J
    for i in 0..<p where isLoadingAboveOne(c[i + layout.blockOf[i] * p]) { return false }
    if consistent {
      for j in 0..<J where ConsistentCorrection.isCorrected(j, layout: layout) {
        let rho = rhoA[j]
        if !ConsistentCorrection.isCorrectable(rhoA: rho) || isReliabilityAboveOne(rho) {
          return false
        }
      }
    }
    let work = scratch.sigma
    for i in 0..<(J * J) { work[i] = r[i] }
    guard isSemidefinite(overwriting: work, n: J) else { return false }
    ImpliedCorrelations.constructs(
      layout: layout, constructCorrelations: r, paths: b, into: scratch.phi)
    if let verdict = isFactorModelSemidefinite(
      layout: layout, loadings: c, constructs: scratch.phi, work: scratch.sigma)
    {
      return verdict
    }
    ImpliedCorrelations.indicators(
      layout: layout, correlation: s, loadings: c, constructs: scratch.phi, into: scratch.sigma)
    return isSemidefinite(overwriting: scratch.sigma, n: p)
  }

  /// Whether the implied indicator correlations of a model whose blocks are all common factors
  /// (Mode A) have no eigenvalue below −1e-8, decided on a J × J matrix instead of the p × p
  /// one; nil when the shortcut does not apply (a composite block, a loading with
  /// `λ² ≥ 1 + ε`, or a block whose loadings are all 0), and the p × p matrix must be tested.
  ///
  /// Such a model implies `Σ̂ = Θ + ΛΦΛᵀ` with `Θ = diag(1 − λ²)` and Λ the loadings on the
  /// own construct (``ImpliedCorrelations``), so `Σ̂ + εI = D + ΛΦΛᵀ` with
  /// `D = diag(1 − λ² + ε)`, positive (a bootstrap resample with |λ| > 1 + 1e-10 is judged
  /// inadmissible before).
  /// Since the blocks are disjoint, `ΛᵀD⁻¹Λ = M = diag(mⱼ)`, `mⱼ = Σ_{a∈j} λₐ²/(1 − λₐ² + ε)`,
  /// and `D + ΛΦΛᵀ` is positive definite exactly when `M + MΦM` is, that is when
  /// `Φ + M⁻¹` is (write `x = D⁻¹Λy + z` with `Λᵀz = 0`; Horn & Johnson 2013, §7.7,
  /// congruence and Schur complements). The test is the same in exact arithmetic; rounding
  /// can tell the two apart only for an eigenvalue within rounding of −ε.
  static func isFactorModelSemidefinite(
    layout: ModelLayout, loadings c: UnsafePointer<Double>, constructs phi: UnsafePointer<Double>,
    work: UnsafeMutablePointer<Double>
  ) -> Bool? {
    let p = layout.p
    let J = layout.J
    for j in 0..<J where !ImpliedCorrelations.isCommonFactor(j, layout: layout) { return nil }
    for i in 0..<(J * J) { work[i] = phi[i] }
    for j in 0..<J {
      var m = 0.0
      for a in layout.block(j) {
        let lambda = c[a + j * p]
        let squared = lambda * lambda
        let d = 1 - squared + semidefiniteTolerance
        guard d > 0 else { return nil }
        m += squared / d
      }
      guard m > 0, m.isFinite else { return nil }
      work[j + j * J] += 1 / m
    }
    return SmallSPDSolver.factorize(work, n: J, relativeTolerance: 0)
  }

  /// Every failed check of an estimate, in the order of ``Admissibility``. Arguments as for
  /// ``isAdmissible(layout:consistent:converged:correlation:loadings:constructCorrelations:rhoA:paths:scratch:)``
  /// (`rhoA` nil without PLSc), as matrices.
  static func problems(
    layout: ModelLayout, settings: PLSSettings, converged: Bool, correlation s: Matrix,
    loadings c: Matrix, constructCorrelations r: Matrix, rhoA: [Double]?, paths b: Matrix
  ) -> [AdmissibilityProblem] {
    let consistent = settings.consistent
    let names = layout.constructNames
    var problems: [AdmissibilityProblem] = []
    func add(
      _ kind: AdmissibilityProblem.Kind, _ constructs: [String], indicator: String? = nil,
      _ value: Double?
    ) {
      problems.append(
        AdmissibilityProblem(
          kind: kind, constructs: constructs, indicator: indicator, value: value,
          consistent: consistent))
    }
    if !converged { add(.notConverged, [], Double(settings.maxIterations)) }
    for i in 0..<layout.p {
      let j = layout.blockOf[i]
      if isLoadingAboveOne(c[i, j]) {
        add(.loadingAboveOne, [names[j]], indicator: layout.indicatorNames[i], c[i, j])
      }
    }
    if consistent, let rhoA {
      for j in 0..<layout.J where ConsistentCorrection.isCorrected(j, layout: layout) {
        if !ConsistentCorrection.isCorrectable(rhoA: rhoA[j]) {
          add(.reliabilityNotPositive, [names[j]], rhoA[j])
        } else if isReliabilityAboveOne(rhoA[j]) {
          add(.reliabilityAboveOne, [names[j]], rhoA[j])
        }
      }
    }
    if !isSemidefinite(r) {
      var pair: [String]?
      for k in 0..<layout.J {
        for j in (k + 1)..<layout.J where pair == nil && abs(r[j, k]) > 1 {
          pair = [names[k], names[j]]
        }
      }
      add(.constructCorrelationsNotPositiveSemidefinite, pair ?? names, smallestEigenvalue(r))
    }
    let sigma = impliedIndicatorCorrelations(
      layout: layout, correlation: s, loadings: c, constructCorrelations: r, paths: b)
    if !(isFactorModelSemidefinite(layout: layout, loadings: c, constructCorrelations: r, paths: b)
      ?? isSemidefinite(sigma))
    {
      add(
        .impliedIndicatorCorrelationsNotPositiveSemidefinite, names, smallestEigenvalue(sigma))
    }
    return problems
  }

  /// The estimated model's implied indicator correlations (p × p) by ``ImpliedCorrelations``.
  static func impliedIndicatorCorrelations(
    layout: ModelLayout, correlation s: Matrix, loadings c: Matrix, constructCorrelations r: Matrix,
    paths b: Matrix
  ) -> Matrix {
    let p = layout.p
    let J = layout.J
    var phi = [Double](repeating: 0, count: J * J)
    var sigma = [Double](repeating: 0, count: p * p)
    r.storage.withUnsafeBufferPointer { r in
      b.storage.withUnsafeBufferPointer { b in
        s.storage.withUnsafeBufferPointer { s in
          c.storage.withUnsafeBufferPointer { c in
            phi.withUnsafeMutableBufferPointer { phi in
              sigma.withUnsafeMutableBufferPointer { sigma in
                guard let r = r.baseAddress, let b = b.baseAddress, let s = s.baseAddress,
                  let c = c.baseAddress, let phi = phi.baseAddress, let sigma = sigma.baseAddress
                else { return }
                ImpliedCorrelations.constructs(
                  layout: layout, constructCorrelations: r, paths: b, into: phi)
                ImpliedCorrelations.indicators(
                  layout: layout, correlation: s, loadings: c, constructs: phi, into: sigma)
              }
            }
          }
        }
      }
    }
    var matrix = Matrix(rows: p, columns: p)
    for i in 0..<(p * p) { matrix[i % p, i / p] = sigma[i] }
    return matrix
  }

  /// ``isFactorModelSemidefinite(layout:loadings:constructs:work:)`` for an estimate's
  /// matrices (implied construct correlations from `r` and `b`).
  static func isFactorModelSemidefinite(
    layout: ModelLayout, loadings c: Matrix, constructCorrelations r: Matrix, paths b: Matrix
  ) -> Bool? {
    let J = layout.J
    var phi = [Double](repeating: 0, count: J * J)
    var work = [Double](repeating: 0, count: J * J)
    return r.storage.withUnsafeBufferPointer { r in
      b.storage.withUnsafeBufferPointer { b in
        c.storage.withUnsafeBufferPointer { c in
          phi.withUnsafeMutableBufferPointer { phi in
            work.withUnsafeMutableBufferPointer { work in
              guard let r = r.baseAddress, let b = b.baseAddress, let c = c.baseAddress,
                let phi = phi.baseAddress, let work = work.baseAddress
              else { return nil }
              ImpliedCorrelations.constructs(
                layout: layout, constructCorrelations: r, paths: b, into: phi)
              return isFactorModelSemidefinite(
                layout: layout, loadings: c, constructs: phi, work: work)
            }
          }
        }
      }
    }
  }

  /// ``isSemidefinite(overwriting:n:)`` on a copy of `m`.
  static func isSemidefinite(_ m: Matrix) -> Bool {
    var copy = m.storage
    return copy.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return true }
      return isSemidefinite(overwriting: base, n: m.rows)
    }
  }

  /// The smallest eigenvalue of a symmetric matrix; nil when it cannot be computed (non-finite
  /// entries).
  static func smallestEigenvalue(_ m: Matrix) -> Double? {
    (try? SymmetricEigen(m, computeVectors: false))?.values.first
  }
}

/// The buffers of ``AdmissibilityCheck``: one per worker thread, reused for every resample.
final class AdmissibilityScratch: @unchecked Sendable {
  /// The implied construct correlations (J × J).
  let phi: UnsafeMutablePointer<Double>
  /// The implied indicator correlations (p × p), also the copy of the construct correlations
  /// whose definiteness is tested (J ≤ p).
  let sigma: UnsafeMutablePointer<Double>

  init(layout: ModelLayout) {
    let J = max(layout.J, 1)
    let p = max(layout.p, J)
    phi = .allocate(capacity: J * J)
    phi.initialize(repeating: 0, count: J * J)
    sigma = .allocate(capacity: p * p)
    sigma.initialize(repeating: 0, count: p * p)
  }

  deinit {
    phi.deallocate()
    sigma.deallocate()
  }
}
