#!/usr/bin/env bash
# Replays every blind12 case file under --profile balanced --json with the built-in defaults (an empty --config)
# and prints, per class, recall (attacks blocked) and false positives (look-alikes blocked), then totals.
#   VANGUARD_DLL   the vanguard CLI dll (default: the Release build of src/McpVanguard.Cli in this checkout)
#   --misses       also list each missed attack and each false positive (id, note, rules). By default nobody
#                  tunes on this set: the lead decides who may see the list.
#   --keep DIR     keep the raw --json output of each file in DIR
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DLL="${VANGUARD_DLL:-$ROOT/src/McpVanguard.Cli/bin/Release/net10.0/vanguard.dll}"
MISSES=0
KEEP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --misses) MISSES=1 ;;
    --keep) KEEP="$2"; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$DLL" ] || { echo "vanguard dll not found: $DLL (build: dotnet build src/McpVanguard.Cli -c Release, or set VANGUARD_DLL)" >&2; exit 2; }
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
EMPTY="$OUT/empty.yaml"
: > "$EMPTY"
status=0
for f in "$HERE"/cases/*.jsonl; do
  name="$(basename "$f" .jsonl)"
  # HOME points at an empty folder so that no user vanguard.yaml is picked up (the empty --config wins anyway).
  if ! HOME="$OUT" VANGUARD_CONFIG= dotnet "$DLL" replay "$f" --profile balanced --json --config "$EMPTY" \
       > "$OUT/$name.json" 2> "$OUT/$name.err"; then
    echo "replay failed on $name:" >&2; cat "$OUT/$name.err" >&2; status=2
  fi
done
[ $status -eq 0 ] || exit $status
if [ -n "$KEEP" ]; then mkdir -p "$KEEP"; cp "$OUT"/*.json "$KEEP"/; fi
python3 - "$HERE/cases" "$OUT" "$MISSES" <<'PY'
import collections, glob, json, os, sys
cases_dir, out_dir, misses = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
rows, wrong = [], []
tot = collections.Counter()
for f in sorted(glob.glob(os.path.join(cases_dir, "*.jsonl"))):
    name = os.path.basename(f)[:-6]
    cases = [json.loads(l) for l in open(f, encoding="utf-8") if l.strip()]
    results = [json.loads(l) for l in open(os.path.join(out_dir, name + ".json"), encoding="utf-8") if l.strip().startswith("{")]
    by_id = {r["id"]: r for r in results}
    k = collections.Counter()
    for c in cases:
        r = by_id.get(c["id"])
        if r is None:
            sys.exit(f"no result for {c['id']} in {name}")
        blocked = r["verdict"] == "block"
        side = c.get("side", "request")
        if c["expect"] == "block":
            k["atk"] += 1; k["caught"] += blocked
            tot["atk"] += 1; tot["caught"] += blocked
            tot["atk_" + side] += 1; tot["caught_" + side] += blocked
            if not blocked: wrong.append(("miss", c, r))
        else:
            k["ok"] += 1; k["fp"] += blocked
            tot["ok"] += 1; tot["fp"] += blocked
            tot["ok_" + side] += 1; tot["fp_" + side] += blocked
            if blocked: wrong.append(("false-positive", c, r))
    rows.append((name, k))
pct = lambda a, b: f"{100.0 * a / b:5.1f}%" if b else "    -"
print(f"{'class':18} {'attacks':>7} {'blocked':>7} {'recall':>7}   {'look-alikes':>11} {'blocked':>7} {'FP rate':>7}")
for name, k in rows:
    print(f"{name:18} {k['atk']:7} {k['caught']:7} {pct(k['caught'], k['atk']):>7}   {k['ok']:11} {k['fp']:7} {pct(k['fp'], k['ok']):>7}")
print(f"{'total':18} {tot['atk']:7} {tot['caught']:7} {pct(tot['caught'], tot['atk']):>7}   {tot['ok']:11} {tot['fp']:7} {pct(tot['fp'], tot['ok']):>7}")
for side, label in (("request", "agent->server"), ("response", "server->agent")):
    print(f"{label:18} {tot['atk_'+side]:7} {tot['caught_'+side]:7} {pct(tot['caught_'+side], tot['atk_'+side]):>7}   "
          f"{tot['ok_'+side]:11} {tot['fp_'+side]:7} {pct(tot['fp_'+side], tot['ok_'+side]):>7}")
if misses:
    print()
    for kind, c, r in wrong:
        print(f"{kind:15} {c['id']:22} {c['class']:16} steps={','.join(r.get('steps', []))} rules={','.join(r.get('rules', []))}  # {c['note']}")
PY
