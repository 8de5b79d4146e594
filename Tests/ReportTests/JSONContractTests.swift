import Foundation
import PLSSEM
import TestSupport
import Testing

@testable import PLSSEMReport

/// The JSON of `plssem estimate --format json` against the contract (cli-contract.md): keys,
/// nulls instead of omissions, and published values surviving the round trip through text.
@Suite struct JSONContractTests {
  static func corpRepReport(bootstrap: Int = 0) throws -> [String: Any] {
    let estimate = try ExampleData.corpRepSimpleEstimate()
    let boot =
      bootstrap > 0
      ? try Bootstrapper(settings: .init(resamples: bootstrap, seed: 3, threads: 1)).result(
        estimate) : nil
    let report = EstimationReport(
      estimate: estimate, assessment: try PLSAssessment(estimate: estimate), bootstrap: boot,
      dataSource: "corp_rep.csv",
      modelSource: "simple.model")
    let json = report.json().rendered()
    #expect(!json.contains("NaN") && !json.contains("inf"))
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return try #require(object as? [String: Any])
  }

  @Test func topLevelKeysAndSchema() throws {
    let json = try Self.corpRepReport()
    #expect(json["schema"] as? String == "plssem.estimate/1")
    #expect(json["observations"] as? Int == 344)
    #expect(json["converged"] as? Bool == true)
    for key in [
      "iterations", "settings", "constructs", "paths", "loadings", "weights", "htmt", "effects",
    ] {
      #expect(json[key] != nil, "missing key \(key)")
    }
    let settings = try #require(json["settings"] as? [String: Any])
    #expect(settings["scheme"] as? String == "path")
    #expect(settings["bootstrap"] as? Int == 0)
    #expect(settings["seed"] is NSNull)
  }

  /// Every estimate carries the contract's `"admissibility"` object; corp rep simple is
  /// admissible by cSEM's verify() checks (converged, loadings ≤ 1, PSD matrices).
  @Test func admissibilityObject() throws {
    let json = try Self.corpRepReport()
    let admissibility = try #require(json["admissibility"] as? [String: Any])
    #expect(admissibility["admissible"] as? Bool == true)
    #expect((admissibility["problems"] as? [Any])?.isEmpty == true)
    #expect((admissibility["details"] as? [Any])?.isEmpty == true)
  }

