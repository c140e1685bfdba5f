#!/usr/bin/env bash
# Installs the official MCP conformance suite (@modelcontextprotocol/conformance) and the Node 22 it needs (the npm
# package `node`, which provides tests/conformance/node_modules/.bin/node) into tests/conformance/node_modules.
# Project-local only. Idempotent: does nothing when node_modules matches the committed package-lock.json.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite_dir="$repo_root/tests/conformance"
stamp="$suite_dir/node_modules/.vanguard-lock.sha256"
lock_hash="$(sha256sum "$suite_dir/package-lock.json" | cut -d' ' -f1)"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" && -x "$suite_dir/node_modules/.bin/node" ]]; then
    echo "install-conformance-deps: tests/conformance/node_modules is up to date"
    exit 0
fi

# package.json allows the `node` package's install script (it fetches the Node 22 binary package from the npm
# registry and links it); npm ci honours that list, and older npm runs install scripts anyway.
(cd "$suite_dir" && npm ci --no-audit --no-fund --loglevel=error)
"$suite_dir/node_modules/.bin/node" --version >/dev/null
echo "$lock_hash" > "$stamp"
echo "install-conformance-deps: installed @modelcontextprotocol/conformance and node $("$suite_dir/node_modules/.bin/node" --version) into tests/conformance/node_modules"
