#!/usr/bin/env python3
"""Convert the peer benchmark corpora (YAML) into replay JSON Lines.

Usage:
  scripts/convert-reference-benchmarks.py OUT_DIR [INPUT ...]

INPUT is a .yaml file or a folder of them; the default is
../shared/reference/mcpvanguard-benchmarks/ next to the repository (or
/work/shared/reference/mcpvanguard-benchmarks/). One OUT_DIR/<stem>.jsonl is
written per input file, in the format of docs/REPLAY-FORMAT.md; the output is
a build artifact, not part of the repository.

Mapping:
  case_id -> id, mcp38_id -> category, expected_action BLOCK -> "block" and
  ALLOW/WARN/LOG -> "allow"; title, expected_rule_id, expected_action and any
  other top-level field are kept as extra fields.
  rules_engine (and proxy_auth_policy without a principal): the input (or its
    `message`) is one agent step; missing jsonrpc/id are added.
  behavioral_request_sequence / behavioral_cross_server_sequence: one agent
    step per step, repeated `repeat` times, with fresh ids; `server_id` (per
    step, else per input) becomes the step's `server`.
  metadata_tool_list / metadata_initialize: a matching agent request
    (tools/list or initialize) with the input's id, then the input as a
    `from: server` response.
  behavioral_response: a tools/call followed by a server result whose text is
    `response_chunk` repeated `repeat` times.
Cases that the replay format cannot express are skipped and listed on stderr:
  semantic_threshold (a score, not a message) and proxy_auth_policy with a
  principal or auth policy (the replay format has no principal).
Exit status 0 when every input was read, 1 otherwise.
"""
import json
import os
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required: apt-get install python3-yaml (or pip install pyyaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_INPUTS = [
    os.path.normpath(os.path.join(HERE, "..", "..", "shared", "reference", "mcpvanguard-benchmarks")),
    "/work/shared/reference/mcpvanguard-benchmarks",
]
ACTIONS = {"BLOCK": "block", "ALLOW": "allow", "WARN": "allow", "LOG": "allow"}
AUTH_KEYS = {"principal", "auth_warning_tool_policy", "destructive_tool_auth_policy", "required_scopes"}


class Unsupported(Exception):
    pass


class IdSource:
    """Hands out request ids that do not collide with ids already used in the case."""

    def __init__(self):
        self.used = set()
        self.next = 1

    def reserve(self, value):
        self.used.add(json.dumps(value))

    def fresh(self):
        while json.dumps(self.next) in self.used:
            self.next += 1
        value = self.next
        self.used.add(json.dumps(value))
        return value


def as_request(message, ids):
    """Completes a request-like mapping into JSON-RPC 2.0 (jsonrpc, id), keeping given values."""
    if not isinstance(message, dict):
        return message
    msg = {"jsonrpc": "2.0"}
    msg.update(message)
    if "id" not in msg or msg["id"] is None:
        msg["id"] = ids.fresh()
    else:
        ids.reserve(msg["id"])
    # keep the conventional member order: jsonrpc, id, method, params, ...
    ordered = {k: msg[k] for k in ("jsonrpc", "id", "method", "params") if k in msg}
    ordered.update({k: v for k, v in msg.items() if k not in ordered})
    return ordered


def step(frm, message, server=None):
    s = {"from": frm}
    if server is not None:
        s["server"] = str(server)
    s["message"] = message
    return s


def as_response(message):
    msg = {"jsonrpc": "2.0"}
    msg.update(message)
    return msg


def convert_steps(case):
    harness = case.get("harness")
    data = case.get("input")
    ids = IdSource()
    if harness == "rules_engine":
        return [step("agent", as_request(data, ids))]
    if harness == "proxy_auth_policy":
        if not isinstance(data, dict) or AUTH_KEYS & set(data):
            raise Unsupported("needs a principal or an auth policy")
        return [step("agent", as_request(data.get("message", data), ids))]
    if harness in ("behavioral_request_sequence", "behavioral_cross_server_sequence"):
        default_server = data.get("server_id")
        steps = []
        for item in data.get("steps") or []:
            server = item.get("server_id", default_server)
            for _ in range(int(item.get("repeat", 1) or 1)):
                msg = dict(item["message"])
                msg.pop("id", None)  # each repetition is a new request
                steps.append(step("agent", as_request(msg, ids), server))
        if not steps:
            raise Unsupported("empty sequence")
        return steps
    if harness in ("metadata_tool_list", "metadata_initialize"):
        response = as_response(data)
        rid = response.get("id")
        if rid is None:
            rid = response["id"] = ids.fresh()
        if harness == "metadata_tool_list":
            request = {"jsonrpc": "2.0", "id": rid, "method": "tools/list", "params": {}}
        else:
            request = {"jsonrpc": "2.0", "id": rid, "method": "initialize",
                       "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                                  "clientInfo": {"name": "reference-benchmark", "version": "0"}}}
        return [step("agent", request), step("server", response)]
    if harness == "behavioral_response":
        rid = ids.fresh()
        text = str(data.get("response_chunk", "")) * int(data.get("repeat", 1) or 1)
        request = {"jsonrpc": "2.0", "id": rid, "method": "tools/call",
                   "params": {"name": "get_report", "arguments": {}}}
        response = {"jsonrpc": "2.0", "id": rid, "result": {"content": [{"type": "text", "text": text}]}}
        return [step("agent", request), step("server", response)]
    raise Unsupported(f"harness {harness!r} has no message to replay")


def convert_case(case):
    action = str(case.get("expected_action", "")).upper()
    if action not in ACTIONS:
        raise Unsupported(f"unknown expected_action {case.get('expected_action')!r}")
    out = {"id": str(case["case_id"]), "category": str(case.get("mcp38_id", "uncategorised")),
           "expect": ACTIONS[action]}
    for key in ("title", "expected_rule_id", "expected_action", "harness"):
        if key in case:
            out[key] = case[key]
    for key, value in case.items():
        if key not in out and key not in ("case_id", "mcp38_id", "input"):
            out[key] = value
    out["steps"] = convert_steps(case)
    return out


def inputs_from(args):
    paths = []
    for a in args:
        if os.path.isdir(a):
            paths += sorted(os.path.join(a, n) for n in os.listdir(a) if n.endswith((".yaml", ".yml")))
        else:
            paths.append(a)
    return paths


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    out_dir, sources = argv[0], argv[1:]
    if not sources:
        sources = [next((d for d in DEFAULT_INPUTS if os.path.isdir(d)), DEFAULT_INPUTS[-1])]
    os.makedirs(out_dir, exist_ok=True)
    failed = False
    total = skipped = 0
    for path in inputs_from(sources):
        try:
            with open(path, encoding="utf-8") as f:
                cases = yaml.safe_load(f) or []
        except (OSError, yaml.YAMLError) as e:
            print(f"{path}: cannot read: {e}", file=sys.stderr)
            failed = True
            continue
        lines = []
        for case in cases:
            try:
                lines.append(json.dumps(convert_case(case), ensure_ascii=False))
            except (Unsupported, KeyError, TypeError, ValueError, AttributeError) as e:
                skipped += 1
                print(f"{path}: skipped {case.get('case_id', '?')}: {e}", file=sys.stderr)
        if not lines:
            print(f"{path}: no replayable cases, nothing written")
            continue
        target = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".jsonl")
        with open(target, "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(line + "\n" for line in lines))
        total += len(lines)
        print(f"{target}: {len(lines)} cases")
    print(f"converted {total} cases, skipped {skipped}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
