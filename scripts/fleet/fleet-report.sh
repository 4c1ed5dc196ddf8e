#!/usr/bin/env bash
# The final step of a fleet run, shared by the GitHub Actions workflow, the Kubernetes report Job and validate.sh:
# a report over every hardware kind's run, and each run compared with the same hardware kind's baseline.
#
#   fleet-report.sh RESULTS_DIR BASELINE_DIR OUT_DIR
#     RESULTS_DIR/<kind>/results.json    this release's runs, one folder per hardware kind (runner or node kind)
#     BASELINE_DIR/<kind>/results.json   the last release's runs; a kind without one is reported, not compared
#     OUT_DIR                            gets report/ (effnet-bench report), compare-<kind>.{md,csv,json}, compare.md
#   EFFNET_BENCH   how to start the tool (default: effnet-bench), e.g. "dotnet run --project src/EffNetBench -c Release --"
#
# Exit code: 0 nothing slower, 1 something slower or a step failed, 2 bad usage, 3 some verdict inconclusive and nothing
# slower (compare's codes; the worst over all kinds, ranked 2 > 1 > 3 > 0).
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: fleet-report.sh RESULTS_DIR BASELINE_DIR OUT_DIR" >&2
  exit 2
fi
results=$1 baseline=$2 out=$3
read -r -a bench <<< "${EFFNET_BENCH:-effnet-bench}"

runs=()
while IFS= read -r dir; do runs+=("$dir"); done < <(
  find "$results" -mindepth 1 -maxdepth 1 -type d -exec test -f '{}/results.json' ';' -print 2>/dev/null | LC_ALL=C sort)
if [[ ${#runs[@]} -eq 0 ]]; then
  echo "fleet-report: no run folder with a results.json under '$results'" >&2
  exit 2
fi
mkdir -p "$out"

status=0
rank() { case $1 in 0) echo 0 ;; 3) echo 1 ;; 1) echo 2 ;; *) echo 3 ;; esac; }
worst() { if (( $(rank "$1") > $(rank "$status") )); then status=$1; fi; }

# The fleet-wide report. Older tools have no 'report' command; the comparisons below still run.
# ('report --help' would succeed either way: the root command answers it.)
if "${bench[@]}" --help 2>/dev/null | grep -qE '^  report( |$)'; then
  # Its Markdown goes to the log: this script's own output is the comparison.
  "${bench[@]}" report "${runs[@]}" --out "$out/report" >&2 || worst 1
else
  echo "fleet-report: this effnet-bench has no 'report' command; skipping the fleet report" >&2
fi

summary="$out/compare.md"
printf '# effnet-bench fleet: %s\n\n' "$(basename "$results")" > "$summary"
for run in "${runs[@]}"; do
  kind=$(basename "$run")
  base="$baseline/$kind"
  printf '## %s\n\n' "$kind" >> "$summary"
  if [[ ! -f "$base/results.json" ]]; then
    printf 'No baseline for this hardware kind (%s/results.json), so nothing to compare.\n\n' "$base" >> "$summary"
    continue
  fi

  # Exit 1 ("slower") and 3 ("inconclusive") only mean that when the Markdown was written; the CSV and JSON runs cannot disagree with it.
  rc=0
  "${bench[@]}" compare "$base" "$run" --format md > "$out/compare-$kind.md" || rc=$?
  "${bench[@]}" compare "$base" "$run" --format csv > "$out/compare-$kind.csv" 2>/dev/null || true
  "${bench[@]}" compare "$base" "$run" --format json > "$out/compare-$kind.json" || true
  if [[ ( $rc -le 1 || $rc -eq 3 ) && -s "$out/compare-$kind.md" ]]; then
    sed 's/^## effnet-bench compare$/### compare/' "$out/compare-$kind.md" >> "$summary"
  else
    printf 'compare failed (exit %s); see the log.\n' "$rc" >> "$summary"
  fi
  printf '\n' >> "$summary"
  worst "$rc"
done

echo "fleet-report: wrote $summary (exit $status)" >&2
exit "$status"
