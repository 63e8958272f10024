#!/usr/bin/env bash
# Installs what building and testing need, idempotently: npm devDependencies, a Rust
# toolchain that can target wasm32, wasm-bindgen-cli at Cargo.lock's version, Chromium.
# The normal route (rustup's wasm32 target) is tried first; on machines where rustup cannot
# download it, Debian's rustc-web with its std source builds std for wasm32 (-Z build-std).
# Writes target/toolchain.env, which scripts/build.sh and scripts/test.sh source.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '[setup] %s\n' "$*" >&2; }

apt_ready=
apt_install() {
  command -v apt-get >/dev/null || { log "apt-get not found: install $* by hand"; return 1; }
  [ -n "$apt_ready" ] || { apt-get update -qq >/dev/null; apt_ready=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# 1. npm devDependencies (esbuild, binaryen's wasm-opt, the SDK for differential tests, playwright-core).
if [ ! -d node_modules/.bin ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm devDependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 2. A compiler that can build std for wasm32 (built from source with -Z build-std and
#    size options: that is what keeps the module within its byte budget).
mkdir -p target
env_file=target/toolchain.env
if timeout 90 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 \
   && timeout 90 rustup component add rust-src >/dev/null 2>&1; then
  log "using rustup's toolchain ($(rustc --version | cut -d' ' -f2)) with its wasm32 target and std source"
  cat > "$env_file" <<'ENV'
WASM_CARGO=cargo
WASM_TEST_FLAGS=
WASM_CLIPPY=1
export RUSTC_BOOTSTRAP=1
ENV
else
  if [ ! -x /usr/bin/rustc ] || [ ! -d "$(/usr/bin/rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library" ]; then
    log "rustup cannot add wasm32 here: installing Debian's rustc-web with its std source"
    apt_install rustc-web cargo-web rust-web-src
  fi
  lld="$(rustup run stable rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
  [ -x "$lld" ] || { log "rust-lld not found at $lld"; exit 1; }
  log "using Debian's rustc $(/usr/bin/rustc --version | cut -d' ' -f2) with its std source"
  cat > "$env_file" <<ENV
WASM_CARGO=/usr/bin/cargo
WASM_TEST_FLAGS="-Z build-std=std,panic_abort"
WASM_CLIPPY=
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=$lld
ENV
fi

# 3. wasm-bindgen-cli, the same version as the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  log "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install --quiet wasm-bindgen-cli --version "$want"
fi

# 4. Chromium for the browser tests (a test tool's own browser download cannot work here).
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null && [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium and chromium-driver"
  apt_install chromium chromium-driver || log "no Chromium: browser tests will fail"
fi
log "ready"
