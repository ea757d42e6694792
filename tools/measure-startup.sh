#!/usr/bin/env bash
# Start-up and whole-run cost of dflint as users run it: the ReadyToRun, framework-dependent build for this machine
# (what the RID-specific tool package installs), started through its native launcher, one process per run. Prints
# the median wall time, the fastest and slowest run, the median CPU time and the peak resident memory of the median
# run, for one small Dockerfile and for a generated tree of Dockerfiles, next to the targets (under 80 ms and under
# 1 s). The plain JIT build is measured too, to show what ReadyToRun buys.
#
# Usage: tools/measure-startup.sh [RUNS] [FILES]        (defaults: 21 runs, 1000 files)
# Needs GNU time (/usr/bin/time, Debian package `time`) for the memory figure.
# Other builds or tests running at the same time show up in the wall times; the median keeps some of that out.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-21}"
files="${2:-1000}"
if [ ! -x /usr/bin/time ]; then
    echo "measure-startup.sh: needs GNU time (/usr/bin/time): apt-get install time" >&2
    exit 2
fi
rid="$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "building (ReadyToRun for $rid, and plain JIT)..." >&2
dotnet publish "$root/src/Cli/Cli.csproj" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o "$work/r2r" -nologo -v quiet >/dev/null
dotnet publish "$root/src/Cli/Cli.csproj" -c Release -o "$work/jit" -nologo -v quiet >/dev/null
dotnet run -c Release --project "$root/tests/Benchmarks" -- write-corpus "$work/tree" "$files" >/dev/null

# The README's example: six findings in five lines, so the run reports as well as parses.
mkdir -p "$work/one"
cat >"$work/one/Dockerfile" <<'EOF'
FROM python:3.12
RUN apt-get update && apt-get install -y curl
RUN pip install flask
COPY . /app
CMD ["python", "/app/main.py"]
EOF

# measure LABEL TARGET_MS FOLDER COMMAND...: runs COMMAND in FOLDER RUNS times after one warm-up run, timing the
# process alone (no subshell or GNU time around it), then RUNS more times under GNU time for CPU and memory.
measure() {
    local label="$1" target="$2" folder="$3"
    shift 3
    local i start end status
    pushd "$folder" >/dev/null
    "$@" >/dev/null 2>&1 || true
    : >"$work/wall"
    : >"$work/usage"
    for i in $(seq 1 "$runs"); do
        start=$EPOCHREALTIME
        status=0
        "$@" >/dev/null 2>&1 || status=$?
        end=$EPOCHREALTIME
        # 1 only means findings; anything else is a failed run, whose time means nothing.
        if [ "$status" -gt 1 ]; then
            echo "measure-startup.sh: '$*' exited with $status" >&2
            exit 1
        fi
        echo "$start $end" | awk '{ printf "%.1f\n", ($2 - $1) * 1000 }' >>"$work/wall"
        /usr/bin/time -f '%M %U %S' -o "$work/time" "$@" >/dev/null 2>&1 || true
        tail -n 1 "$work/time" | awk '{ printf "%d %.0f\n", $1, ($2 + $3) * 1000 }' >>"$work/usage"
    done
    popd >/dev/null
    # CPU time (user + system, in 10 ms steps per run) moves less than wall time when the machine is busy.
    local cpu rss
    cpu=$(cut -d' ' -f2 "$work/usage" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    rss=$(cut -d' ' -f1 "$work/usage" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    sort -n "$work/wall" | awk -v label="$label" -v target="$target" -v cpu="$cpu" -v rss="$rss" '
        { wall[NR] = $1 }
        END {
            m = int((NR + 1) / 2)
            verdict = target == "" ? "" : (wall[m] < target ? sprintf("  (target < %d ms: met)", target) : sprintf("  (target < %d ms: MISSED)", target))
            printf "%-34s median %7.1f ms  (min %.1f, max %.1f)  CPU %4d ms  peak RSS %5.1f MB%s\n", label, wall[m], wall[1], wall[NR], cpu, rss / 1024, verdict
        }'
}

found=$(find "$work/tree" -type f \( -name 'Dockerfile*' -o -name '*.Dockerfile' -o -name '*.dockerfile' -o -name Containerfile \) | wc -l)
echo "dflint $("$work/r2r/dflint" --version), $runs runs each, $(nproc) cores; tree: $found Dockerfiles"
measure "ReadyToRun, one small Dockerfile" 80 "$work/one" "$work/r2r/dflint" Dockerfile
measure "ReadyToRun, $found files" 1000 "$work/tree" "$work/r2r/dflint" .
measure "ReadyToRun, --version" "" "$work/one" "$work/r2r/dflint" --version
measure "JIT, one small Dockerfile" "" "$work/one" "$work/jit/dflint" Dockerfile
measure "JIT, $found files" "" "$work/tree" "$work/jit/dflint" .
