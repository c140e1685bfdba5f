"""Shared helpers for the blind11 generators: message builders and a deterministic token maker.

Written without reading the product's rules; see README.md.
"""
import base64
import json
import random

_ids = {"n": 0}


def _next_id():
    _ids["n"] += 1
    return _ids["n"]


def agent(method, params=None, id=None, server=None, notification=False):
    msg = {"jsonrpc": "2.0", "method": method}
    if not notification:
        msg["id"] = id if id is not None else 1
    if params is not None:
        msg["params"] = params
    step = {"from": "agent", "message": msg}
    if server:
        step["server"] = server
    return step


def call(tool, arguments, id=1, server=None):
    return agent("tools/call", {"name": tool, "arguments": arguments}, id=id, server=server)


def server_result(id, result, server=None):
    step = {"from": "server", "message": {"jsonrpc": "2.0", "id": id, "result": result}}
    if server:
        step["server"] = server
    return step


def text_result(id, text, is_error=False, server=None):
    r = {"content": [{"type": "text", "text": text}]}
    if is_error:
        r["isError"] = True
    return server_result(id, r, server)


def server_request(method, params, id=100):
    return {"from": "server", "message": {"jsonrpc": "2.0", "id": id, "method": method, "params": params}}


def server_note(method, params=None):
    m = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        m["params"] = params
    return {"from": "server", "message": m}


def tool(name, description, props=None, required=None, **extra):
    schema = {"type": "object", "properties": props or {}}
    if required:
        schema["required"] = required
    t = {"name": name, "description": description, "inputSchema": schema}
    t.update(extra)
    return t


def s(desc, typ="string", **kw):
    d = {"type": typ, "description": desc}
    d.update(kw)
    return d


def list_tools(tools, id=1):
    """A tools/list request and its answer."""
    return [agent("tools/list", {}, id=id), server_result(id, {"tools": tools})]


def call_and_result(tool_name, arguments, text, id=2):
    return [call(tool_name, arguments, id=id), text_result(id, text)]


def case(cid, cls, expect, note, steps, category=None):
    if category is None:
        category = ("blind11-" + cls) if expect == "block" else ("benign-blind11-" + cls)
    return {"id": cid, "class": cls, "category": category, "expect": expect, "note": note, "steps": steps}


def b64(text):
    return base64.b64encode(text.encode()).decode()


class Tokens:
    """Deterministic random strings in the shapes of real credentials (never real ones)."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def alnum(self, n):
        return self.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", n)

    def upper(self, n):
        return self.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n)

    def hex(self, n):
        return self.pick("0123456789abcdef", n)

    def b64ish(self, n):
        return self.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", n)

    def urlsafe(self, n):
        return self.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", n)


def dumps(c):
    return json.dumps(c, ensure_ascii=False, separators=(",", ":"))
