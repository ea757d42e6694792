#!/usr/bin/env bash
# The step of the GitHub Action in action.yml: install dflint, lint, write the report and the step outputs.
#
# The exit code is dflint's (0, 1 or 2), and it comes only after the report is written and the outputs are set, so a
# later `github/codeql-action/upload-sarif` step with `if: always()` still finds the report when findings fail the job.
#
# Inputs are the INPUT_* variables that action.yml passes (INPUT_PATHS, INPUT_FORMAT, INPUT_OUTPUT,
# INPUT_FAILURE_THRESHOLD, INPUT_CONFIG, INPUT_ARGS, INPUT_VERSION, INPUT_NUGET_SOURCE); GITHUB_OUTPUT,
# GITHUB_ACTION_PATH and RUNNER_TEMP are read as GitHub sets them. Outside Actions the outputs are printed instead.
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# RUNNER_TEMP lives as long as the job, so a second use of the action in the job reuses the first one's dflint.
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/dflint-action"
format="${INPUT_FORMAT:-sarif}"
output="${INPUT_OUTPUT:-dflint.sarif}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

set_output() {
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
        printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
    else
        printf '%s=%s\n' "$1" "$2"
    fi
}

# Splits a space- or newline-separated input into the named array, without glob expansion.
split_words() {
    local -n into="$1"
    into=()
    read -r -d '' -a into <<<"$2" || true
}

if [ -n "${INPUT_VERSION:-}" ]; then
    tool="$work/tool-$INPUT_VERSION"
    if [ ! -x "$tool/dflint" ]; then
        install=(dotnet tool install dflint --version "$INPUT_VERSION" --tool-path "$tool")
        if [ -n "${INPUT_NUGET_SOURCE:-}" ]; then install+=(--add-source "$INPUT_NUGET_SOURCE"); fi
        echo "::group::Install dflint $INPUT_VERSION"
        "${install[@]}"
        echo "::endgroup::"
    fi
    dflint=("$tool/dflint")
else
    build="$work/build"
    if [ ! -f "$build/dflint.dll" ]; then
        echo "::group::Build dflint from $action_path"
        dotnet publish "$action_path/src/Cli/Cli.csproj" -c Release -o "$build" -nologo
        echo "::endgroup::"
    fi
    dflint=(dotnet "$build/dflint.dll")
fi

split_words paths "${INPUT_PATHS:-.}"
if [ "${#paths[@]}" -eq 0 ]; then paths=(.); fi
split_words extra "${INPUT_ARGS:-}"
options=("${extra[@]}")
if [ -n "${INPUT_FAILURE_THRESHOLD:-}" ]; then options+=(--failure-threshold "$INPUT_FAILURE_THRESHOLD"); fi
if [ -n "${INPUT_CONFIG:-}" ]; then options+=(--config "$INPUT_CONFIG"); fi

# A report left by an earlier run must not pass for this one's.
rm -f -- "$output"
mkdir -p -- "$(dirname -- "$output")"
status=0
"${dflint[@]}" --format "$format" --output "$output" "${options[@]}" -- "${paths[@]}" || status=$?

set_output exit-code "$status"
if [ -f "$output" ]; then
    set_output sarif-file "$output"
    # The report is for machines; the log gets one line per finding so a failed step says why.
    if [ "$format" != text ] && [ "$format" != concise ]; then
        "${dflint[@]}" --format concise "${options[@]}" -- "${paths[@]}" || true
    fi
fi
exit "$status"
