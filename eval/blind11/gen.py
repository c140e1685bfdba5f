#!/usr/bin/env python3
"""Regenerates every blind11 replay file (deterministic): one generator module per class, one .jsonl per class.

    python3 eval/blind11/gen.py
"""
import os
import sys
sys.dont_write_bytecode = True
import json

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from lib import dumps  # noqa: E402
import gen_shell_interpreter, gen_shell_expansion, gen_exec_options, gen_any_key, gen_data_positions  # noqa: E402
import gen_url, gen_sql, gen_sensitive_path, gen_secret, gen_s2a_language, gen_s2a_poisoning, gen_rug_pull  # noqa: E402

GENERATORS = [gen_shell_interpreter, gen_shell_expansion, gen_exec_options, gen_any_key, gen_data_positions,
              gen_url, gen_sql, gen_sensitive_path, gen_secret, gen_s2a_language, gen_s2a_poisoning, gen_rug_pull]


def direction(c):
    if "direction" in c:
        return c["direction"]
    froms = {st["from"] for st in c["steps"]}
    # server->agent when the case exists to show what a server sends (any server step); else agent->server
    return "s2a" if "server" in froms else "a2s"


def main():
    seen_ids, seen_bodies = set(), {}
    totals = {"block": 0, "allow": 0, "a2s": 0, "s2a": 0, "session": 0}
    rows = []
    for g in GENERATORS:
        cases = g.cases()
        path = os.path.join(HERE, g.CLS + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for c in cases:
                assert c["id"] not in seen_ids, "duplicate id " + c["id"]
                seen_ids.add(c["id"])
                body = json.dumps(c["steps"], sort_keys=True)
                assert body not in seen_bodies, f"{c['id']} repeats {seen_bodies.get(body)}"
                seen_bodies[body] = c["id"]
                c["direction"] = direction(c)
                f.write(dumps(c) + "\n")
        a = sum(1 for c in cases if c["expect"] == "block")
        b = len(cases) - a
        s2a = sum(1 for c in cases if c["direction"] == "s2a")
        sess = sum(1 for c in cases if c["direction"] == "session")
        totals["session"] += sess
        totals["block"] += a
        totals["allow"] += b
        totals["s2a"] += s2a
        totals["a2s"] += len(cases) - s2a - sess
        rows.append((g.CLS, a, b, len(cases) - s2a - sess, s2a, sess))
    print(f"{'class':<20}{'attacks':>8}{'look-alikes':>12}{'a2s':>6}{'s2a':>6}{'session':>8}")
    for r in rows:
        print(f"{r[0]:<20}{r[1]:>8}{r[2]:>12}{r[3]:>6}{r[4]:>6}{r[5]:>8}")
    print(f"{'total':<20}{totals['block']:>8}{totals['allow']:>12}{totals['a2s']:>6}{totals['s2a']:>6}{totals['session']:>8}"
          f"   ({totals['block'] + totals['allow']} cases)")


if __name__ == "__main__":
    main()
