import Foundation

/// Every draw of a bootstrap run or shard, kept for exact interval limits while
/// `B × statistics` fits the exact-quantile budget (``BootstrapSettings/exactQuantileBudget``).
///
/// Row r holds the m statistics of the r-th resample the state covers (resample
/// `firstChunk × chunkSize + r`), in resample order, NaN where the resample failed; every
/// successful draw is finite. Rows are written at their resample's index, so the contents do not
/// depend on the thread count, and shards merge by concatenating their rows in chunk order —
/// a merged run is bit-identical to the single run. Memory: 8 bytes × B × m.
///
/// In a shard file the rows are stored compactly, as base64 of the little-endian IEEE 754
/// doubles (`"float64LE"`), not as JSON numbers.
struct KeptDraws: Sendable {
  /// Statistics per row (m).
  var statistics: Int
  /// Row-major: statistic k of row r at `r * statistics + k`.
  var values: [Double]

  init(statistics: Int, rows: Int) {
    self.statistics = statistics
    values = Array(repeating: .nan, count: statistics * rows)
  }

  /// Draws of `statistics` statistics a row, `values` row-major.
  init(statistics: Int, values: [Double]) {
    self.statistics = statistics
    self.values = values
  }

  var rows: Int { statistics == 0 ? 0 : values.count / statistics }

  /// Appends the rows of `other` (the resamples that follow).
  mutating func append(_ other: KeptDraws) {
    values += other.values
  }

  /// Statistic k's successful draws, sorted ascending.
  func sortedColumn(_ k: Int) -> [Double] {
    column(k).sorted()
  }

  /// The resamples that succeeded (rows that are not NaN).
  var succeededRows: Int {
    var count = 0
    values.withUnsafeBufferPointer { v in
      var row = 0
      while row < v.count {
        if !v[row].isNaN { count += 1 }  // a failed resample is NaN in every statistic
        row += statistics
      }
    }
    return count
  }

  /// Successful rows gathered per tile of ``columns(_:succeeded:into:)``: each statistic's
  /// values of a tile are written together, one cache line of 8 doubles.
  static let tileRows = 8

  /// Writes the successful draws of statistics `range` — a few neighbours, whose values share
  /// each row's cache line, read once for all of them — to `out`, statistic `range.lowerBound + j`
  /// at `out + j * succeeded` in resample order (`succeeded` = ``succeededRows``); returns each
  /// one's minimum and maximum (the first of equal extremes in resample order, as a scan in
  /// resample order finds them).
  ///
  /// A cache-blocked transpose: the rows are read in tiles of ``tileRows`` successful rows, and
  /// each statistic's values of a tile are written side by side, so that the strided reads of
  /// the rows overlap instead of waiting one by one and every written cache line is filled at
  /// once. The values and extremes are exactly those of a scan one row at a time (the tests'
  /// reference).
  func columns(_ range: Range<Int>, succeeded: Int, into out: UnsafeMutablePointer<Double>)
    -> [(minimum: Double, maximum: Double)]
  {
    let width = range.count
    let m = statistics
    var minimum = [Double](repeating: .infinity, count: width)
    var maximum = [Double](repeating: -.infinity, count: width)
    let tile = Self.tileRows
    var starts = [Int](repeating: 0, count: tile)
    values.withUnsafeBufferPointer { v in
      minimum.withUnsafeMutableBufferPointer { minimum in
        maximum.withUnsafeMutableBufferPointer { maximum in
          starts.withUnsafeMutableBufferPointer { starts in
            guard width > 0, let v = v.baseAddress, let minimum = minimum.baseAddress,
              let maximum = maximum.baseAddress, let starts = starts.baseAddress
            else { return }
            let end = values.count
            var n = 0
            var row = range.lowerBound
            while row < end, n < succeeded {
              // The next (up to) `tile` successful rows: the first statistic of the range in
              // each (a failed resample is NaN in every statistic).
              var t = 0
              while t < tile, row < end, n + t < succeeded {
                if !v[row].isNaN {
                  starts[t] = row
                  t += 1
                }
                row += m
              }
              if t == tile {
                for j in 0..<width {
                  let column = out + j * succeeded + n
                  var low = minimum[j]
                  var high = maximum[j]
                  for q in 0..<tile {
                    let x = v[starts[q] + j]
                    column[q] = x
                    if x < low { low = x }
                    if x > high { high = x }
                  }
                  minimum[j] = low
                  maximum[j] = high
                }
              } else {
                for j in 0..<width {
                  for q in 0..<t {
                    let x = v[starts[q] + j]
                    out[j * succeeded + n + q] = x
                    if x < minimum[j] { minimum[j] = x }
                    if x > maximum[j] { maximum[j] = x }
                  }
                }
              }
              n += t
            }
          }
        }
      }
    }
    return (0..<width).map { (minimum[$0], maximum[$0]) }
  }

