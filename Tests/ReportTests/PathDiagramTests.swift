import Foundation
import PLSSEM
import Testing

@testable import PLSSEMReport

@Suite("Path diagram")
struct PathDiagramTests {
  @Test func longestPathLayering() {
    // corp rep simple: COMP, LIKE -> CUSA -> CUSL, plus COMP, LIKE -> CUSL.
    let layers = LayeredLayout.longestPathLayers(
      count: 4, paths: [(0, 2), (1, 2), (0, 3), (1, 3), (2, 3)])
    #expect(layers == [0, 0, 1, 2])
    // A chain declared backwards still layers by structure.
    #expect(LayeredLayout.longestPathLayers(count: 3, paths: [(2, 1), (1, 0)]) == [2, 1, 0])
  }

  @Test func dummiesOnLongPaths() {
    let layout = LayeredLayout(constructCount: 4, paths: [(0, 2), (1, 2), (0, 3), (1, 3), (2, 3)])
    #expect(layout.itemCount == 6)  // COMP -> CUSL and LIKE -> CUSL each cross layer 1
    #expect(layout.chains[2].count == 3)
    #expect(layout.layers[1].count == 3)
  }

  @Test func barycenterRemovesAvoidableCrossings() {
    // A -> D, B -> C, C -> F, D -> E: declaration order crosses twice; a crossing-free order exists.
    let layout = LayeredLayout(constructCount: 6, paths: [(0, 3), (1, 2), (2, 5), (3, 4)])
    #expect(layout.crossings() == 0)
  }

  @Test func placementKeepsOrderAndGaps() {
    let y = LayeredLayout.placeInOrder(desired: [10, 0, 5], separations: [0, 4, 4])
    #expect(y[1] - y[0] >= 4 - 1e-12 && y[2] - y[1] >= 4 - 1e-12)
    #expect(abs(y.reduce(0, +) - 15) < 1e-9)  // least squares keeps the mean
  }

  @Test func ellipseBoundary() {
    let box = PathDiagram.Box(center: .init(0, 0), halfWidth: 40, halfHeight: 20)
    let right = DiagramGeometry.boundary(of: box, shape: .ellipse, toward: .init(100, 0))
    #expect(abs(right.x - 40) < 1e-9 && abs(right.y) < 1e-9)
    let up = DiagramGeometry.boundary(of: box, shape: .rectangle, toward: .init(0, -100))
    #expect(abs(up.y + 20) < 1e-9)
  }

  @Test func corpRepDiagram() throws {
    let report = try CorpRep.bootstrapped()
    let diagram = PathDiagram(report: report)
    #expect(diagram.layers == [0, 0, 1, 2])
    #expect(diagram.nodes.filter { $0.shape == .ellipse }.count == 4)
    #expect(diagram.nodes.filter { $0.shape == .rectangle }.count == 10)
    let svg = diagram.svg()
    #expect(!svg.lowercased().contains("<script"))
    let xml = XMLCheck(svg)
    #expect(xml.wellFormed, "\(xml.error ?? "")")
    #expect(xml.count("ellipse") == 4)
    for name in report.estimate.constructNames + report.estimate.indicatorNames {
      #expect(xml.text.contains(name), "missing \(name)")
    }
    for path in report.estimate.pathList {
      let inf = try #require(report.inference(.path(from: path.from, to: path.to)))
      #expect(
        xml.text.contains(NumberText.fixed(path.estimate) + NumberText.stars(inf.p)), "\(path)")
      #expect(xml.text.contains("t = " + NumberText.fixed(inf.t, 2)), "\(path)")
    }
    // Mode A: structural arrows and construct -> indicator arrows all end in arrowheads.
    #expect(xml.attributes["marker-end"]?.count == report.estimate.pathList.count + 10)
    #expect(diagram.edges.filter { $0.kind == .measurement }.allSatisfy { $0.from != "cusa" })
  }

  @Test func modeBArrowsPointAtTheConstruct() throws {
    let report = try CorpRep.build(resamples: 0, modelFile: "extended.model")
    let diagram = PathDiagram(report: report)
    let qual = diagram.edges.filter { $0.kind == .measurement && $0.to == "QUAL" }
    #expect(qual.count == 8)
    #expect(
      diagram.edges.contains { $0.kind == .measurement && $0.from == "COMP" && $0.to == "comp_1" })
    try Self.expectReadable(diagram)
  }

  @Test func ecsiMobiDiagram() throws {
    let report = try Example.report(
      directory: "examples/ecsi-mobi", data: "mobi.csv", model: "mobi.model")
    let diagram = PathDiagram(report: report)
    #expect(diagram.layers.max() == 6)
    try Self.expectReadable(diagram)
  }

  @Test func corpRepSimpleIsReadable() throws {
    try Self.expectReadable(PathDiagram(report: CorpRep.bootstrapped()))
  }

  @Test func fifteenConstructsStayReadable() throws {
    let report = try SyntheticModel.report()
    let diagram = PathDiagram(report: report)
    #expect(diagram.nodes.filter { $0.shape == .ellipse }.count == 15)
    try Self.expectReadable(diagram)
    #expect(XMLCheck(diagram.svg()).wellFormed)
    if let directory = ProcessInfo.processInfo.environment["REPORT_PREVIEW_DIR"] {
      try HTMLRenderer.render(report).write(
        toFile: directory + "/synthetic.html", atomically: true, encoding: .utf8)
    }
  }

  /// No two shapes overlap, no structural label covers a shape or another structural label,
  /// and every measurement label stays off the constructs.
  static func expectReadable(
    _ diagram: PathDiagram, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let boxes = diagram.nodes.map(\.box)
    for a in boxes.indices {
      for b in boxes.indices where a < b {
        #expect(
          boxes[a].overlap(boxes[b]) == 0,
          "\(diagram.nodes[a].name) overlaps \(diagram.nodes[b].name)",
          sourceLocation: sourceLocation)
      }
    }
    let structural = diagram.edges.filter { $0.kind == .structural }.compactMap(\.label)
    for (k, label) in structural.enumerated() {
      for node in diagram.nodes {
        #expect(
          label.box.overlap(node.box) == 0, "label \(label.lines) covers \(node.name)",
          sourceLocation: sourceLocation)
      }
      for other in structural[(k + 1)...] {
        #expect(
          label.box.overlap(other.box) == 0, "labels \(label.lines) and \(other.lines) overlap",
          sourceLocation: sourceLocation)
      }
    }
    // Structural arrows go around the rectangles and the constructs they do not connect.
    for edge in diagram.edges where edge.kind == .structural {
      let obstacles = diagram.nodes.filter {
        $0.shape == .rectangle || ($0.name != edge.from && $0.name != edge.to)
      }
      let hits = DiagramRouting.hits(edge.points, obstacles.map(\.box))
      #expect(
        hits == 0, "\(edge.from) -> \(edge.to) crosses a shape", sourceLocation: sourceLocation)
    }
    for label in diagram.edges.filter({ $0.kind == .measurement }).compactMap(\.label) {
      for node in diagram.nodes where node.shape == .ellipse {
        #expect(
          label.box.overlap(node.box) == 0, "label \(label.lines) covers \(node.name)",
          sourceLocation: sourceLocation)
      }
    }
  }
}
