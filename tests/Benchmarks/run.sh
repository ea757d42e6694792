#!/usr/bin/env bash
# Runs the parser benchmarks in Release and prints the numbers the performance targets are stated in.
# Usage: tests/Benchmarks/run.sh [extra BenchmarkDotNet arguments]
# BENCH_FILTER narrows the run (default '*'); BENCH_ARTIFACTS moves the output (default artifacts/benchmarks).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
artifacts="${BENCH_ARTIFACTS:-$root/artifacts/benchmarks}"
filter="${BENCH_FILTER:-*}"

rm -rf "$artifacts"
dotnet build "$here/Benchmarks.csproj" -c Release -nologo -v quiet
dll="$here/bin/Release/net10.0/Dflint.Benchmarks.dll"

# In-process (see Program.Config), 3 warmup and 20 measured iterations of ~400 ms: the whole run (5 benchmarks)
# stays within about 3 minutes on a shared 2-core machine, with error bars small enough to compare runs.
dotnet "$dll" --filter "$filter" \
    --launchCount 1 --warmupCount 3 --iterationCount 20 --iterationTime 400 \
    --exporters json --artifacts "$artifacts" "$@"

dotnet "$dll" summarize "$artifacts/results"
