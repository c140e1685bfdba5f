#!/usr/bin/env python3
"""Re-maps every rule, analyser finding and corpus case to the published MCP-38 ids (arXiv:2603.18063) and the OWASP MCP
Top 10 (2025, beta) ids.

The project's first category ids were its own (MCP-06 meant command injection, MCP-13 secrets, ...); the paper's ids mean
something else (MCP-06 is multitenancy, MCP-07 command injection, MCP-13 name spoofing). This script rewrites:

  src/McpVanguard.Core/Rules/*.yaml   `category:` (primary), `secondary:` (optional) and `owasp_mcp:` (or `none`)
  corpus/*.jsonl, eval/*.jsonl        "category" (primary), "secondary", "owasp_mcp" of every attack case

Idempotent: an entry already carrying `owasp_mcp` was re-mapped and is left alone, unless its id is in BY_ID (which is
absolute). An entry without it is read as an OLD id and mapped through FROM_OLD. So the lead can re-run it after merging
branches that still add findings or cases with the old ids:  python3 scripts/remap-taxonomy.py [--check]
--check changes nothing and exits 1 when something would change (for CI).
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Old project id -> (primary, secondary, OWASP MCP Top 10). Used for entries not yet re-mapped and not in BY_ID.
FROM_OLD = {
    "MCP-00": ("MCP-29", None, None),           # protocol violations, inspector failures: protocol gaps
    "MCP-03": ("MCP-19", None, "MCP06"),        # encoding and evasion: the vehicle of an injection
    "MCP-04": ("MCP-04", "MCP-01", "MCP07"),    # authorization
    "MCP-05": ("MCP-04", "MCP-37", "MCP02"),    # privilege escalation
    "MCP-06": ("MCP-07", None, "MCP05"),        # command injection
    "MCP-07": ("MCP-07", None, "MCP05"),        # destructive operations are executed commands
    "MCP-08": ("MCP-08", None, "MCP02"),        # sensitive files, path traversal
    "MCP-09": ("MCP-09", "MCP-32", None),       # SSRF and egress
    "MCP-10": ("MCP-10", None, "MCP03"),        # tool metadata poisoning
    "MCP-13": ("MCP-02", "MCP-24", "MCP01"),    # secrets and credentials
    "MCP-14": ("MCP-09", "MCP-07", "MCP05"),    # SQL injection is a traditional web vulnerability
    "MCP-16": ("MCP-26", "MCP-07", "MCP04"),    # supply chain
    "MCP-17": ("MCP-25", "MCP-34", "MCP10"),    # enumeration and scraping: aggregation
    "MCP-19": ("MCP-20", "MCP-19", "MCP06"),    # prompt injection (default: indirect, through data)
    "MCP-21": ("MCP-33", None, None),           # resource exhaustion
    "MCP-22": ("MCP-07", "MCP-38", "MCP05"),    # persistence and anti-forensics
    "MCP-24": ("MCP-24", None, "MCP10"),        # data exfiltration
}

# Finding ids whose threat is not the default of their old id. Absolute: applied on every run.
BY_ID = {
    # fail closed and protocol: gaps in the protocol layer; limits are exhaustion
    "VG-001": ("MCP-29", "MCP-21", None), "VG-002": ("MCP-29", "MCP-33", None),
    "RPC-001": ("MCP-29", None, None), "RPC-002": ("MCP-29", None, None), "RPC-003": ("MCP-29", None, None),
    "RPC-004": ("MCP-29", "MCP-03", None), "RPC-005": ("MCP-29", None, None),
    "PRE-001": ("MCP-29", "MCP-33", None), "PRE-002": ("MCP-29", "MCP-33", None), "PRE-003": ("MCP-29", "MCP-33", None),
    "PRE-004": ("MCP-29", "MCP-33", None),
    # evasion: classed by what the trick carries
    "PRE-010": ("MCP-08", "MCP-07", "MCP05"), "PRE-011": ("MCP-08", "MCP-07", "MCP05"),
    "PRE-012": ("MCP-08", None, "MCP05"), "PRE-013": ("MCP-08", None, "MCP05"),
    "PRE-014": ("MCP-19", "MCP-20", "MCP06"), "PRE-015": ("MCP-13", "MCP-19", None),
    "PRE-016": ("MCP-08", "MCP-13", "MCP05"), "PRE-017": ("MCP-19", "MCP-20", "MCP06"),
    "PRE-018": ("MCP-08", "MCP-07", "MCP05"),
    "CMD-017": ("MCP-07", None, "MCP05"), "SQL-011": ("MCP-09", "MCP-07", "MCP05"), "SQL-019": ("MCP-09", "MCP-07", "MCP05"),
    # shell
    "SHELL-001": ("MCP-07", "MCP-32", "MCP05"), "SHELL-002": ("MCP-26", "MCP-07", "MCP04"),
    "SHELL-005": ("MCP-26", "MCP-07", "MCP04"), "SHELL-006": ("MCP-08", "MCP-02", "MCP01"),
    "SHELL-010": ("MCP-38", "MCP-07", "MCP08"), "SHELL-011": ("MCP-07", "MCP-04", "MCP05"),
    "SHELL-014": ("MCP-07", None, "MCP05"),
    "CMD-013": ("MCP-07", "MCP-37", "MCP05"), "CMD-014": ("MCP-07", "MCP-32", "MCP05"),
    "CMD-029": ("MCP-32", "MCP-34", None), "CMD-030": ("MCP-32", "MCP-34", None),
    "CMD-023": ("MCP-08", "MCP-02", "MCP01"),
    # persistence and anti-forensics
    "PERS-002": ("MCP-07", "MCP-26", "MCP05"), "PERS-012": ("MCP-38", "MCP-07", "MCP08"),
    "PERS-013": ("MCP-38", "MCP-07", "MCP08"), "PERS-014": ("MCP-38", None, "MCP08"), "PERS-020": ("MCP-38", None, "MCP08"),
    "FS-018": ("MCP-22", "MCP-07", "MCP05"),
    # privilege: container and kernel escapes are sandbox escapes
    "PRIV-008": ("MCP-37", "MCP-04", "MCP02"), "PRIV-009": ("MCP-37", "MCP-04", "MCP02"),
    "PRIV-010": ("MCP-37", "MCP-04", "MCP02"), "PRIV-011": ("MCP-37", "MCP-04", "MCP02"),
    "PRIV-020": ("MCP-37", "MCP-04", "MCP02"), "PRIV-022": ("MCP-37", "MCP-04", "MCP02"),
    "PRIV-023": ("MCP-37", "MCP-04", "MCP02"), "PRIV-024": ("MCP-37", "MCP-04", "MCP02"),
    "PRIV-025": ("MCP-37", "MCP-04", "MCP02"), "PRIV-014": ("MCP-02", "MCP-04", "MCP01"),
    "PRIV-015": ("MCP-08", "MCP-02", "MCP01"),
    # SQL: account takeover and exports
    "SQL-005": ("MCP-02", "MCP-09", "MCP01"), "SQL-010": ("MCP-04", "MCP-09", "MCP02"),
    "SQL-021": ("MCP-04", "MCP-09", "MCP02"), "SQL-022": ("MCP-02", "MCP-09", "MCP01"),
    "SQL-006": ("MCP-34", "MCP-09", None), "SQL-020": ("MCP-24", "MCP-09", "MCP10"),
    # paths: credentials are credential theft; start-up files and hooks are persistence (executed later)
    "PATH-012": ("MCP-08", "MCP-02", "MCP01"), "PATH-013": ("MCP-08", "MCP-02", "MCP01"),
    "PATH-025": ("MCP-08", "MCP-02", "MCP01"), "PATH-026": ("MCP-08", "MCP-02", "MCP01"),
    "PATH-031": ("MCP-08", "MCP-02", "MCP01"),
    "PATH-022": ("MCP-07", "MCP-08", "MCP05"), "PATH-023": ("MCP-07", "MCP-08", "MCP05"),
    "PATH-029": ("MCP-07", "MCP-08", "MCP05"), "PATH-030": ("MCP-01", "MCP-08", "MCP07"),
    "PATH-028": ("MCP-08", "MCP-07", "MCP02"), "SRV-003": ("MCP-05", "MCP-08", "MCP10"),
    # SSRF
    "SSRF-001": ("MCP-09", "MCP-02", "MCP01"), "SSRF-009": ("MCP-09", "MCP-08", None),
    "SSRF-010": ("MCP-32", "MCP-09", None), "SSRF-011": ("MCP-32", "MCP-09", None),
    # secrets leaving
    "SEC-016": ("MCP-24", "MCP-02", "MCP01"), "SEC-017": ("MCP-24", "MCP-02", "MCP01"),
    "SEC-018": ("MCP-24", "MCP-02", "MCP01"), "LEAK-002": ("MCP-24", "MCP-33", "MCP01"),
    "NET-012": ("MCP-32", "MCP-24", None), "NET-013": ("MCP-02", "MCP-24", "MCP01"),
    "NET-014": ("MCP-26", "MCP-07", "MCP04"), "EXFIL-001": ("MCP-24", "MCP-02", "MCP01"),
    # injection in arguments is direct; in answers indirect
    "INJ-003": ("MCP-19", "MCP-20", "MCP06"), "INJ-004": ("MCP-19", "MCP-20", "MCP06"),
    "INJ-005": ("MCP-19", "MCP-24", "MCP06"), "INJ-006": ("MCP-19", "MCP-20", "MCP06"),
    "INJ-007": ("MCP-19", "MCP-20", "MCP06"), "INJ-008": ("MCP-19", None, "MCP06"),
    "INJ-009": ("MCP-19", None, "MCP06"), "INJ-010": ("MCP-19", "MCP-20", "MCP06"),
    "INJ-011": ("MCP-19", "MCP-20", "MCP06"), "INJ-012": ("MCP-19", "MCP-20", "MCP06"),
    "INJ-013": ("MCP-19", "MCP-20", "MCP06"),
    "OUT-001": ("MCP-20", None, "MCP06"), "OUT-002": ("MCP-20", None, "MCP06"), "OUT-003": ("MCP-20", "MCP-30", "MCP06"),
    "SRV-001": ("MCP-20", "MCP-36", "MCP06"), "SRV-004": ("MCP-20", "MCP-36", "MCP06"),
    "SRV-002": ("MCP-02", "MCP-22", "MCP01"),
    # tool metadata
    "META-001": ("MCP-10", "MCP-20", "MCP03"), "META-002": ("MCP-10", None, "MCP03"), "META-003": ("MCP-10", "MCP-30", "MCP03"),
    "META-004": ("MCP-10", "MCP-24", "MCP03"), "META-005": ("MCP-14", "MCP-10", "MCP03"), "META-006": ("MCP-13", None, "MCP03"),
    "META-007": ("MCP-11", "MCP-24", "MCP03"), "META-008": ("MCP-10", "MCP-20", "MCP03"), "META-009": ("MCP-12", "MCP-10", "MCP03"),
    "META-010": ("MCP-11", "MCP-02", "MCP03"), "META-011": ("MCP-10", None, "MCP03"),
    "COLL-001": ("MCP-14", "MCP-13", "MCP09"), "QUAR-001": ("MCP-10", None, "MCP03"),
    "QUAR-002": ("MCP-16", "MCP-27", "MCP03"),
    # pins
    "PIN-001": ("MCP-16", "MCP-27", "MCP03"), "PIN-002": ("MCP-16", "MCP-27", "MCP03"), "PIN-003": ("MCP-16", None, "MCP03"),
    "PIN-004": ("MCP-18", "MCP-16", "MCP09"), "PIN-005": ("MCP-27", None, "MCP03"), "PIN-006": ("MCP-13", "MCP-16", "MCP03"),
    # access and gateway
    "AUTHZ-001": ("MCP-04", "MCP-05", "MCP07"), "AUTHN-001": ("MCP-01", None, "MCP07"),
    # L2 / L3
    "L2-001": ("MCP-19", "MCP-20", "MCP06"), "L2-002": ("MCP-21", None, None),
    "BEH-001": ("MCP-25", "MCP-34", "MCP10"), "BEH-002": ("MCP-25", "MCP-34", "MCP10"),
    "BEH-003": ("MCP-17", "MCP-24", "MCP10"), "BEH-004": ("MCP-17", "MCP-24", "MCP10"),
    "BEH-005": ("MCP-20", "MCP-17", "MCP06"), "BEH-006": ("MCP-33", "MCP-25", "MCP10"),
    "BEH-007": ("MCP-35", "MCP-07", None), "BEH-008": ("MCP-33", "MCP-35", None),
}

VALID_MCP38 = {f"MCP-{i:02d}" for i in range(1, 39)}
VALID_OWASP = {f"MCP{i:02d}" for i in range(1, 11)}

# Corpus cases: old id -> threat, refined by what the case's server sends (a poisoned tools/list is metadata poisoning,
# a poisoned resource is resource poisoning) and by file.
CORPUS_BY_FILE = {
    "rug-pull.jsonl": ("MCP-16", "MCP-27", "MCP03"),
    "rug-pull-depth2.jsonl": ("MCP-16", "MCP-27", "MCP03"),
    "protocol.jsonl": None,  # FROM_OLD: MCP-00 -> MCP-29, MCP-21 -> MCP-33
}


def check(values, where):
    primary, secondary, owasp = values
    assert primary in VALID_MCP38, f"{where}: {primary}"
    assert secondary is None or secondary in VALID_MCP38, f"{where}: {secondary}"
    assert owasp is None or owasp in VALID_OWASP, f"{where}: {owasp}"


for _k, _v in list(FROM_OLD.items()) + list(BY_ID.items()):
    check(_v, _k)


def target(rule_id, category, remapped):
    if rule_id in BY_ID:
        return BY_ID[rule_id]
    if remapped:
        return None
    if category not in FROM_OLD:
        raise SystemExit(f"{rule_id}: category {category} is neither an old id nor re-mapped (add it to BY_ID)")
    return FROM_OLD[category]


FLOW = re.compile(r"category: (MCP-\d\d)(, secondary: MCP-\d\d)?(, owasp_mcp: (MCP\d\d|none))?")


def remap_yaml(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        flow = re.match(r"^  - \{ id: ([A-Za-z0-9_-]+),", line)
        if flow:
            m = FLOW.search(line)
            if m is None:
                raise SystemExit(f"{path}: {flow.group(1)} has no category on its first line")
            values = target(flow.group(1), m.group(1), m.group(3) is not None)
            if values:
                text = f"category: {values[0]}" + (f", secondary: {values[1]}" if values[1] else "") + f", owasp_mcp: {values[2] or 'none'}"
                line = line[:m.start()] + text + line[m.end():]
            out.append(line)
            i += 1
            continue
        block = re.match(r"^  - id: ([A-Za-z0-9_-]+)\s*$", line)
        if block:
            # the entry runs to the next entry or an unindented line
            j = i + 1
            while j < len(lines) and not re.match(r"^  - ", lines[j]) and not re.match(r"^\S", lines[j]):
                j += 1
            entry = [line] + lines[i + 1:j]
            cat_at = next((k for k, l in enumerate(entry) if l.startswith("    category: ")), None)
            if cat_at is None:
                out.extend(entry)  # a partial override has no category
                i = j
                continue
            remapped = any(l.startswith("    owasp_mcp: ") for l in entry)
            values = target(block.group(1), entry[cat_at].split(":", 1)[1].strip(), remapped)
            if values:
                kept = [l for l in entry if not l.startswith("    secondary: ") and not l.startswith("    owasp_mcp: ")]
                cat_at = next(k for k, l in enumerate(kept) if l.startswith("    category: "))
                new = [f"    category: {values[0]}"] + ([f"    secondary: {values[1]}"] if values[1] else []) + [f"    owasp_mcp: {values[2] or 'none'}"]
                entry = kept[:cat_at] + new + kept[cat_at + 1:]
            out.extend(entry)
            i = j
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


CASE_CAT = re.compile(r'"category": "([^"]*)"(, "secondary": "[^"]*")?(, "owasp_mcp": "[^"]*")?')


def server_methods(case):
    """The methods of the requests a case's server answers (what the poisoned answer is to)."""
    methods = {}
    for step in case.get("steps", []):
        msg = step.get("message")
        if isinstance(msg, dict) and step.get("from") == "agent" and "method" in msg:
            methods[json.dumps(msg.get("id"))] = msg["method"]
    answered = set()
    for step in case.get("steps", []):
        msg = step.get("message")
        if isinstance(msg, dict) and step.get("from") == "server" and "result" in msg:
            answered.add(methods.get(json.dumps(msg.get("id")), "?"))
        if isinstance(msg, dict) and step.get("from") == "server" and "method" in msg:
            answered.add("server:" + msg["method"])
    return answered