  /// Statistic k's successful draws, in resample order.
  func column(_ k: Int) -> [Double] {
    var column: [Double] = []
    column.reserveCapacity(rows)
    values.withUnsafeBufferPointer { v in
      var index = k
      while index < v.count {
        let x = v[index]
        if !x.isNaN { column.append(x) }
        index += statistics
      }
    }
    return column
  }
}

extension KeptDraws: Equatable {
  /// Bit-for-bit equality (NaN marks failed resamples, and NaN ≠ NaN under `==`).
  static func == (a: KeptDraws, b: KeptDraws) -> Bool {
    a.statistics == b.statistics && a.values.count == b.values.count
      && zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern }
  }
}

extension KeptDraws: Codable {
  private enum CodingKeys: String, CodingKey {
    case statistics, rows, float64LE
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(statistics, forKey: .statistics)
    try container.encode(rows, forKey: .rows)
    // The doubles' own bytes where the machine is little-endian (no copy), else byte-swapped.
    let text = values.withUnsafeBufferPointer { buffer -> String in
      guard let base = buffer.baseAddress, 1.littleEndian == 1 else {
        var swapped = buffer.map { $0.bitPattern.littleEndian }
        return Data(bytes: &swapped, count: swapped.count * 8).base64EncodedString()
      }
      return Data(
        bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count * 8,
        deallocator: .none
      ).base64EncodedString()
    }
    try container.encode(text, forKey: .float64LE)
  }

  /// Decodes and checks the shape: `rows × statistics` doubles, and no infinity (a failed
  /// resample is NaN in every statistic, a successful one finite in every statistic).
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func corrupt(_ what: String) -> DecodingError {
      .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: what))
    }
    let statistics = try container.decode(Int.self, forKey: .statistics)
    let rows = try container.decode(Int.self, forKey: .rows)
    // No rows without statistics (a row of nothing cannot be told apart from another).
    guard statistics >= 0, rows >= 0, statistics <= 1 << 30, rows <= 1 << 40,
      statistics > 0 || rows == 0,
      rows.multipliedReportingOverflow(by: statistics).overflow == false
    else { throw corrupt("\(rows) rows of \(statistics) statistics") }
    let text = try container.decode(String.self, forKey: .float64LE)
    guard let data = Data(base64Encoded: text) else { throw corrupt("the draws are not base64") }
    // Compared in doubles, not bytes: `rows × statistics × 8` may not fit an Int.
    guard data.count % 8 == 0, data.count / 8 == rows * statistics else {
      throw corrupt("\(data.count) bytes of draws for \(rows) rows of \(statistics) statistics")
    }
    let values = [Double](unsafeUninitializedCapacity: rows * statistics) { out, initialized in
      data.withUnsafeBytes { raw in
        for i in 0..<(rows * statistics) {
          out[i] = Double(
            bitPattern: UInt64(
              littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
        }
      }
      initialized = rows * statistics
    }
    for r in 0..<rows {
      let row = values[(r * statistics)..<((r + 1) * statistics)]
      let failed = row.first?.isNaN ?? false
      guard row.allSatisfy({ failed ? $0.isNaN : $0.isFinite }) else {
        throw corrupt("row \(r) of the draws mixes failed and finite values")
      }
    }
    self.statistics = statistics
    self.values = values
  }
}
