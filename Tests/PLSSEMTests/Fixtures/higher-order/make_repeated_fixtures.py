"""Reference values for the repeated-indicators approach to higher-order constructs on ECSI
mobi (Satisfaction = Image + Value), in all four mode combinations: an *ordinary* PLS model
with the lower-order constructs' indicators repeated by hand as the HOC's block, estimated by
seminr-py 0.2.1 (path weighting, stop 1e-7) — no HOC feature of any package is used.

    python3 Tests/PLSSEMTests/Fixtures/higher-order/make_repeated_fixtures.py

The repeated columns are copies named as this package names them, `IMAG1 (Satisfaction)`; a
Mode A HOC gets the paths Satisfaction -> Image, Satisfaction -> Value, a Mode B HOC the paths
Image -> Satisfaction, Value -> Satisfaction (Becker, Klein & Wetzels 2012). Writes
repeated_<loc>_<hoc>.json with the model in this package's HOC syntax and seminr's paths, R²,
weights and loadings of the hand-built model.
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

LOCS = {"Image": [f"IMAG{i}" for i in range(1, 6)], "Value": ["PERV1", "PERV2"]}
HOC = "Satisfaction"


def fixture(loc_mode, hoc_mode):
    data = mobi.copy()
    repeated = []
    for loc, items in LOCS.items():
        for item in items:
            name = f"{item} ({HOC})"
            data[name] = mobi[item]
            repeated.append(name)
    weights = {"A": s.mode_A, "B": s.mode_B}
    specs = [
        s.composite("Image", LOCS["Image"], weights=weights[loc_mode]),
        s.composite("Expectation", s.multi_items("CUEX", range(1, 4))),
        s.composite("Quality", s.multi_items("PERQ", range(1, 8))),
        s.composite("Value", LOCS["Value"], weights=weights[loc_mode]),
        s.composite(HOC, repeated, weights=weights[hoc_mode]),
        s.composite("Complaints", s.single_item("CUSCO")),
        s.composite("Loyalty", s.multi_items("CUSL", range(1, 4))),
    ]
    links = (
        s.paths(from_=HOC, to=["Image", "Value"])
        if hoc_mode == "A"
        else s.paths(from_=["Image", "Value"], to=HOC)
    )
    sm = s.relationships(
        s.paths(from_=["Expectation", "Quality"], to=HOC),
        s.paths(from_=HOC, to=["Complaints", "Loyalty"]),
        links,
    )
    m = s.estimate_pls(data=data, measurement_model=s.constructs(*specs), structural_model=sm)
    op = {"A": "=~", "B": "<~"}
    model = "\n".join([
        f"Image {op[loc_mode]} " + " + ".join(LOCS["Image"]),
        "Expectation =~ CUEX1 + CUEX2 + CUEX3",
        "Quality =~ " + " + ".join(f"PERQ{i}" for i in range(1, 8)),
        f"Value {op[loc_mode]} PERV1 + PERV2",
        f"{HOC} {op[hoc_mode]} Image + Value",
        "Complaints =~ CUSCO",
        "Loyalty =~ CUSL1 + CUSL2 + CUSL3",
        f"{HOC} ~ Expectation + Quality",
        f"Complaints ~ {HOC}",
        f"Loyalty ~ {HOC}",
    ]) + "\n"
    r2 = m.r_squared
    return {
        "source": "seminr-py 0.2.1, estimate_pls on the hand-built repeated-indicators model, "
        "path weighting, stop 1e-7, max 300",
        "model": model,
        "paths": nonzero_entries(m.path_coef, "path"),
        "rSquared": {c: float(r2.values[0, j]) for j, c in enumerate(r2.cols)},
        "weights": nonzero_entries(m.outer_weights, "indicator"),
        "loadings": nonzero_entries(m.outer_loadings, "indicator"),
    }


for loc in "AB":
    for hoc in "AB":
        write_fixture(HERE / f"repeated_{loc}_{hoc}.json", fixture(loc, hoc))
