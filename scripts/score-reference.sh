#!/usr/bin/env bash
# Scores vanguard on the original project's public benchmark corpora (a peer's held-out suite):
# converts them to the replay format, then replays each file under the profile its cases assume.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source_dir="${1:-../shared/reference/mcpvanguard-benchmarks}"
out="artifacts/reference-corpus"
python3 scripts/convert-reference-benchmarks.py "$out" "$source_dir"/*.yaml >/dev/null
dotnet build src/McpVanguard.Cli -c Release -v q -nologo >/dev/null
for file in "$out"/*.jsonl; do
    profile=balanced
    # These two files state that their expectations are the strict profile's.
    case "$(basename "$file")" in layered_profile_matrix.jsonl|layered_strict_adversarial_cases.jsonl) profile=strict ;; esac
    printf '%-42s %-8s ' "$(basename "$file" .jsonl)" "$profile"
    dotnet src/McpVanguard.Cli/bin/Release/net10.0/vanguard.dll replay "$file" --profile "$profile" | tail -n 1
done
