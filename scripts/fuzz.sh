#!/usr/bin/env bash
# Fuzzes the core's readers and request builder with cargo-fuzz (libFuzzer).
#   scripts/fuzz.sh [seconds-per-target] [target...]     default: 20 s, all targets
# cargo-fuzz needs nightly-only flags (-Zsanitizer=address); with no nightly toolchain the
# stable one is used with RUSTC_BOOTSTRAP=1. If cargo-fuzz cannot build here at all, it falls
# back to the proptest harness (tests/properties.rs) with more cases, and says so.
# New crashes land in fuzz/artifacts/<target>/. fuzz/corpus/<target>/ (committed seeds) is only
# read; the corpus libFuzzer grows goes to fuzz/target/corpus/<target>/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-20}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(xml_payload error_body request_builder request_body)

fallback() {
  echo "fuzz.sh: cargo fuzz is not usable here ($1); running the proptest harness instead" >&2
  PROPTEST_CASES="${PROPTEST_CASES:-20000}" exec cargo test --release --test properties
}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked >&2 || fallback "cargo install cargo-fuzz failed"
fi

TOOLCHAIN=()
if rustup run nightly rustc --version >/dev/null 2>&1; then
  TOOLCHAIN=(+nightly)
else
  export RUSTC_BOOTSTRAP=1
fi

if ! cargo "${TOOLCHAIN[@]}" fuzz build -O "${TARGETS[@]:0:1}" >&2; then
  fallback "cargo fuzz build failed"
fi

status=0
for target in "${TARGETS[@]}"; do
  echo "fuzz.sh: $target for ${SECONDS_PER_TARGET}s" >&2
  mkdir -p "fuzz/target/corpus/$target"
  if ! cargo "${TOOLCHAIN[@]}" fuzz run -O "$target" "fuzz/target/corpus/$target" "fuzz/corpus/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -rss_limit_mb=1024 -print_final_stats=1; then
    echo "fuzz.sh: $target FOUND A CRASH (see fuzz/artifacts/$target/)" >&2
    status=1
  fi
done
exit $status
