#!/usr/bin/env bash
# Load test of the web app's leaderboard with 1.8M votes in the database, measured from a second process with wrk
# (Debian package; installed with apt when missing). For each database (SQLite always; PostgreSQL when BENCH_POSTGRES
# holds an admin connection string in psql keys, e.g. BENCH_POSTGRES="host=127.0.0.1 port=55498 user=postgres"):
# imports bench/data/votes-1.8M.csv (generated as in bench/compare.sh when absent) and, when ../shared is present, the
# models.dev, LMArena and LiteLLM catalog fixtures (so rows carry organisation, licence and price); starts the app
# (Release build, Production environment) on loopback; warms each URL once (the first request fits the board); then
# runs wrk for DURATION seconds per URL (the generated file has no category columns: the board is `full`; the
# filtered URLs exercise the open-weights filter and a sort) and prints requests/s and the 50th/95th/99th percentile latency.
#
#   bash bench/web-load.sh
#   DURATION=30 CONNECTIONS=32 BENCH_POSTGRES="host=127.0.0.1 port=55498 user=postgres" bash bench/web-load.sh
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
duration=${DURATION:-20}
connections=${CONNECTIONS:-16}
threads=${THREADS:-2}
port=${PORT:-5391}
file="$root/bench/data/votes-1.8M.csv"
shared="$root/../shared"
work=$(mktemp -d /tmp/modelwatch-web-bench.XXXXXX)
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
log() { printf '[web-load.sh] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

command -v wrk >/dev/null || { log "installing wrk with apt"; as_root apt-get install -y -qq wrk >&2 || exit 1; }
if [ ! -f "$file" ]; then
  log "generating $file"
  dotnet run --project bench/Modelwatch.Benchmarks -c Release -- generate --votes 1800000 --copies 3 --seed 1 --out "$file" >&2 || exit 1
fi
dotnet build src/Modelwatch.Cli -c Release -nologo -clp:ErrorsOnly >&2 || exit 1
# Published, as it would be deployed (static files in the output's wwwroot).
dotnet publish src/Modelwatch.Web -c Release -nologo -clp:ErrorsOnly -o "$work/app" >&2 || exit 1
cli=(dotnet "$root/src/Modelwatch.Cli/bin/Release/net10.0/modelwatch.dll")

cat >"$work/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA

seed() { # database
  "${cli[@]}" import votes "$file" --name votes-1.8M --database "$1" >/dev/null 2>"$work/import.err" || { cat "$work/import.err" >&2; exit 1; }
  if [ -d "$shared/data" ]; then
    "${cli[@]}" catalog import models.dev "$shared/data/catalog/models.dev-toml.tar.gz" --database "$1" >/dev/null 2>&1
    "${cli[@]}" catalog import lmarena "$shared/data/arena/lmarena-published" --as-of 2025-12-01 --database "$1" >/dev/null 2>&1
    "${cli[@]}" catalog import litellm "$shared/data/catalog/litellm-model_prices_and_context_window.json" --database "$1" >/dev/null 2>&1
  fi
}

measure() { # label database
  local label=$1 database=$2
  log "$label: importing 1.8M votes (and catalog fixtures)"
  seed "$database"
  Modelwatch__Database="$database" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$work/app/Modelwatch.Web.dll" --contentRoot "$work/app" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/leaderboard?pageSize=1" && break; sleep 1; done
  for path in "/" "/api/leaderboard" "/?openWeights=true&sort=votes" "/api/leaderboard?openWeights=true&sort=votes"; do
    curl -fs -o /dev/null "http://127.0.0.1:$port$path" || { log "$label: $path failed"; cat "$work/app.log" >&2; }
    local line
    line=$(wrk -t"$threads" -c"$connections" -d"${duration}s" -s "$work/p95.lua" "http://127.0.0.1:$port$path" | grep '^RESULT')
    read -r _ rps p50 p95 p99 requests errors <<<"$line"
    printf '| %s | `%s` | %s | %s | %s | %s | %s | %s |\n' "$label" "$path" "$rps" "$p50" "$p95" "$p99" "$requests" "$errors"
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null; app_pid=""
}

echo "| database | URL | requests/s | p50 ms | p95 ms | p99 ms | requests | errors |"
echo "|---|---|---|---|---|---|---|---|"
measure sqlite "$work/web.db"
if [ -n "${BENCH_POSTGRES:-}" ]; then
  name=modelwatch_web_bench
  psql "$BENCH_POSTGRES dbname=postgres" -qc "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null || exit 1
  conn="$(echo "$BENCH_POSTGRES" | sed 's/host=/Host=/;s/ port=/;Port=/;s/ user=/;Username=/');Database=$name"
  measure postgresql "$conn"
  psql "$BENCH_POSTGRES dbname=postgres" -qc "DROP DATABASE $name WITH (FORCE)" >/dev/null
fi
