#!/usr/bin/env bash
# Refreshes the embedded Sigstore public-good trusted root from the npm package @sigstore/tuf, which ships the
# TUF-signed targets of tuf-repo-cdn.sigstore.dev in seeds.json (base64). We take it from npm rather than the TUF CDN
# because npm is the registry these machines can reach and the package is signed with npm provenance.
# Usage: scripts/update-trusted-root.sh [VERSION]   (default: the version below; see docs/TRUST.md)
set -euo pipefail
version="${1:-5.0.1}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
target="$repo/src/McpVanguard.Trust/Roots/public-good-trusted-root.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@sigstore/tuf@$version" --silent >/dev/null && tar xzf sigstore-tuf-*.tgz)
node -e '
const seeds = require(process.argv[1]);
const repo = seeds["https://tuf-repo-cdn.sigstore.dev"];
if (!repo || !repo.targets || !repo.targets["trusted_root.json"]) { console.error("seeds.json has no trusted_root.json target"); process.exit(1); }
const json = JSON.parse(Buffer.from(repo.targets["trusted_root.json"], "base64").toString("utf8"));
if (!String(json.mediaType).startsWith("application/vnd.dev.sigstore.trustedroot")) { console.error("not a trusted root: " + json.mediaType); process.exit(1); }
process.stdout.write(JSON.stringify(json, null, 2) + "\n");
' "$work/package/seeds.json" > "$target.tmp"
mv "$target.tmp" "$target"
echo "wrote $target from @sigstore/tuf@$version"
