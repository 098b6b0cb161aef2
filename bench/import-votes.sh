#!/usr/bin/env bash
# Whole-process timing of `modelwatch import votes` on the generated 1.8M-vote file (bench/data/votes-1.8M.csv, made
# as in bench/compare.sh), into a fresh database each run: SQLite always, PostgreSQL when BENCH_POSTGRES holds an
# admin connection string for psql-style keys (host, port, user), e.g. BENCH_POSTGRES="host=127.0.0.1 port=55498 user=postgres".
# Then `rank --dataset` from the stored counts against `rank FILE`. Prints one line per run; the medians go to BENCHMARKS.md
# by hand. Wall time and peak RSS from /usr/bin/time; database size from the file (SQLite) or pg_database_size.
#
#   bash bench/import-votes.sh                 # 3 runs on SQLite
#   REPEATS=5 BENCH_POSTGRES="host=127.0.0.1 port=55498 user=postgres" bash bench/import-votes.sh
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
repeats=${REPEATS:-3}
file="$root/bench/data/votes-1.8M.csv"
work=$(mktemp -d /tmp/modelwatch-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
log() { printf '[import-votes.sh] %s\n' "$*" >&2; }

[ -x /usr/bin/time ] || { log "/usr/bin/time is required (Debian package 'time')"; exit 1; }
if [ ! -f "$file" ]; then
  log "generating $file"
  dotnet run --project bench/Modelwatch.Benchmarks -c Release -- generate --votes 1800000 --copies 3 --seed 1 --out "$file" >&2 || exit 1
fi
dotnet build src/Modelwatch.Cli -c Release -nologo -clp:ErrorsOnly >&2 || exit 1
cli=(dotnet "$root/src/Modelwatch.Cli/bin/Release/net10.0/modelwatch.dll")

run() { # label database-argument size-command...
  local label=$1 database=$2; shift 2
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$work/rss" "${cli[@]}" import votes "$file" --database "$database" >"$work/out" 2>"$work/err" \
    || { log "$label: import failed"; cat "$work/err" >&2; return; }
  end=$EPOCHREALTIME
  local seconds rss size
  seconds=$(echo "$end - $start" | bc -l)
  rss=$(tail -n 1 "$work/rss")
  size=$("$@")
  printf '%s: %.2f s, %.0f votes/s, peak RSS %d MB, database %.1f MB\n' "$label" "$seconds" "$(echo "1800000 / $seconds" | bc -l)" $((rss / 1024)) "$(echo "$size / 1000000" | bc -l)"
  grep -E '^(stored|votes|pair)' "$work/out" | sed 's/^/    /'
}

for i in $(seq 1 "$repeats"); do
  rm -f "$work"/bench.db*
  run "sqlite run $i" "$work/bench.db" stat -c %s "$work/bench.db"
done

start=$EPOCHREALTIME; "${cli[@]}" rank "$file" --format csv >/dev/null 2>&1; end=$EPOCHREALTIME
printf 'rank FILE (reads 1.8M votes): %.2f s\n' "$(echo "$end - $start" | bc -l)"
start=$EPOCHREALTIME; "${cli[@]}" rank --dataset votes-1.8M --database "$work/bench.db" --format csv >/dev/null 2>&1; end=$EPOCHREALTIME
printf 'rank --dataset (SQLite, stored counts): %.2f s\n' "$(echo "$end - $start" | bc -l)"

if [ -n "${BENCH_POSTGRES:-}" ]; then
  for i in $(seq 1 "$repeats"); do
    name="modelwatch_import_bench_$i"
    psql "$BENCH_POSTGRES dbname=postgres" -qc "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null || exit 1
    conn="$(echo "$BENCH_POSTGRES" | sed 's/host=/Host=/;s/ port=/;Port=/;s/ user=/;Username=/');Database=$name"
    run "postgresql run $i" "$conn" psql "$BENCH_POSTGRES dbname=$name" -tAc "SELECT pg_database_size('$name')"
    [ "$i" -eq "$repeats" ] || psql "$BENCH_POSTGRES dbname=postgres" -qc "DROP DATABASE $name" >/dev/null
  done
  start=$EPOCHREALTIME; "${cli[@]}" rank --dataset votes-1.8M --database "$conn" --format csv >/dev/null 2>&1; end=$EPOCHREALTIME
  printf 'rank --dataset (PostgreSQL, stored counts): %.2f s\n' "$(echo "$end - $start" | bc -l)"
  psql "$BENCH_POSTGRES dbname=postgres" -qc "DROP DATABASE modelwatch_import_bench_$repeats" >/dev/null
fi
