"""Shared builders for the blind12 cases: JSON-RPC steps in the replay format (docs/REPLAY-FORMAT.md)."""
import base64
import hashlib
import json

_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def fake(seed, n, alphabet=_ALNUM):
    """Deterministic pseudo-random string (never a real credential)."""
    out = []
    counter = 0
    while len(out) < n:
        digest = hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        for b in digest:
            out.append(alphabet[b % len(alphabet)])
            if len(out) == n:
                break
        counter += 1
    return "".join(out)


def hexs(seed, n):
    return fake(seed, n, "0123456789abcdef")


def b64(text):
    return base64.b64encode(text.encode()).decode()


def call(name, arguments, rid=1):
    return {"from": "agent", "message": {"jsonrpc": "2.0", "id": rid, "method": "tools/call",
                                         "params": {"name": name, "arguments": arguments}}}


def req(method, params=None, rid=1):
    msg = {"jsonrpc": "2.0", "id": rid, "method": method}
    if params is not None:
        msg["params"] = params
    return {"from": "agent", "message": msg}


def result(res, rid=1):
    return {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "result": res}}


def text_result(text, rid=1, is_error=False):
    res = {"content": [{"type": "text", "text": text}]}
    if is_error:
        res["isError"] = True
    return result(res, rid)


def server_req(method, params, rid=900):
    return {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "method": method, "params": params}}


def notify(method, params=None, frm="server"):
    msg = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        msg["params"] = params
    return {"from": frm, "message": msg}


def tool(name, description, props=None, required=None, **extra):
    schema = {"type": "object", "properties": props or {}}
    if required:
        schema["required"] = required
    t = {"name": name, "description": description, "inputSchema": schema}
    t.update(extra)
    return t


def tools_list(tools, rid=1):
    return [req("tools/list", {}, rid), result({"tools": tools}, rid)]


def call_then_result(name, arguments, text, rid=1, is_error=False):
    return [call(name, arguments, rid), text_result(text, rid, is_error)]


class Cases:
    """Collects the cases of one class; ids are checked unique per class."""

    def __init__(self, klass, prefix):
        self.klass = klass
        self.prefix = prefix
        self.items = []
        self._ids = set()

    def add(self, expect, note, steps, side=None, category=None):
        n = sum(1 for c in self.items if c["expect"] == expect) + 1
        cid = f"b12-{self.prefix}-{'atk' if expect == 'block' else 'ok'}-{n:03d}"
        assert cid not in self._ids
        self._ids.add(cid)
        if isinstance(steps, dict):
            steps = [steps]
        if side is None:
            side = "request" if all(s["from"] == "agent" for s in steps) else "response"
        case = {"id": cid, "class": self.klass, "expect": expect,
                "category": category or (f"blind12-{self.klass}" if expect == "block" else f"benign-blind12-{self.klass}"),
                "side": side, "note": note, "steps": steps}
        self.items.append(case)
        return case

    def atk(self, note, steps, **kw):
        return self.add("block", note, steps, **kw)

    def ok(self, note, steps, **kw):
        return self.add("allow", note, steps, **kw)


def write(path, cases):
    with open(path, "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False, sort_keys=False) + "\n")
