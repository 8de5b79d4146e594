"""Appends cases to cases.json in its own layout (one line per field), leaving the rest as it is.

    python3 Tests/CLITests/Corpus/add_cases.py new-cases.json
"""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))


def render(case):
    lines = []
    for key, value in case.items():
        lines.append(f'    "{key}": {json.dumps(value, ensure_ascii=False)}')
    return "  {\n" + ",\n".join(lines) + "\n  }"


def append(new):
    path = os.path.join(here, "cases.json")
    text = open(path, encoding="utf-8").read().rstrip()
    existing = {c["name"] for c in json.loads(text)}
    for case in new:
        assert case["name"] not in existing, case["name"]
    assert text.endswith("}\n]") or text.endswith("}]"), "unexpected end of cases.json"
    body = text[: text.rindex("]")].rstrip()
    text = body + ",\n" + ",\n".join(render(c) for c in new) + "\n]\n"
    json.loads(text)
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    append(json.load(open(sys.argv[1], encoding="utf-8")))
