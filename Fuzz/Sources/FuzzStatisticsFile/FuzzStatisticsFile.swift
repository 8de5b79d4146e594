// libFuzzer harness: SPSS (.sav, .zsav, .por) and Stata (.dta) files through ReadStat, from
// memory. Any input must end in a sheet or a thrown error: never a trap, a hang, a memory error
// (ReadStat itself is a system library, not instrumented: a memory error there shows only if it
// crashes). The first byte chooses the signature put in front of the rest (0: none, 1: $FL2,
// 2: $FL3, 3: a Stata 118 header, 4: an old Stata 114 header, 5: a portable file's splash and
// SPSSPORT), so that mutations reach each parser; every sheet read goes through the numeric
// view, the codebook reader and a codebook scaffold that must load back to itself.
import DataFiles
import FuzzDataFileChecks
import FuzzSupport

@main
enum Harness {
  static func main() { runFuzzer(fuzzOne) }
}

let prefixes: [[UInt8]] = [
  [], Array("$FL2".utf8), Array("$FL3".utf8), Array("<stata_dta><header><release>118".utf8),
  [114, 2, 1, 0],
  Array(repeating: UInt8(ascii: "A"), count: 456) + Array("SPSSPORT".utf8),
]

/// One input.
let fuzzOne: FuzzTarget = { start, count in
  let input = Array(fuzzBytes(start, count))
  guard let mode = input.first else { return 0 }
  let prefix = prefixes[Int(mode) % prefixes.count]
  let rest = input.dropFirst()
  let bytes = rest.starts(with: prefix) ? Array(rest) : prefix + rest
  let options = DataFileOptions(limits: fuzzLimits)
  if let sheet = try? DataFileReader.read(bytes: bytes, source: "fuzz.sav", options: options) {
    exerciseSheet(sheet)
  }
  return 0
}
