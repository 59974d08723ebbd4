#!/usr/bin/env bash
# Runs the commands of the README's "Using the CLI" block verbatim, in order, in the project folder
# (after `npm run sample`); the first that fails fails the run. The files they write are removed after.
set -eu
cd "$(dirname "$0")/.."
commands=$(awk '/^## Using the CLI/{on=1; next} /^## /{on=0} on && /^    npx plans /{sub(/^    /, ""); print}' README.md)
[ -n "$commands" ] || { echo "no commands found in README.md" >&2; exit 1; }
trap 'rm -rf plans.duckdb plans.duckdb.wal model.json plans-report plans-parquet' EXIT
rm -rf plans.duckdb plans.duckdb.wal plans-report plans-parquet
while IFS= read -r cmd; do
  echo "\$ $cmd" >&2
  bash -c "$cmd" >/dev/null || { echo "README command failed: $cmd" >&2; exit 1; }
done <<< "$commands"
echo "README: $(wc -l <<< "$commands") commands ran" >&2
