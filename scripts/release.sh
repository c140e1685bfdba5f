#!/usr/bin/env bash
# Publishes `vanguard` as one self-contained file per platform (no .NET needed on the user's machine), with SHA-256
# checksums, a CycloneDX SBOM and the release notes (the version's CHANGELOG.md section), into dist/<version>/. Usage:
#   scripts/release.sh                      # every platform: linux-x64 linux-arm64 osx-arm64 osx-x64 win-x64
#   scripts/release.sh --rid linux-x64      # one platform (repeatable)
#   scripts/release.sh --out DIR            # another output folder
#   scripts/release.sh --no-aot             # linux-x64 as ReadyToRun too
# linux-x64 is Native AOT when this machine can compile it (a linux x86_64 host with clang): one native file that starts
# faster and uses less memory (docs/RELEASE.md, docs/BENCHMARKS.md). Every other platform, and linux-x64 with --no-aot or
# without clang, is single-file, self-contained ReadyToRun (cross-compiled by crossgen2): Native AOT does not cross-compile
# across OS or architecture. macOS binaries are built unsigned: Apple's codesign/notarization needs a Mac.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

version="$(tr -d '[:space:]' < VERSION)"
rids=()
aot=1
out="$repo_root/dist/$version"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rid) rids+=("$2"); shift 2 ;;
        --out) out="$(realpath -m "$2")"; shift 2 ;;
        --no-aot) aot=0; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "release: unknown argument '$1' (expected --rid RID, --out DIR or --no-aot)" >&2; exit 2 ;;
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
    if [[ $aot -eq 1 && "$rid" == linux-x64 && "$(uname -s)/$(uname -m)" == Linux/x86_64 ]] && command -v clang >/dev/null 2>&1; then
        echo "release: publishing $rid (Native AOT)"
        # Warnings stay errors for our code; the only ones left come from OllamaSharp's generic JSON calls, which run on
        # its source-generated context (the L2 end-to-end test drives the Ollama provider through the native binary).
        dotnet publish src/McpVanguard.Cli/McpVanguard.Cli.csproj -c Release -r "$rid" -p:PublishAot=true \
            -p:DebugType=none -p:StripSymbols=true -p:GenerateDocumentationFile=false \
            -o "$staging" -v q -nologo
    else
        echo "release: publishing $rid (ReadyToRun)"
        dotnet publish src/McpVanguard.Cli/McpVanguard.Cli.csproj -c Release -r "$rid" --self-contained true \
            -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:EnableCompressionInSingleFile=true \
            -p:PublishReadyToRun=true -p:DebugType=none -p:GenerateDocumentationFile=false \
            -o "$staging" -v q -nologo
    fi
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
