#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance, active server scenarios) against our
# conformance target (tests/McpVanguard.ConformanceServer), first directly over Streamable HTTP, then through
# `vanguard serve` wrapping the target as a stdio child per session, then through `vanguard serve --upstream-url`
# in front of the target's HTTP endpoint. Prints `direct: N passed`, `gateway: M passed` (and `gateway-remote: K
# passed`) with the failing scenarios of each, and exits non-zero if any scenario that passes directly fails through
# a gateway mode (or if a mode could not run).
#
#   scripts/conformance.sh [--direct-only] [--no-build] [--no-remote] [--scenario NAME]
#
# Everything it starts listens on 127.0.0.1 only and is stopped on exit. Raw suite output: artifacts/conformance/.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

direct_only=0
build=1
remote=1
scenario_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --direct-only) direct_only=1 ;;
        --no-build) build=0 ;;
        --no-remote) remote=0 ;;
        --scenario) scenario_args=(--scenario "$2"); shift ;;
        *) echo "conformance: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

suite_dir="$repo_root/tests/conformance"
out="$repo_root/artifacts/conformance"
mkdir -p "$out"
rm -f "$out"/*.txt "$out"/*.log

# --- install the suite and the Node 22 it needs, project-locally (a no-op when the lock is unchanged) -----------------
bash "$repo_root/scripts/install-conformance-deps.sh" >&2
node22="$suite_dir/node_modules/.bin/node"
suite="$suite_dir/node_modules/@modelcontextprotocol/conformance/dist/index.js"
"$node22" --version >/dev/null

# --- build the target and vanguard (Release) ----------------------------------------------------------------------
target_dll="$repo_root/tests/McpVanguard.ConformanceServer/bin/Release/net10.0/McpVanguard.ConformanceServer.dll"
vanguard_dll="$repo_root/src/McpVanguard.Cli/bin/Release/net10.0/vanguard.dll"
if [[ $build -eq 1 ]]; then
    echo "[conformance] building the target and vanguard (Release)" >&2
    dotnet build tests/McpVanguard.ConformanceServer -c Release -v q -nologo >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
    if [[ $direct_only -eq 0 ]]; then
        dotnet build src/McpVanguard.Cli -c Release -v q -nologo >>"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
    fi
fi

# --- process bookkeeping: everything started here is stopped by PID on exit ----------------------------------------
pids=()
stop_all() {
    local pid
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        # Give a gateway time to end its session children, then make sure.
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    pids=()
}
trap stop_all EXIT

free_port() {
    "$node22" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Waits until something accepts TCP connections on 127.0.0.1:$1 (or the process $2 died), at most 30 s.
wait_for_port() {
    local port="$1" pid="$2"
    for _ in $(seq 1 300); do
        if ! kill -0 "$pid" 2>/dev/null; then return 1; fi
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    return 1
}

start_target_http() {
    local port="$1" log="$2"
    dotnet "$target_dll" --http --port "$port" >"$log" 2>&1 &
    pids+=($!)
    wait_for_port "$port" "$!" || { echo "[conformance] the target did not start; see $log" >&2; return 1; }
}

# Runs the suite against $2 and leaves its output in $out/$1.txt; the SUMMARY lines are parsed afterwards.
run_suite() {
    local label="$1" url="$2"
    echo "[conformance] $label: running the suite against $url" >&2
    "$node22" "$suite" server --url "$url" "${scenario_args[@]}" >"$out/$label.txt" 2>&1 || true
}

# The scenarios that ran and had no failed check, one a line. Each summary line is "✓ NAME: N passed, M failed".
passed_scenarios() { grep -E '^✓ [^ ]+: [0-9]+ passed, 0 failed' "$out/$1.txt" | sed -E 's/^✓ ([^:]+):.*/\1/' | sort || true; }
failed_scenarios() { grep -E '^✗ [^ ]+: ' "$out/$1.txt" | sed -E 's/^✗ ([^:]+):.*/\1/' | sort || true; }

# With --scenario the suite prints no summary, only "Passed: x/y, z failed": turn that into the same form.
normalise_single() {
    local label="$1" name="${scenario_args[1]}"
    if ! grep -q '=== SUMMARY ===' "$out/$label.txt"; then
        if grep -qE '^Passed: [0-9]+/[0-9]+, 0 failed' "$out/$label.txt"; then
            printf '✓ %s: 1 passed, 0 failed\n' "$name" >>"$out/$label.txt"
        else
            printf '✗ %s: 0 passed, 1 failed\n' "$name" >>"$out/$label.txt"
        fi
    fi
}

report() {
    local label="$1" passed failed
    [[ ${#scenario_args[@]} -gt 0 ]] && normalise_single "$label"
    passed="$(passed_scenarios "$label" | grep -c . || true)"
    failed="$(failed_scenarios "$label")"
    echo "$label: $passed passed"
    if [[ -n "$failed" ]]; then
        echo "$failed" | sed "s/^/  $label FAILED: /"
    fi
}

# --- 1. directly against the target over Streamable HTTP ------------------------------------------------------------
target_port="$(free_port)"
start_target_http "$target_port" "$out/target-direct.log"
run_suite direct "http://127.0.0.1:$target_port/mcp"
report direct
direct_passed="$(passed_scenarios direct)"
if [[ -z "$direct_passed" ]]; then
    echo "[conformance] no scenario passed directly; see $out/direct.txt" >&2
    exit 1
fi
if [[ $direct_only -eq 1 ]]; then
    exit 0
fi

status=0
# Scenarios that pass directly but not through the gateway mode $1 are the regressions this script exists to catch.
compare() {
    local label="$1" regressions
    regressions="$(comm -23 <(echo "$direct_passed") <(passed_scenarios "$label"))"
    if [[ -n "$regressions" ]]; then
        echo "$regressions" | sed "s/^/  $label REGRESSION (passes directly): /"
        status=1
    fi
}

start_gateway() {
    local label="$1" port="$2"
    shift 2
    dotnet "$vanguard_dll" serve --host 127.0.0.1 --port "$port" "$@" >"$out/vanguard-$label.log" 2>&1 &
    pids+=($!)
    if ! wait_for_port "$port" "$!"; then
        echo "$label: 0 passed"
        echo "  $label FAILED: vanguard serve did not start (see $out/vanguard-$label.log)"
        status=1
        return 1
    fi
}

# --- 2. through `vanguard serve` with the target as a stdio child per session ---------------------------------------
gateway_port="$(free_port)"
if start_gateway gateway "$gateway_port" --server "dotnet $target_dll"; then
    run_suite gateway "http://127.0.0.1:$gateway_port/mcp"
    report gateway
    compare gateway
fi

# --- 3. through `vanguard serve --upstream-url` in front of the target's own HTTP endpoint -------------------------
if [[ $remote -eq 1 ]]; then
    remote_port="$(free_port)"
    if start_gateway gateway-remote "$remote_port" --upstream-url "http://127.0.0.1:$target_port/mcp"; then
        run_suite gateway-remote "http://127.0.0.1:$remote_port/mcp"
        report gateway-remote
        compare gateway-remote
    fi
fi

exit $status
