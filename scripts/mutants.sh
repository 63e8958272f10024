#!/usr/bin/env bash
# `npm run mutants`: mutation testing (issue 14). cargo-mutants over the Rust core (host tests;
# src/wasm/ is excluded, see .cargo/mutants.toml) and StrykerJS over js/index.js and the
# emulator's SigV4 verifier (stryker.config.mjs). Not part of `npm test`: on two shared cores a
# full run takes hours. Runs niced, one job at a time. Writes target/mutants/summary.txt.
#
#   bash scripts/mutants.sh                         # everything: rust, then js (index, sigv4)
#   bash scripts/mutants.sh rust -f src/retry.rs    # cargo-mutants with any of its options
#   bash scripts/mutants.sh rust --shard 1/4        #   (--shard k/n, -f FILE, -F REGEX, --in-place, -j N ...)
#   MUTANTS_RUN=rust-xml bash scripts/mutants.sh rust -f 'src/xml/*.rs'   # results kept apart
#   bash scripts/mutants.sh js sigv4                # one Stryker scope (index or sigv4)
#   MUTANTS_JS_LINES=1-120 bash scripts/mutants.sh js index   # the mutants on those lines only
#   bash scripts/mutants.sh summary                 # print the summary of the last runs again
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '[mutants] %s\n' "$*" >&2; }

# The cargo-mutants release these figures were measured with (DEVELOPING.md).
CARGO_MUTANTS_VERSION=27.1.0
out=target/mutants
what=${1:-all}
[ $# -gt 0 ] && shift

bash scripts/setup.sh
mkdir -p "$out"

run_rust() {
  if [ "$(cargo mutants --version 2>/dev/null | awk '{print $2}')" != "$CARGO_MUTANTS_VERSION" ]; then
    log "installing cargo-mutants $CARGO_MUTANTS_VERSION (a few minutes, once)"
    cargo install --locked --quiet cargo-mutants --version "$CARGO_MUTANTS_VERSION"
  fi
  log "cargo-mutants over src/ (host tests; src/wasm/ excluded) $*"
  # PROPTEST_CASES: the property tests (aws-sigv4 and quick-xml as references) run 64 random
  # cases per mutant instead of 1,000; a mutant of signing or XML reading fails on the first few.
  # Exit codes: 0 all caught, 2 some missed, 3 some timed out; the summary says which.
  local rc=0
  PROPTEST_CASES=${PROPTEST_CASES:-64} nice -n 19 cargo mutants --output "$out/${MUTANTS_RUN:-rust}" --no-shuffle "$@" || rc=$?
  case $rc in 0 | 2 | 3) ;; *) log "cargo-mutants failed (exit $rc): see $out/${MUTANTS_RUN:-rust}/mutants.out/debug.log"; exit "$rc" ;; esac
}

run_js() {
  bash scripts/build.sh --if-needed
  local scopes=("$@")
  [ ${#scopes[@]} -gt 0 ] || scopes=(index sigv4)
  for scope in "${scopes[@]}"; do
    log "StrykerJS, scope $scope (stryker.config.mjs)"
    MUTANTS_JS_SCOPE=$scope nice -n 19 node scripts/stryker.mjs
  done
}

case $what in
  rust) run_rust "$@" ;;
  js) run_js "$@" ;;
  all) run_rust; run_js ;;
  summary) ;;
  *) log "usage: scripts/mutants.sh [all|rust [cargo-mutants options]|js [index|sigv4]|summary]"; exit 1 ;;
esac
node scripts/mutants-summary.mjs "$out" | tee "$out/summary.txt"
