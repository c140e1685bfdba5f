#!/usr/bin/env bash
# Installs the real MCP peers the end-to-end tests run behind vanguard
# (official reference servers and the TypeScript SDK) into tests/node/node_modules.
# Project-local only, never global. Idempotent: when node_modules matches the
# committed package-lock.json it does nothing, so it is cheap to call before every test run.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_dir="$repo_root/tests/node"
lock="$node_dir/package-lock.json"
# npm writes its own copy of the lock here after every install; comparing the two
# tells us whether the installed tree still matches what is committed.
installed_lock="$node_dir/node_modules/.package-lock.json"
stamp="$node_dir/node_modules/.vanguard-lock.sha256"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "install-test-deps: node and npm are required (Node >= 18)" >&2
    exit 1
fi

lock_hash() { sha256sum "$lock" | cut -d' ' -f1; }

if [[ -f "$lock" && -d "$node_dir/node_modules" && -f "$installed_lock" && -f "$stamp" ]] \
    && [[ "$(cat "$stamp")" == "$(lock_hash)" ]]; then
    echo "install-test-deps: tests/node/node_modules is up to date"
    exit 0
fi

cd "$node_dir"
if [[ -f "$lock" ]]; then
    # ci installs exactly the committed lock and fails if package.json disagrees with it.
    npm ci --no-audit --no-fund --loglevel=error
else
    npm install --no-audit --no-fund --loglevel=error
fi
lock_hash > "$stamp"
echo "install-test-deps: installed $(node -p "Object.keys(require('./package.json').dependencies).join(', ')") into tests/node/node_modules"
