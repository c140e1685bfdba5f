#!/usr/bin/env bash
# Replays every blind11 file under --profile balanced --json and prints, per class, recall (attacks blocked)
# and false positives (look-alikes blocked), plus totals. Measures the built-in defaults: an empty --config, so no
# user vanguard.yaml, rules directory or override changes a verdict.
#
#   eval/blind11/score.sh              # per-class totals only
#   eval/blind11/score.sh --misses     # also list every missed attack and every blocked look-alike
#   VANGUARD_DLL=/path/to/vanguard.dll eval/blind11/score.sh
#
# By default nobody tunes on this set: the lead decides who may see --misses.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DLL="${VANGUARD_DLL:-$ROOT/src/McpVanguard.Cli/bin/Release/net10.0/vanguard.dll}"
PROFILE="${PROFILE:-balanced}"
MISSES=0
for a in "$@"; do
  case "$a" in
    --misses) MISSES=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option: $a (use --misses)" >&2; exit 2 ;;
  esac
done
[ -f "$DLL" ] || { echo "vanguard dll not found: $DLL (build: dotnet build src/McpVanguard.Cli -c Release, or set VANGUARD_DLL)" >&2; exit 2; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
: > "$TMP/empty.yaml"
export XDG_STATE_HOME="$TMP/state"   # keeps the replay's default audit and state files out of the user's directory

FAIL=0
for f in "$HERE"/*.jsonl; do
  name="$(basename "$f" .jsonl)"
  if ! dotnet "$DLL" replay "$f" --profile "$PROFILE" --json --config "$TMP/empty.yaml" \
       --audit-log "$TMP/audit-$name.jsonl" > "$TMP/$name.out" 2> "$TMP/$name.err"; then
    echo "replay failed for $name.jsonl:" >&2; cat "$TMP/$name.err" >&2; FAIL=1
  fi
done
[ "$FAIL" = 0 ] || exit 2

python3 - "$HERE" "$TMP" "$MISSES" "$PROFILE" "$DLL" <<'PY'
import json, os, sys
here, tmp, misses, profile, dll = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4], sys.argv[5]
rows, wrong = [], []
T = dict(att=0, caught=0, look=0, fp=0)
D = {d: dict(att=0, caught=0, look=0, fp=0) for d in ("a2s", "s2a", "session")}
for fn in sorted(os.listdir(here)):
    if not fn.endswith(".jsonl"):
        continue
    name = fn[:-6]
    cases = [json.loads(l) for l in open(os.path.join(here, fn), encoding="utf-8") if l.strip()]
    outs = [json.loads(l) for l in open(os.path.join(tmp, name + ".out"), encoding="utf-8") if l.strip()]
    byid = {o["id"]: o for o in outs}
    if len(byid) != len(cases):
        sys.exit(f"{fn}: {len(cases)} cases but {len(byid)} results")
    att = caught = look = fp = 0
    for c in cases:
        o = byid[c["id"]]
        blocked = o["verdict"] == "block"
        d = D[c.get("direction", "a2s")]
        if c["expect"] == "block":
            d["att"] += 1; d["caught"] += blocked
        else:
            d["look"] += 1; d["fp"] += blocked
        if c["expect"] == "block":
            att += 1; caught += blocked
            if not blocked: wrong.append(("miss", c, o))
        else:
            look += 1; fp += blocked
            if blocked: wrong.append(("false-positive", c, o))
    rows.append((name, att, caught, look, fp))
    T["att"] += att; T["caught"] += caught; T["look"] += look; T["fp"] += fp

def pct(n, d):
    return f"{100.0 * n / d:6.1f}%" if d else "     -"

print(f"blind11 under --profile {profile} ({dll})")
print(f"{'class':<20}{'attacks':>8}{'blocked':>8}{'recall':>9}{'look-alikes':>12}{'blocked':>8}{'FP rate':>9}")
for name, att, caught, look, fp in rows:
    print(f"{name:<20}{att:>8}{caught:>8}{pct(caught, att):>9}{look:>12}{fp:>8}{pct(fp, look):>9}")
print(f"{'total':<20}{T['att']:>8}{T['caught']:>8}{pct(T['caught'], T['att']):>9}{T['look']:>12}{T['fp']:>8}{pct(T['fp'], T['look']):>9}")
for name, d in (("agent->server", D["a2s"]), ("server->agent", D["s2a"]), ("whole sessions", D["session"])):
    print(f"{name:<20}{d['att']:>8}{d['caught']:>8}{pct(d['caught'], d['att']):>9}{d['look']:>12}{d['fp']:>8}{pct(d['fp'], d['look']):>9}")
if misses:
    print()
    for kind, c, o in wrong:
        print(f"{kind:<15} {c['id']:<14} {c['class']:<18} steps={','.join(o.get('steps', []))} rules={','.join(o.get('rules', []))}  # {c['note']}")
PY
