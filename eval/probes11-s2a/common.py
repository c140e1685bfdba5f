"""Shared case builders for the issue-9 eighth-session server-to-agent probes (eval/probes11-s2a). Each class file appends to CASES; gen.py
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


def tools_list(tools, rid=1, method="tools/list", key="tools"):
    return [{"from": "agent", "message": {"jsonrpc": "2.0", "id": rid, "method": method, "params": {}}},
            {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "result": {key: tools}}}]


def tool(name, description, props=None, **extra):
    t = {"name": name, "description": description,
         "inputSchema": {"type": "object", "properties": props or {"q": {"type": "string", "description": "Query"}}}}
    t.update(extra)
    return t


def result(tool_name, args, text, rid=1):
    return [call(tool_name, args, rid),
            {"from": "server", "message": {"jsonrpc": "2.0", "id": rid,
                                           "result": {"content": [{"type": "text", "text": text}]}}}]


def server_request(method, params, rid=900):
    return [{"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "method": method, "params": params}}]


def elicit(message, props):
    return server_request("elicitation/create", {"message": message,
                                                 "requestedSchema": {"type": "object", "properties": props}})


def sample(system_prompt, user_text):
    return server_request("sampling/createMessage", {
        "messages": [{"role": "user", "content": {"type": "text", "text": user_text}}],
        "systemPrompt": system_prompt, "maxTokens": 400})


def changed(kind="tools"):
    return {"from": "server", "message": {"jsonrpc": "2.0", "method": f"notifications/{kind}/list_changed"}}


def listing(items, method, key, rid=1):
    """A list of prompts, resources or resource templates (tools_list with another method and result key)."""
    return tools_list(items, rid, method, key)


def resource_read(uri, text, rid=1):
    return [{"from": "agent", "message": {"jsonrpc": "2.0", "id": rid, "method": "resources/read", "params": {"uri": uri}}},
            {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "result": {"contents": [{"uri": uri, "mimeType": "text/plain", "text": text}]}}}]


def prompt_get(name, text, rid=1):
    return [{"from": "agent", "message": {"jsonrpc": "2.0", "id": rid, "method": "prompts/get", "params": {"name": name}}},
            {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "result": {"messages": [{"role": "user", "content": {"type": "text", "text": text}}]}}}]


def error_result(tool_name, args, message, data=None, rid=1):
    """A tools/call answered with a JSON-RPC error (message and optional data)."""
    err = {"code": -32000, "message": message}
    if data is not None:
        err["data"] = data
    return [call(tool_name, args, rid), {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "error": err}}]


def structured_result(tool_name, args, structured, text="Done.", rid=1):
    return [call(tool_name, args, rid),
            {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "result": {
                "content": [{"type": "text", "text": text}], "structuredContent": structured}}}]


def tool_error_result(tool_name, args, text, rid=1):
    """A tools/call answered with isError: true (the tool-level error the model reads)."""
    return [call(tool_name, args, rid),
            {"from": "server", "message": {"jsonrpc": "2.0", "id": rid,
                                           "result": {"content": [{"type": "text", "text": text}], "isError": True}}}]


def notify(method, params):
    return {"from": "server", "message": {"jsonrpc": "2.0", "method": method, "params": params}}


def progress(message, token="p1"):
    return notify("notifications/progress", {"progressToken": token, "progress": 1, "total": 3, "message": message})


def log(data, level="info", logger="server"):
    return notify("notifications/message", {"level": level, "logger": logger, "data": data})


def initialize(instructions, rid=0):
    """The initialize handshake answered with server instructions (the model reads them as a system note)."""
    return [{"from": "agent", "message": {"jsonrpc": "2.0", "id": rid, "method": "initialize", "params": {
                "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "probe", "version": "1"}}}},
            {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "result": {
                "protocolVersion": "2025-06-18", "capabilities": {"tools": {"listChanged": True}},
                "serverInfo": {"name": "srv", "version": "1.0.0"}, "instructions": instructions}}}]


def content_result(tool_name, args, content, rid=1, **extra):
    """A tools/call answered with arbitrary content blocks (image, resource, resource_link)."""
    res = {"content": content}
    res.update(extra)
    return [call(tool_name, args, rid), {"from": "server", "message": {"jsonrpc": "2.0", "id": rid, "result": res}}]
