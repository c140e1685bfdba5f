"""Validate eval/*.jsonl: valid JSON, replay-format fields, unique ids, single agent tools/call step."""
import json, sys, os, collections
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ids = set(); ok = True
for fn, exp in [("attacks.jsonl", "block"), ("benign.jsonl", "allow")]:
    cnt = collections.Counter()
    for n, line in enumerate(open(os.path.join(ROOT, fn), encoding="utf-8"), 1):
        try: c = json.loads(line)
        except Exception as e: print(fn, n, "bad json", e); ok = False; continue
        for k in ("id", "category", "expect", "steps", "note"):
            if k not in c: print(fn, n, "missing", k); ok = False
        if c["id"] in ids: print("dup id", c["id"]); ok = False
        ids.add(c["id"])
        if c["expect"] != exp: print(fn, n, "expect", c["expect"]); ok = False
        if not isinstance(c["steps"], list) or len(c["steps"]) != 1: print(fn, n, "steps"); ok = False
        for s in c["steps"]:
            m = s["message"]
            if s.get("from") != "agent" or m.get("jsonrpc") != "2.0" or m.get("method") != "tools/call" \
               or not isinstance(m["params"].get("name"), str) or not isinstance(m["params"].get("arguments"), dict):
                print(fn, n, "bad step"); ok = False
        cnt[c["category"]] += 1
    print(fn, sum(cnt.values()), dict(sorted(cnt.items())))
print("OK" if ok else "FAIL"); sys.exit(0 if ok else 1)
