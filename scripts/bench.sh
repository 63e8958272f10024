#!/usr/bin/env bash
# `npm run bench`: the side-by-side benchmark (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh --if-needed
exec node bench/run.mjs "$@"
