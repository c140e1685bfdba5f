#!/usr/bin/env bash
# Gateway vs bridges: the TypeScript SDK client over Streamable HTTP through `vanguard serve` (Release build, full
# inspection, API-key auth on, audit on), supergateway (stateful) and mcp-proxy, each in front of the same
# server-everything as a stdio child, one gateway after the other on free loopback ports. Prints a Markdown table
# (sequential p50/p95/p99, concurrent calls/s and p99, RSS idle and per idle session) and writes the raw JSON to
# bench/results/gateway-<UTC time>.json.
#
# "vanguard-shared" is the same vanguard with server-everything declared stateless (servers[].share: true, pool_size 2),
# so that its sessions are multiplexed onto two children as mcp-proxy multiplexes them onto one.
#
#   bash bench/run-gateway.sh [--no-build] [--only vanguard,vanguard-shared,supergateway,mcp-proxy] [-- gateway-bench.mjs options,
#        e.g. --calls 1000 --sessions 20 --per-session 200 --idle-sessions 10]
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

build=1
only="vanguard,vanguard-shared,supergateway,mcp-proxy"
extra=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) build=0 ;;
        --only) only="$2"; shift ;;
        --) shift; extra=("$@"); break ;;
        *) echo "run-gateway: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

bench_dir="$repo_root/bench/gateway"
results="$repo_root/bench/results"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$results"

# The bridges, the SDK client and server-everything, project-local (a no-op when the lock is unchanged).
stamp="$bench_dir/node_modules/.vanguard-lock.sha256"
lock_hash="$(sha256sum "$bench_dir/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
    echo "[run-gateway] installing supergateway, mcp-proxy, the SDK and server-everything into bench/gateway" >&2
    (cd "$bench_dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_hash" > "$stamp"
fi

if [[ $build -eq 1 ]]; then
    echo "[run-gateway] building vanguard (Release)" >&2
    dotnet build src/McpVanguard.Cli -c Release -v q -nologo >&2
fi
vanguard_dll="$repo_root/src/McpVanguard.Cli/bin/Release/net10.0/vanguard.dll"

node_bin="$(command -v node)"
server="$bench_dir/node_modules/@modelcontextprotocol/server-everything/dist/index.js"
supergateway="$bench_dir/node_modules/supergateway/dist/index.js"
mcp_proxy="$bench_dir/node_modules/mcp-proxy/dist/bin/mcp-proxy.mjs"
# A throw-away key for this run only; vanguard reads it from VANGUARD_API_KEY, the client sends it as a bearer token.
api_key="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# The shared variant's servers: section (the same server command line, declared stateless).
cat > "$work/shared.yaml" <<YAML
servers:
  - id: everything
    command: $node_bin $server stdio
    share: true
    pool_size: 2
YAML

# The targets file the harness reads: one entry a gateway, "{port}" filled in by the harness.
VANGUARD_DLL="$vanguard_dll" NODE_BIN="$node_bin" SERVER="$server" SUPERGATEWAY="$supergateway" MCP_PROXY="$mcp_proxy" \
API_KEY="$api_key" AUDIT="$work/audit.jsonl" SHARED_CONFIG="$work/shared.yaml" ONLY="$only" node -e '
const e = process.env, server = `${e.NODE_BIN} ${e.SERVER} stdio`;
const all = {
  vanguard: { label: "vanguard", path: "/mcp",
    command: ["dotnet", e.VANGUARD_DLL, "serve", "--host", "127.0.0.1", "--port", "{port}", "--server", server],
    env: { VANGUARD_API_KEY: e.API_KEY, VANGUARD_AUDIT_LOG: e.AUDIT },
    headers: { Authorization: `Bearer ${e.API_KEY}` } },
  "vanguard-shared": { label: "vanguard (share)", path: "/mcp",
    command: ["dotnet", e.VANGUARD_DLL, "serve", "--host", "127.0.0.1", "--port", "{port}", "--config", e.SHARED_CONFIG],
    env: { VANGUARD_API_KEY: e.API_KEY, VANGUARD_AUDIT_LOG: e.AUDIT },
    headers: { Authorization: `Bearer ${e.API_KEY}` } },
  supergateway: { label: "supergateway", path: "/mcp",
    command: [e.NODE_BIN, e.SUPERGATEWAY, "--stdio", server, "--outputTransport", "streamableHttp", "--stateful",
              "--port", "{port}", "--logLevel", "none"] },
  "mcp-proxy": { label: "mcp-proxy", path: "/mcp",
    command: [e.NODE_BIN, e.MCP_PROXY, "--host", "127.0.0.1", "--port", "{port}", "--", e.NODE_BIN, e.SERVER, "stdio"] },
};
const chosen = e.ONLY.split(",").map((s) => s.trim()).filter(Boolean).map((k) => {
  if (!all[k]) throw new Error(`unknown gateway ${k}`);
  return all[k];
});
require("fs").writeFileSync(process.argv[1], JSON.stringify(chosen, null, 2));
' "$work/targets.json"

stamp_utc="$(date -u +%Y%m%dT%H%M%SZ)"
echo "[run-gateway] $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), node $(node --version), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
node "$bench_dir/gateway-bench.mjs" --targets "$work/targets.json" --json "$results/gateway-$stamp_utc.json" "${extra[@]}" \
    | tee "$results/gateway-$stamp_utc.md"
echo "[run-gateway] load after: $(cut -d' ' -f1-3 /proc/loadavg); raw results in bench/results/gateway-$stamp_utc.json" >&2
