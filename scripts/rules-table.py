#!/usr/bin/env python3
"""Prints the markdown table of the embedded L1 rules (used for docs/RULES.md).

Usage: python3 scripts/rules-table.py > /tmp/table.md
"""
import pathlib
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
RULES = ROOT / "src" / "McpVanguard.Core" / "Rules"

def main() -> None:
    total = 0
    for path in sorted(RULES.glob("*.yaml")):
        rules = yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
        total += len(rules)
        analyzers = all("analyzer" in r for r in rules)
        print(f"### {path.name} ({len(rules)} {'analyser rules' if analyzers else 'rules'})\n")
        if analyzers:
            # Ids reported by C# analysers: the action is the usual one; locked ones cannot be disabled or lowered.
            print("| id | analyzer | category | severity | action | locked | title |")
            print("|---|---|---|---|---|---|---|")
        else:
            print("| id | category | severity | action | profiles | title |")
            print("|---|---|---|---|---|---|")
        for r in sorted(rules, key=lambda r: (r["id"].rsplit("-", 1)[0], int(r["id"].rsplit("-", 1)[1]))):
            profiles = ", ".join(r["profiles"]) if "profiles" in r else "all"
            title = r["title"].replace("|", "\\|")
            if analyzers:
                print(f"| {r['id']} | {r['analyzer']} | {r['category']} | {r['severity']} | {r['action']} | {'yes' if r.get('locked') else ''} | {title} |")
            else:
                print(f"| {r['id']} | {r['category']} | {r['severity']} | {r['action']} | {profiles} | {title} |")
        print()
    print(f"Total: {total} rules (signatures and analyser rules).")

if __name__ == "__main__":
    main()
