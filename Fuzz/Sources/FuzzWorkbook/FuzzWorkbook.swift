// libFuzzer harness: xlsx workbooks. Any input must end in a sheet or a thrown error: never a
// trap, a hang, a memory error or memory beyond the limits.
//
// The first byte chooses what the rest is: 0–3 the whole file (the ZIP layer: central
// directory, local headers, deflate streams), 4 and up a part of a template workbook stored
// uncompressed, so that mutations reach the XML readers: 4 the worksheet, 5 the shared
// strings, 6 the workbook (sheet list, date system), 7 the styles, 8 the workbook's
// relationships. Every sheet read goes through the numeric view, the codebook reader and a
// codebook scaffold that must load back to itself (FuzzDataFileChecks).
import DataFiles
import Foundation
import FuzzDataFileChecks
import FuzzSupport
import ZIPFoundation

@main
enum Harness {
  static func main() { runFuzzer(fuzzOne) }
}

let templateParts: [(String, String)] = [
  (
    "[Content_Types].xml",
    #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#
  ),
  (
    "_rels/.rels",
    #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
  ),
  (
    "xl/workbook.xml",
    #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
  ),
  (
    "xl/_rels/workbook.xml.rels",
    #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
  ),
  (
    "xl/worksheets/sheet1.xml",
    #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>q2</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>45418.5</v></c></row></sheetData></worksheet>"#
  ),
  (
    "xl/sharedStrings.xml",
    #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>q1</t></si><si><r><t>Setuju (S)</t></r></si></sst>"#
  ),
  (
    "xl/styles.xml",
    #"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd h:mm"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"#
  ),
]

/// The template workbook with part `replaced` (an index into `templateParts`) holding `bytes`,
/// stored uncompressed.
func workbook(replacing replaced: Int, with bytes: [UInt8]) -> [UInt8]? {
  guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else {
    return nil
  }
  for (index, (path, text)) in templateParts.enumerated() {
    let data = index == replaced ? Data(bytes) : Data(text.utf8)
    do {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none,
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    } catch {
      return nil
    }
  }
  return archive.data.map { [UInt8]($0) }
}

let partOfMode = [4: 4, 5: 5, 6: 2, 7: 6, 8: 3]

/// One input.
let fuzzOne: FuzzTarget = { start, count in
  let input = Array(fuzzBytes(start, count))
  guard let mode = input.first else { return 0 }
  let rest = Array(input.dropFirst())
  let bytes: [UInt8]
  if let part = partOfMode[Int(mode % 9)] {
    guard let made = workbook(replacing: part, with: rest) else { return 0 }
    bytes = made
  } else {
    bytes = rest
  }
  for sheet in [nil, "S", "s", "Sheet9"] {
    let options = DataFileOptions(sheet: sheet, limits: fuzzLimits)
    if let read = try? DataFileReader.read(bytes: bytes, source: "fuzz.xlsx", options: options) {
      exerciseSheet(read)
    }
  }
  return 0
}
