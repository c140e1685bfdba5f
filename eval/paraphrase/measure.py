#!/usr/bin/env python3
"""L1 alone vs L1+L2 on the paraphrase set, from `vanguard replay --json` outputs.

Usage: measure.py L1_ATTACKS L1_BENIGN SCORED_ATTACKS SCORED_BENIGN [--shipped 0.84]

L1_* are runs with L2 off (VANGUARD_SEMANTIC_ENABLED=false). SCORED_* are runs of vanguard-full with
`semantic.threshold: 0.0001` (and a long `timeout_ms`), so that every message the cascade sends to L2 reports its score
in the `semantic` array; a case is caught by L1+L2 at threshold t when L1 blocks it or any of its scores is >= t.
Nothing here chooses a threshold: the curve is printed for reading, the shipped point is the head's own.
"""
import json
import sys
from collections import defaultdict


def load(path):
    return {r["id"]: r for r in (json.loads(line) for line in open(path, encoding="utf-8") if line.strip())}


def scores(row):
    return [s["score"] for s in row.get("semantic", []) if s.get("score") is not None]


def caught(l1_row, scored_row, t):
    return l1_row["verdict"] == "block" or any(s >= t for s in scores(scored_row))


def rates(l1a, l1b, sa, sb, t):
    tp = sum(caught(l1a[i], sa[i], t) for i in l1a)
    fp = sum(caught(l1b[i], sb[i], t) for i in l1b)
    return tp, fp


def main():
    args = sys.argv[1:]
    shipped = 0.84
    if "--shipped" in args:
        k = args.index("--shipped")
        shipped = float(args[k + 1])
        del args[k:k + 2]
    l1a, l1b, sa, sb = (load(p) for p in args)
    na, nb = len(l1a), len(l1b)
    l1_tp = sum(r["verdict"] == "block" for r in l1a.values())
    l1_fp = sum(r["verdict"] == "block" for r in l1b.values())
    scored_a = sum(bool(scores(r)) for r in sa.values())
    scored_b = sum(bool(scores(r)) for r in sb.values())
    print(f"attacks {na}, benign {nb}; cases with a message scored by L2: attacks {scored_a}, benign {scored_b}")
    print(f"| | recall | false positives | precision |\n|---|---:|---:|---:|")
    def row(name, tp, fp):
        prec = tp / (tp + fp) if tp + fp else 1.0
        print(f"| {name} | {tp}/{na} ({tp / na:.1%}) | {fp}/{nb} ({fp / nb:.1%}) | {prec:.3f} |")
    row("L1 alone", l1_tp, l1_fp)
    tp, fp = rates(l1a, l1b, sa, sb, shipped)
    row(f"L1+L2 at {shipped}", tp, fp)
    print("\nthreshold curve (L1+L2):\n| threshold | recall | FPR | precision |\n|---:|---:|---:|---:|")
    for t in [0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.83, 0.85, 0.9, 0.95]:
        tp, fp = rates(l1a, l1b, sa, sb, t)
        prec = tp / (tp + fp) if tp + fp else 1.0
        print(f"| {t:.2f} | {tp / na:.3f} | {fp / nb:.3f} | {prec:.3f} |")
    print("\nby form at the shipped threshold:\n| form | attacks | L1 | L1+L2 | benign | L1 FP | L1+L2 FP |\n|---|---:|---:|---:|---:|---:|---:|")
    forms = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for i, r in l1a.items():
        f = forms[r.get("form", "?")]
        f[0] += 1; f[1] += r["verdict"] == "block"; f[2] += caught(r, sa[i], shipped)
    for i, r in l1b.items():
        f = forms[r.get("form", "?")]
        f[3] += 1; f[4] += r["verdict"] == "block"; f[5] += caught(r, sb[i], shipped)
    for name, f in sorted(forms.items()):
        print(f"| {name} | {f[0]} | {f[1]} | {f[2]} | {f[3]} | {f[4]} | {f[5]} |")
    langs = defaultdict(lambda: [0, 0, 0])
    for i, r in l1a.items():
        g = langs["en" if r.get("lang") == "en" else "other"]
        g[0] += 1; g[1] += r["verdict"] == "block"; g[2] += caught(r, sa[i], shipped)
    print("\nby language (attacks): " + ", ".join(f"{k}: L1 {v[1]}/{v[0]}, L1+L2 {v[2]}/{v[0]}" for k, v in sorted(langs.items())))


if __name__ == "__main__":
    main()
