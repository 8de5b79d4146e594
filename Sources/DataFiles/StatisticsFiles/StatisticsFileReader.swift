internal import CReadStat

/// Reads SPSS (`.sav`, `.zsav`, `.por`) and Stata (`.dta`) files through ReadStat, from memory.
///
/// Each variable becomes a column named by the variable, with its variable label (usually the
/// question text) and its value labels (the scale's labels). Numbers stay numbers; SPSS
/// system-missing is an empty cell; user-defined missing values (SPSS discrete values and
/// ranges) and Stata's extended missing values `.a`–`.z` are ``DataCell/declaredMissing(_:)``;
/// string variables are text; variables with a date format (SPSS `DATE`, `ADATE`, `DATETIME`, …;
/// Stata `%td`, `%tc`) become ISO 8601 text. Row numbers are case numbers (1, 2, …).
enum StatisticsFileReader {
  static func read(
    bytes: [UInt8], format: DataFileFormat, source: String, limits: DataFileLimits
  ) throws(DataFileError) -> DataSheet {
    let context = StatisticsFileContext(bytes: bytes, source: source, limits: limits)
    guard let parser = readstat_parser_init() else {
      throw .statisticsFile(source: source, format: format, message: "ReadStat could not start")
    }
    defer { readstat_parser_free(parser) }
    let pointer = Unmanaged.passUnretained(context).toOpaque()
    _ = readstat_set_open_handler(parser, memoryOpen)
    _ = readstat_set_close_handler(parser, memoryClose)
    _ = readstat_set_seek_handler(parser, memorySeek)
    _ = readstat_set_read_handler(parser, memoryRead)
    _ = readstat_set_update_handler(parser, memoryUpdate)
    _ = readstat_set_io_ctx(parser, pointer)
    _ = readstat_set_metadata_handler(parser, handleMetadata)
    _ = readstat_set_variable_handler(parser, handleVariable)
    _ = readstat_set_value_handler(parser, handleValue)
    _ = readstat_set_value_label_handler(parser, handleValueLabel)
    _ = readstat_set_error_handler(parser, handleError)
    let status: readstat_error_t
    switch format {
    case .por: status = readstat_parse_por(parser, source, pointer)
    case .dta: status = readstat_parse_dta(parser, source, pointer)
    default: status = readstat_parse_sav(parser, source, pointer)
    }
    withExtendedLifetime(context) {}
    if let failure = context.failure { throw failure }
    guard status == READSTAT_OK else {
      var message = readstat_error_message(status).map { String(cString: $0) } ?? "error \(status)"
      if let detail = context.messages.last { message += " (\(detail))" }
      throw .statisticsFile(source: source, format: format, message: message)
    }
    return try context.sheet(format: format)
  }
}

/// What the ReadStat callbacks build, and the in-memory file they read.
final class StatisticsFileContext {
  struct Variable {
    var name: String
    var label: String?
    var format: String
    var labelSet: String?
    var isString: Bool
    var cells: [DataCell] = []
  }

  let bytes: [UInt8]
  var position = 0
  let source: String
  let limits: DataFileLimits
  var variables: [Variable] = []
  var labelSets: [String: [ValueLabel]] = [:]
  var cellCount = 0
  var failure: DataFileError?
  var messages: [String] = []

  init(bytes: [UInt8], source: String, limits: DataFileLimits) {
    self.bytes = bytes
    self.source = source
    self.limits = limits
  }

  static func from(_ pointer: UnsafeMutableRawPointer?) -> StatisticsFileContext? {
    pointer.map { Unmanaged<StatisticsFileContext>.fromOpaque($0).takeUnretainedValue() }
  }

  /// The table: one column per variable, rows padded to the longest variable.
  func sheet(format: DataFileFormat) throws(DataFileError) -> DataSheet {
    guard !variables.isEmpty else { throw .empty(source: source) }
    let rows = variables.map(\.cells.count).max() ?? 0
    let columns = variables.map { variable in
      var cells = variable.cells
      if cells.count < rows { cells += Array(repeating: .empty, count: rows - cells.count) }
      let labels = variable.labelSet.flatMap { labelSets[$0] } ?? []
      return DataColumn(
        name: variable.name, label: variable.label,
        valueLabels: labels.sorted { $0.value < $1.value }, cells: cells)
    }
    return DataSheet(
      source: source, format: format, columns: columns, rowNumbers: Array(0..<rows).map { $0 + 1 })
  }

