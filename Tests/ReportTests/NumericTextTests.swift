import Testing

@testable import TestSupport

/// The golden comparison's rule for numbers in text (``NumericText``): what may differ between
/// CPUs and what may not.
@Suite("Numbers in golden text")
struct NumericTextTests {
  @Test("identical text matches; a different word does not")
  func text() {
    #expect(NumericText.matches("COMP -> CUSA 0.162", "COMP -> CUSA 0.162", relativeTolerance: 0))
    #expect(!NumericText.matches("COMP -> CUSL 0.162", "COMP -> CUSA 0.162", relativeTolerance: 1))
    #expect(!NumericText.matches("0.162*", "0.162**", relativeTolerance: 1e-9))
  }

  @Test("full-precision numbers within the relative tolerance, not beyond")
  func fullPrecision() {
    let golden = "loadings,CUSA,cusa,,loading,1.0000000000000016,1,4.851493902829804e-17"
    let near = "loadings,CUSA,cusa,,loading,0.9999999999999972,0.9999999999999999,4.58905e-17"
    #expect(NumericText.matches(near, golden, relativeTolerance: 1e-9))
    #expect(!NumericText.matches("x,0.5000001", "x,0.5", relativeTolerance: 1e-9))
    #expect(!NumericText.matches("x,0.5", "x,0.5000001", relativeTolerance: 1e-9))
    // Relative above 1: large values relative, small ones absolute.
    #expect(NumericText.matches("t,21790.98", "t,21790.97999", relativeTolerance: 1e-9))
    #expect(!NumericText.matches("t,2.179e16", "t,2.061e16", relativeTolerance: 1e-9))
  }

  @Test("a fixed-point number may move by one unit in its last digit (a rounding flip), no more")
  func roundingFlip() {
    #expect(NumericText.matches("| 0.124 |", "| 0.123 |", relativeTolerance: 1e-9))
    #expect(!NumericText.matches("| 0.125 |", "| 0.123 |", relativeTolerance: 1e-9))
    #expect(NumericText.matches("[-0.000, 0.107]", "[0.000, 0.107]", relativeTolerance: 1e-9))
    #expect(NumericText.matches("<.002***", "<.001***", relativeTolerance: 1e-9))
    // Integers and numbers with an exponent get no last-digit allowance.
    #expect(!NumericText.matches("345 observations", "344 observations", relativeTolerance: 1e-9))
    #expect(!NumericText.matches("tolerance 2e-07", "tolerance 1e-07", relativeTolerance: 1e-9))
  }

  @Test("padding may follow a number whose printed width changed")
  func padding() {
    #expect(NumericText.matches("  a  -0.000  b", "  a   0.000  b", relativeTolerance: 1e-9))
    #expect(!NumericText.matches("a 0.000 b", "a 0.000 c", relativeTolerance: 1e-9))
  }

  @Test("identifiers with digits are text, not numbers")
  func identifiers() {
    #expect(!NumericText.matches("comp_2 0.5", "comp_1 0.5", relativeTolerance: 1))
    #expect(!NumericText.matches("x3", "x2", relativeTolerance: 1))
    #expect(!NumericText.matches("v1.2.4", "v1.2.3", relativeTolerance: 1))
    #expect(NumericText.split("comp_1 0.858 R² 1e-07").numbers.map(\.value) == [0.858, 1e-7])
  }

  @Test("a different number of numbers or lines is a mismatch, and says where")
  func structure() {
    #expect(!NumericText.matches("0.1 0.2", "0.1", relativeTolerance: 1))
    #expect(!NumericText.matches("n/a", "2.18e16", relativeTolerance: 1))
    let mismatch = NumericText.firstMismatch("a\nb 0.5\n", "a\nb 0.7\n", relativeTolerance: 1e-9)
    #expect(mismatch?.line == 2)
    #expect(NumericText.firstMismatch("a\n", "a\nb", relativeTolerance: 1e-9)?.line == 2)
    #expect(NumericText.firstMismatch("a 1.0\n", "a 1.0\n", relativeTolerance: 0) == nil)
  }
}
