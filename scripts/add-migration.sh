#!/usr/bin/env bash
# Adds the EF Core migration NAME to both migrations projects (SQLite and PostgreSQL), so the two stay in step.
#   scripts/add-migration.sh NAME            add NAME to both
#   scripts/add-migration.sh --remove        remove the last migration from both (not yet applied anywhere you care about)
# Uses the dotnet-ef pinned in .config/dotnet-tools.json. Needs no database: each project's design-time factory
# builds the context without connecting. Afterwards the data tests' pending-model-changes test must pass.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 NAME | --remove" >&2; exit 2; }
[ $# -eq 1 ] || usage
name=$1

dotnet tool restore >/dev/null
# Build first, so a compile error shows as itself instead of dotnet-ef's "Build failed."
for provider in Sqlite PostgreSql; do
  dotnet build "src/Modelwatch.Data.Migrations.$provider" -nologo -v q -clp:ErrorsOnly
done

for provider in Sqlite PostgreSql; do
  project="src/Modelwatch.Data.Migrations.$provider"
  if [ "$name" = "--remove" ]; then
    echo "[add-migration] removing the last migration from $project" >&2
    dotnet ef migrations remove --project "$project" --startup-project "$project" --no-build --force
  else
    case "$name" in -*|*[!A-Za-z0-9_]*|[0-9]*) echo "migration name must be a C# identifier: $name" >&2; exit 2;; esac
    echo "[add-migration] adding $name to $project" >&2
    dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --no-build --output-dir Migrations
  fi
done
echo "[add-migration] done; now run: dotnet test tests/Modelwatch.Data.Tests (checks both snapshots match the model)" >&2
