#!/usr/bin/env bash
# Runs the whole default test suite: unit tests, replay-corpus gates and the end-to-end tests
# with real processes. The end-to-end tests need the npm reference servers, installed
# project-locally (and only when missing) by install-test-deps.sh.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
bash scripts/install-test-deps.sh
dotnet build McpVanguard.slnx -c Release -v q -nologo
dotnet test --solution McpVanguard.slnx -c Release --no-build "$@"
