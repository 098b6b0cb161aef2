#!/usr/bin/env bash
# Keeps the two migrations projects (SQLite and PostgreSQL) in step: every change to the model becomes one migration
# of the same name in both.
#   scripts/add-migration.sh NAME                add migration NAME to both projects
#   scripts/add-migration.sh --remove            remove the last migration from both (only one never shipped)
#   scripts/add-migration.sh --recreate-initial  delete every migration in both and generate one "Initial" from the
#                                                current model (before a first release, e.g. after merging branches
#                                                whose migrations conflict)
# Uses the dotnet-ef pinned in .config/dotnet-tools.json and needs no database: each project's design-time factory
# builds the context without connecting. All or nothing: if either project fails, both Migrations folders are put
# back as they were. Afterwards run the data tests; one of them fails when the model has changes no migration covers.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 NAME | --remove | --recreate-initial" >&2; exit 2; }
[ $# -eq 1 ] || usage
mode=add; name=$1
case "$1" in
  --remove) mode=remove ;;
  --recreate-initial) mode=recreate; name=Initial ;;
  -*) usage ;;
  *) [[ "$1" =~ ^[A-Z][A-Za-z0-9_]*$ ]] || { echo "NAME must be a PascalCase C# identifier, e.g. AddVotes: $1" >&2; exit 2; } ;;
esac

providers=(Sqlite PostgreSql)
backup=$(mktemp -d)
restore() {
  echo "[add-migration] failed; putting both Migrations folders back as they were" >&2
  for p in "${providers[@]}"; do
    rm -rf "src/Modelwatch.Data.Migrations.$p/Migrations"
    [ -d "$backup/$p" ] && cp -a "$backup/$p" "src/Modelwatch.Data.Migrations.$p/Migrations"
  done
  rm -rf "$backup"
}
for p in "${providers[@]}"; do
  [ -d "src/Modelwatch.Data.Migrations.$p/Migrations" ] && cp -a "src/Modelwatch.Data.Migrations.$p/Migrations" "$backup/$p"
done
trap restore ERR

dotnet tool restore >/dev/null
for p in "${providers[@]}"; do
  project="src/Modelwatch.Data.Migrations.$p"
  if [ "$mode" = recreate ]; then
    echo "[add-migration] deleting every migration in $project" >&2
    rm -rf "$project/Migrations"
  fi
  # Build here (not in dotnet-ef), so a compile error shows as itself instead of "Build failed."
  dotnet build "$project" -nologo -v q -clp:ErrorsOnly
  if [ "$mode" = remove ]; then
    echo "[add-migration] removing the last migration from $project" >&2
    # --force: do not ask a database whether it was applied (there is none at design time).
    dotnet ef migrations remove --project "$project" --startup-project "$project" --no-build --force
  else
    echo "[add-migration] adding $name to $project" >&2
    dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --no-build --output-dir Migrations
  fi
done
trap - ERR
rm -rf "$backup"
echo "[add-migration] done; now run: dotnet test tests/Modelwatch.Data.Tests (checks both snapshots match the model)" >&2
