#!/usr/bin/env python3
"""The gateway soak: N sessions through a real `vanguard serve` in front of the bundled demo server, with the process's
descriptors, threads, RSS, GC heap and children sampled before, during and after. Exit 1 when descriptors, threads or
children do not come back to the baseline (memory is reported; see --heap-slack-mib).

Each session: initialize, notifications/initialized, tools/list, CALLS tools/call, then DELETE; every ABANDON-th session
skips the DELETE and just drops its connection, so the idle sweep has to end it. Driven by bench/soak.sh.
"""
import argparse
import csv
import http.client
import json
import os
import pathlib
import socket
import subprocess
import sys
import tempfile
import threading
import time

ACCEPT = "application/json, text/event-stream"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid):
    """Live descendants of pid (zombies excluded: a reaped child is gone)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = pathlib.Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if fields[0] != "Z":
                parents.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def sample(pid, heap):
    status = pathlib.Path(f"/proc/{pid}/status").read_text()
    values = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {
        "fds": len(os.listdir(f"/proc/{pid}/fd")),
        "threads": int(values["Threads"].strip()),
        "rss_mib": round(int(values["VmRSS"].split()[0]) / 1024, 1),
        "gc_heap_mib": heap(),
        "children": len(children(pid)),
        "time": round(time.time(), 1),
    }


class Counters:
    """dotnet-counters in the background: the GC heap after the last collection, read from its CSV as it grows."""

    def __init__(self, pid, folder):
        self.path = pathlib.Path(folder) / "counters.csv"
        self.proc = subprocess.Popen(
            ["dotnet", "dotnet-counters", "collect", "-p", str(pid), "--refresh-interval", "1", "--format", "csv", "-o", str(self.path),
             "--counters", "System.Runtime[dotnet.gc.last_collection.heap.size]"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def heap(self):
        try:
            rows = list(csv.reader(self.path.read_text().splitlines()))
        except OSError:
            return None
        values = [r[-1] for r in rows[1:] if len(r) >= 5 and "heap.size" in r[2]]
        # The counter is per GC generation; sum the latest row of each generation.
        latest = {}
        for r in rows[1:]:
            if len(r) >= 5 and "heap.size" in r[2]:
                latest[r[2]] = float(r[-1])
        return round(sum(latest.values()) / 2**20, 1) if values else None

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


def post(conn, body, session=None):
    headers = {"Accept": ACCEPT, "Content-Type": "application/json", "MCP-Protocol-Version": "2025-06-18"}
    if session:
        headers["Mcp-Session-Id"] = session
    conn.request("POST", "/mcp", json.dumps(body), headers)
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{body.get('method')}: HTTP {response.status}: {data[:200]!r}")
    return response.getheader("Mcp-Session-Id"), data


def one_session(port, calls, abandon):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        session, _ = post(conn, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "soak", "version": "1"}}})
        post(conn, {"jsonrpc": "2.0", "method": "notifications/initialized"}, session)
        post(conn, {"jsonrpc": "2.0", "id": 2, "method": "tools/list"}, session)
        for i in range(calls):
            _, data = post(conn, {"jsonrpc": "2.0", "id": 3 + i, "method": "tools/call",
                                  "params": {"name": "run_command", "arguments": {"command": f"echo soak {i}"}}}, session)
            if b'"result"' not in data:
                raise RuntimeError(f"tools/call got no result: {data[:200]!r}")
        if not abandon:
            conn.request("DELETE", "/mcp", headers={"Mcp-Session-Id": session})
            conn.getresponse().read()
    finally:
        conn.close()


def drive(port, sessions, workers, calls, abandon_every, progress):
    next_index, lock, errors, done = [0], threading.Lock(), [], [0]

    def worker():
        while True:
            with lock:
                if next_index[0] >= sessions:
                    return
                index = next_index[0]
                next_index[0] += 1
            try:
                one_session(port, calls, abandon_every > 0 and index % abandon_every == abandon_every - 1)
            except Exception as ex:  # noqa: BLE001 - counted and reported, the soak goes on
                with lock:
                    errors.append(f"session {index}: {ex}")
            with lock:
                done[0] += 1
                if done[0] % progress == 0:
                    print(f"[soak] {done[0]}/{sessions} sessions, {len(errors)} errors", file=sys.stderr, flush=True)

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vanguard", required=True, help="path to vanguard.dll")
    ap.add_argument("--sessions", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--calls", type=int, default=2)
    ap.add_argument("--abandon-every", type=int, default=10)
    ap.add_argument("--share", action="store_true", help="multiplex sessions onto a pool of 2 demo servers (servers[].share)")
    ap.add_argument("--idle-timeout", type=int, default=5, help="gateway.session_idle_timeout_s: how soon abandoned sessions end")
    ap.add_argument("--fd-slack", type=int, default=8)
    ap.add_argument("--thread-slack", type=int, default=8)
    ap.add_argument("--heap-slack-mib", type=float, default=64)
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="vanguard-soak-")
    root = pathlib.Path(work) / "workspace"
    root.mkdir()
    port = free_port()
    server = f"dotnet {args.vanguard} demo-server --root {root}"
    config = pathlib.Path(work) / "vanguard.yaml"
    config.write_text(
        f"gateway:\n  host: 127.0.0.1\n  port: {port}\n  max_sessions: 1000\n  session_idle_timeout_s: {args.idle_timeout}\n"
        f"audit:\n  log: {work}/audit.jsonl\n"
        f"servers:\n  - id: demo\n    command: {server}\n" + ("    share: true\n    pool_size: 2\n" if args.share else ""))
    log = open(pathlib.Path(work) / "vanguard.log", "w")
    proc = subprocess.Popen(["dotnet", args.vanguard, "serve", "--config", str(config)], stdout=log, stderr=subprocess.STDOUT)
    counters = None
    try:
        deadline = time.time() + 120
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline or proc.poll() is not None:
                raise SystemExit(f"vanguard serve did not become ready; log: {log.name}")
            time.sleep(0.5)
        counters = Counters(proc.pid, work)

        def settle():
            # Abandoned sessions end after the idle timeout (swept within about as long again); then give the GC a moment.
            time.sleep(args.idle_timeout * 2 + 5)
            return sample(proc.pid, counters.heap)

        # Baseline after a warm-up, so that JIT, thread-pool growth and the first children are not counted as leaks.
        warm = drive(port, min(100, args.sessions), args.workers, args.calls, args.abandon_every, 1000)
        baseline = settle()
        print(f"[soak] baseline {baseline}", file=sys.stderr, flush=True)
        peak = dict(baseline)
        stop = threading.Event()

        def watch():
            while not stop.wait(1):
                s = sample(proc.pid, counters.heap)
                for k in ("fds", "threads", "rss_mib", "children"):
                    peak[k] = max(peak[k], s[k])
                if s["gc_heap_mib"] is not None:
                    peak["gc_heap_mib"] = max(peak["gc_heap_mib"] or 0, s["gc_heap_mib"])

        watcher = threading.Thread(target=watch)
        watcher.start()
        started = time.time()
        errors = warm + drive(port, args.sessions, args.workers, args.calls, args.abandon_every, max(1, args.sessions // 10))
        elapsed = time.time() - started
        during = sample(proc.pid, counters.heap)
        stop.set()
        watcher.join()
        after = settle()
        checks = {
            "descriptors back to baseline": after["fds"] <= baseline["fds"] + args.fd_slack,
            "threads back to baseline": after["threads"] <= baseline["threads"] + args.thread_slack,
            "children back to baseline": after["children"] <= baseline["children"],
            "no session failed": not errors,
        }
        if after["gc_heap_mib"] is not None and baseline["gc_heap_mib"] is not None:
            checks["GC heap within slack"] = after["gc_heap_mib"] <= baseline["gc_heap_mib"] + args.heap_slack_mib
        report = {
            "sessions": args.sessions, "workers": args.workers, "calls_per_session": args.calls, "abandoned": args.sessions // args.abandon_every if args.abandon_every else 0,
            "share": args.share, "seconds": round(elapsed, 1), "sessions_per_second": round(args.sessions / elapsed, 1),
            "baseline": baseline, "end_of_load": during, "peak": peak, "after": after, "checks": checks, "errors": errors[:20], "error_count": len(errors),
            "load_average": open("/proc/loadavg").read().split()[:3],
        }
        print(json.dumps(report, indent=2))
        if args.json:
            pathlib.Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
        return 0 if all(checks.values()) else 1
    finally:
        if counters:
            counters.stop()
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


if __name__ == "__main__":
    sys.exit(main())
