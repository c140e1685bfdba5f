#!/usr/bin/env python3
"""Validate replay corpora (JSON Lines) against docs/REPLAY-FORMAT.md.

Usage:
  scripts/validate-corpus.py                  # every corpus/*.jsonl, format + project lint
  scripts/validate-corpus.py FILE|DIR ...     # the given files (DIRs: their *.jsonl)
  scripts/validate-corpus.py --format-only artifacts/reference-corpus/

Format checks (always): each line is a JSON object with a unique non-empty
string `id` (unique across all files given), a string `category`, `expect` of
"block" or "allow", and a non-empty `steps` list whose items are objects with
`from` ("agent" | "server"), an optional non-empty string `server`, an optional
`at_ms` (milliseconds after the case start, non-decreasing), and a
`message` (any JSON value). Other case fields are allowed (they are ignored by
`vanguard replay`).

Project lint (unless --format-only):
  - attack files (not benign-*): expect "block", category an MCP-xx id listed
    in docs/TAXONOMY.md, and a `note` saying what the case exercises;
  - benign-*.jsonl: expect "allow", category equal to the file name stem;
  - ids in one file share one prefix;
  - outside protocol.jsonl, agent messages are well-formed JSON-RPC 2.0
    (requests with a string/integer id and string method, tools/call with a
    string params.name and object params.arguments), request ids are not
    reused within a case, and each server response answers an earlier agent
    request with the same id on the same server;
  - duplicate object keys are only allowed inside protocol.jsonl messages.
Exit status 0 when valid, 1 otherwise. A summary per file is printed.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class DuplicateKeys:
    def __init__(self):
        self.found = []

    def hook(self, pairs):
        seen = set()
        for k, _ in pairs:
            if k in seen:
                self.found.append(k)
            seen.add(k)
        return dict(pairs)


def taxonomy_ids():
    path = os.path.join(ROOT, "docs", "TAXONOMY.md")
    try:
        with open(path, encoding="utf-8") as f:
            return set(re.findall(r"^\|\s*(MCP-\d\d)\s*\|", f.read(), re.M))
    except OSError:
        return None


def id_key(v):
    """JSON-value identity for request ids: 1, "1" and 1.0 are compared by JSON type."""
    if isinstance(v, bool) or v is None:
        return ("other", repr(v))
    if isinstance(v, (int, float)):
        return ("number", v)
    if isinstance(v, str):
        return ("string", v)
    return ("other", json.dumps(v, sort_keys=True))


def is_request_id(v):
    return (isinstance(v, int) and not isinstance(v, bool)) or isinstance(v, str)


def lint_jsonrpc(case, err):
    pending = {}  # (server, id_key) -> method
    for n, step in enumerate(case["steps"]):
        msg, server = step["message"], step.get("server", "default")
        where = f"step {n}"
        if not isinstance(msg, dict):
            err(f"{where}: message is not an object")
            continue
        if msg.get("jsonrpc") != "2.0":
            err(f"{where}: jsonrpc is not \"2.0\"")
        has_method = "method" in msg
        if step["from"] == "agent":
            if not has_method:
                # a response to a server-initiated request is allowed
                if "id" not in msg or ("result" in msg) == ("error" in msg):
                    err(f"{where}: agent message is neither a request/notification nor a response")
                continue
            if not isinstance(msg["method"], str) or not msg["method"]:
                err(f"{where}: method must be a non-empty string")
                continue
            if "id" in msg:
                if not is_request_id(msg["id"]):
                    err(f"{where}: request id must be a string or an integer")
                    continue
                key = (server, id_key(msg["id"]))
                if key in pending:
                    err(f"{where}: request id {msg['id']!r} reused within the case")
                pending[key] = msg["method"]
            if "params" in msg and not isinstance(msg["params"], dict):
                err(f"{where}: params must be an object")
            if msg["method"] == "tools/call":
                params = msg.get("params")
                if not isinstance(params, dict) or not isinstance(params.get("name"), str) or not params["name"]:
                    err(f"{where}: tools/call needs a string params.name")
                elif "arguments" in params and not isinstance(params["arguments"], dict):
                    err(f"{where}: tools/call params.arguments must be an object")
        else:
            if has_method:
                continue  # server notification or server-initiated request
            if ("result" in msg) == ("error" in msg):
                err(f"{where}: server response needs exactly one of result/error")
            key = (server, id_key(msg.get("id")))
            if key not in pending:
                err(f"{where}: server response id {msg.get('id')!r} answers no earlier agent request on server {server!r}")


def validate_file(path, seen_ids, format_only, taxonomy, stats):
    errors = 0
    stem = os.path.splitext(os.path.basename(path))[0]
    benign_file = stem.startswith("benign-")
    protocol_file = stem == "protocol"
    prefixes = set()
    counts = {"block": 0, "allow": 0}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for lineno, line in enumerate(lines, 1):
        def err(msg):
            nonlocal errors
            errors += 1
            print(f"{path}:{lineno}: {msg}")
        if not line.strip():
            err("empty line")
            continue
        dup = DuplicateKeys()
        try:
            case = json.loads(line, object_pairs_hook=dup.hook)
        except json.JSONDecodeError as e:
            err(f"invalid JSON: {e}")
            continue
        if not isinstance(case, dict):
            err("case is not a JSON object")
            continue
        cid = case.get("id")
        if not isinstance(cid, str) or not cid:
            err("id must be a non-empty string")
        elif cid in seen_ids:
            err(f"duplicate id {cid!r} (first in {seen_ids[cid]})")
        else:
            seen_ids[cid] = f"{path}:{lineno}"
        if not isinstance(case.get("category"), str) or not case.get("category"):
            err("category must be a non-empty string")
        if case.get("expect") not in ("block", "allow"):
            err("expect must be \"block\" or \"allow\"")
        else:
            counts[case["expect"]] += 1
        steps = case.get("steps")
        ok_steps = isinstance(steps, list) and bool(steps)
        if not ok_steps:
            err("steps must be a non-empty list")
            steps = []
        last_at = 0
        for n, step in enumerate(steps):
            if not isinstance(step, dict):
                err(f"step {n} is not an object"); ok_steps = False; continue
            extra = set(step) - {"from", "server", "message", "at_ms"}
            if "at_ms" in step:
                at = step["at_ms"]
                if not isinstance(at, int) or isinstance(at, bool) or at < last_at:
                    err(f"step {n}: at_ms must be a whole number of milliseconds, not below an earlier step's")
                else:
                    last_at = at
            if extra:
                err(f"step {n} has unknown fields {sorted(extra)}")
            if step.get("from") not in ("agent", "server"):
                err(f"step {n}: from must be \"agent\" or \"server\""); ok_steps = False
            if "server" in step and (not isinstance(step["server"], str) or not step["server"]):
                err(f"step {n}: server must be a non-empty string")
            if "message" not in step:
                err(f"step {n}: message is missing"); ok_steps = False
        if format_only:
            continue
        if isinstance(cid, str) and "-" in cid:
            prefixes.add(cid.rsplit("-", 1)[0])
        if dup.found and not protocol_file:
            err(f"duplicate object keys {dup.found}")
        if benign_file:
            if case.get("expect") != "allow":
                err("benign file: expect must be \"allow\"")
            if case.get("category") != stem:
                err(f"benign file: category must be {stem!r}")
        else:
            if case.get("expect") != "block":
                err("attack file: expect must be \"block\"")
            if taxonomy is not None and case.get("category") not in taxonomy:
                err(f"category {case.get('category')!r} is not in docs/TAXONOMY.md")
            if not isinstance(case.get("note"), str) or not case["note"].strip():
                err("attack case needs a note")
        if ok_steps and not protocol_file:
            lint_jsonrpc(case, err)
    if not format_only and len(prefixes) > 1:
        errors += 1
        print(f"{path}: ids use several prefixes {sorted(prefixes)}")
    stats.append((os.path.basename(path), counts["block"], counts["allow"], errors))
    return errors


def main(argv):
    format_only = "--format-only" in argv
    args = [a for a in argv if a != "--format-only"]
    if not args:
        args = [os.path.join(ROOT, "corpus")]
    files = []
    for a in args:
        if os.path.isdir(a):
            files += sorted(os.path.join(a, n) for n in os.listdir(a) if n.endswith(".jsonl"))
        else:
            files.append(a)
    if not files:
        print("no .jsonl files found")
        return 1
    taxonomy = None if format_only else taxonomy_ids()
    seen, stats, errors = {}, [], 0
    for path in files:
        errors += validate_file(path, seen, format_only, taxonomy, stats)
    width = max(len(s[0]) for s in stats)
    print(f"{'file'.ljust(width)}  block  allow  errors")
    for name, b, a, e in stats:
        print(f"{name.ljust(width)}  {b:5d}  {a:5d}  {e:6d}")
    tb = sum(s[1] for s in stats); ta = sum(s[2] for s in stats)
    print(f"{'total'.ljust(width)}  {tb:5d}  {ta:5d}  {errors:6d}   ({tb + ta} cases, {100.0 * tb / max(1, tb + ta):.1f}% block)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