def corpus_target(name, case, old):
    if name in CORPUS_BY_FILE and CORPUS_BY_FILE[name]:
        return CORPUS_BY_FILE[name]
    if old == "MCP-19":
        answered = server_methods(case)
        if answered & {"tools/list", "initialize", "prompts/list", "resources/list", "resources/templates/list"}:
            return ("MCP-10", "MCP-20", "MCP03")
        if answered & {"resources/read", "prompts/get"}:
            return ("MCP-12", "MCP-20", "MCP06")
        if any(a.startswith("server:sampling") for a in answered):
            return ("MCP-20", "MCP-36", "MCP06")
        if not answered:
            return ("MCP-19", None, "MCP06")  # injection written by the agent side
        return ("MCP-20", None, "MCP06")
    if old == "MCP-13" and server_methods(case):
        return ("MCP-24", "MCP-02", "MCP01")  # a secret in a server's answer
    if old == "MCP-10" and name.startswith("rug"):
        return ("MCP-16", "MCP-27", "MCP03")
    if old == "MCP-03" and server_methods(case) & {"tools/list", "prompts/list", "resources/list"}:
        return ("MCP-10", "MCP-30", "MCP03")  # hidden characters or escapes in tool metadata
    if old == "MCP-03":
        return ("MCP-08", "MCP-07", "MCP05") if name == "evasion.jsonl" else ("MCP-20", None, "MCP06")
    if old == "MCP-17" and name.endswith("behaviour.jsonl"):
        return ("MCP-25", "MCP-34", "MCP10")
    if old == "MCP-24" and name.endswith("behaviour.jsonl"):
        return ("MCP-17", "MCP-24", "MCP10")
    if old == "MCP-07" and name.endswith("behaviour.jsonl"):
        return ("MCP-35", "MCP-07", None)
    if old == "MCP-21" and name.endswith("behaviour.jsonl"):
        return ("MCP-33", "MCP-35", None)
    return FROM_OLD[old]


