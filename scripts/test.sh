#!/usr/bin/env bash
# `npm test`: everything, from a fresh machine. Host Rust tests and lints, the wasm build,
# wasm-bindgen tests under Node and in headless Chromium, a bounded fuzz run, the bench
# smoke run, then the Node-level suites (emulator, package vs the SDK, faults, secrets,
# page end to end in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

bash scripts/setup.sh
# shellcheck disable=SC1091
wasm_env() { ( source target/toolchain.env; "$@" ); }
# shellcheck disable=SC1091,SC2086
wasm_test() { ( source target/toolchain.env; $WASM_CARGO test --target wasm32-unknown-unknown --test "$1" $WASM_TEST_FLAGS ); }

step "host: cargo test"
cargo test --quiet
step "host: clippy -D warnings"
cargo clippy --quiet --all-targets -- -D warnings

step "build the package (dist/)"
bash scripts/build.sh --if-needed
step "size: the bytes a browser downloads, within the 55,000-byte budget (README "Size")"
node scripts/size.mjs

if [ "$(. target/toolchain.env; echo "${WASM_CLIPPY:-}")" = 1 ]; then
  step "wasm32: clippy -D warnings"
  wasm_env cargo clippy --quiet --target wasm32-unknown-unknown --lib --test wasm_node --test wasm_browser -- -D warnings
else
  echo "(wasm32 clippy needs rustup's wasm32 target; this machine builds wasm32 with Debian's rustc, which has no clippy: the wasm build above is the check)"
fi

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
step "wasm: wasm-bindgen-test under Node"
wasm_test wasm_node
step "wasm: wasm-bindgen-test in headless Chromium"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
wasm_test wasm_browser

if [ -x scripts/fuzz.sh ]; then
  step "fuzz: each target for a bounded time"
  bash scripts/fuzz.sh "${FUZZ_SECONDS:-10}"
fi

if [ -f bench/run.mjs ]; then
  step "bench smoke run (outputs equal the SDK's; no timing asserted)"
  node bench/run.mjs --smoke
fi

step "node: emulator, package, differential, faults, secrets, page end to end"
node --test --test-concurrency=1 tests/emulator/ tests/js/ tests/e2e/
