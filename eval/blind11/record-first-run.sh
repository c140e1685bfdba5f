#!/usr/bin/env bash
# Writes first-run.txt: the per-class totals of score.sh (no miss list) with the commit, SDK, date and load.
# Usage: eval/blind11/record-first-run.sh BASE_COMMIT
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE="${1:?base commit of the vanguard build}"
N=$(cat "$HERE"/*.jsonl | wc -l)
{
  echo "blind11 first run against main"
  echo
  echo "main at the start of this part: $BASE (the worktree's base; Release CLI built from it with"
  echo "  dotnet build src/McpVanguard.Cli -c Release, .NET SDK $(dotnet --version)). main later gained 9e56934 (a REPLAY-FORMAT"
  echo "  doc note and a --config help string; no detection change)."
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg) (shared 2-core machine)"
  echo "command: eval/blind11/score.sh   (vanguard replay FILE --profile balanced --json --config <empty>, per file)"
  echo "format: all 12 files replayed with exit 0 (no format error); $N cases, $N results"
  echo
  "$HERE/score.sh" | tail -n +2
  echo
  echo "recall = attacks blocked / attacks; FP rate = look-alikes blocked / look-alikes. Direction: a case with a server step"
  echo "counts as server->agent (its point is what the server sends), even when what was blocked was its agent request;"
  echo "whole sessions are eight multi-step everyday look-alikes."
  echo "No miss list here by design: the lead runs score.sh --misses and decides who may see it."
} > "$HERE/first-run.txt"
cat "$HERE/first-run.txt"
