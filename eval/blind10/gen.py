#!/usr/bin/env python3
"""Regenerates every blind10 file: one generator per class (generators/<class>.py), one JSONL file per class.

Deterministic: no randomness and no clock, so a second run writes the same bytes.
"""
import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

MODULES = [
    "shell_interpreter", "shell_expansion", "exec_options", "any_key", "data_positions", "url", "sql",
    "sensitive_path", "secret", "s2a_language", "s2a_poisoning", "rug_pull",
]


def main():
    seen = set()
    totals = {}
    for name in MODULES:
        if not os.path.exists(os.path.join(HERE, "generators", name + ".py")):
            print(f"(no generator yet: {name})", file=sys.stderr)
            continue
        module = importlib.import_module(f"generators.{name}")
        cases = module.build()
        path = os.path.join(HERE, f"{module.CLASS}.jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            for case in cases:
                assert case["id"] not in seen, f"duplicate id {case['id']}"
                seen.add(case["id"])
                out.write(json.dumps(case, ensure_ascii=False, separators=(",", ":")) + "\n")
        counts = totals.setdefault(module.CLASS, {"block": 0, "allow": 0, "request": 0, "s2a": 0})
        for case in cases:
            counts[case["expect"]] += 1
            counts[case["side"]] += 1
    width = max(len(k) for k in totals)
    print(f"{'class':<{width}}  attacks  look-alikes  request  s2a")
    for cls, n in totals.items():
        print(f"{cls:<{width}}  {n['block']:>7}  {n['allow']:>11}  {n['request']:>7}  {n['s2a']:>3}")
    t = {k: sum(n[k] for n in totals.values()) for k in ("block", "allow", "request", "s2a")}
    print(f"{'total':<{width}}  {t['block']:>7}  {t['allow']:>11}  {t['request']:>7}  {t['s2a']:>3}  ({t['block'] + t['allow']} cases)")


if __name__ == "__main__":
    main()
