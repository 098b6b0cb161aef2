#!/usr/bin/env bash
# The arena under load: VOTERS concurrent voters (default 200), each with their own cookie, play BATTLES blind battles
# each (start, read both SSE streams to the end, vote) against the published app, whose only providers are the fake
# OpenAI-compatible and Anthropic servers on loopback (answers of PIECES pieces, PIECE_DELAY_MS apart). Afterwards the
# database is audited: every accepted vote stored once, every counted vote once in the arena dataset and its counts.
# SQLite always; PostgreSQL when BENCH_POSTGRES holds an admin connection in psql keys, e.g.
#   BENCH_POSTGRES="host=127.0.0.1 port=55410 user=postgres" bash bench/arena-load.sh
# Prints a Markdown table (BENCHMARKS.md, "Arena under load"); exits non-zero when a vote was lost or counted twice.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
voters=${VOTERS:-200}
battles=${BATTLES:-5}
pieces=${PIECES:-20}
delay=${PIECE_DELAY_MS:-5}
port=${PORT:-5392}
work=$(mktemp -d /tmp/modelwatch-arena-load.XXXXXX)
trap 'rm -rf "$work"' EXIT
log() { printf '[arena-load.sh] %s\n' "$*" >&2; }

dotnet publish src/Modelwatch.Web -c Release -nologo -clp:ErrorsOnly -o "$work/app" >&2 || exit 1
dotnet build bench/Modelwatch.ArenaLoad -c Release -nologo -clp:ErrorsOnly >&2 || exit 1
load=(dotnet "$root/bench/Modelwatch.ArenaLoad/bin/Release/net10.0/Modelwatch.ArenaLoad.dll")
status=0

run() { # label database
  log "$1: $voters voters × $battles battles"
  printf '| %s ' "$1"
  "${load[@]}" --app "$work/app/Modelwatch.Web.dll" --database "$2" --voters "$voters" --battles "$battles" \
    --pieces "$pieces" --piece-delay-ms "$delay" --port "$port" || status=1
}

echo "| database | voters | battles each | seconds | votes accepted | votes/s | vote p50 ms | vote p95 ms | battle p95 ms | errors | stored / counted / in dataset / in counts | consistent |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
run sqlite "$work/arena.db"
if [ -n "${BENCH_POSTGRES:-}" ]; then
  name=modelwatch_arena_bench
  psql "$BENCH_POSTGRES dbname=postgres" -qc "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null || exit 1
  conn="$(echo "$BENCH_POSTGRES" | sed 's/host=/Host=/;s/ port=/;Port=/;s/ user=/;Username=/');Database=$name"
  run postgresql "$conn"
  psql "$BENCH_POSTGRES dbname=postgres" -qc "DROP DATABASE $name WITH (FORCE)" >/dev/null
fi
exit $status
