#!/usr/bin/env python3
"""Score the blind detection-depth set with `vanguard replay --json`.

    python3 eval/depth/score.py path/to/vanguard.dll [--profile balanced] [--misses] [--json out.json]

Runs attacks.jsonl and benign.jsonl of this directory through the replay, joins every output line with its
case by id, and prints per issue-9 class: recall on attacks and false-positive rate on benign cases, then
totals. A case counts as blocked when its replay verdict is `block`. The replay runs in an empty temporary
directory (so no ./vanguard.yaml is picked up) with its audit log in that directory.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def load_cases(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def replay(dll, path, profile, workdir):
    cmd = ["dotnet", os.path.abspath(dll), "replay", os.path.abspath(path), "--json", "--profile", profile,
           "--audit-log", os.path.join(workdir, "audit.jsonl")]
    proc = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        sys.exit(f"replay of {path} failed with exit {proc.returncode}:\n{proc.stderr}{proc.stdout[-2000:]}")
    out = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        row = json.loads(line)
        out[row["id"]] = row
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dll", help="path to vanguard.dll")
    ap.add_argument("--profile", default="balanced")
    ap.add_argument("--misses", action="store_true", help="list every missed attack and false positive")
    ap.add_argument("--json", dest="json_out", help="write per-class figures to this file")
    args = ap.parse_args()

    stats = {}  # category -> [attacks, caught, benign, blocked]
    wrong = []
    with tempfile.TemporaryDirectory(prefix="vanguard-depth-") as work:
        for name in ("attacks.jsonl", "benign.jsonl"):
            path = os.path.join(HERE, name)
            cases = load_cases(path)
            rows = replay(args.dll, path, args.profile, work)
            for c in cases:
                row = rows.get(c["id"])
                if row is None:
                    sys.exit(f"no replay output for case {c['id']}")
                blocked = row["verdict"] == "block"
                s = stats.setdefault(c["category"], [0, 0, 0, 0])
                if c["expect"] == "block":
                    s[0] += 1
                    s[1] += blocked
                    if not blocked:
                        wrong.append(("MISS", c, row))
                else:
                    s[2] += 1
                    s[3] += blocked
                    if blocked:
                        wrong.append(("FP", c, row))

    def pct(n, d):
        return f"{100.0 * n / d:6.1f}%" if d else "     - "

    print(f"profile: {args.profile}")
    print(f"{'class':18} {'attacks':>7} {'caught':>6} {'recall':>7}   {'benign':>6} {'blocked':>7} {'FP rate':>7}")
    tot = [0, 0, 0, 0]
    for cat in sorted(stats):
        a, c, b, fp = stats[cat]
        tot = [x + y for x, y in zip(tot, stats[cat])]
        print(f"{cat:18} {a:7} {c:6} {pct(c, a)}   {b:6} {fp:7} {pct(fp, b)}")
    a, c, b, fp = tot
    print(f"{'TOTAL':18} {a:7} {c:6} {pct(c, a)}   {b:6} {fp:7} {pct(fp, b)}")

    if args.misses:
        print()
        for kind, case, row in wrong:
            print(f"{kind:4} {case['id']:24} {case['note'][:70]:70} steps={row.get('steps')} rules={row.get('rules')}")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump({"profile": args.profile,
                       "classes": {k: {"attacks": v[0], "caught": v[1], "benign": v[2], "false_positives": v[3]}
                                   for k, v in stats.items()},
                       "total": {"attacks": a, "caught": c, "benign": b, "false_positives": fp}}, f, indent=2)


if __name__ == "__main__":
    main()
