#!/usr/bin/env bash
# Runs the whole default test suite: unit tests, replay-corpus gates and the end-to-end tests
# with real processes. The end-to-end tests need the npm reference servers, installed
# project-locally (and only when missing) by install-test-deps.sh.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
bash scripts/install-test-deps.sh
# The official MCP conformance suite and Node 22, for the conformance tests in McpVanguard.Gateway.Tests.
bash scripts/install-conformance-deps.sh
dotnet build McpVanguard.slnx -c Release -v q -nologo
# The release artifacts a user downloads (the self-contained linux-x64 binary, checksums, SBOM, the MCP Bundle), which
# ReleaseArtifactTests run as a user would, and the tool packages GlobalToolTests install. Never run this beside another build of the same tree: publish restores.
version="$(tr -d '[:space:]' < VERSION)"
bash scripts/release.sh --rid linux-x64 --out artifacts/release >/dev/null
bash scripts/mcpb/pack.sh --rid linux-x64 --binary "artifacts/release/vanguard-$version-linux-x64" --out artifacts/release >/dev/null
# The .NET tool packages a linux-x64 developer installs (GlobalToolTests): the pointer, linux-x64 (Native AOT, the native
# code release.sh just compiled, reused) and the framework-dependent fallback.
rm -rf artifacts/tool
bash scripts/pack-tool.sh --rid linux-x64 --rid any --out artifacts/tool >/dev/null

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test --solution McpVanguard.slnx -c Release --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain summary line ("N passed, N failed") for tools that read the closing line.
passed="$(grep -E '^[[:space:]]+succeeded:' "$log" | tail -n 1 | awk '{print $2}')"
failed="$(grep -E '^[[:space:]]+failed:' "$log" | tail -n 1 | awk '{print $2}')"
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
