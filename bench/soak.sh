#!/usr/bin/env bash
# The gateway soak (issue 15): SESSIONS sessions (default 10,000) through a real `vanguard serve` in front of the bundled
# demo server; descriptors, threads, RSS, GC heap (dotnet-counters, a local tool) and child processes are sampled before,
# during and after, and the run fails when descriptors, threads or children do not come back to the baseline.
#   bash bench/soak.sh [--no-build] [soak.py options: --sessions N --workers W --calls C --abandon-every K --share --json FILE]
# Not part of the default suite (tests/McpVanguard.Gateway.Tests has the small version). Figures: docs/BENCHMARKS.md.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
if [[ "${1:-}" == "--no-build" ]]; then
  shift
else
  dotnet build src/McpVanguard.Cli -c Release -v q -nologo >&2
fi
dotnet tool restore >/dev/null
echo "[soak] $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec python3 bench/soak/soak.py --vanguard "$repo_root/src/McpVanguard.Cli/bin/Release/net10.0/vanguard.dll" "$@"
