#!/usr/bin/env python3
"""Writes the probes11-s2a fit half into the corpus gate: corpus/depth11-s2a.jsonl (attacks) and corpus/benign-depth11-s2a.jsonl
(look-alikes), ids d11s-aNNN / d11s-bNNN, with the MCP-38 and OWASP ids of the class. Cases judged wrong on purpose are left out (EXCLUDED says
why). Only the fit half: the holdout is never opened. Deterministic: `python3 eval/probes11-s2a/corpus.py`."""
import json
from pathlib import Path

HERE = Path(__file__).parent
CORPUS = HERE.parent.parent / "corpus"

# A look-alike that is not one: a file-sync tool with a `new_password` parameter is a credential side channel (META-010).
EXCLUDED = {"p11-s2a-language-b014"}

LIST_METHODS = {"tools/list", "prompts/list", "resources/list", "resources/templates/list"}


def taxonomy(case):
    if case["class"] == "rug-pull":
        return {"category": "MCP-26", "secondary": "MCP-07", "owasp_mcp": "MCP04"}
    methods = {s["message"].get("method") for s in case["steps"] if s["from"] == "agent"}
    if methods & LIST_METHODS:
        return {"category": "MCP-10", "secondary": "MCP-20", "owasp_mcp": "MCP03"}
    return {"category": "MCP-20", "owasp_mcp": "MCP06"}


def main():
    attacks, benign = [], []
    for path in sorted(HERE.glob("*.fit.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            if case["id"] in EXCLUDED:
                continue
            # One id prefix per file (validate-corpus.py): d11s-aNNN / d11s-bNNN; the note keeps the probe id.
            kind = "a" if case["expect"] == "block" else "b"
            number = len(attacks if kind == "a" else benign) + 1
            out = {"id": f"d11s-{kind}{number:03d}", "expect": case["expect"], "class": case["class"], "note": case["id"] + ": " + case["note"], "steps": case["steps"]}
            if case["expect"] == "block":
                out = {"id": out["id"], **taxonomy(case), **{k: v for k, v in out.items() if k != "id"}}
                attacks.append(out)
            else:
                out = {"id": out["id"], "category": "benign-depth11-s2a", **{k: v for k, v in out.items() if k != "id"}}
                benign.append(out)
    for name, cases in (("depth11-s2a.jsonl", attacks), ("benign-depth11-s2a.jsonl", benign)):
        with open(CORPUS / name, "w", encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        print(name, len(cases))


if __name__ == "__main__":
    main()
