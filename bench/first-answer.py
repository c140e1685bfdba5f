#!/usr/bin/env python3
"""Spawn to first answer, with CPU time: runs SERVER... alone and behind `VANGUARD start`, alternating, RUNS times each.
For every run it sends `initialize`, `notifications/initialized` and one `tools/call` (the demo server's `read_file` of
README.md, or with --echo server-everything's `echo`), and records the wall time from spawn to each answer and the CPU
time (utime + stime of /proc/PID/stat) the spawned process itself had used when the call was answered. Behind vanguard
that is vanguard's own CPU, not the server child's. One JSON line per run, then the medians.

    python3 bench/first-answer.py --runs 7 --vanguard /tmp/rel/vanguard-0.2.0-linux-x64 -- SERVER...

On a loaded machine the wall figures are the scheduler's; the CPU column is the one to compare between builds.
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import threading
import time

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICKS


def thread_cpu_ms(pid: int) -> dict:
    """CPU per thread name (utime + stime of /proc/PID/task/TID/stat), summed over threads of the same name."""
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                head, tail = f.read().rsplit(")", 1)
        except OSError:
            continue
        name = head.split("(", 1)[1]
        fields = tail.split()
        threads[name] = threads.get(name, 0) + (int(fields[11]) + int(fields[12])) * 1000 / TICKS
    return {name: round(ms, 1) for name, ms in sorted(threads.items(), key=lambda t: -t[1]) if ms > 0}


def run(command, echo: bool, threads: bool = False) -> dict:
    started = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()

    def send(message: dict) -> None:
        process.stdin.write((json.dumps(message) + "\n").encode())
        process.stdin.flush()

    def answer(request_id) -> dict:
        while True:
            line = process.stdout.readline()
            if not line:
                raise SystemExit(f"closed its stdout before answering {request_id}: {command}")
            message = json.loads(line)
            if message.get("id") == request_id and ("result" in message or "error" in message):
                if "error" in message:
                    raise SystemExit(f"refused: {message}")
                return message

    send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "first-answer", "version": "1"}}})
    answer(0)
    initialized_ms = (time.monotonic() - started) * 1000
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    name, arguments = ("echo", {"message": "hello"}) if echo else ("read_file", {"path": "README.md"})
    send({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": name, "arguments": arguments}})
    answer(1)
    first_ms = (time.monotonic() - started) * 1000
    cpu = cpu_ms(process.pid)
    per_thread = thread_cpu_ms(process.pid) if threads else None
    process.stdin.close()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    figures = {"initialize_ms": round(initialized_ms, 1), "first_answer_ms": round(first_ms, 1), "cpu_ms": round(cpu, 1)}
    if per_thread is not None:
        figures["threads"] = per_thread
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--vanguard", required=True, help="the vanguard executable (or 'dotnet path/vanguard.dll')")
    parser.add_argument("--echo", action="store_true")
    parser.add_argument("--threads", action="store_true", help="also print vanguard's CPU per thread at the first answer")
    parser.add_argument("server", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    server = options.server[1:] if options.server[:1] == ["--"] else options.server
    scratch = tempfile.mkdtemp(prefix="first-answer-")
    through = options.vanguard.split() + ["start", "--audit-log", os.path.join(scratch, "a.jsonl"),
                                          "--pins-file", os.path.join(scratch, "p.json"), "--"] + server
    results = {"direct": [], "vanguard": []}
    for i in range(options.runs):
        for mode, command in (("direct", server), ("vanguard", through)):
            figures = run(command, options.echo, options.threads and mode == "vanguard")
            results[mode].append(figures)
            print(json.dumps({"mode": mode, "run": i, **figures}), flush=True)
    summary = {}
    for mode, rows in results.items():
        summary[mode] = {key: statistics.median(r[key] for r in rows) for key in rows[0] if key != "threads"}
    summary["added_first_answer_ms"] = round(summary["vanguard"]["first_answer_ms"] - summary["direct"]["first_answer_ms"], 1)
    print(json.dumps({"median": summary, "load": os.getloadavg()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
