#!/usr/bin/env bash
# Builds an MCP Bundle (.mcpb) that installs vanguard in Claude Desktop as a wrapper around one server the user names
# at install time. One bundle per platform (the binary is self-contained, ~40 MB compressed).
#   scripts/mcpb/pack.sh --rid linux-x64 --binary dist/0.2.0/vanguard-0.2.0-linux-x64 [--out DIR]
# Validates the manifest and packs with the official CLI (@anthropic-ai/mcpb, installed project-locally in tools/mcpb).
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$(tr -d '[:space:]' < "$repo_root/VERSION")"
rid="" binary="" out="$repo_root/dist/$version"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rid) rid="$2"; shift 2 ;;
        --binary) binary="$(realpath "$2")"; shift 2 ;;
        --out) out="$(realpath -m "$2")"; shift 2 ;;
        *) echo "mcpb: unknown argument '$1' (expected --rid, --binary, --out)" >&2; exit 2 ;;
    esac
done
case "$rid" in
    linux-*) platform=linux ;;
    osx-*) platform=darwin ;;
    win-*) platform=win32 ;;
    *) echo "mcpb: --rid must be one of linux-x64, linux-arm64, osx-arm64, osx-x64, win-x64" >&2; exit 2 ;;
esac
[[ -f "$binary" ]] || { echo "mcpb: --binary '$binary' does not exist (build it with scripts/release.sh --rid $rid)" >&2; exit 2; }

tools="$repo_root/tools/mcpb"
if [[ ! -x "$tools/node_modules/.bin/mcpb" ]]; then
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi

name="vanguard"
[[ "$platform" == win32 ]] && name="vanguard.exe"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/server"
cp "$binary" "$staging/server/$name"
chmod 755 "$staging/server/$name"
sed -e "s/@VERSION@/$version/g" -e "s/@BINARY@/$name/g" -e "s/@PLATFORM@/$platform/g" \
    "$repo_root/scripts/mcpb/manifest.template.json" > "$staging/manifest.json"
cp "$repo_root/LICENSE" "$staging/LICENSE" 2>/dev/null || true

mkdir -p "$out"
bundle="$out/vanguard-$version-$rid.mcpb"
"$tools/node_modules/.bin/mcpb" validate "$staging/manifest.json"
"$tools/node_modules/.bin/mcpb" pack "$staging" "$bundle" >/dev/null
echo "mcpb: $bundle"
