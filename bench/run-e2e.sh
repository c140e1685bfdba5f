#!/usr/bin/env bash
# End-to-end benchmark: publishes vanguard (JIT, ReadyToRun and, with --aot, Native AOT), then times 1,000 sequential
# `echo` calls of the official TypeScript SDK client against server-everything directly and through `vanguard start`,
# plus start-up time and vanguard's idle RSS. Prints a Markdown summary; JSON goes to artifacts/bench/e2e.json.
#
#   bash bench/run-e2e.sh [--aot] [--no-publish] [-- extra e2e.mjs arguments, e.g. --rounds 5 --calls 1000 --perf]
#   bash bench/run-e2e.sh --binary base=/tmp/base/vanguard --binary branch=artifacts/bench/aot/vanguard [-- ...]
#
# --binary LABEL=PATH (repeatable) measures already built vanguard binaries (a Native AOT `vanguard` or a `vanguard.dll`)
# instead of publishing: compare two builds in the same run, alternated round by round, beside the naive Node relay.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

aot=0
publish=1
extra=()
binaries=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --aot) aot=1 ;;
        --no-publish) publish=0 ;;
        --binary)
            shift
            [[ "${1:-}" == *=* ]] || { echo "--binary wants LABEL=PATH" >&2; exit 2; }
            bin_path="${1#*=}"
            [[ -f "$bin_path" ]] || { echo "no vanguard binary at $bin_path" >&2; exit 2; }
            if [[ "$bin_path" == *.dll ]]; then binaries+=(--vanguard "${1%%=*}=dotnet $bin_path"); else binaries+=(--vanguard "${1%%=*}=$bin_path"); fi
            publish=0 ;;
        --) shift; extra=("$@"); break ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

out="$repo_root/artifacts/bench"
mkdir -p "$out"

# The SDK client and server-everything, project-local in tests/node (a no-op when already installed).
bash scripts/install-test-deps.sh >&2

rid="linux-x64"
if [[ $publish -eq 1 ]]; then
    echo "[run-e2e] publishing (JIT) ..." >&2
    dotnet publish src/McpVanguard.Cli -c Release -o "$out/jit" -nologo -v q
    echo "[run-e2e] publishing (ReadyToRun) ..." >&2
    dotnet publish src/McpVanguard.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" -nologo -v q
    if [[ $aot -eq 1 ]]; then
        echo "[run-e2e] publishing (Native AOT) ..." >&2
        # The AOT toolchain wants `clang`; Debian ships it as clang-NN. Warnings are not errors here: the single-file
        # analyser flags Assembly.Location in src/McpVanguard.Demo (IL3000), which fails the build otherwise.
        cc="$(command -v clang || ls /usr/bin/clang-[0-9]* 2>/dev/null | sort -V | tail -n 1 || true)"
        if ! dotnet publish src/McpVanguard.Cli -c Release -r "$rid" -p:PublishAot=true ${cc:+-p:CppCompilerAndLinker="$cc"} \
                -p:TreatWarningsAsErrors=false -o "$out/aot" -nologo > "$out/aot-publish.log" 2>&1; then
            echo "[run-e2e] Native AOT publish failed; see $out/aot-publish.log" >&2
            aot=0
        fi
        grep -oE "warning IL[0-9]+" "$out/aot-publish.log" | sort | uniq -c >&2 || true
    fi
fi

# naive-node is the control: a zero-inspection pass-through relay in Node, the floor any relay process adds.
targets=(--vanguard "naive-node=node bench/e2e/naive-relay.mjs")
if [[ ${#binaries[@]} -gt 0 ]]; then
    targets+=("${binaries[@]}")
else
    targets+=(--vanguard "jit=dotnet $out/jit/vanguard.dll" --vanguard "r2r=dotnet $out/r2r/vanguard.dll")
fi
if [[ ${#binaries[@]} -eq 0 && $aot -eq 1 && -x "$out/aot/vanguard" ]]; then
    targets+=(--vanguard "aot=$out/aot/vanguard")
fi

echo "[run-e2e] $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), node $(node --version), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
node bench/e2e/e2e.mjs "${targets[@]}" --json "$out/e2e.json" "${extra[@]}"
echo "[run-e2e] load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
