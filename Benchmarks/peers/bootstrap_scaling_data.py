#!/usr/bin/env python3
"""Data for Benchmarks/peers/bootstrap_scaling.sh: the ECSI mobi data made larger in rows or in
indicators, deterministically (numpy PCG64 with fixed seeds).

    python3 Benchmarks/peers/bootstrap_scaling_data.py OUT_DIR

writes into OUT_DIR:
  mobi_n{N}.csv         N rows drawn with replacement from mobi.csv (N = 500 ... 4000), the
                        mobi model unchanged (use examples/ecsi-mobi/mobi.model)
  mobi_x{M}.csv/.model  every mobi indicator X plus M - 1 noisy copies X_c2 ... X_cM (X plus
                        normal noise with half X's SD), each block holding the copies of its
                        indicators: p = 24 M indicators, n = 250 rows, same structural model
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
ROWS = [500, 1000, 2000, 4000]
COPIES = [2, 4, 8]


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    data = pd.read_csv(ROOT / "examples/ecsi-mobi/mobi.csv")
    model_text = (ROOT / "examples/ecsi-mobi/mobi.model").read_text()
    for n in ROWS:
        rng = np.random.Generator(np.random.PCG64(n))
        data.iloc[rng.integers(0, len(data), size=n)].to_csv(out / f"mobi_n{n}.csv", index=False)
    for m in COPIES:
        rng = np.random.Generator(np.random.PCG64(1000 + m))
        wide = {}
        for column in data.columns:
            x = data[column].to_numpy(dtype=float)
            wide[column] = x
            for c in range(2, m + 1):
                wide[f"{column}_c{c}"] = x + rng.normal(0.0, 0.5 * x.std(ddof=1), size=len(x))
        pd.DataFrame(wide).to_csv(out / f"mobi_x{m}.csv", index=False)

        def widen(match: re.Match) -> str:
            names = [t.strip() for t in match.group(2).split("+")]
            expanded = [name if c == 1 else f"{name}_c{c}" for name in names for c in range(1, m + 1)]
            return f"{match.group(1)}=~ {' + '.join(expanded)}"

        lines = [re.sub(r"^(\S+\s*)=~\s*(.*)$", widen, line) if "=~" in line else line
                 for line in model_text.splitlines()]
        (out / f"mobi_x{m}.model").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
