#!/usr/bin/env bash
# L1 alone vs L1+L2 (embedded) on the paraphrase set, through `vanguard replay` exactly as `start` composes the engine.
# Usage: eval/paraphrase/measure.sh [path of vanguard-full]   (default: the Release build of src/McpVanguard.Full)
# The L2 runs use a 60 s deadline so that the model's first load (seconds on a loaded machine) is not scored as a
# timeout; everything else is the default configuration. The curve runs set the threshold near 0 under `monitor`
# (nothing is withheld, so every message the cascade selects reports its score) and are read by measure.py.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-$root/src/McpVanguard.Full/bin/Release/net10.0/vanguard-full}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for scope in uncertain all; do
  printf 'semantic:\n  timeout_ms: 60000\n  scope: %s\n' "$scope" > "$out/ship-$scope.yaml"
  printf 'semantic:\n  timeout_ms: 60000\n  scope: %s\n  threshold: 0.0001\n' "$scope" > "$out/curve-$scope.yaml"
done
run() { "$bin" replay "$1" --json --audit-log "$out/audit.log" --pins-file "$out/pins.json" "${@:2}"; }
for set in attacks benign; do
  VANGUARD_SEMANTIC_ENABLED=false run "$here/$set.jsonl" > "$out/l1-$set.json"
  for scope in uncertain all; do
    run "$here/$set.jsonl" --config "$out/ship-$scope.yaml" > "$out/ship-$scope-$set.json"
    run "$here/$set.jsonl" --config "$out/curve-$scope.yaml" --profile monitor > "$out/curve-$scope-$set.json"
  done
done
for scope in uncertain all; do
  echo "## scope: $scope"
  for set in attacks benign; do
    python3 - "$out/ship-$scope-$set.json" "$set" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
print(f"replay at the shipped threshold, {sys.argv[2]}: {sum(r['verdict'] == 'block' for r in rows)}/{len(rows)} blocked, "
      f"{sum('L2-001' in r['rules'] for r in rows)} with L2-001, {sum('L2-002' in r['rules'] for r in rows)} with L2-002")
PY
  done
  python3 "$here/measure.py" "$out/l1-attacks.json" "$out/l1-benign.json" "$out/curve-$scope-attacks.json" "$out/curve-$scope-benign.json" --shipped "${SHIPPED:-0.84}"
done
