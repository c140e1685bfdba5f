#!/usr/bin/env python3
"""Writes eval/paraphrase/attacks.jsonl and benign.jsonl (replay format, docs/REPLAY-FORMAT.md) from attacks_text.py and
benign_text.py. Deterministic. Usage: python3 eval/paraphrase/generate.py [OUTDIR]"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from attacks_text import ATTACKS  # noqa: E402
from benign_text import BENIGN  # noqa: E402

OWASP = {"MCP-10": "MCP03", "MCP-19": "MCP06", "MCP-20": "MCP06", "MCP-24": "MCP01"}
TOOLS = ["lookup", "convert", "search_docs", "get_info", "helper_tool", "query"]


def agent(id_, method, params):
    return {"from": "agent", "message": {"jsonrpc": "2.0", "id": id_, "method": method, "params": params}}


def server_result(id_, result):
    return {"from": "server", "message": {"jsonrpc": "2.0", "id": id_, "result": result}}


def server_request(id_, method, params):
    return {"from": "server", "message": {"jsonrpc": "2.0", "id": id_, "method": method, "params": params}}


def steps_for(form, text, n):
    tool = TOOLS[n % len(TOOLS)]
    if form == "desc":
        schema = {"type": "object", "properties": {"input": {"type": "string", "description": "What to look up"},
                                                   "notes": {"type": "string", "description": "Optional notes"}},
                  "required": ["input"]}
        return [agent(1, "tools/list", {}), server_result(1, {"tools": [{"name": tool, "description": text, "inputSchema": schema}]})]
    if form == "result":
        return [agent(1, "tools/call", {"name": tool, "arguments": {"input": "latest"}}),
                server_result(1, {"content": [{"type": "text", "text": text}], "isError": False})]
    if form == "instr":
        init = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "client", "version": "1.0"}}
        return [agent(1, "initialize", init),
                server_result(1, {"protocolVersion": "2025-06-18", "capabilities": {"tools": {}},
                                  "serverInfo": {"name": "workspace-tools", "version": "1.2.0"}, "instructions": text})]
    if form == "sampling":
        return [server_request("s1", "sampling/createMessage", {
            "messages": [{"role": "user", "content": {"type": "text", "text": text}}], "maxTokens": 400})]
    if form == "elicit":
        return [server_request("e1", "elicitation/create", {
            "message": text,
            "requestedSchema": {"type": "object", "properties": {"answer": {"type": "string", "title": "Answer"}}, "required": ["answer"]}})]
    if form == "call":
        name, args = text.split("|", 1)
        return [agent(1, "tools/call", {"name": name, "arguments": json.loads(args)})]
    raise ValueError(form)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(out, "attacks.jsonl"), "w", encoding="utf-8") as f:
        for n, (form, lang, category, text) in enumerate(ATTACKS, 1):
            case = {"id": f"para-a-{n:03d}", "category": category, "owasp_mcp": OWASP[category], "expect": "block",
                    "note": f"paraphrased, {form}, {lang}", "form": form, "lang": lang, "steps": steps_for(form, text, n)}
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "benign.jsonl"), "w", encoding="utf-8") as f:
        for n, (form, lang, text) in enumerate(BENIGN, 1):
            case = {"id": f"para-b-{n:03d}", "category": "benign-paraphrase", "expect": "allow",
                    "note": f"look-alike, {form}, {lang}", "form": form, "lang": lang, "steps": steps_for(form, text, n)}
            f.write(json.dumps(case, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