  /// Published full-precision path coefficient (Hair et al., PLS-SEM Using R, 2021; seminr).
  @Test func publishedPathSurvivesTheTextRoundTrip() throws {
    let json = try Self.corpRepReport()
    let paths = try #require(json["paths"] as? [[String: Any]])
    let comp = try #require(
      paths.first { $0["from"] as? String == "COMP" && $0["to"] as? String == "CUSA" })
    let estimate = try #require(comp["estimate"] as? Double)
    #expect(abs(estimate - 0.162051224909051) < 1e-9)
    for key in ["se", "t", "p", "ciLower", "ciUpper"] {
      #expect(comp[key] is NSNull, "\(key) should be null")
    }
  }

  @Test func constructsCarryReliabilityAndNullR2ForExogenous() throws {
    let json = try Self.corpRepReport()
    let constructs = try #require(json["constructs"] as? [[String: Any]])
    let comp = try #require(constructs.first { $0["name"] as? String == "COMP" })
    #expect(comp["r2"] is NSNull)
    // Published: COMP alpha 0.776, rho_C 0.865, rho_A 0.832, AVE 0.681 (PLS-SEM Using R, ch. 4).
    #expect(abs((comp["alpha"] as? Double ?? 0) - 0.776) < 5e-4)
    #expect(abs((comp["rhoC"] as? Double ?? 0) - 0.865) < 5e-4)
    #expect(abs((comp["rhoA"] as? Double ?? 0) - 0.832) < 5e-4)
    #expect(abs((comp["ave"] as? Double ?? 0) - 0.681) < 5e-4)
    let cusa = try #require(constructs.first { $0["name"] as? String == "CUSA" })
    #expect(abs((cusa["r2"] as? Double ?? 0) - 0.295) < 5e-4)
  }

  @Test func bootstrapFillsInferenceFields() throws {
    let json = try Self.corpRepReport(bootstrap: 200)
    let paths = try #require(json["paths"] as? [[String: Any]])
    for path in paths {
      for key in ["se", "t", "p", "ciLower", "ciUpper"] {
        #expect(path[key] is Double, "\(key) missing")
      }
    }
    let boot = try #require(json["bootstrap"] as? [String: Any])
    #expect(boot["resamples"] as? Int == 200)
    #expect(boot["seed"] as? Int == 3)
    #expect(boot["ci"] as? String == "percentile")
    #expect(boot["level"] as? Double == 0.95)
  }

  @Test func jsonValueEscapesAndWritesNonFiniteAsNull() {
    let value = JSONValue.object([
      ("text", .string("a\"b\\c\n\u{1}")), ("nan", .number(.nan)), ("inf", .number(.infinity)),
      ("third", .number(1.0 / 3.0)), ("whole", .number(2)),
    ])
    #expect(
      value.rendered(pretty: false)
        == #"{"text":"a\"b\\c\n\u0001","nan":null,"inf":null,"third":0.3333333333333333,"whole":2}"#
    )
  }

  /// Issue 16.2, 16.5, 16.6: the single-item loading and weight have t, p and limits null (SE
  /// 0); HTMT entries test H0: HTMT = 1 (`nullValue` 1) and carry the one-sided upper limit;
  /// R² has an interval but no t or p; the tails are stated in settings and bootstrap.
  @Test func bootstrapInferenceFields() throws {
    let json = try Self.corpRepReport(bootstrap: 300)
    let loadings = try #require(json["loadings"] as? [[String: Any]])
    let weights = try #require(json["weights"] as? [[String: Any]])
    for entry in [loadings, weights].map({ $0.first { $0["indicator"] as? String == "cusa" } }) {
      let cusa = try #require(entry)
      #expect(cusa["se"] as? Double == 0)
      for key in ["t", "p", "ciLower", "ciUpper"] { #expect(cusa[key] is NSNull, "cusa \(key)") }
    }
    let htmt = try #require(json["htmt"] as? [[String: Any]])
    #expect(htmt.count == 6)
    for entry in htmt {
      #expect(entry["nullValue"] as? Double == 1)
      let estimate = try #require(entry["estimate"] as? Double)
      let se = try #require(entry["se"] as? Double)
      let t = try #require(entry["t"] as? Double)
      #expect(abs(t - (estimate - 1) / se) <= 1e-12 * abs(t))
      let upper = try #require(entry["upperOneSided"] as? Double)
      let ciUpper = try #require(entry["ciUpper"] as? Double)
      #expect(upper > estimate - 0.5 && upper <= ciUpper)
    }
    let constructs = try #require(json["constructs"] as? [[String: Any]])
    let cusl = try #require(constructs.first { $0["name"] as? String == "CUSL" })
    let r2 = try #require(cusl["r2Inference"] as? [String: Any])
    #expect(r2["t"] is NSNull && r2["p"] is NSNull)
    #expect(r2["ciLower"] is Double && r2["ciUpper"] is Double)
    let settings = try #require(json["settings"] as? [String: Any])
    #expect(settings["tails"] as? Int == 2)
    let bootstrap = try #require(json["bootstrap"] as? [String: Any])
    #expect(bootstrap["tails"] as? Int == 2)
    #expect(bootstrap["quantiles"] as? String == "exact")
    // Without a bootstrap the HTMT test fields are null, not missing.
    let plain = try #require(try Self.corpRepReport()["htmt"] as? [[String: Any]])
    #expect(plain.allSatisfy { $0["nullValue"] is NSNull && $0["upperOneSided"] is NSNull })
  }
}