def remap_jsonl(path):
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            out.append(line)
            continue
        case = json.loads(line)
        category = case.get("category", "")
        if case.get("expect") != "block" or category.startswith("benign") or "owasp_mcp" in case:
            out.append(line)
            continue
        if category not in FROM_OLD:
            raise SystemExit(f"{path}:{number}: category {category} is neither an old id nor re-mapped")
        primary, secondary, owasp = corpus_target(path.name, case, category)
        m = CASE_CAT.search(line)
        text = f'"category": "{primary}"' + (f', "secondary": "{secondary}"' if secondary else "") + f', "owasp_mcp": "{owasp or "none"}"'
        out.append(line[:m.start()] + text + line[m.end():])
    return "\n".join(out)


def main():
    check_only = "--check" in sys.argv
    changed = []
    files = [(p, remap_yaml) for p in sorted((ROOT / "src/McpVanguard.Core/Rules").glob("*.yaml"))]
    files += [(p, remap_jsonl) for p in sorted((ROOT / "corpus").glob("*.jsonl")) + sorted((ROOT / "eval").glob("*.jsonl"))]
    for path, remap in files:
        before = path.read_text(encoding="utf-8")
        after = remap(path)
        if after != before:
            changed.append(str(path.relative_to(ROOT)))
            if not check_only:
                path.write_text(after, encoding="utf-8")
    for name in changed:
        print(("would change " if check_only else "re-mapped ") + name)
    if check_only and changed:
        sys.exit(1)


if __name__ == "__main__":
    main()
