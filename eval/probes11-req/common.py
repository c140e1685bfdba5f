"""Shared case builders for the issue-9 tenth-pass request-side probes (eval/probes11-req). Each class file appends to CASES; gen.py
splits every class by a fixed hash of the case id into a `fit` half and a `holdout` half and writes both."""
import zlib

CASES = []
_counters = {}


def _add(cls, expect, note, steps, category):
    key = (cls, expect)
    _counters[key] = _counters.get(key, 0) + 1
    kind = "a" if expect == "block" else "b"
    case_id = f"p11-{cls}-{kind}{_counters[key]:03d}"
    CASES.append({"id": case_id, "category": category if expect == "block" else f"benign-{cls}", "expect": expect,
                  "class": cls, "note": note, "steps": steps if isinstance(steps, list) else [steps]})


def attack(cls, note, steps, category="MCP-19"):
    _add(cls, "block", note, steps, category)


def benign(cls, note, steps):
    _add(cls, "allow", note, steps, None)


def half(case_id):
    """The fixed split: the CRC-32 of the id, even is fit, odd is holdout. Chosen before any fix was written."""
    return "fit" if zlib.crc32(case_id.encode("utf-8")) % 2 == 0 else "holdout"


def call(tool, args, rid=1):
    return {"from": "agent", "message": {"jsonrpc": "2.0", "id": rid, "method": "tools/call",
                                         "params": {"name": tool, "arguments": args}}}


def result(text, rid=1):
    """A server's tools/call result carrying text (the answer to the call with the same id)."""
    return {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "result": {"content": [{"type": "text", "text": text}]}}}


def tok(seed, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
    """A deterministic random-looking token of n characters (a secret's body without a real secret in it)."""
    import hashlib
    out, i = [], 0
    while len(out) < n:
        for b in hashlib.sha256(f"{seed}:{i}".encode()).digest():
            if len(out) < n:
                out.append(alphabet[b % len(alphabet)])
        i += 1
    return "".join(out)


HEX = "0123456789abcdef"