  func fail(_ error: DataFileError) -> Int32 {
    if failure == nil { failure = error }
    return Int32(READSTAT_HANDLER_ABORT)
  }
}

// MARK: - In-memory input

private func memoryOpen(_ path: UnsafePointer<CChar>?, _ io: UnsafeMutableRawPointer?) -> Int32 {
  guard let context = StatisticsFileContext.from(io) else { return -1 }
  context.position = 0
  return 0
}

private func memoryClose(_ io: UnsafeMutableRawPointer?) -> Int32 { 0 }

private func memorySeek(
  _ offset: readstat_off_t, _ whence: readstat_io_flags_t, _ io: UnsafeMutableRawPointer?
) -> readstat_off_t {
  guard let context = StatisticsFileContext.from(io) else { return -1 }
  let base: Int
  switch whence {
  case READSTAT_SEEK_SET: base = 0
  case READSTAT_SEEK_CUR: base = context.position
  case READSTAT_SEEK_END: base = context.bytes.count
  default: return -1
  }
  let (target, overflow) = base.addingReportingOverflow(Int(offset))
  guard !overflow, target >= 0, target <= context.bytes.count else { return -1 }
  context.position = target
  return readstat_off_t(target)
}

private func memoryRead(
  _ buffer: UnsafeMutableRawPointer?, _ count: Int, _ io: UnsafeMutableRawPointer?
) -> Int {
  guard let context = StatisticsFileContext.from(io), let buffer else { return -1 }
  let available = max(0, context.bytes.count - context.position)
  let n = min(count, available)
  if n > 0 {
    context.bytes.withUnsafeBytes { source in
      if let base = source.baseAddress {
        buffer.copyMemory(from: base + context.position, byteCount: n)
      }
    }
    context.position += n
  }
  return n
}

private func memoryUpdate(
  _ size: Int, _ progress: readstat_progress_handler?, _ user: UnsafeMutableRawPointer?,
  _ io: UnsafeMutableRawPointer?
) -> readstat_error_t {
  READSTAT_OK
}

// MARK: - Content

private func handleMetadata(
  _ metadata: UnsafeMutablePointer<readstat_metadata_t>?, _ user: UnsafeMutableRawPointer?
) -> Int32 {
  guard let context = StatisticsFileContext.from(user) else { return 1 }
  let variables = Int(readstat_get_var_count(metadata))
  let rows = Int(readstat_get_row_count(metadata))
  if variables > context.limits.maximumColumns {
    return context.fail(
      .tooLarge(
        source: context.source,
        what: "\(variables) variables, more than \(context.limits.maximumColumns)"))
  }
  if rows > 0, variables > 0,
    rows.multipliedReportingOverflow(by: variables).overflow
      || rows * variables > context.limits.maximumCells
  {
    return context.fail(
      .tooLarge(
        source: context.source,
        what:
          "\(rows) cases × \(variables) variables, more than \(context.limits.maximumCells) cells"))
  }
  return Int32(READSTAT_HANDLER_OK)
}

private func text(_ pointer: UnsafePointer<CChar>?) -> String? {
  guard let pointer else { return nil }
  // Invalid UTF-8 (a file in a legacy encoding ReadStat could not convert) is repaired.
  let value = String(cString: pointer)
  return value.isEmpty ? nil : value
}

private func handleVariable(
  _ index: Int32, _ variable: UnsafeMutablePointer<readstat_variable_t>?,
  _ labels: UnsafePointer<CChar>?,
  _ user: UnsafeMutableRawPointer?
) -> Int32 {
  guard let context = StatisticsFileContext.from(user), let variable else { return 1 }
  guard context.variables.count < context.limits.maximumColumns else {
    return context.fail(
      .tooLarge(
        source: context.source,
        what: "more than \(context.limits.maximumColumns) variables"))
  }
  let name = text(readstat_variable_get_name(variable)) ?? "V\(index + 1)"
  context.variables.append(
    .init(
      name: name, label: text(readstat_variable_get_label(variable)),
      format: text(readstat_variable_get_format(variable)) ?? "",
      labelSet: text(labels),
      isString: readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING))
  return Int32(READSTAT_HANDLER_OK)
}

