#!/usr/bin/env python3
"""Idle memory of a real `vanguard start`: spawns VANGUARD... start -- SERVER..., sends `initialize`, `tools/list` and 20
`tools/call`s on stdin (every answer awaited), waits, then prints /proc/PID/status (VmRSS, RssAnon, RssFile, RssShmem) and
the process's user/system CPU time so far. One JSON line per run on stdout.

    python3 bench/idle-rss.py --label aot --idle 30 -- artifacts/aot/bin/vanguard start --audit-log A --pins-file P -- SERVER...

The call made 20 times is `read_file` of README.md (the bundled demo server) or, with --echo, `echo` (server-everything).
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default="vanguard")
    parser.add_argument("--idle", type=float, default=30.0, help="seconds to wait after the last answer")
    parser.add_argument("--echo", action="store_true", help="call `echo` (server-everything) instead of `read_file`")
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--smaps", action="store_true", help="also print the largest mappings by RSS (stderr)")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command

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
                raise SystemExit(f"{options.label}: vanguard closed its stdout before answering {request_id}")
            message = json.loads(line)
            if message.get("id") == request_id and ("result" in message or "error" in message):
                return message

    send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "idle-rss", "version": "1"}}})
    first = answer(0)
    first_answer_ms = (time.monotonic() - started) * 1000
    if "error" in first:
        raise SystemExit(f"{options.label}: initialize refused: {first}")
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    send({"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}})
    answer(1)
    refused = 0
    for i in range(options.calls):
        arguments = {"message": f"hello {i}"} if options.echo else {"path": "README.md"}
        name = "echo" if options.echo else "read_file"
        send({"jsonrpc": "2.0", "id": 2 + i, "method": "tools/call", "params": {"name": name, "arguments": arguments}})
        reply = answer(2 + i)
        refused += "error" in reply or reply.get("result", {}).get("isError", False)

    time.sleep(options.idle)
    status = {}
    with open(f"/proc/{process.pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile", "RssShmem", "VmHWM"):
                status[key] = round(int(value.split()[0]) / 1024, 1)
    if options.smaps:
        mappings, current = [], None
        with open(f"/proc/{process.pid}/smaps") as f:
            for line in f:
                head = line.split()
                if "-" in head[0] and not head[0].endswith(":"):
                    current = [line.strip()[73:] or "[anon]", 0]
                    mappings.append(current)
                elif head[0] == "Rss:":
                    current[1] = int(head[1])
        for name, rss in sorted(mappings, key=lambda m: -m[1])[:12]:
            print(f"{rss / 1024:8.1f} MiB  {name}", file=sys.stderr)
    with open(f"/proc/{process.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    result = {
        "label": options.label, "first_answer_ms": round(first_answer_ms, 1), "refused": refused,
        **{k + "_MiB": v for k, v in status.items()},
        "user_cpu_s": int(fields[11]) / ticks, "sys_cpu_s": int(fields[12]) / ticks,
        "load": open("/proc/loadavg").read().split()[:3],
    }
    process.stdin.close()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
