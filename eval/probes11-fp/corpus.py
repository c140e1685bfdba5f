#!/usr/bin/env python3
"""Writes corpus/depth11-fp.jsonl and corpus/benign-depth11-fp.jsonl: the probes11-fp `fit` cases the detectors judge right
after the fixes (balanced), so the corpus gate guards them. Never the holdout half (it stays a measurement).
Usage: python3 eval/probes11-fp/corpus.py <replay --json output of the fit files> (run by hand after the fixes)."""
import json
import sys
from pathlib import Path

here = Path(__file__).parent
root = here.parent.parent
verdicts = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    verdicts[r["id"]] = r["verdict"]

attacks, benign = [], []
for f in sorted(here.glob("*.fit.jsonl")):
    for line in open(f, encoding="utf-8"):
        c = json.loads(line)
        v = verdicts.get(c["id"])
        if v is None or (v == "block") != (c["expect"] == "block"):
            continue
        note = f'{c["note"]} (probes11-fp {c["id"]})'
        if c["expect"] == "block":
            cls = c["class"]
            if cls == "sql-dev":
                case = {"id": f"d11f-{len(attacks) + 1:03d}", "category": "MCP-09", "secondary": "MCP-07", "owasp_mcp": "MCP05"}
            elif cls == "server-results":
                case = {"id": f"d11f-{len(attacks) + 1:03d}", "category": "MCP-20", "owasp_mcp": "MCP06"}
            else:
                case = {"id": f"d11f-{len(attacks) + 1:03d}", "category": "MCP-07", "owasp_mcp": "MCP05"}
            case.update({"expect": "block", "class": cls, "note": note, "steps": c["steps"]})
            attacks.append(case)
        else:
            benign.append({"id": f"d11fb-{len(benign) + 1:03d}", "category": "benign-depth11-fp", "expect": "allow", "class": c["class"],
                           "note": note, "steps": c["steps"]})

for name, cases in (("depth11-fp.jsonl", attacks), ("benign-depth11-fp.jsonl", benign)):
    with open(root / "corpus" / name, "w", encoding="utf-8") as out:
        for c in cases:
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
print(f"{len(attacks)} attacks, {len(benign)} look-alikes")
