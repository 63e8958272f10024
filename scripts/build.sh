#!/usr/bin/env bash
# Builds the npm package payload into dist/: the size-focused wasm build, wasm-bindgen's
# glue (web target: works in pages, workers, Node and bundlers), wasm-opt -Oz, and js/.
# --if-needed: do nothing when dist/ is newer than every input.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=dist/.built
if [ "${1:-}" = "--if-needed" ] && [ -f "$stamp" ] && \
   [ -z "$(find src js Cargo.toml Cargo.lock scripts/build.sh -newer "$stamp" -print -quit)" ]; then
  exit 0
fi
[ -f target/toolchain.env ] || bash scripts/setup.sh
# shellcheck disable=SC1091
source target/toolchain.env

# Size: std rebuilt for size with panics compiled to a bare trap, and sha2's compact
# round function (a third of the unrolled one's bytes; signing stays far faster than JS).
flags=(--release --target wasm32-unknown-unknown --lib
       -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size)
# Debug formatting and panic locations are compiled out too (no panic can print here).
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none --cfg sha2_backend_soft=\"compact\""
echo "[build] $WASM_CARGO build ${flags[*]}" >&2
"$WASM_CARGO" build --quiet "${flags[@]}" --target-dir target/wasm-release

rm -rf dist && mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist --out-name cloudfront_wasm \
  target/wasm-release/wasm32-unknown-unknown/release/cloudfront_wasm.wasm
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
          --enable-mutable-globals --enable-reference-types --enable-multivalue)
wasm=dist/cloudfront_wasm_bg.wasm
node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers "${features[@]}" "$wasm" -o "$wasm"
# Short import/export names in the .wasm and the glue alike (see the script), then one more
# -Oz pass: the renaming lets it pack the import and export sections tighter.
node scripts/minify-names.mjs node_modules/.bin/wasm-opt "$wasm" dist/cloudfront_wasm.js "${features[@]}"
node_modules/.bin/wasm-opt -Oz "${features[@]}" "$wasm" -o "$wasm"
# The JS a browser downloads is minified; the readable sources are in js/.
node_modules/.bin/esbuild --minify --log-level=warning --format=esm --allow-overwrite \
  dist/cloudfront_wasm.js --outfile=dist/cloudfront_wasm.js
node_modules/.bin/esbuild --minify --keep-names --log-level=warning --format=esm js/index.js --outfile=dist/index.js
cp js/node.js js/index.d.ts dist/
touch "$stamp"
node scripts/size.mjs --report
