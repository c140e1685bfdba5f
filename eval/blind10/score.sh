#!/usr/bin/env bash
# Replays every blind10 file under --profile balanced --json and prints, per class, recall (attacks blocked) and
# false positives (look-alikes blocked), plus totals. `--misses` also lists every miss and false positive.
# By default nobody tunes on this set: the miss list is for whoever the lead decides may see it.
#
#   eval/blind10/score.sh                 # totals per class
#   eval/blind10/score.sh --misses        # and the wrong cases
#   VANGUARD_DLL=/path/to/vanguard.dll eval/blind10/score.sh
#   PROFILE=strict eval/blind10/score.sh  # another profile (the set is written for balanced)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dll="${VANGUARD_DLL:-$root/src/McpVanguard.Cli/bin/Release/net10.0/vanguard.dll}"
profile="${PROFILE:-balanced}"
misses=0
for arg in "$@"; do
  case "$arg" in
    --misses) misses=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "score.sh: unknown argument '$arg' (expected --misses)" >&2; exit 2 ;;
  esac
done
[[ -f "$dll" ]] || { echo "score.sh: no vanguard build at $dll (dotnet build src/McpVanguard.Cli -c Release, or set VANGUARD_DLL)" >&2; exit 2; }

# A scratch home: replay must not read the user's vanguard.yaml or write to their audit log.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
out="$scratch/results.jsonl"
: > "$out"
status=0
for file in "$here"/*.jsonl; do
  if ! (cd "$scratch" && env -u VANGUARD_CONFIG XDG_CONFIG_HOME="$scratch/config" XDG_STATE_HOME="$scratch/state" \
        dotnet "$dll" replay "$file" --profile "$profile" --json --audit-log "$scratch/audit.jsonl") >> "$out" 2> "$scratch/err"; then
    echo "score.sh: replay failed on $(basename "$file"):" >&2
    cat "$scratch/err" >&2
    status=2
  fi
done

python3 - "$here" "$out" "$misses" "$profile" "$dll" <<'PY'
import glob, json, os, sys
here, out, show_misses, profile, dll = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4], sys.argv[5]
# The issue's order: request-side classes first, then server→agent; a class not listed here goes last.
order = ["shell-interpreter", "shell-expansion", "exec-options", "any-key", "data-positions", "url", "sql",
         "sensitive-path", "secret", "s2a-language", "s2a-poisoning", "rug-pull"]
cases = {}
for path in sorted(glob.glob(os.path.join(here, "*.jsonl"))):
    for line in open(path, encoding="utf-8"):
        c = json.loads(line)
        cases[c["id"]] = c
        if c["class"] not in order:
            order.append(c["class"])
order = [cls for cls in order if any(c["class"] == cls for c in cases.values())]
results = {}
for line in open(out, encoding="utf-8"):
    line = line.strip()
    if line.startswith("{"):
        r = json.loads(line)
        results[r["id"]] = r
missing = [i for i in cases if i not in results]
stats = {cls: {"att": 0, "caught": 0, "ben": 0, "fp": 0} for cls in order}
wrong = []
for cid, c in cases.items():
    r = results.get(cid)
    if r is None:
        continue
    s = stats[c["class"]]
    blocked = r["verdict"] == "block"
    if c["expect"] == "block":
        s["att"] += 1
        s["caught"] += blocked
        if not blocked:
            wrong.append(("miss", c, r))
    else:
        s["ben"] += 1
        s["fp"] += blocked
        if blocked:
            wrong.append(("false-positive", c, r))
def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "    —"
print(f"blind10 under --profile {profile} ({os.path.relpath(dll)})")
print(f"{'class':<18} {'attacks':>7} {'blocked':>7} {'recall':>7}   {'look-alikes':>11} {'blocked':>7} {'FP rate':>7}")
tot = {"att": 0, "caught": 0, "ben": 0, "fp": 0}
for cls in order:
    s = stats[cls]
    for k in tot:
        tot[k] += s[k]
    print(f"{cls:<18} {s['att']:>7} {s['caught']:>7} {pct(s['caught'], s['att']):>7}   {s['ben']:>11} {s['fp']:>7} {pct(s['fp'], s['ben']):>7}")
print(f"{'total':<18} {tot['att']:>7} {tot['caught']:>7} {pct(tot['caught'], tot['att']):>7}   {tot['ben']:>11} {tot['fp']:>7} {pct(tot['fp'], tot['ben']):>7}")
for side in ("request", "s2a"):
    a = sum(1 for i, c in cases.items() if c["side"] == side and c["expect"] == "block" and i in results)
    ca = sum(1 for i, c in cases.items() if c["side"] == side and c["expect"] == "block" and results.get(i, {}).get("verdict") == "block")
    b = sum(1 for i, c in cases.items() if c["side"] == side and c["expect"] == "allow" and i in results)
    fb = sum(1 for i, c in cases.items() if c["side"] == side and c["expect"] == "allow" and results.get(i, {}).get("verdict") == "block")
    label = "agent→server" if side == "request" else "server→agent"
    print(f"{label:<18} {a:>7} {ca:>7} {pct(ca, a):>7}   {b:>11} {fb:>7} {pct(fb, b):>7}")
if missing:
    print(f"NOT REPLAYED: {len(missing)} case(s) have no result (see the replay error above)")
if show_misses:
    print()
    for kind, c, r in sorted(wrong, key=lambda w: w[1]["id"]):
        print(f"{kind:<15} {c['id']:<32} steps={','.join(r['steps'])} rules={','.join(r['rules']) or '-'}  {c['note']}")
PY
exit $status
