#!/usr/bin/env bash
# `bicep build` and `bicep lint` of main.bicep, and `bicep build-params` of each environment's parameter file; any warning
# fails. The bicep binary comes from the NuGet package Azure.Bicep.CommandLine.linux-x64 that tests/Cms.Deployment.Tests
# restores (version pinned in Directory.Packages.props), so nothing is downloaded from elsewhere. Run after a restore.
set -euo pipefail
cd "$(dirname "$0")"
version=$(sed -n 's/.*"Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' ../../Directory.Packages.props)
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -f "$bicep" ]; then
  echo "bicep $version is not restored; run: dotnet restore tests/Cms.Deployment.Tests" >&2
  exit 1
fi
[ -x "$bicep" ] || chmod +x "$bicep"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() {
  local output
  output=$("$bicep" "$@" 2>&1) || { echo "$output"; return 1; }
  if [ -n "$output" ]; then
    echo "$output"
    return 1
  fi
  echo "bicep $1 ${2:-}: clean"
}

run build main.bicep --outdir "$out"
run lint main.bicep
for environment in dev prod; do
  run build-params "main.$environment.bicepparam" --outfile "$out/main.$environment.json"
done
