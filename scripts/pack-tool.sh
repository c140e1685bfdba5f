#!/usr/bin/env bash
# Packs the `vanguard` .NET tool: the McpVanguard package that `dotnet tool install -g McpVanguard` asks for (a pointer
# naming one package per platform) and the per-platform packages it points to, McpVanguard.<rid>.<version>.nupkg, into
# one folder to install from (`--add-source` it, or push every file in it to a feed). Usage:
#   scripts/pack-tool.sh                    # every platform into artifacts/
#   scripts/pack-tool.sh --rid linux-x64    # the pointer and one platform (repeatable; `any` is the fallback package)
#   scripts/pack-tool.sh --out DIR          # another output folder
#   scripts/pack-tool.sh --no-aot           # linux-x64 as ReadyToRun too
#   scripts/pack-tool.sh --version X.Y.Z    # another version than the VERSION file's (every package gets it)
# linux-x64 is Native AOT when this machine can compile it (a linux x86_64 host with clang), with the same properties as
# scripts/release.sh, so that after a release build the native code is reused rather than compiled again. Every other
# platform is framework-dependent ReadyToRun (crossgen2 cross-compiles them from here; Native AOT does not cross-compile
# across OS or architecture), and `any` is the framework-dependent JIT build every platform without its own package
# gets (docs/RELEASE.md). The platforms are the csproj's ToolPackageRuntimeIdentifiers.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

project=src/McpVanguard.Cli/McpVanguard.Cli.csproj
rids=()
aot=1
version=()
out="$repo_root/artifacts"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rid) rids+=("$2"); shift 2 ;;
        --out) out="$(realpath -m "$2")"; shift 2 ;;
        --no-aot) aot=0; shift ;;
        --version) version=("-p:Version=$2"); shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "pack-tool: unknown argument '$1' (expected --rid RID, --out DIR, --version X.Y.Z or --no-aot)" >&2; exit 2 ;;
    esac
done

# The one list of platforms is the project's; a --rid outside it would make a package the pointer never names.
mapfile -t known < <(dotnet msbuild "$project" -getProperty:ToolPackageRuntimeIdentifiers -nologo | tr ';' '\n' | sed '/^$/d')
[[ ${#rids[@]} -gt 0 ]] || rids=("${known[@]}")
for rid in "${rids[@]}"; do
    if ! printf '%s\n' "${known[@]}" | grep -qxF "$rid"; then
        echo "pack-tool: '$rid' is not in ToolPackageRuntimeIdentifiers (${known[*]})" >&2
        exit 2
    fi
done

# Native AOT for linux-x64 when this machine can compile it, with exactly the properties of scripts/release.sh's publish.
aot_properties=()
if [[ $aot -eq 1 && "$(uname -s)/$(uname -m)" == Linux/x86_64 ]] && command -v clang >/dev/null 2>&1 && printf '%s\n' "${rids[@]}" | grep -qxF linux-x64; then
    aot_properties=(-p:PublishAot=true -p:StripSymbols=true)
fi
# linux-x64 right after the pointer and `any` last: a change of global properties between two packs rebuilds the
# libraries (PublishAot turns on the AOT analysers), and rebuilt libraries would make the native code compile again.
ordered=()
printf '%s\n' "${rids[@]}" | grep -qxF linux-x64 && ordered+=(linux-x64)
for rid in "${rids[@]}"; do [[ "$rid" == linux-x64 || "$rid" == any ]] || ordered+=("$rid"); done
printf '%s\n' "${rids[@]}" | grep -qxF any && ordered+=(any)

mkdir -p "$out"
common=(-c Release -o "$out" -v q -nologo -p:GenerateDocumentationFile=false -p:DebugType=none "${version[@]}")
echo "pack-tool: McpVanguard (the pointer package)"
# The pointer holds no code; it gets the AOT pack's properties only so that the build it runs leaves that pack nothing to redo.
dotnet pack "$project" "${common[@]}" "${aot_properties[@]}"
for rid in "${ordered[@]}"; do
    if [[ "$rid" == any ]]; then
        echo "pack-tool: McpVanguard.any (framework-dependent, JIT)"
        dotnet pack "$project" "${common[@]}" -r any
    elif [[ "$rid" == linux-x64 && ${#aot_properties[@]} -gt 0 ]]; then
        echo "pack-tool: McpVanguard.$rid (Native AOT)"
        # After scripts/release.sh (same properties) its native code is up to date: nothing is compiled again.
        dotnet pack "$project" "${common[@]}" -r "$rid" "${aot_properties[@]}"
    else
        echo "pack-tool: McpVanguard.$rid (ReadyToRun)"
        dotnet pack "$project" "${common[@]}" -r "$rid" -p:SelfContained=false -p:PublishReadyToRun=true
    fi
done
echo "pack-tool: $out"
ls -l "$out"/McpVanguard*.nupkg
