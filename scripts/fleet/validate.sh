#!/usr/bin/env bash
# Checks the fleet recipes as far as this machine can, without a cluster, a GitHub runner or a download:
#   1. github-actions-fleet.yml and k8s-benchmark-job.yaml parse, and have the structure the README describes
#      (PyYAML when python3 has it, else a line-based check), and every embedded shell script passes `bash -n`;
#   2. the final step (fleet-report.sh: report + compare) runs on two real result folders from a tiny model.
#
#   scripts/fleet/validate.sh
#   EFFNET_BENCH=~/.effnet-bench/effnet-bench scripts/fleet/validate.sh   # test an installed tool instead of building
# Exit code: 0 valid, 1 a check failed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
workflow="$here/github-actions-fleet.yml"
manifest="$here/k8s-benchmark-job.yaml"
failures=0
fail() { echo "validate: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "validate: ok: $*"; }

# ---- 1. the YAML files ------------------------------------------------------------------------------------------
if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
  if python3 - "$workflow" "$manifest" <<'PY'
import re, subprocess, sys, yaml

workflow_path, manifest_path = sys.argv[1], sys.argv[2]
problems = []

def check(condition, message):
    if not condition:
        problems.append(message)

def bash_n(script, where):
    # ${{ expressions }} are GitHub's, not the shell's: stand in a word for them.
    script = re.sub(r"\$\{\{[^}]*\}\}", "X", script)
    result = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
    check(result.returncode == 0, f"{where}: bash -n: {result.stderr.strip()}")

# The workflow.
with open(workflow_path) as f:
    wf = yaml.safe_load(f)
check(isinstance(wf, dict), "workflow: not a mapping")
on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as true
check(isinstance(on, dict) and "workflow_dispatch" in on, "workflow: no `on:` with workflow_dispatch")
jobs = wf.get("jobs", {})
check({"bench", "report"} <= set(jobs), "workflow: jobs bench and report are required")
bench, report = jobs.get("bench", {}), jobs.get("report", {})
include = bench.get("strategy", {}).get("matrix", {}).get("include", [])
check(len(include) >= 2, "workflow: the bench matrix needs a runner per hardware kind")
for entry in include:
    check(re.fullmatch(r"[A-Za-z0-9._-]+", str(entry.get("runner", ""))) is not None,
          f"workflow: matrix runner {entry.get('runner')!r} must be a plain folder name")
    check("labels" in entry, f"workflow: matrix entry {entry.get('runner')} has no runner labels")
needs = report.get("needs", [])
check("bench" in ([needs] if isinstance(needs, str) else needs), "workflow: report must need bench")
for name, job in jobs.items():
    check("runs-on" in job, f"workflow: job {name} has no runs-on")
    for i, step in enumerate(job.get("steps", [])):
        check(("run" in step) != ("uses" in step), f"workflow: {name} step {i} needs exactly one of run/uses")
        if "run" in step:
            bash_n(step["run"], f"workflow: {name} step {step.get('name', i)}")
bench_runs = "\n".join(s.get("run", "") for s in bench.get("steps", []))
report_runs = "\n".join(s.get("run", "") for s in report.get("steps", []))
check("install.sh --tool-path" in bench_runs, "workflow: bench must install the tool with scripts/install.sh")
check(re.search(r"effnet-bench run --label \S+ --out \"?bench-results/", bench_runs) is not None,
      "workflow: bench must run `effnet-bench run --label ... --out bench-results/<runner>`")
check(any("upload-artifact" in s.get("uses", "") for s in bench.get("steps", [])), "workflow: bench must upload its run folder")
check(any("download-artifact" in s.get("uses", "") for s in report.get("steps", [])), "workflow: report must download the run folders")
check("scripts/fleet/fleet-report.sh" in report_runs, "workflow: report must run scripts/fleet/fleet-report.sh")

# The Kubernetes template.
allowed = {"RELEASE", "BASELINE", "REPO_URL", "SDK_IMAGE", "STORAGE_CLASS"}
with open(manifest_path) as f:
    text = f.read()
docs = [d for d in yaml.safe_load_all(text) if d is not None]
kinds = [d.get("kind") for d in docs]
check(kinds.count("PersistentVolumeClaim") == 1, "k8s: one PersistentVolumeClaim expected")
claims = {d["metadata"]["name"] for d in docs if d.get("kind") == "PersistentVolumeClaim"}
config_maps = {d["metadata"]["name"]: d for d in docs if d.get("kind") == "ConfigMap"}
jobs_k8s = [d for d in docs if d.get("kind") == "Job"]
bench_jobs = [j for j in jobs_k8s if j["metadata"]["labels"].get("effnet-bench/role") == "bench"]
report_jobs = [j for j in jobs_k8s if j["metadata"]["labels"].get("effnet-bench/role") == "report"]
check(len(bench_jobs) >= 2 and len(report_jobs) == 1, "k8s: a bench Job per node kind and one report Job expected")
for d in docs:
    check(all(k in d for k in ("apiVersion", "kind", "metadata")) and "name" in d["metadata"], f"k8s: incomplete document {d.get('kind')}")
    check("effnet-bench/role" in d["metadata"].get("labels", {}), f"k8s: {d['metadata'].get('name')} has no effnet-bench/role label")
for job in jobs_k8s:
    name = job["metadata"]["name"]
    pod = job["spec"]["template"]["spec"]
    check(pod.get("restartPolicy") in ("Never", "OnFailure"), f"k8s: {name}: a Job's restartPolicy must be Never or OnFailure")
    for volume in pod.get("volumes", []):
        if "persistentVolumeClaim" in volume:
            check(volume["persistentVolumeClaim"]["claimName"] in claims, f"k8s: {name}: unknown claim")
        if "configMap" in volume:
            check(volume["configMap"]["name"] in config_maps, f"k8s: {name}: unknown ConfigMap")
    for container in pod["containers"]:
        check("image" in container and container.get("command"), f"k8s: {name}: container without image or command")
        if container["command"][:2] == ["sh", "-c"]:
            bash_n(container["command"][2], f"k8s: {name}")
    if job in bench_jobs:
        check(bool(pod.get("nodeSelector")), f"k8s: {name}: a bench Job must pick its node kind with nodeSelector")
check("fleet-report.sh" in str(report_jobs), "k8s: the report Job must run fleet-report.sh")
for cm in config_maps.values():
    for key, script in cm.get("data", {}).items():
        if key.endswith(".sh"):
            bash_n(script, f"k8s: ConfigMap {cm['metadata']['name']}/{key}")
# Only the documented template variables may be ${...}: envsubst is told exactly those, and the scripts' own are $NAME.
used = set(re.findall(r"\$\{([A-Z_]+)\}", text))
check(used <= allowed, f"k8s: template variables outside the documented list: {sorted(used - allowed)}")

for problem in problems:
    print(f"validate: FAIL: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY
  then pass "both YAML files parse and have the fleet's structure (PyYAML)"; else fail "YAML structure (see above)"; fi
else
  # No PyYAML and nothing may be downloaded: check what lines can show.
  for file in "$workflow" "$manifest"; do
    if grep -q $'^[ ]*\t' "$file"; then fail "$file has tabs in its indentation"; fi
  done
  for key in '^on:' '^jobs:' '^  bench:' '^  report:' 'matrix:' 'fleet-report.sh' 'upload-artifact' 'download-artifact'; do
    grep -qE "$key" "$workflow" || fail "workflow: no line matching '$key'"
  done
  for key in '^kind: PersistentVolumeClaim' '^kind: Job' 'nodeSelector:' 'claimName: effnet-bench-results' 'fleet-report.sh'; do
    grep -qE "$key" "$manifest" || fail "k8s: no line matching '$key'"
  done
  pass "YAML checked line by line only (python3 with PyYAML not found)"
fi

bash -n "$here/fleet-report.sh" || fail "fleet-report.sh does not parse"

# ---- 2. the final step on two real result folders --------------------------------------------------------------
if [[ -n "${EFFNET_BENCH:-}" ]]; then
  read -r -a bench <<< "$EFFNET_BENCH"
else
  # One build, then the built tool directly: `dotnet run` would check the build on every call.
  dotnet build "$root/src/EffNetBench/EffNetBench.csproj" -c Release --nologo -v quiet >/dev/null
  bench=(dotnet "$root/src/EffNetBench/bin/Release/net10.0/effnet-bench.dll")
fi
export EFFNET_BENCH="${bench[*]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"${bench[@]}" export custom --width 0.25 --depth 0.1 --resolution 32 -o "$work/tiny.onnx" >/dev/null
"${bench[@]}" run --model "$work/tiny.onnx" --preset quick --label v0 --out "$work/baseline/local" >/dev/null 2>&1 \
  || fail "effnet-bench run (baseline) failed"
"${bench[@]}" run --model "$work/tiny.onnx" --preset quick --label v1 --out "$work/current/local" >/dev/null 2>&1 \
  || fail "effnet-bench run (current) failed"
# A hardware kind with no baseline must be reported, not fail the step (another run, so report sees two).
cp -R "$work/baseline/local" "$work/current/new-kind"

rc=0
"$here/fleet-report.sh" "$work/current" "$work/baseline" "$work/out" 2>"$work/fleet-report.log" || rc=$?
if [[ $rc -le 1 || $rc -eq 3 ]]; then pass "fleet-report.sh ran (exit $rc: $(case $rc in 0) echo nothing slower ;; 1) echo slower ;; *) echo inconclusive, the machine busy or imprecise ;; esac))"
else fail "fleet-report.sh exited $rc: $(cat "$work/fleet-report.log")"; fi
grep -q '^| tiny-r32/cpu/b1/tdefault |' "$work/out/compare.md" || fail "compare.md has no row for the tiny model"
grep -q '^## new-kind' "$work/out/compare.md" && grep -q 'No baseline' "$work/out/compare.md" || fail "compare.md does not report the kind without a baseline"
head -n 1 "$work/out/compare-local.csv" | grep -q '^case_id,model,resolution,provider,batch,threads,presence,' || fail "compare-local.csv has no header"
if command -v python3 >/dev/null 2>&1; then
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "any_slower" in d and d["cases"]' "$work/out/compare-local.json" \
    || fail "compare-local.json is not the comparison"
fi

# Exit codes a pipeline relies on: a run against itself is never slower, bad usage is 2.
rc=0; "${bench[@]}" compare "$work/current/local" "$work/current/local" > "$work/self.md" || rc=$?
# Identical samples are never a change; a busy machine or a missed precision target makes them inconclusive (exit 3).
{ [[ $rc -eq 0 ]] && grep -q '| same |$' "$work/self.md"; } || { [[ $rc -eq 3 ]] && grep -q '| inconclusive: ' "$work/self.md"; } \
  || fail "compare of a run with itself: exit $rc, not 0 and 'same' (or 3 and 'inconclusive')"
rc=0; "${bench[@]}" compare "$work/baseline/local" "$work/current/local" --threshold abc >/dev/null 2>&1 || rc=$?
[[ $rc -eq 2 ]] || fail "compare --threshold abc: exit $rc, not 2"
rc=0; "${bench[@]}" compare "$work/baseline/local" "$work/missing" >/dev/null 2>&1 || rc=$?
[[ $rc -eq 2 ]] || fail "compare with a missing run: exit $rc, not 2 (a named input that does not exist is bad usage)"
"${bench[@]}" history "$work/baseline" "$work/current/local" --out "$work/history" >/dev/null 2>&1 \
  && [[ -s "$work/history/history.md" && -s "$work/history/history.csv" ]] || fail "history did not write history.md and history.csv"
[[ $failures -eq 0 ]] && pass "compare and history exit codes and files"

if [[ $failures -gt 0 ]]; then
  echo "validate: $failures check(s) failed" >&2
  exit 1
fi
echo "validate: all fleet checks passed"
