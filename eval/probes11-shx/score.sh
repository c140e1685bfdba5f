#!/usr/bin/env bash
# Scores every probes11-shx file under balanced: per class and half, attacks blocked and look-alikes blocked.
# With --misses, lists the fit half's misses and false positives (never the holdout's).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dll="${VANGUARD_DLL:-$here/../../src/McpVanguard.Cli/bin/Release/net10.0/vanguard.dll}"
for f in "$here"/*.jsonl; do
  dotnet "$dll" replay "$f" --profile balanced --json | python3 -c '
import json, sys
name, show = sys.argv[1], sys.argv[2] == "--misses"
cases = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[3], encoding="utf-8")}
a = ab = b = bb = 0
miss = []
for line in sys.stdin:
    r = json.loads(line); c = cases[r["id"]]
    if c["expect"] == "block":
        a += 1; ab += r["verdict"] == "block"
        if r["verdict"] != "block": miss.append(("MISS", c, r))
    else:
        b += 1; bb += r["verdict"] == "block"
        if r["verdict"] == "block": miss.append(("FP", c, r))
print(f"{name:34s} recall {ab}/{a}  FP {bb}/{b}")
if show and ".fit." in name:
    for kind, c, r in miss:
        print("   " + kind, c["id"], c["note"], "rules=" + ",".join(r["rules"]))
' "$(basename "$f")" "${1:-}" "$f"
done