private func handleValue(
  _ row: Int32, _ variable: UnsafeMutablePointer<readstat_variable_t>?, _ value: readstat_value_t,
  _ user: UnsafeMutableRawPointer?
) -> Int32 {
  guard let context = StatisticsFileContext.from(user), let variable else { return 1 }
  let index = Int(readstat_variable_get_index(variable))
  guard context.variables.indices.contains(index), row >= 0 else {
    return Int32(READSTAT_HANDLER_OK)
  }
  let row = Int(row)
  let needed = max(row + 1, context.variables[index].cells.count + 1)
  let growth = needed - context.variables[index].cells.count
  context.cellCount += growth
  guard context.cellCount <= context.limits.maximumCells else {
    return context.fail(
      .tooLarge(source: context.source, what: "more than \(context.limits.maximumCells) cells"))
  }
  let cell = StatisticsFileContext.cell(
    value, variable: variable, format: context.variables[index].format)
  if row < context.variables[index].cells.count {
    context.variables[index].cells[row] = cell
  } else {
    if row > context.variables[index].cells.count {
      context.variables[index].cells += Array(
        repeating: .empty, count: row - context.variables[index].cells.count)
    }
    context.variables[index].cells.append(cell)
  }
  return Int32(READSTAT_HANDLER_OK)
}

private func handleValueLabel(
  _ set: UnsafePointer<CChar>?, _ value: readstat_value_t, _ label: UnsafePointer<CChar>?,
  _ user: UnsafeMutableRawPointer?
) -> Int32 {
  guard let context = StatisticsFileContext.from(user), let set = text(set) else { return 0 }
  guard readstat_value_type_class(value) == READSTAT_TYPE_CLASS_NUMERIC,
    readstat_value_is_system_missing(value) == 0, readstat_value_is_tagged_missing(value) == 0,
    let number = StatisticsFileContext.number(value), let label = text(label)
  else { return Int32(READSTAT_HANDLER_OK) }
  var labels = context.labelSets[set, default: []]
  guard labels.count < 100_000 else { return Int32(READSTAT_HANDLER_OK) }
  if !labels.contains(where: { $0.value == number }) {
    labels.append(ValueLabel(value: number, label: label))
  }
  context.labelSets[set] = labels
  return Int32(READSTAT_HANDLER_OK)
}

private func handleError(_ message: UnsafePointer<CChar>?, _ user: UnsafeMutableRawPointer?) {
  guard let context = StatisticsFileContext.from(user), let message = text(message) else { return }
  if context.messages.count < 20 {
    context.messages.append(message.trimmedWhitespace)
  }
}

extension StatisticsFileContext {
  /// A numeric value as a double, nil for a string or an unknown type.
  static func number(_ value: readstat_value_t) -> Double? {
    switch readstat_value_type(value) {
    case READSTAT_TYPE_INT8: Double(readstat_int8_value(value))
    case READSTAT_TYPE_INT16: Double(readstat_int16_value(value))
    case READSTAT_TYPE_INT32: Double(readstat_int32_value(value))
    case READSTAT_TYPE_FLOAT: Double(readstat_float_value(value))
    case READSTAT_TYPE_DOUBLE: readstat_double_value(value)
    default: nil
    }
  }

  /// One cell (see ``StatisticsFileReader``).
  static func cell(
    _ value: readstat_value_t, variable: UnsafeMutablePointer<readstat_variable_t>, format: String
  ) -> DataCell {
    if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
      return text(readstat_string_value(value)).map { .text($0) } ?? .empty
    }
    if readstat_value_is_system_missing(value) != 0 { return .empty }
    if readstat_value_is_tagged_missing(value) != 0 { return .declaredMissing(nil) }
    guard let number = number(value), number.isFinite else { return .empty }
    if readstat_value_is_defined_missing(value, variable) != 0 { return .declaredMissing(number) }
    if let date = StatisticsDate.isoText(number, format: format) { return .text(date) }
    return .number(number)
  }
}
