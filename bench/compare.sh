#!/usr/bin/env bash
# Whole-process comparison of `modelwatch rank` with the reference Python method (shared/tools/ref_bt.py,
# FastChat's current one) on the same generated vote files, in the same run, on this machine.
#
#   bash bench/compare.sh            # both files (1.8M and 10M votes)
#   bash bench/compare.sh 1.8M       # one file
#   REPEATS=5 bash bench/compare.sh  # more runs per row (the median is reported)
#
# Every row is a whole process timed by `/usr/bin/time -f "%e s %M KB"` (peak RSS from it; wall time from
# bash's EPOCHREALTIME around it, because %e has 10 ms resolution and reading a warm file takes about that).
# A row whose program is missing or fails is reported as "not available" with the reason: never a number.
# Output: bench/results/latest.md (and the top 15 rows of each program's output beside it, for cross-checks).
# Optional: BENCH_DROP_CACHES=1 drops the page cache before the first `cat` so that row is a cold read (root).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
repeats=${REPEATS:-3}
timeout_s=${BENCH_TIMEOUT:-900}
shared=${MODELWATCH_SHARED:-$root/../shared}
ref_bt="$shared/tools/ref_bt.py"
battles="$shared/data/arena/arena-human-preference-140k/battles.csv.gz"
python=/usr/bin/python3 # Debian's, where apt puts scipy and pandas (a pyenv python3 on PATH would not see them)
data="$root/bench/data"
results="$root/bench/results"
work=$(mktemp -d /tmp/modelwatch-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$data" "$results"

log() { printf '[compare.sh] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

declare -A sizes=([1.8M]=1800000 [10M]=10000000)
labels=("$@")
[ ${#labels[@]} -gt 0 ] || labels=(1.8M 10M)
for label in "${labels[@]}"; do
  [ -n "${sizes[$label]:-}" ] || { log "unknown file size '$label' (known: ${!sizes[*]})"; exit 2; }
done

# --- (a) tools: scipy + pandas for the reference, GNU time for peak memory ------------------------------------
missing=()
"$python" -c 'import scipy, pandas' 2>/dev/null || missing+=(python3-scipy python3-pandas)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing with apt: ${missing[*]}"
  as_root apt-get update -qq >&2 || log "apt-get update failed; trying the install anyway"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
    || log "apt-get install ${missing[*]} failed"
fi
[ -x /usr/bin/time ] || { log "/usr/bin/time is required (Debian package 'time')"; exit 1; }
ref_reason=""
if [ ! -f "$ref_bt" ]; then
  ref_reason="ref_bt.py not found at $ref_bt (set MODELWATCH_SHARED)"
elif ! "$python" -c 'import scipy, pandas' 2>/dev/null; then
  ref_reason="python3-scipy / python3-pandas not importable by $python"
fi

# --- (b) the vote files, generated once (bench/data is git-ignored) -------------------------------------------
generator="$root/bench/Modelwatch.Benchmarks/bin/Release/net10.0/Modelwatch.Benchmarks"
for label in "${labels[@]}"; do
  file="$data/votes-$label.csv"
  [ -s "$file" ] && continue
  if [ ! -x "$generator" ]; then
    log "building the generator"
    dotnet build "$root/bench/Modelwatch.Benchmarks" -c Release -nologo -clp:ErrorsOnly >&2 || { log "generator build failed"; exit 1; }
  fi
  log "generating $file"
  "$generator" generate --source "$battles" --votes "${sizes[$label]}" --copies 3 --seed 1 --out "$file" || exit 1
done

# --- (c) the CLI, two ways -----------------------------------------------------------------------------------------
# r2r: published with ReadyToRun, as a user installs it (precompiled, no JIT warm-up in a one-second run);
# jit: the plain `dotnet build` output that `dotnet run` uses (every hot method starts unoptimised).
declare -A cli cli_reason cli_label
cli[r2r]="$root/bench/bin/modelwatch-r2r/modelwatch"
cli[jit]="$root/src/Modelwatch.Cli/bin/Release/net10.0/modelwatch"
cli_label[r2r]="ReadyToRun publish"
cli_label[jit]="dotnet build, JIT"
log "building the CLI (Release, and a ReadyToRun publish)"
if ! dotnet build "$root/src/Modelwatch.Cli" -c Release -nologo -clp:ErrorsOnly >"$work/cli-build.log" 2>&1; then
  cli_reason[jit]="CLI build failed: $(grep -m1 -E 'error' "$work/cli-build.log" | cut -c1-160)"
  cat "$work/cli-build.log" >&2
fi
if ! dotnet publish "$root/src/Modelwatch.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$root/bench/bin/modelwatch-r2r" -nologo -clp:ErrorsOnly >"$work/cli-publish.log" 2>&1; then
  cli_reason[r2r]="CLI publish failed: $(grep -m1 -E 'error' "$work/cli-publish.log" | cut -c1-160)"
  cat "$work/cli-publish.log" >&2
fi
for variant in r2r jit; do
  if [ -z "${cli_reason[$variant]:-}" ] && [ ! -x "${cli[$variant]}" ]; then cli_reason[$variant]="${cli[$variant]} is missing"; fi
done

# --- (d) measuring ------------------------------------------------------------------------------------------------
# measure NAME OUTFILE CMD...: runs CMD $repeats times; sets m_time (median s), m_rss (median MB), m_runs, m_error.
# A run counts only if it exits 0 and, for programs that print a table, prints a header and at least one row.
measure() {
  local name=$1 out=$2; shift 2
  local times=() rss=() i start end rc kb
  m_time="" m_rss="" m_runs="" m_error=""
  for ((i = 1; i <= repeats; i++)); do
    start=$EPOCHREALTIME
    timeout "$timeout_s" /usr/bin/time -o "$work/time.txt" -f "%e s %M KB" "$@" >"$out" 2>"$work/stderr.txt"
    rc=$?
    end=$EPOCHREALTIME
    if [ $rc -eq 124 ]; then m_error="timed out after ${timeout_s} s"; break; fi
    if [ $rc -ne 0 ]; then
      m_error="exit code $rc: $(grep -v -E '^(Command exited|[0-9.]+ s [0-9]+ KB)' "$work/stderr.txt" | head -n 1 | cut -c1-160)"
      break
    fi
    if [ "$out" != /dev/null ] && [ "$(wc -l <"$out")" -lt 2 ]; then m_error="exit code 0 but no table on stdout"; break; fi
    kb=$(grep -oE '[0-9]+ KB' "$work/time.txt" | tail -n 1 | cut -d' ' -f1)
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')")
    rss+=("$kb")
    log "$name run $i: ${times[-1]} s, $((kb / 1024)) MB ($(tail -n 1 "$work/time.txt"))"
  done
  [ -n "$m_error" ] && { log "$name: not available ($m_error)"; return 1; }
  m_time=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  m_rss=$(printf '%s\n' "${rss[@]}" | sort -g | awk '{ v[NR] = $1 } END { printf "%.0f", v[int((NR + 1) / 2)] / 1024 }')
  m_runs=$(IFS=/; echo "${times[*]}" | sed 's|/| / |g')
  return 0
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "—" }'; }

rows=()
checks=()
for label in "${labels[@]}"; do
  file="$data/votes-$label.csv"
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
  name="votes-$label.csv ($mb MB)"

  # The floor: moving the bytes through a process, first read and then warm.
  cold_note="first read"
  if [ "${BENCH_DROP_CACHES:-0}" = 1 ] && sync && echo 1 2>/dev/null >/proc/sys/vm/drop_caches; then cold_note="cold read (page cache dropped)"; fi
  saved=$repeats; repeats=1
  measure "cat $label ($cold_note)" /dev/null cat "$file" && rows+=("| $name | floor: \`cat\`, $cold_note | $m_time | $m_rss | $m_runs | | |")
  repeats=$saved
  floor=""
  if measure "cat $label (warm)" /dev/null cat "$file"; then
    floor=$m_time
    rows+=("| $name | floor: \`cat\`, warm | $m_time | $m_rss | $m_runs | | 1.0 |")
  fi

  ref=""
  if [ -n "$ref_reason" ]; then
    rows+=("| $name | ref_bt.py, BT + 100 bootstrap rounds | not available | | | | |"); checks+=("- $label: ref_bt.py not available: $ref_reason")
  elif measure "ref_bt.py $label" "$work/ref.csv" "$python" "$ref_bt" "$file" 100; then
    ref=$m_time
    head -n 16 "$work/ref.csv" >"$results/ref_bt-$label-top15.csv"
    rows+=("| $name | ref_bt.py, BT + 100 bootstrap rounds | $m_time | $m_rss | $m_runs | 1.0 | $(ratio "$m_time" "$floor") |")
  else
    rows+=("| $name | ref_bt.py, BT + 100 bootstrap rounds | not available | | | | |"); checks+=("- $label: ref_bt.py not available: $m_error")
  fi

  for variant in r2r jit; do
    for ci in sandwich bootstrap; do
      args=(rank "$file" --ci "$ci" --format csv)
      job="modelwatch rank (${cli_label[$variant]}), BT + sandwich CI"
      if [ "$ci" = bootstrap ]; then args=(rank "$file" --ci bootstrap --rounds 100 --seed 1 --format csv); job="modelwatch rank (${cli_label[$variant]}), BT + 100 bootstrap rounds"; fi
      if [ -n "${cli_reason[$variant]:-}" ]; then
        rows+=("| $name | $job | not available | | | | |"); checks+=("- $label, $variant, $ci: not available: ${cli_reason[$variant]}")
      elif measure "modelwatch $variant $ci $label" "$work/ours.csv" "${cli[$variant]}" "${args[@]}"; then
        head -n 16 "$work/ours.csv" >"$results/modelwatch-$label-$ci-top15.csv"
        speedup=$([ -n "$ref" ] && ratio "$ref" "$m_time" || echo "—")
        rows+=("| $name | $job | $m_time | $m_rss | $m_runs | $speedup | $(ratio "$m_time" "$floor") |")
        # The issue sets the speed target on the 1.8M file; larger files are reported for information.
        if [ "$ci" = bootstrap ] && [ -n "$ref" ] && [ "$label" = 1.8M ]; then
          checks+=("- $label, ${cli_label[$variant]}: 100 bootstrap rounds are ${speedup}× faster than ref_bt.py (required ≥ 15×, aim 30×): $(awk -v s="$speedup" 'BEGIN { print (s >= 30 ? "aim met" : s >= 15 ? "requirement met, aim not" : "REQUIREMENT NOT MET") }')")
        elif [ "$ci" = bootstrap ] && [ -n "$ref" ]; then
          checks+=("- $label, ${cli_label[$variant]}: 100 bootstrap rounds are ${speedup}× faster than ref_bt.py (information; the target is set on 1.8M)")
        fi
        if [ "$label" = 1.8M ]; then
          checks+=("- $label, ${cli_label[$variant]}, $ci: peak memory $m_rss MB (required < 300 MB): $([ "$m_rss" -lt 300 ] && echo met || echo NOT MET)")
        fi
      else
        rows+=("| $name | $job | not available | | | | |"); checks+=("- $label, $variant, $ci: modelwatch not available: $m_error")
      fi
    done
  done
done

# --- (e) the report -----------------------------------------------------------------------------------------------
{
  echo "# Whole-process benchmark: modelwatch rank vs ref_bt.py"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
  echo "- .NET SDK $(dotnet --version); $("$python" --version 2>&1), $("$python" -c 'import numpy, scipy, pandas; print(f"numpy {numpy.__version__}, scipy {scipy.__version__}, pandas {pandas.__version__}")' 2>/dev/null || echo 'scipy/pandas missing')"
  echo "- files: generated by \`Modelwatch.Benchmarks generate --votes N --copies 3 --seed 1\` from the 140k arena votes (53 models × 3 renamed copies = 159 models)"
  echo "- each row: median of $repeats whole-process runs (the floor's first read: 1 run); wall time in seconds, peak RSS in MB from \`/usr/bin/time -f \"%e s %M KB\"\`"
  echo "- speed-up = ref_bt.py time / this row's time; × floor = this row's time / warm \`cat FILE > /dev/null\` time"
  echo
  echo "| file | job | time (s) | peak RSS (MB) | runs (s) | speed-up vs ref_bt.py | × floor |"
  echo "|---|---|---:|---:|---|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "## Targets and rows not available"
  echo
  if [ ${#checks[@]} -gt 0 ]; then printf '%s\n' "${checks[@]}"; else echo "- nothing to check (no rows measured)"; fi
} >"$results/latest.md"
log "wrote $results/latest.md"
cat "$results/latest.md"
