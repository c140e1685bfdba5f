#!/usr/bin/env python3
"""Where one forwarded call's time goes on its critical path, stage by stage, for any stdio relay invoked like vanguard
(`RELAY start -- SERVER...`): vanguard, or the naive Node relay of the issue's harness for comparison.

A Python client drives the relay over pipes (initialize, WARMUP echo calls to server-everything, then CALLS timed calls)
while `perf record` traces the system calls that move each message (read returns, write/writev entries) of the client,
the relay and the server. Each call is cut into its stages from those timestamps:

    client write ─wake→ relay read ─inspect→ relay write ─server→ server write ─wake→ relay read ─inspect→ relay write ─wake→ client read

`relay request` and `relay response` are the relay's own time on the path (read returned → write entered: parsing,
inspection, bookkeeping); the `wake` stages are the kernel's (pipe write → the blocked reader running again). Medians
and p90 over the timed calls, in µs. Tracepoints cost about a microsecond per event: compare relays in the same run.

    python3 bench/hop-trace.py --relay /tmp/aot/vanguard --relay 'node bench/e2e/naive-relay.mjs' --calls 2000
    python3 bench/hop-trace.py --relay 'node bench/e2e/naive-relay.mjs' --server-prefix /usr/bin/setsid   # server in its own session
    python3 bench/hop-trace.py --relay A --relay B --config-text 'audit:\\n  allows: true'     # every call audited
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
import time

SERVER = ["node", "tests/node/node_modules/@modelcontextprotocol/server-everything/dist/index.js", "stdio"]
EVENTS = "syscalls:sys_exit_read,syscalls:sys_enter_write,syscalls:sys_enter_writev"
LINE = re.compile(r"^\s*(?P<comm>.+?)\s+(?P<tid>\d+)\s+\[\d+\]\s+(?P<ts>\d+\.\d+):\s+syscalls:(?P<event>\w+):\s*(?P<rest>.*)$")


def descendants(pid: int) -> list:
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if ppid == parent:
                found.append(int(entry))
                frontier.append(int(entry))
    return found


def tids(pid: int) -> set:
    try:
        return {int(t) for t in os.listdir(f"/proc/{pid}/task")}
    except OSError:
        return set()


def run(relay: str, calls: int, warmup: int, scratch: str, config_text: str = "", server_prefix: str = "") -> dict:
    config = os.path.join(scratch, "vanguard.yaml")
    with open(config, "w") as f:
        f.write("# hop-trace: built-in defaults\n" + config_text.replace("\\n", "\n") + "\n")
    extra = [] if "naive-relay" in relay else ["--config", config, "--audit-log", os.path.join(scratch, "a.jsonl"),
                                              "--pins-file", os.path.join(scratch, "p.json")]
    process = subprocess.Popen(relay.split() + ["start"] + extra + ["--"] + server_prefix.split() + SERVER, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    next_id = 0

    def send(message: dict) -> None:
        process.stdin.write((json.dumps(message, separators=(",", ":")) + "\n").encode())
        process.stdin.flush()

    def answer(request_id) -> None:
        while True:
            line = process.stdout.readline()
            if not line:
                raise SystemExit(f"{relay} closed its stdout")
            message = json.loads(line)
            if message.get("id") == request_id:
                if "error" in message:
                    raise SystemExit(f"refused: {message}")
                return

    def call() -> None:
        nonlocal next_id
        next_id += 1
        send({"jsonrpc": "2.0", "id": next_id, "method": "tools/call",
              "params": {"name": "echo", "arguments": {"message": f"hello {next_id}"}}})
        answer(next_id)

    send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "hop-trace", "version": "1"}}})
    answer(0)
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    for _ in range(warmup):
        call()

    relay_tids = tids(process.pid)
    server_pids = descendants(process.pid)
    server_tids = set().union(*(tids(p) for p in server_pids)) if server_pids else set()
    # A relay such as `node naive-relay.mjs` is itself the node child of nothing: its server is its descendant.
    pids = [os.getpid(), process.pid] + server_pids
    data = os.path.join(scratch, "hop.data")
    tracer = subprocess.Popen(["perf", "record", "-q", "-e", EVENTS, "-p", ",".join(map(str, pids)), "-o", data],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    started = time.perf_counter()
    for _ in range(calls):
        call()
    wall = (time.perf_counter() - started) / calls * 1e6
    tracer.send_signal(2)
    tracer.wait(timeout=60)
    process.stdin.close()
    process.wait(timeout=30)
    script = subprocess.run(["perf", "script", "-i", data, "-F", "comm,tid,cpu,time,event,trace"], capture_output=True,
                            text=True).stdout
    return stages(script, os.getpid(), relay_tids, server_tids, wall)


def stages(script: str, client: int, relay: set, server: set, wall: float) -> dict:
    """Walks the events in time order through the eight points of each call (see the module's doc)."""
    names = ["wake to relay", "relay request", "server", "wake to relay (answer)", "relay response", "wake to client"]
    samples = {n: [] for n in names}
    point, marks = 0, []
    for line in script.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        tid, ts, event, rest = int(m["tid"]), float(m["ts"]) * 1e6, m["event"], m["rest"]
        is_write = event.startswith("sys_enter_write")
        is_read = event == "sys_exit_read" and int(rest.split()[-1], 16) > 0 and int(rest.split()[-1], 16) < 1 << 62
        who = "client" if tid == client else "relay" if tid in relay else "server" if tid in server else None
        expected = [("client", "w"), ("relay", "r"), ("relay", "w"), ("server", "w"), ("relay", "r"), ("relay", "w"), ("client", "r")]
        kind = "w" if is_write else "r" if is_read else None
        if who is None or kind is None:
            continue
        if (who, kind) == ("client", "w"):
            point, marks = 1, [ts]
            continue
        if point == 0 or (who, kind) != expected[point]:
            continue
        marks.append(ts)
        point += 1
        if point == len(expected):
            for i, n in enumerate(names):
                samples[n].append(marks[i + 1] - marks[i])
            point, marks = 0, []
    result = {"calls_traced": len(samples[names[0]]), "wall_us_per_call": round(wall, 1)}
    for n in names:
        values = sorted(samples[n])
        if values:
            result[n] = {"p50": round(statistics.median(values), 1), "p90": round(values[int(len(values) * 0.9)], 1)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relay", action="append", required=True, help="a relay command ('vanguard' path, or 'node bench/e2e/naive-relay.mjs')")
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1, help="relays alternated this many times")
    parser.add_argument("--server-prefix", default="", help="run the server under this command, e.g. '/usr/bin/setsid' (a session of its own, as vanguard's guard starts it)")
    parser.add_argument("--config-text", default="", help="vanguard configuration, e.g. 'audit:\\n  allows: true' (\\n for newlines)")
    options = parser.parse_args()
    out = {}
    for r in range(options.rounds):
        for relay in options.relay:
            with tempfile.TemporaryDirectory(prefix="hop-trace-") as scratch:
                res = run(relay, options.calls, options.warmup, scratch, options.config_text, options.server_prefix)
            with open("/proc/loadavg") as f:
                res["load"] = float(f.read().split()[0])
            out.setdefault(relay, []).append(res)
            print(json.dumps({"relay": relay, "round": r + 1, **res}), flush=True)


if __name__ == "__main__":
    main()
