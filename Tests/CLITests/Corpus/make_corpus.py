"""Writes the generated files of the bad-input corpus (the data sets and the binary garbage).

The hand-written files (models, codebooks, small malformed CSVs) are committed as they are;
this script makes the ones that are easier to compute than to type. Deterministic: run it
again and nothing changes. Files too large to commit (the 10 MB line) are made by the tests.

    python3 Tests/CLITests/Corpus/make_corpus.py
"""
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261123)


def write(name, text, mode="w"):
    path = os.path.join(here, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode, newline="" if mode == "w" else None) as f:
        f.write(text)


def good_rows(n):
    """Three related factors A -> C <- B, two indicators each, 3 decimals."""
    rows = []
    for _ in range(n):
        a = rng.gauss(0, 1)
        b = 0.4 * a + rng.gauss(0, 0.9)
        c = 0.5 * a + 0.3 * b + rng.gauss(0, 0.7)
        row = []
        for f in (a, a, b, b, c, c):
            row.append(round(3 + f + rng.gauss(0, 0.6), 3))
        rows.append(row)
    return rows


header = ["x1", "x2", "x3", "x4", "x5", "x6"]


def csv(rows, names=header):
    return ",".join(names) + "\n" + "".join(",".join(str(v) for v in r) + "\n" for r in rows)


rows = good_rows(40)
write("data/good.csv", csv(rows))

# Degenerate data sets.
constant = [r[:2] + [4.0] + r[3:] for r in rows]
write("data/constant-indicator.csv", csv(constant))

all_missing = [[r[0], ""] + r[2:] for r in rows]
write("data/all-missing-column.csv", csv(all_missing))

write("data/one-row.csv", csv(rows[:1]))
write("data/two-rows.csv", csv(rows[:2]))

# Every row misses one cell: casewise deletion leaves nothing.
casewise = [[("" if j == i % 6 else v) for j, v in enumerate(r)] for i, r in enumerate(rows)]
write("data/no-complete-rows.csv", csv(casewise))

# Mode B blocks: b1, b2 integer answers; b3 = b1 + b2 exactly; b4 a copy of b1.
brows = []
for r in rows:
    b1 = rng.randint(1, 7)
    b2 = rng.randint(1, 7)
    brows.append(r + [b1, b2, b1 + b2, b1])
write("data/mode-b.csv", csv(brows, header + ["b1", "b2", "b3", "b4"]))

# Fewer rows than indicators: 4 rows, a Mode B block of 5 indicators.
few = []
for r in rows[:4]:
    few.append(r + [rng.randint(1, 7) for _ in range(5)])
write("data/fewer-rows-than-indicators.csv", csv(few, header + ["f1", "f2", "f3", "f4", "f5"]))

# Two constructs whose single indicators are copies: collinear predecessors of C.
copies = [r + [r[0]] for r in rows]
write("data/copied-indicator.csv", csv(copies, header + ["x1copy"]))

# Binary garbage: random bytes (invalid UTF-8 almost surely within the first line).
garbage = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(rng.randrange(256) for _ in range(2000))
write("csv/binary-garbage.csv", garbage, mode="wb")

# UTF-16 little-endian export (a spreadsheet's "Unicode text").
write("csv/utf16.csv", "\ufeff".encode("utf-16-le") + csv(rows[:5]).encode("utf-16-le"), mode="wb")

# Invalid UTF-8 in a header name and in a data cell.
write("csv/invalid-utf8-header.csv", b"x1,x\xff2,x3,x4,x5,x6\n" + csv(rows[:5]).split("\n", 1)[1].encode(), mode="wb")
write("models/not-utf8.model", b"A =~ x1 + x2\nB =~ x3 + x4\nC =~ x5 + \xe9x6\nC ~ A + B\n", mode="wb")

# Survey responses for codebooks/good.yaml: 30 respondents, p3 reverse-coded.
rng = random.Random(7)
srows = []
for i in range(30):
    p = rng.gauss(0, 1)
    q = 0.6 * p + rng.gauss(0, 0.8)

    def lik(x):
        return max(1, min(5, int(round(3 + x + rng.gauss(0, 0.7)))))

    srows.append([i + 1, lik(p), lik(p), 6 - lik(p), lik(q), lik(q), lik(q)])
shead = "respondent,p1,p2,p3,q1,q2,q3\n"
sbody = "".join(",".join(map(str, r)) + "\n" for r in srows)
write("responses/good.csv", shead + sbody)
lines = sbody.splitlines()
lines[6] = lines[6].split(",")[0] + ",4,7,2,3,3,3"  # row 8: 7 on a 5-point scale
write("responses/out-of-range.csv", shead + "\n".join(lines) + "\n")
lines = sbody.splitlines()
lines[3] = lines[3].split(",")[0] + ",Agree,Sorta,2,3,3,3"  # row 5: an unknown label
write("responses/unknown-label.csv", shead + "\n".join(lines) + "\n")
write("responses/no-items.csv", "when,who\n2024-01-01,ann\n2024-01-02,bob\n")
