#!/usr/bin/env bash
# Packs effnet-bench and installs it as a .NET tool, exactly as a user would (the package for this machine's platform).
#   scripts/install.sh                    global install (~/.dotnet/tools, on PATH after a new login)
#   scripts/install.sh --tool-path DIR    private install into DIR (DIR/effnet-bench)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
feed="$root/artifacts/package"

target=(--global)
if [[ "${1:-}" == "--tool-path" ]]; then
  [[ -n "${2:-}" ]] || { echo "install.sh: --tool-path needs a folder, e.g. --tool-path ~/.effnet-bench" >&2; exit 2; }
  target=(--tool-path "$2")
elif [[ $# -gt 0 ]]; then
  echo "install.sh: unknown argument '$1': use no argument (global) or --tool-path DIR" >&2
  exit 2
fi

# dotnet pack makes a package per platform (effnet-bench.linux-x64.<version>.nupkg, ...) and the pointer package
# effnet-bench.<version>.nupkg, from which dotnet tool install takes the one for this machine.
rm -rf "$feed"
dotnet pack "$root/src/EffNetBench/EffNetBench.csproj" -c Release -o "$feed" --nologo -v quiet
pointer=$(ls "$feed"/effnet-bench.[0-9]*.nupkg)
version=$(basename "$pointer" .nupkg)
version=${version#effnet-bench.}

# Reinstalling the same version must take the freshly packed bits, not a cached copy.
dotnet tool uninstall "${target[@]}" effnet-bench >/dev/null 2>&1 || true
dotnet tool install "${target[@]}" effnet-bench --add-source "$feed" --version "$version" --no-cache
