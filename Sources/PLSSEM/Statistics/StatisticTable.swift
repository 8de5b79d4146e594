/// The statistics of one fitted sample, keyed by ``StatisticKey``: the one currency between
/// Estimate, Assess, Infer and Report.
///
/// ``PLSEstimate/statistics`` is the table of the original sample; a bootstrap resample
/// produces the table of its resample by the same function, and the bootstrap's original
/// values are the estimate's table. Every key and its value come from one definition (a
/// *recipe* of the internal catalog), so a statistic added there is estimated, resampled,
/// merged and reported everywhere.
///
/// Entries iterate in catalog order: family by family (paths, loadings, weights, total,
/// indirect and specific indirect effects, HTMT, R², adjusted R², HTMT2, reliability, outer and
/// inner VIF, cross-loadings, construct correlations, simple slopes), within a family in model
/// order. Lookup by key is O(1).
///
/// A value is NaN where the statistic is undefined for the data (e.g. HTMT2 of a block whose
/// items are uncorrelated, the VIF of an indicator that is a linear combination of the others).
///
/// **Fixed by construction.** Some statistics cannot vary with the data: the loading and the
/// weight of a single-indicator block are ±1 (its score *is* the standardised indicator), so is
/// its cross-loading on its own construct; its reliabilities (alpha, ρ_C, ρ_A, AVE) and its
/// outer VIF are 1, as seminr and SmartPLS define them; ρ_A of a Mode B block and of every
/// block left uncorrected by consistent PLS is 1 by convention; the inner VIF of a lone
/// predecessor is 1. The table stores these exactly (never 0.9999999999999972) and flags them
/// ``Entry/fixedByConstruction``: a bootstrap cannot tell anything about them, so inference
/// reports no standard error, t, p or interval for them.
public struct StatisticTable: Sendable, Equatable, RandomAccessCollection {
  /// One statistic.
  public struct Entry: Sendable, Equatable {
    /// What it is.
    public let key: StatisticKey
    /// Its value on this sample (NaN when undefined).
    public let value: Double
    /// Whether the value is constant by construction (see ``StatisticTable``).
    public let fixedByConstruction: Bool
  }

  /// The keys, in catalog order.
  public let keys: [StatisticKey]
  /// The values, in `keys` order.
  public let values: [Double]
  /// Per key, whether it is fixed by construction.
  public let fixedByConstruction: [Bool]
  private let positions: [StatisticKey: Int]

  /// A table of `keys` and their `values`; nil when the lengths differ or a key repeats.
  public init?(keys: [StatisticKey], values: [Double], fixedByConstruction: [Bool]) {
    guard keys.count == values.count, keys.count == fixedByConstruction.count else { return nil }
    var positions: [StatisticKey: Int] = [:]
    positions.reserveCapacity(keys.count)
    for (k, key) in keys.enumerated() {
      guard positions.updateValue(k, forKey: key) == nil else { return nil }
    }
    self.keys = keys
    self.values = values
    self.fixedByConstruction = fixedByConstruction
    self.positions = positions
  }

  /// The table without statistics.
  public static let empty = StatisticTable(uncheckedKeys: [], values: [], fixedByConstruction: [])

  private init(uncheckedKeys keys: [StatisticKey], values: [Double], fixedByConstruction: [Bool]) {
    self.keys = keys
    self.values = values
    self.fixedByConstruction = fixedByConstruction
    positions = [:]
  }

  /// The value of `key`; nil when the table has no such statistic (NaN when it is undefined).
  public subscript(key: StatisticKey) -> Double? {
    positions[key].map { values[$0] }
  }

  /// The position of `key` in catalog order.
  public func position(of key: StatisticKey) -> Int? { positions[key] }

  /// Whether the table has `key` and it is fixed by construction.
  public func isFixedByConstruction(_ key: StatisticKey) -> Bool {
    positions[key].map { fixedByConstruction[$0] } ?? false
  }

  /// The entries of one family, in catalog order.
  public func entries(in family: StatisticFamily) -> [Entry] {
    filter { $0.key.family == family }
  }

  /// The sub-table of the given keys in the given order; nil when a key is missing.
  public func selecting(_ keys: [StatisticKey]) -> StatisticTable? {
    var values: [Double] = []
    var fixed: [Bool] = []
    values.reserveCapacity(keys.count)
    fixed.reserveCapacity(keys.count)
    for key in keys {
      guard let k = positions[key] else { return nil }
      values.append(self.values[k])
      fixed.append(fixedByConstruction[k])
    }
    return StatisticTable(keys: keys, values: values, fixedByConstruction: fixed)
  }

  /// The first position (0).
  public var startIndex: Int { 0 }
  /// One past the last position (the number of statistics).
  public var endIndex: Int { keys.count }

  /// The entry at `position` in catalog order.
  public subscript(position: Int) -> Entry {
    Entry(
      key: keys[position], value: values[position],
      fixedByConstruction: fixedByConstruction[position])
  }

  /// Equal keys and flags, and values equal bit for bit (so NaN equals NaN).
  public static func == (lhs: StatisticTable, rhs: StatisticTable) -> Bool {
    lhs.keys == rhs.keys && lhs.fixedByConstruction == rhs.fixedByConstruction
      && lhs.values.map(\.bitPattern) == rhs.values.map(\.bitPattern)
  }
}

extension StatisticTable: Codable {
  private enum CodingKeys: String, CodingKey {
    case keys, values, fixedByConstruction
  }

  /// Decodes a table; undefined values (`null`) read back as NaN. Throws on unequal lengths
  /// or a repeated key.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let keys = try container.decode([StatisticKey].self, forKey: .keys)
    let values = try container.decode([Double?].self, forKey: .values).map { $0 ?? .nan }
    let fixed = try container.decode([Bool].self, forKey: .fixedByConstruction)
    guard let table = StatisticTable(keys: keys, values: values, fixedByConstruction: fixed) else {
      throw DecodingError.dataCorruptedError(
        forKey: .keys, in: container,
        debugDescription: "keys, values and flags differ in length, or a key repeats")
    }
    self = table
  }

  /// Encodes the table; a non-finite value is written as `null` (JSON has no NaN).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(keys, forKey: .keys)
    try container.encode(values.map { $0.isFinite ? $0 : nil }, forKey: .values)
    try container.encode(fixedByConstruction, forKey: .fixedByConstruction)
  }
}
