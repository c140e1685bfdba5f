#!/usr/bin/env python3
"""Writes the issue-9 eleventh-pass shell probes: one file per class and half (eval/probes11-shx/<class>.<half>.jsonl). The
halves come from a fixed hash of the case id (common.half), chosen before any detector was changed; fixes are written
against `fit` only, `holdout` is the figure that counts. Deterministic: `python3 eval/probes11-shx/gen.py`."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CASES, half  # noqa: E402
import shell_expansion, exec_options, shell_interpreter, any_key  # noqa: E402,F401


def main(folder):
    folder = Path(folder)
    out = {}
    for case in CASES:
        case["half"] = half(case["id"])
        out.setdefault((case["class"], case["half"]), []).append(case)
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for (cls, h), cases in sorted(out.items()):
        with open(folder / f"{cls}.{h}.jsonl", "w", encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
    for cls in sorted({c["class"] for c in CASES}):
        a = sum(1 for c in CASES if c["class"] == cls and c["expect"] == "block")
        b = sum(1 for c in CASES if c["class"] == cls and c["expect"] == "allow")
        print(f"{cls}: {a} attacks, {b} look-alikes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
