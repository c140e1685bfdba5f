#!/usr/bin/env python3
"""Regenerates every blind12 case file (deterministic): one generator per class in gens/, one JSONL file per class."""
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from gens import (any_key, data_positions, exec_options, rug_pull, s2a_language, s2a_poisoning, secret,  # noqa: E402
                  sensitive_path, shell_expansion, shell_interpreter, sql, url)
from gens.common import write  # noqa: E402

GENERATORS = [shell_interpreter, shell_expansion, exec_options, any_key, data_positions, url, sql,
              sensitive_path, secret, s2a_language, s2a_poisoning, rug_pull]


def main():
    seen = set()
    totals = collections.Counter()
    os.makedirs(os.path.join(HERE, "cases"), exist_ok=True)
    for g in GENERATORS:
        items = g.cases()
        for c in items:
            if c["id"] in seen:
                sys.exit(f"duplicate id {c['id']}")
            seen.add(c["id"])
            totals[(c["expect"], c["side"])] += 1
        write(os.path.join(HERE, "cases", f"{g.KLASS}.jsonl"), items)
        atk = sum(1 for c in items if c["expect"] == "block")
        print(f"{g.KLASS:18} {len(items):4} cases  {atk:3} attacks  {len(items) - atk:3} look-alikes")
    n = sum(totals.values())
    print(f"{'total':18} {n:4} cases  {totals[('block','request')] + totals[('block','response')]:3} attacks  "
          f"{totals[('allow','request')] + totals[('allow','response')]:3} look-alikes  "
          f"(request side {totals[('block','request')] + totals[('allow','request')]}, "
          f"server side {totals[('block','response')] + totals[('allow','response')]})")


if __name__ == "__main__":
    main()
