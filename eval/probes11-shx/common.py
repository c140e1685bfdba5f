"""Shared case builders for the issue-9 eleventh-pass shell probes (eval/probes11-shx). Each class file appends to CASES; gen.py
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


# Exec-tool shapes not used by probes10-shx's rotation, so the same command meets other tool names and keys.
TOOLS = [("exec", "command"), ("run_shell_command", "command"), ("shell_execute", "cmd"), ("terminal_run", "command"),
         ("bash_tool", "script"), ("run_terminal_cmd", "command"), ("container_exec", "cmd")]


def emit(cls, bad, good, category):
    # The generators write raw strings; a backslash-quote there only stands for a double quote in the command.
    bad = [c.replace('\\"', '"') for c in bad]
    good = [c.replace('\\"', '"') for c in good]
    for i, cmd in enumerate(bad):
        tool, key = TOOLS[i % len(TOOLS)]
        attack(cls, f"{tool}: {cmd[:70]}", call(tool, {key: cmd}), category)
    for i, cmd in enumerate(good):
        tool, key = TOOLS[i % len(TOOLS)]
        benign(cls, f"{tool}: {cmd[:70]}", call(tool, {key: cmd}))
