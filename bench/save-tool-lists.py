#!/usr/bin/env python3
"""Saves real servers' tools/list answers for the metadata benchmarks (breakdown-s2a FILE, loop tools-list-first-file:FILE).

Runs the reference servers of tests/node/node_modules (server-everything, server-filesystem, server-memory) and asks each
for its tools. Writes OUT/reference.json (their tools together, every definition different) and, with --more DIR (a folder
of tool definitions saved as JSON files, one tool per file, e.g. a public server's tool snapshots), OUT/mixed-N.json: the
reference tools followed by the first tools of DIR up to N tools in all. Nothing is committed: the lists are read at run time.

  python3 bench/save-tool-lists.py --out /tmp/lists [--more DIR --count 100]
"""
import argparse
import glob
import json
import os
import subprocess

MODULES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "node", "node_modules", "@modelcontextprotocol")


def tools_of(command):
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        def ask(request_id, method, params=None):
            message = {"jsonrpc": "2.0", "id": request_id, "method": method}
            if params is not None:
                message["params"] = params
            server.stdin.write(json.dumps(message) + "\n")
            server.stdin.flush()
            while True:
                line = server.stdout.readline()
                if not line:
                    raise RuntimeError(f"{command[1]} closed its output")
                answer = json.loads(line)
                if answer.get("id") == request_id:
                    return answer["result"]

        ask(1, "initialize", {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}})
        server.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n")
        return ask(2, "tools/list")["tools"]
    finally:
        server.kill()
        server.wait()


def answer(tools):
    return {"jsonrpc": "2.0", "id": 7, "result": {"tools": tools}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--more")
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    tools = []
    for server, extra in (("server-everything", []), ("server-filesystem", ["/tmp"]), ("server-memory", [])):
        tools += tools_of(["node", os.path.join(MODULES, server, "dist", "index.js"), *extra])
    with open(os.path.join(args.out, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(answer(tools), f)
    print(f"reference.json: {len(tools)} tools, {sum(len(t.get('description', '')) for t in tools)} description characters")
    if args.more:
        names = {t["name"] for t in tools}
        for path in sorted(glob.glob(os.path.join(args.more, "*.json"))):
            if len(tools) >= args.count:
                break
            with open(path, encoding="utf-8") as f:
                tool = json.load(f)
            if tool.get("name") not in names:
                names.add(tool["name"])
                tools.append(tool)
        name = f"mixed-{len(tools)}.json"
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            json.dump(answer(tools), f)
        print(f"{name}: {len(tools)} tools, {sum(len(t.get('description', '')) for t in tools)} description characters")


if __name__ == "__main__":
    main()
