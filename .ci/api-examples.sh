#!/usr/bin/env bash
# Runs the ```sh examples of docs/API.md, in order, in one shell, against the server at $1 (a fresh demo server).
set -euo pipefail
export BAOCAO="$1"
work=$(mktemp -d)
script="$work/examples.sh"
{
  echo 'set -euo pipefail'
  awk '/^```sh$/ {inside=1; next} /^```$/ {inside=0; next} inside {print}' docs/API.md
} > "$script"
blocks=$(grep -c '^```sh$' docs/API.md)
(cd "$work" && bash "$script")
echo "ok docs/API.md: $blocks example blocks ran"
