import Foundation
import Testing

@testable import PLSSEMReport

/// The plot frame the report's charts share: round steps, tick labels that show every tick
/// exactly, the scaling of data to pixels.
@Suite("SVG plot frame")
struct SVGPlotFrameTests {
  @Test("tick labels have the decimals their step needs")
  func digits() {
    let cases: [(step: Double, digits: Int)] = [
      (10, 0), (5, 0), (1, 0), (2.5, 1), (0.5, 1), (0.2, 1), (0.1, 1), (0.25, 2), (0.05, 2),
      (0.02, 2), (0.025, 3), (0.001, 3), (0.0025, 4),
    ]
    for (step, expected) in cases {
      #expect(SVGPlotFrame.Axis.digits(step: step) == expected, "step \(step)")
    }
  }

  @Test("a step of 0.25 labels its ticks 0.25, 0.50, … (not 0.2, 0.5)")
  func quarterTicks() {
    let frame = SVGPlotFrame(
      layout: .init(width: 200, height: 100, left: 20, right: 10, top: 10, bottom: 20),
      x: .init(lower: -1, upper: 1, ticks: [-1, 0, 1], digits: 1),
      y: .init(lower: -0.5, upper: 0.5, step: 0.25))
    #expect(frame.y.ticks == [-0.5, -0.25, 0, 0.25, 0.5])
    let labels = frame.tickLabels()
    for label in [">-0.50<", ">-0.25<", ">0.00<", ">0.25<", ">0.50<"] {
      #expect(labels.contains(label), "no \(label)")
    }
  }

  @Test("data to pixels: the axis ends at the plot area's edges, larger y higher up")
  func scaling() {
    let frame = SVGPlotFrame(
      layout: .init(width: 200, height: 100, left: 20, right: 10, top: 10, bottom: 20),
      x: .init(lower: 0, upper: 4, step: 1), y: .init(lower: 10, upper: 20, step: 5))
    #expect(frame.px(0) == 20 && frame.px(4) == frame.plotRight && frame.plotRight == 190)
    #expect(frame.py(20) == 10 && frame.py(10) == frame.plotBottom && frame.plotBottom == 80)
    #expect(frame.px(2) == 105 && frame.py(15) == 45)
  }
}
