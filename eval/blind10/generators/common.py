"""Shared builders for the blind10 cases: MCP messages in the replay format, and deterministic fake tokens.

Nothing here knows any vanguard rule; the builders only shape JSON-RPC the way real clients and servers send it.
"""
import base64
import hashlib

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
UPPER_NUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
LOWER_NUM = "abcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"
B64URL = ALNUM + "-_"
B64 = ALNUM + "+/"


def tok(seed: str, alphabet: str, n: int) -> str:
    """A deterministic, high-entropy string: the same seed always gives the same token (fake, never a live key)."""
    out = []
    counter = 0
    while len(out) < n:
        digest = hashlib.sha256(f"blind10:{seed}:{counter}".encode()).digest()
        for b in digest:
            if b < 256 - (256 % len(alphabet)):
                out.append(alphabet[b % len(alphabet)])
                if len(out) == n:
                    break
        counter += 1
    return "".join(out)


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def b64_utf16(text: str) -> str:
    return base64.b64encode(text.encode("utf-16-le")).decode()


class CaseBook:
    """Collects the cases of one class; ids are `b10-<class>-<a|b><nn>` (a = attack, b = benign look-alike)."""

    def __init__(self, cls: str):
        self.cls = cls
        self.cases = []
        self._n = {"block": 0, "allow": 0}

    def add(self, expect: str, note: str, steps: list, side: str):
        assert expect in ("block", "allow"), expect
        assert side in ("request", "s2a"), side
        self._n[expect] += 1
        letter = "a" if expect == "block" else "b"
        case = {
            "id": f"b10-{self.cls}-{letter}{self._n[expect]:02d}",
            "class": self.cls,
            "category": f"blind10-{self.cls}" if expect == "block" else f"benign-blind10-{self.cls}",
            "expect": expect,
            "side": side,
            "note": note,
            "steps": steps,
        }
        self.cases.append(case)
        return case

    # request side -------------------------------------------------------------------------------------------------
    def call(self, expect, note, tool, arguments, rid=1):
        """One tools/call from the agent."""
        return self.add(expect, note, [agent_call(tool, arguments, rid)], "request")

    def request(self, expect, note, method, params, rid=1):
        return self.add(expect, note, [agent(method, params, rid)], "request")

    # server side --------------------------------------------------------------------------------------------------
    def result(self, expect, note, tool, arguments, content, structured=None, is_error=False):
        """A tools/call from the agent and the server's result (what the server says back is the case)."""
        return self.add(expect, note, [agent_call(tool, arguments, 7), tool_result(7, content, structured, is_error)], "s2a")

    def tools(self, expect, note, tools):
        """The server's first tools/list answer."""
        return self.add(expect, note, list_exchange("tools/list", "tools", tools, 1), "s2a")

    def s2a(self, expect, note, steps):
        return self.add(expect, note, steps, "s2a")


def agent(method, params, rid=1):
    msg = {"jsonrpc": "2.0", "id": rid, "method": method}
    if params is not None:
        msg["params"] = params
    return {"from": "agent", "message": msg}


def agent_call(tool, arguments, rid=1):
    return agent("tools/call", {"name": tool, "arguments": arguments}, rid)


def server_result(rid, result):
    return {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "result": result}}


def server_error(rid, code, message, data=None):
    err = {"code": code, "message": message}
    if data is not None:
        err["data"] = data
    return {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "error": err}}


def server_request(rid, method, params):
    return {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "method": method, "params": params}}


def server_note(method, params=None):
    msg = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        msg["params"] = params
    return {"from": "server", "message": msg}


def text(t):
    return [{"type": "text", "text": t}]


def tool_result(rid, content, structured=None, is_error=False):
    if isinstance(content, str):
        content = text(content)
    result = {"content": content}
    if structured is not None:
        result["structuredContent"] = structured
    if is_error:
        result["isError"] = True
    return server_result(rid, result)


def list_exchange(method, key, items, rid, cursor=None, next_cursor=None):
    params = {"cursor": cursor} if cursor is not None else {}
    result = {key: items}
    if next_cursor is not None:
        result["nextCursor"] = next_cursor
    return [agent(method, params, rid), server_result(rid, result)]


def tool(name, description, properties=None, required=None, **extra):
    schema = {"type": "object", "properties": properties or {}}
    if required:
        schema["required"] = required
    t = {"name": name, "description": description, "inputSchema": schema}
    t.update(extra)
    return t


def prop(kind, description=None, **extra):
    p = {"type": kind}
    if description is not None:
        p["description"] = description
    p.update(extra)
    return p


def list_changed(kind="tools"):
    return server_note(f"notifications/{kind}/list_changed")
