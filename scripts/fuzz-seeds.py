#!/usr/bin/env python3
"""Writes the fuzz seed corpora (fuzz/seeds/TARGET/) from the replay corpus, the built-in rules and the sample configs.

Seeds stay small (a few dozen short files per target): the fuzzer grows its own queue from them. Run it again after the
corpus changes; the output is deterministic (sorted, deduplicated, named by content hash).
"""
import hashlib
import json
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "seeds"
MAX_SEEDS = 48
MAX_BYTES = 2048


def corpus_messages():
    for path in sorted((ROOT / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            for step in case.get("steps", []):
                yield step.get("from", "agent"), step["message"]


def strings(value, key=""):
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v, key)


def spread(items, limit=MAX_SEEDS):
    """Up to `limit` distinct items, spread evenly over the whole list (so every corpus file contributes)."""
    seen, unique = set(), []
    for item in items:
        data = item if isinstance(item, bytes) else item.encode("utf-8")
        if 0 < len(data) <= MAX_BYTES and data not in seen:
            seen.add(data)
            unique.append(data)
    if len(unique) <= limit:
        return unique
    step = len(unique) / limit
    return [unique[int(i * step)] for i in range(limit)]


def write(target, seeds):
    folder = OUT / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for data in seeds:
        (folder / hashlib.sha256(data).hexdigest()[:16]).write_bytes(data)
    print(f"{target}: {len(seeds)} seeds")


def main():
    messages = list(corpus_messages())
    compact = [json.dumps(m, separators=(",", ":"), ensure_ascii=False) for _, m in messages]
    all_strings = [(k, s) for _, m in messages for k, s in strings(m)]

    write("message", spread(compact + ['{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":{"a":"\\ud800"}}}',
                                       '[{"jsonrpc":"2.0","id":1,"method":"ping"}]', '{"jsonrpc":"2.0","id":1,"id":2,"method":"ping"}']))
    write("canonical", spread([s for _, s in all_strings if re.search(r"[%\\\u0080-\uffff]", s)]
                              + ["%252e%252e%252f", "%c0%ae%c0%ae/", "\uff45\uff54\uff43", "p\u200basswd", "\u0440\u0430ypal"]))
    write("shell", spread([s for k, s in all_strings if k in ("command", "cmd", "script", "code", "args")]))
    write("sql", spread([s for k, s in all_strings if k in ("sql", "query", "statement")]))
    write("url", spread([s for _, s in all_strings if re.match(r"^[a-z][a-z0-9+.-]*://", s, re.I)]
                        + ["http://[::ffff:169.254.169.254]/", "http://0x7f.1/", "http://2130706433/", "gopher://127.0.0.1:6379/_INFO"]))

    server = [m for frm, m in messages if frm == "server"]
    sse = []
    for m in server:
        body = json.dumps(m, separators=(",", ":"), ensure_ascii=False)
        sse.append(f"event: message\ndata: {body}\n\n")
        sse.append(f"id: 1\nretry: 10\ndata: {body[:len(body)//2]}\ndata: {body[len(body)//2:]}\n\n: comment\n\n")
    write("sse", spread(sse))

    agent = [json.dumps(m, separators=(",", ":"), ensure_ascii=False) for frm, m in messages if frm == "agent" and isinstance(m, dict)]
    init = '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}'
    post = "POST /mcp\nAccept: application/json, text/event-stream\nContent-Type: application/json\nMcp-Session-Id: {SID}\nMCP-Protocol-Version: 2025-06-18\n\n"
    http = [post + body.decode("utf-8") for body in spread(agent, 36)]
    http += [
        "POST /mcp\nAccept: application/json, text/event-stream\nContent-Type: application/json\n\n" + init,
        "POST /mcp/echo\nAccept: application/json, text/event-stream\nContent-Type: application/json; charset=utf-8\n\n" + init,
        "GET /mcp\nAccept: text/event-stream\nMcp-Session-Id: {SID}\n\n",
        "DELETE /mcp\nMcp-Session-Id: {SID}\n\n",
        "GET /sse\nAccept: text/event-stream\n\n",
        "POST /messages?sessionId={SID}\nContent-Type: application/json\n\n" + '{"jsonrpc":"2.0","id":2,"method":"tools/list"}',
        "POST /mcp\nAccept: */*\nContent-Type: text/plain\nOrigin: http://evil.example\n\n{}",
        "OPTIONS /mcp\nOrigin: http://localhost\nAccess-Control-Request-Method: POST\n\n",
        "GET /healthz\n\n", "GET /readyz\n\n", "GET /.well-known/oauth-protected-resource\n\n",
    ]
    write("http", spread(http, 60))

    rules = []
    for path in sorted((ROOT / "src" / "McpVanguard.Core" / "Rules").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        chunks = re.split(r"\n(?=  - id:)", text)
        head = "rules:\n"
        for chunk in chunks[1:]:
            rules.append(head + re.sub(r"^  - id: ", "  - id: FUZZ-", chunk, count=1))
    rules += ["rules:\n  - id: SHELL-001\n    enabled: false\n", "rules:\n  - id: X-1\n    pattern: '(?i)a{2,3}b'\n    severity: high\n    action: block\n    category: MCP-07\n    title: t\n"]
    write("rules", spread(rules))

    configs = [p.read_text(encoding="utf-8") for p in [ROOT / "deploy" / "compose" / "vanguard.yaml", ROOT / "deploy" / "kubernetes" / "vanguard.yaml"]]
    for doc in sorted((ROOT / "docs").glob("*.md")):
        for block in re.findall(r"```ya?ml\n(.*?)```", doc.read_text(encoding="utf-8"), re.S):
            if not block.lstrip().startswith("rules:"):
                configs.append(block)
    write("config", spread(configs))


if __name__ == "__main__":
    main()
