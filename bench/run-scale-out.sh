#!/usr/bin/env bash
# Throughput of 1, 2 and 3 `vanguard serve` instances on one redis-server behind nginx (the shipped
# deploy/compose/nginx-vanguard.conf), all on loopback: each of W client workers opens a session
# through nginx and calls the echo tool of tests/node/fixtures/read-then-fetch.js for D seconds.
# Usage: bench/run-scale-out.sh [duration_s=10] [workers=8]. Needs redis-server, nginx, python3, node.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-10}"; workers="${2:-8}"
dll="$root/src/McpVanguard.Cli/bin/Release/net10.0/vanguard.dll"
work="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

rport=$(port)
redis-server --port "$rport" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >/dev/null 2>&1 & pids+=($!)
export BENCH_KEY=bench-key-0123456789abcdef

for n in 1 2 3; do
    ports=()
    for route in a b c; do
        [[ ${#ports[@]} -lt $n ]] || break
        p=$(port); ports+=("$p")
        cat > "$work/$route.yaml" <<YAML
gateway: {session_route: $route, max_sessions: 1000}
state: {redis: "redis://127.0.0.1:$rport/0", key_prefix: "bench$n"}
auth: {api_keys: [{name: bench, key_env: BENCH_KEY}]}
YAML
        dotnet "$dll" serve --config "$work/$route.yaml" --port "$p" --audit-log "$work/$route-audit.jsonl" --pins-file "$work/$route-pins.json" \
            --server "node $root/tests/node/fixtures/read-then-fetch.js" 2>"$work/$route.log" & pids+=($!)
    done
    # Missing instances map to the first one, as in the tests.
    a=${ports[0]}; b=${ports[1]:-$a}; c=${ports[2]:-$a}
    nport=$(port); mkdir -p "$work/nginx$n"
    site=$(sed -e "s/gateway-a:8080/127.0.0.1:$a/g" -e "s/gateway-b:8080/127.0.0.1:$b/g" -e "s/gateway-c:8080/127.0.0.1:$c/g" -e "s/listen 8080;/listen 127.0.0.1:$nport;/" "$root/deploy/compose/nginx-vanguard.conf")
    d="$work/nginx$n"
    printf 'worker_processes 1;\ndaemon off;\npid %s/nginx.pid;\nerror_log %s/error.log warn;\nevents { worker_connections 1024; }\nhttp {\naccess_log off;\nclient_body_temp_path %s/b; proxy_temp_path %s/p; fastcgi_temp_path %s/f; uwsgi_temp_path %s/u; scgi_temp_path %s/s;\n%s\n}\n' "$d" "$d" "$d" "$d" "$d" "$d" "$d" "$site" > "$d/nginx.conf"
    nginx -p "$d" -c "$d/nginx.conf" -e "$d/error.log" & npid=$!; pids+=($npid)
    for p in "${ports[@]}"; do until curl -sf "http://127.0.0.1:$p/readyz" >/dev/null; do sleep 0.2; done; done
    python3 - "$nport" "$duration" "$workers" "$n" <<'PY'
import http.client, json, sys, threading, time
port, duration, workers, n = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
key = "bench-key-0123456789abcdef"
H = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream", "X-API-Key": key}
counts, lat = [0] * workers, [[] for _ in range(workers)]
def post(c, body, sid=None):
    h = dict(H)
    if sid: h["Mcp-Session-Id"] = sid
    c.request("POST", "/mcp", json.dumps(body), h); r = c.getresponse(); r.read(); return r
def work(i):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    r = post(c, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
    sid = r.getheader("Mcp-Session-Id"); post(c, {"jsonrpc": "2.0", "method": "notifications/initialized"}, sid)
    end, k = time.time() + duration, 2
    while time.time() < end:
        t = time.perf_counter(); r = post(c, {"jsonrpc": "2.0", "id": k, "method": "tools/call", "params": {"name": "echo", "arguments": {"message": "x"}}}, sid)
        if r.status == 200: counts[i] += 1; lat[i].append((time.perf_counter() - t) * 1000)
        k += 1
ts = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
[t.start() for t in ts]; [t.join() for t in ts]
all_l = sorted(x for l in lat for x in l)
print(f"{n} instance(s): {sum(counts) / duration:.0f} calls/s, p50 {all_l[len(all_l) // 2]:.1f} ms, p99 {all_l[len(all_l) * 99 // 100]:.1f} ms ({sum(counts)} calls, {workers} workers)")
PY
    kill -TERM "$npid"; for p in "${pids[@]:1}"; do kill -TERM "$p" 2>/dev/null || true; done; wait "${pids[@]:1}" 2>/dev/null || true
    pids=("${pids[@]:0:1}")
done
