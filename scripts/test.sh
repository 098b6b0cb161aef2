#!/usr/bin/env bash
# Runs every Modelwatch test on a fresh Debian machine: installs what the tests need when missing
# (Chromium for browser tests, a Korean font for their screenshots, PostgreSQL for the data tests), starts a throwaway PostgreSQL on 127.0.0.1,
# checks formatting, runs `dotnet test`, and ends with the line `N passed, N failed, N skipped`.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '[test.sh] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. System packages the tests need --------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
# Korean glyphs for the browser tests' screenshots (the interface speaks English and Korean).
[ -n "$(fc-list :lang=ko 2>/dev/null)" ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing with apt: ${missing[*]}"
  as_root apt-get update -qq >&2 || log "apt-get update failed; trying the install anyway"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
    || { log "apt-get install ${missing[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi

# --- 2. A throwaway PostgreSQL cluster on a free loopback port -------------------------------------------
pg_dir=$(mktemp -d /tmp/modelwatch-pg.XXXXXX)
pg_port=""
for candidate in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
done
pg_user_run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pg_dir"; fi
cleanup() {
  pg_user_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
if pg_user_run "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres --no-sync >"$pg_dir/initdb.log" 2>&1 \
  && pg_user_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
       -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
  export MODELWATCH_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  log "PostgreSQL on 127.0.0.1:$pg_port"
else
  log "could not start PostgreSQL; see below"; cat "$pg_dir"/*.log >&2 || true
  echo "0 passed, 1 failed"; exit 1
fi

# --- 3. Build, format, test ---------------------------------------------------------------------------------
failed_steps=0
results="$root/TestResults"
rm -rf "$results"
if ! dotnet build Modelwatch.slnx -c Release -nologo -clp:ErrorsOnly >&2; then
  log "build failed"; failed_steps=$((failed_steps + 1))
else
  if ! dotnet format Modelwatch.slnx --verify-no-changes --no-restore >&2; then
    log "dotnet format --verify-no-changes found files to reformat (run: dotnet format Modelwatch.slnx)"
    failed_steps=$((failed_steps + 1))
  fi
  dotnet test Modelwatch.slnx -c Release --no-build --logger "trx" --results-directory "$results" >&2
  test_rc=$?
fi

# --- 4. Summary: counts from the TRX files, one line at the end ---------------------------------------------
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "${test_rc:-1}" -ne 0 ] && [ "$failed" -eq 0 ]; then
  log "dotnet test exited with ${test_rc:-1} without a failed test in its results (a crash or a build error)"
  failed_steps=$((failed_steps + 1))
fi
if [ "$failed_steps" -gt 0 ]; then log "$failed_steps step(s) outside the tests failed; each counts as one failure"; fi
failed=$((failed + failed_steps))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
