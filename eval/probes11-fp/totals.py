#!/usr/bin/env python3
"""Sums a score.sh run (stdin) per half: recall and false positives, with rates."""
import re
import sys

tot = {}
for line in sys.stdin:
    m = re.match(r"\S+\.(fit|holdout)\.jsonl\s+recall (\d+)/(\d+)\s+FP (\d+)/(\d+)", line)
    if m:
        t = tot.setdefault(m[1], [0, 0, 0, 0])
        for i in range(4):
            t[i] += int(m[i + 2])
for h, (ab, a, bb, b) in sorted(tot.items()):
    print(f"TOTAL {h:8s} recall {ab}/{a} ({100 * ab / max(a, 1):.1f}%)  FP {bb}/{b} ({100 * bb / max(b, 1):.1f}%)")
