#!/usr/bin/env bash
# Prints the release notes of one version: its section of CHANGELOG.md (Keep a Changelog format), without the heading.
# Exit 1 when the changelog has no section for that version, or the section is empty: a release says what changed.
# Usage: scripts/release-notes.sh [VERSION] [CHANGELOG]   (defaults: the VERSION file, CHANGELOG.md at the repository root)
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:-$(tr -d '[:space:]' < "$repo_root/VERSION")}"
changelog="${2:-$repo_root/CHANGELOG.md}"

notes="$(awk -v version="$version" '
    /^## \[/ {
        if (found) { exit }
        heading = $0
        sub(/^## \[/, "", heading)
        sub(/\].*$/, "", heading)
        found = (heading == version)
        next
    }
    found { print }
' "$changelog")"

# Blank lines around the section are layout, not content.
notes="$(printf '%s\n' "$notes" | sed -e '/./,$!d' | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}')"
if [[ -z "${notes//[[:space:]]/}" ]]; then
    echo "release-notes: $changelog has no section '## [$version]' with content; add one before releasing" >&2
    exit 1
fi

printf '# vanguard %s\n\n%s\n' "$version" "$notes"
