#!/usr/bin/env bash
# Whole-process timing of `dflint` over a generated tree of Dockerfiles: wall time, files per second and
# peak memory (maximum resident set size), the median of several runs.
# Usage: tests/Benchmarks/cli-timing.sh [FILES] [RUNS]      (defaults: 1000 files, 5 runs)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
files="${1:-1000}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/Cli/Cli.csproj" -c Release -nologo -v quiet -o "$work/bin" >/dev/null
dotnet build "$here/Benchmarks.csproj" -c Release -nologo -v quiet >/dev/null
dotnet "$here/bin/Release/net10.0/Dflint.Benchmarks.dll" write-corpus "$work/tree" "$files" >/dev/null
found=$(find "$work/tree" -type f \( -name 'Dockerfile*' -o -name '*.Dockerfile' -o -name '*.dockerfile' -o -name Containerfile \) | wc -l)

cd "$work/tree"
for i in $(seq 1 "$runs"); do
    # Exit code 1 (findings) is expected; anything else is a failure.
    /usr/bin/time -f '%e %M' -o "$work/time.$i" dotnet "$work/bin/dflint.dll" . --format json >/dev/null || [ $? -eq 1 ]
done
for f in "$work"/time.*; do tail -n 1 "$f"; done | sort -n | awk -v files="$found" -v runs="$runs" '
    { wall[NR] = $1; rss[NR] = $2 }
    END {
        m = int((NR + 1) / 2)
        printf "dflint over %d files, %d runs: median %.2f s wall (%.0f files/s), peak RSS %.0f MB (median run)\n", files, runs, wall[m], files / wall[m], rss[m] / 1024
    }'

# Start-up: one small Dockerfile, same number of runs.
one="$(find "$work/tree" -name Dockerfile -print -quit)"
for i in $(seq 1 "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/one.$i" dotnet "$work/bin/dflint.dll" "$one" >/dev/null || [ $? -eq 1 ]
done
for f in "$work"/one.*; do tail -n 1 "$f"; done | sort -n | awk -v runs="$runs" '
    { wall[NR] = $1; rss[NR] = $2 }
    END {
        m = int((NR + 1) / 2)
        printf "dflint on one small Dockerfile, %d runs: median %.0f ms wall, peak RSS %.0f MB (median run)\n", runs, wall[m] * 1000, rss[m] / 1024
    }'
