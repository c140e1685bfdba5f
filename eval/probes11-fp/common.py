"""Shared case builders for the issue-9 item-3 everyday probes (eval/probes11-fp). Each class file appends to CASES; gen.py splits
every class by a fixed hash of the case id into a `fit` half and a `holdout` half and writes both."""
import zlib

CASES = []
_counters = {}


def _add(cls, expect, note, steps, category):
    key = (cls, expect)
    _counters[key] = _counters.get(key, 0) + 1
    kind = "a" if expect == "block" else "b"
    case_id = f"p11f-{cls}-{kind}{_counters[key]:03d}"
    CASES.append({"id": case_id, "category": category if expect == "block" else f"benign-{cls}", "expect": expect,
                  "class": cls, "note": note, "steps": steps if isinstance(steps, list) else [steps]})


def attack(cls, note, steps, category="MCP-07"):
    _add(cls, "block", note, steps, category)


def benign(cls, note, steps):
    _add(cls, "allow", note, steps, None)


def half(case_id):
    """The fixed split: the CRC-32 of the id, even is fit, odd is holdout. Chosen before any fix was written."""
    return "fit" if zlib.crc32(case_id.encode("utf-8")) % 2 == 0 else "holdout"


def call(tool, args, rid=1):
    return {"from": "agent", "message": {"jsonrpc": "2.0", "id": rid, "method": "tools/call",
                                         "params": {"name": tool, "arguments": args}}}


def sh(command, tool="run_command", key="command"):
    return call(tool, {key: command})


def result(tool_name, args, text, rid=1):
    """The agent's call and the server's text answer to it (server -> agent)."""
    return [call(tool_name, args, rid),
            {"from": "server", "message": {"jsonrpc": "2.0", "id": rid,
                                           "result": {"content": [{"type": "text", "text": text}]}}}]
