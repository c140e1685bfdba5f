#!/usr/bin/env python3
"""What `vanguard start` spends per forwarded call, per thread: CPU (/proc/PID/task/TID/schedstat, in ns), and
optionally system calls (`strace -c -f`) or a `perf record -g` profile, over N sequential calls after a warm-up.

A Python client drives `VANGUARD start ... -- SERVER...` over pipes: `initialize`, `notifications/initialized`, WARMUP
calls, then CALLS timed calls (the demo server's `read_file` of README.md, or with --echo server-everything's `echo` of `hello N`).
The per-thread CPU is read just before and just after the timed calls; threads are grouped by name (`comm`), so the
figures compare between builds even though thread ids differ. The client's own CPU is not counted; the server child's
is shown for scale. Wall-clock p50 is printed alongside: on a loaded machine it is the scheduler's.

    python3 bench/relay-cost.py --vanguard /tmp/aot/vanguard -- /tmp/aot/vanguard demo-server --root /tmp/r/root
    python3 bench/relay-cost.py --echo --vanguard B -- node tests/node/node_modules/@modelcontextprotocol/server-everything/dist/index.js stdio
    python3 bench/relay-cost.py --strace /tmp/s.txt ...      # strace -c -f -p PID during the timed calls
    python3 bench/relay-cost.py --perf /tmp/p.data ...       # perf record -F 2000 -g -p PID during the timed calls
"""
import argparse
import json
import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time

def thread_cpu(pid: int) -> dict:
    """CPU nanoseconds per thread id (schedstat: the scheduler's own run time, not 10 ms ticks), with the thread's name."""
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                ns = int(f.read().split()[0])
        except OSError:
            continue
        threads[int(tid)] = (name, ns)
    return threads


def process_cpu(pid: int) -> int:
    """CPU nanoseconds of the whole process, threads that ended included (utime + stime, clock ticks)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1_000_000_000 // os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list:
    found = []
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                found.extend(int(p) for p in f.read().split())
        except OSError:
            pass
    return found


def descendants(pid: int) -> list:
    found = []
    for child in children(pid):
        found.append(child)
        found.extend(descendants(child))
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vanguard", required=True, help="the vanguard executable (or 'dotnet path/vanguard.dll')")
    parser.add_argument("--echo", action="store_true", help="call server-everything's echo instead of read_file")
    parser.add_argument("--same", action="store_true", help="echo the same message every time (a loop to L3)")
    parser.add_argument("--warmup", type=int, default=2000)
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--strace", help="write `strace -c -f` of the timed calls to this file")
    parser.add_argument("--perf", help="write `perf record -g` of the timed calls to this file")
    parser.add_argument("--extra", default="", help="more `vanguard start` options, space-separated")
    parser.add_argument("server", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    server = options.server[1:] if options.server[:1] == ["--"] else options.server
    scratch = tempfile.mkdtemp(prefix="relay-cost-")
    # An empty config of its own, as `bench latency --e2e` gives it: built-in defaults, never the user's settings.
    with open(os.path.join(scratch, "vanguard.yaml"), "w") as f:
        f.write("# relay-cost: built-in defaults\n")
    command = options.vanguard.split() + ["start", "--config", os.path.join(scratch, "vanguard.yaml"),
                                          "--audit-log", os.path.join(scratch, "a.jsonl"),
                                          "--pins-file", os.path.join(scratch, "p.json")] + options.extra.split() + ["--"] + server
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stderr_lines = []
    threading.Thread(target=lambda: [stderr_lines.append(line) for line in process.stderr], daemon=True).start()

    def send(message: dict) -> None:
        process.stdin.write((json.dumps(message, separators=(",", ":")) + "\n").encode())
        process.stdin.flush()

    def answer(request_id) -> dict:
        while True:
            line = process.stdout.readline()
            if not line:
                raise SystemExit(f"closed its stdout before answering {request_id}: {b''.join(stderr_lines).decode()}")
            message = json.loads(line)
            if message.get("id") == request_id and ("result" in message or "error" in message):
                if "error" in message or message["result"].get("isError"):
                    raise SystemExit(f"refused: {message}")
                return message

    send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "relay-cost", "version": "1"}}})
    answer(0)
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    next_id = 1

    def call() -> None:
        nonlocal next_id
        # echo carries a different message each time, as the harness does (bench/e2e/e2e.mjs): the same call
        # repeated is a loop to L3 (BEH-008, a warn per call), which --same measures on purpose.
        name, arguments = ("echo", {"message": "hello" if options.same else f"hello {next_id}"}) if options.echo \
            else ("read_file", {"path": "README.md"})
        send({"jsonrpc": "2.0", "id": next_id, "method": "tools/call", "params": {"name": name, "arguments": arguments}})
        answer(next_id)
        next_id += 1

    for _ in range(options.warmup):
        call()

    tracer = None
    if options.strace:
        tracer = subprocess.Popen(["strace", "-c", "-f", "-p", str(process.pid), "-o", options.strace],
                                  stderr=subprocess.DEVNULL)
        time.sleep(1.0)
    elif options.perf:
        tracer = subprocess.Popen(["perf", "record", "-F", "2000", "-g", "-p", str(process.pid), "-o", options.perf],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)

    kids = descendants(process.pid)
    before = thread_cpu(process.pid)
    before_total = process_cpu(process.pid)
    before_kids = sum(process_cpu(k) for k in kids if os.path.exists(f"/proc/{k}"))
    samples = []
    for _ in range(options.calls):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    after = thread_cpu(process.pid)
    after_total = process_cpu(process.pid)
    after_kids = sum(process_cpu(k) for k in kids if os.path.exists(f"/proc/{k}"))

    if tracer is not None:
        tracer.send_signal(signal.SIGINT)
        tracer.wait(timeout=60)

    per_call = lambda ns: ns / 1000 / options.calls  # noqa: E731
    by_name = {}
    for tid, (tname, ns) in after.items():
        start = before.get(tid, (tname, 0))[1]
        if ns - start > 0:
            by_name[f"{tname} [{tid}]"] = ns - start
    rows = sorted(by_name.items(), key=lambda kv: -kv[1])
    report = {
        "calls": options.calls,
        "vanguard_cpu_us_per_call": round(per_call(after_total - before_total), 1),
        "server_cpu_us_per_call": round(per_call(after_kids - before_kids), 1),
        "threads_cpu_us_per_call": {tname: round(per_call(ns), 1) for tname, ns in rows},
        "thread_count": len(after),
        "p50_ms": round(statistics.median(samples), 3),
        "load": os.getloadavg()[0],
    }
    process.stdin.close()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
    audit = os.path.join(scratch, "a.jsonl")
    report["audit_lines"] = sum(1 for _ in open(audit)) if os.path.exists(audit) else 0
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
