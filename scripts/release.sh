#!/usr/bin/env bash
# Publishes `vanguard` as one self-contained file per platform (no .NET needed on the user's machine), with SHA-256
# checksums, a CycloneDX SBOM and the release notes (the version's CHANGELOG.md section), into dist/<version>/. Usage:
#   scripts/release.sh                      # every platform: linux-x64 linux-arm64 osx-arm64 osx-x64 win-x64
#   scripts/release.sh --rid linux-x64      # one platform (repeatable)
#   scripts/release.sh --out DIR            # another output folder
# Single-file, self-contained, ReadyToRun (cross-compiled by crossgen2 for every platform). Native AOT is not used: the
# gateway's ASP.NET Core and the L2 providers rely on reflection-based JSON and configuration that AOT would trim
# (docs/RELEASE.md says what was tried). macOS binaries are built unsigned: Apple's codesign/notarization needs a Mac.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

version="$(tr -d '[:space:]' < VERSION)"
rids=()
out="$repo_root/dist/$version"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rid) rids+=("$2"); shift 2 ;;
        --out) out="$(realpath -m "$2")"; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "release: unknown argument '$1' (expected --rid RID or --out DIR)" >&2; exit 2 ;;
    esac
done
[[ ${#rids[@]} -gt 0 ]] || rids=(linux-x64 linux-arm64 osx-arm64 osx-x64 win-x64)

# The notes first: a version without a CHANGELOG.md section is not released (nothing is built for it).
notes="$(scripts/release-notes.sh "$version")"
mkdir -p "$out"
printf '%s\n' "$notes" > "$out/RELEASE-NOTES.md"
for rid in "${rids[@]}"; do
    case "$rid" in
        linux-x64|linux-arm64|osx-arm64|osx-x64|win-x64) ;;
        *) echo "release: unsupported platform '$rid'" >&2; exit 2 ;;
    esac
    staging="$(mktemp -d)"
    echo "release: publishing $rid"
    dotnet publish src/McpVanguard.Cli/McpVanguard.Cli.csproj -c Release -r "$rid" --self-contained true \
        -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:EnableCompressionInSingleFile=true \
        -p:PublishReadyToRun=true -p:DebugType=none -p:GenerateDocumentationFile=false \
        -o "$staging" -v q -nologo
    suffix=""
    [[ "$rid" == win-* ]] && suffix=".exe"
    cp "$staging/vanguard$suffix" "$out/vanguard-$version-$rid$suffix"
    rm -rf "$staging"
done

echo "release: SBOM"
dotnet tool restore >/dev/null
dotnet tool run dotnet-CycloneDX src/McpVanguard.Cli/McpVanguard.Cli.csproj --exclude-test-projects \
    --set-name vanguard --set-version "$version" --output-format Json --output "$out" --filename "vanguard-$version.cdx.json" \
    --disable-package-restore >/dev/null

(cd "$out" && sha256sum vanguard-"$version"-* "vanguard-$version.cdx.json" RELEASE-NOTES.md > SHA256SUMS)
echo "release: $out"
ls -l "$out"
