#!/usr/bin/env python3
"""Idle memory of a real `vanguard serve` in front of the bundled demo server: one Streamable HTTP session (initialize,
tools/list, 20 read_file calls), then /proc/PID/status 30 s later. Usage: python3 bench/idle-rss-serve.py VANGUARD...
(a native binary, or `dotnet path/to/vanguard.dll`); port 18791, state in /tmp/aot8rss (create it and a root with README.md)."""
import json, subprocess, sys, time, urllib.request
port = 18791
cmd = sys.argv[1:] + ["serve", "--port", str(port), "--audit-log", "/tmp/aot8rss/s.jsonl", "--pins-file", "/tmp/aot8rss/s.json", "--server", " ".join(sys.argv[1:]) + " demo-server --root /tmp/aot8rss/root"]
p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(200):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1); break
    except Exception: time.sleep(0.2)
sid = None
def post(m):
    global sid
    h = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    if sid: h["Mcp-Session-Id"] = sid
    r = urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/mcp", data=json.dumps(m).encode(), headers=h), timeout=60)
    sid = r.headers.get("Mcp-Session-Id") or sid
    return r.read()
post({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"x","version":"1"}}})
post({"jsonrpc":"2.0","method":"notifications/initialized"})
post({"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}})
for i in range(20):
    post({"jsonrpc":"2.0","id":2+i,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"README.md"}}})
time.sleep(30)
st = {l.split(":")[0]: l.split()[1] for l in open(f"/proc/{p.pid}/status") if l.split(":")[0] in ("VmRSS","RssAnon","RssFile","RssShmem")}
f = open(f"/proc/{p.pid}/stat").read().rsplit(")",1)[1].split()
print(json.dumps({k: round(int(v)/1024,1) for k,v in st.items()} | {"user_s": int(f[11])/100, "sys_s": int(f[12])/100, "load": open("/proc/loadavg").read().split()[:3]}))
p.terminate(); p.wait()
