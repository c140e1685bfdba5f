#!/usr/bin/env bash
# usage: bench/results/list12-gates.sh DLL OUTDIR (absolute)  — per-case corpus replay verdicts, probe scorers, blind totals (no misses)
set -u
DLL=$1; OUT=$2; mkdir -p $OUT
cd "$(dirname "$0")/../.."
for f in corpus/*.jsonl; do
  dotnet $DLL replay $f --profile balanced --json 2>/dev/null | python3 -c '
import json,sys
for l in sys.stdin:
    try: r=json.loads(l)
    except Exception: continue
    print(r.get("id"), r.get("verdict"), ",".join(sorted(r.get("rules") or [])))' > $OUT/corpus-$(basename $f .jsonl).txt
done
for s in probes11-s2a probes10-s2a probes9f-s2a; do VANGUARD_DLL=$DLL bash eval/$s/score.sh > $OUT/$s.txt 2>&1; done
for s in blind11 blind10; do VANGUARD_DLL=$DLL bash eval/$s/score.sh 2>&1 | grep -i "total" > $OUT/$s-totals.txt; done
echo finished > $OUT/done
