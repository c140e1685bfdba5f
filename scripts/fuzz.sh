#!/usr/bin/env bash
# Coverage-guided fuzzing of one target with SharpFuzz and AFL++ for MINUTES minutes (default 10):
#   bash scripts/fuzz.sh TARGET [MINUTES]      targets: message canonical http sse rules config shell url sql
# Builds fuzz/McpVanguard.Fuzz into artifacts/fuzz/bin, instruments McpVanguard.Core.dll and McpVanguard.Gateway.dll with the
# sharpfuzz local tool, runs afl-fuzz from fuzz/seeds/TARGET, then copies any crash or hang into fuzz/findings/TARGET/
# for triage (`dotnet artifacts/fuzz/bin/McpVanguard.Fuzz.dll replay TARGET FILE`). Never part of the default suite.
# Needs AFL++ (Debian: apt-get install afl++). Set FUZZ_PARALLEL=N to run N afl-fuzz instances (one main, N-1 secondary).
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

target="${1:?usage: scripts/fuzz.sh TARGET [MINUTES]}"
minutes="${2:-10}"
parallel="${FUZZ_PARALLEL:-1}"
seeds="fuzz/seeds/$target"
[[ -d "$seeds" ]] || { echo "no seeds for '$target' in $seeds (run: python3 scripts/fuzz-seeds.py)" >&2; exit 2; }
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }

bin="artifacts/fuzz/bin"
# Instrumenting twice corrupts an assembly: rebuild into a clean folder whenever the sources are newer than the marker.
# FUZZ_NO_BUILD=1 keeps the instrumented build as it is (a campaign of several targets while the sources are being edited).
if [[ "${FUZZ_NO_BUILD:-}" == 1 && -f "$bin/.instrumented" ]]; then
  :
elif [[ ! -f "$bin/.instrumented" ]] || [[ -n "$(find src/McpVanguard.Core src/McpVanguard.Gateway fuzz/McpVanguard.Fuzz -name '*.cs' -newer "$bin/.instrumented" -print -quit)" ]]; then
  rm -rf "$bin"
  dotnet tool restore >/dev/null
  dotnet publish fuzz/McpVanguard.Fuzz -c Release -o "$bin" -v q -nologo >/dev/null
  for assembly in McpVanguard.Core McpVanguard.Gateway; do
    dotnet sharpfuzz "$bin/$assembly.dll" >/dev/null
  done
  touch "$bin/.instrumented"
fi

out="artifacts/fuzz/$target"
mkdir -p "$out"
# The machine is shared: no CPU pinning, no frequency check; a .NET process needs no memory limit from AFL.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
# The first input also builds the engine (seconds); -t bounds every later one: a hang is an input slower than this.
timeout_ms="${FUZZ_TIMEOUT_MS:-10000}"
resume="-i $seeds"
[[ -d "$out/main/queue" ]] && resume="-i -"   # carry on from the last run's queue
pids=()
for ((i = 0; i < parallel; i++)); do
  role="-M main"; ((i > 0)) && role="-S secondary$i"
  # shellcheck disable=SC2086
  afl-fuzz $resume -o "$out" $role -t "$timeout_ms" -m none -V "$((minutes * 60))" -- dotnet "$bin/McpVanguard.Fuzz.dll" "$target" \
    >"$out/afl-$i.log" 2>&1 &
  pids+=("$!")
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=$?; done

findings="fuzz/findings/$target"
for kind in crashes hangs; do
  for file in "$out"/*/"$kind"/id:*; do
    [[ -f "$file" ]] || continue
    mkdir -p "$findings"
    cp "$file" "$findings/$kind-$(sha256sum "$file" | cut -c1-16)"
  done
done
for stats in "$out"/*/fuzzer_stats; do
  awk -F' *: *' '/^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|stability)/ {printf "%s=%s  ", $1, $2} END {print ""}' "$stats"
done
[[ $status -eq 0 ]] || { echo "afl-fuzz exited $status; see $out/afl-*.log" >&2; exit "$status"; }
