#!/usr/bin/env bash
# Builds the npm package payload into dist/: the size-focused wasm build, wasm-bindgen's
# glue (web target: works in pages, workers, Node and bundlers), wasm-opt -Oz, and js/.
# --if-needed: do nothing when dist/ is newer than every input.
# --bench DIR: the same build with `--features bench` (adds `WasmClient.signForBench`) into
# DIR, for `npm run bench`'s signing figure; dist/ is not touched.
#
# One build of a checkout at a time (`npm start` and `npm test` may both start one): the
# whole script holds target/build.lock, so the second waits and then finds dist/ fresh. The
# files are written into a fresh folder that replaces dist/ only when complete, so dist/
# never holds a .wasm and a glue file from different runs, even after a failed build.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
exec 9>target/build.lock
flock 9
stamp=dist/.built
bench_dir=
if [ "${1:-}" = "--bench" ]; then
  bench_dir=${2:?usage: build.sh --bench DIR}
fi
if [ "${1:-}" = "--if-needed" ] && [ -f "$stamp" ] && \
   [ -z "$(find src js Cargo.toml Cargo.lock scripts/build.sh scripts/minify-names.mjs -newer "$stamp" -print -quit)" ]; then
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
# Without reference types, wasm-bindgen keeps JS values in a slab in the glue instead of
# an externref table managed in wasm: 650 bytes less in all (gzip), and older engines too.
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none --cfg sha2_backend_soft=\"compact\" -Ctarget-feature=-reference-types"
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
          --enable-mutable-globals --enable-reference-types --enable-multivalue)
if [ -n "$bench_dir" ]; then
  "$WASM_CARGO" build --quiet "${flags[@]}" --features bench --target-dir target/wasm-release
  rm -rf "$bench_dir" && mkdir -p "$bench_dir"
  wasm-bindgen --target web --no-typescript --out-dir "$bench_dir" --out-name cloudfront_wasm \
    target/wasm-release/wasm32-unknown-unknown/release/cloudfront_wasm.wasm
  node_modules/.bin/wasm-opt -Oz "${features[@]}" "$bench_dir/cloudfront_wasm_bg.wasm" -o "$bench_dir/cloudfront_wasm_bg.wasm"
  exit 0
fi
echo "[build] $WASM_CARGO build ${flags[*]}" >&2
"$WASM_CARGO" build --quiet "${flags[@]}" --target-dir target/wasm-release

out=$(mktemp -d dist.new.XXXXXX)
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name cloudfront_wasm \
  target/wasm-release/wasm32-unknown-unknown/release/cloudfront_wasm.wasm
wasm=$out/cloudfront_wasm_bg.wasm
node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers "${features[@]}" "$wasm" -o "$wasm"
# Short import/export names in the .wasm and the glue alike (see the script), then one more
# -Oz pass: the renaming lets it pack the import and export sections tighter. That pass also
# drops the `target_features` section, which only a linker reads (131 bytes gzipped).
node scripts/minify-names.mjs node_modules/.bin/wasm-opt "$wasm" "$out/cloudfront_wasm.js" "${features[@]}"
# --flatten --rereloop: binaryen rebuilds the control flow of each function, which -Oz then
# packs tighter; a second round finds a little more, later ones nothing. --low-memory-unused:
# the first 1 KB of memory is the far end of Rust's 1 MiB stack, which no call reaches, so
# `ptr + constant` may become a load's offset. Both: -720 bytes gzipped (README "Size").
for round in 1 2; do
  node_modules/.bin/wasm-opt --low-memory-unused --flatten --rereloop -Oz -Oz --strip-target-features "${features[@]}" "$wasm" -o "$wasm"
done
# One JS file for the browser: index.js with the glue bundled in, minified (one request and
# one gzip stream less: -511 bytes gzipped with the names below). No --keep-names: it wraps
# every function of the glue; the classes whose names show set them (js/index.js).
cp js/index.js "$out/index.src.js"
node_modules/.bin/esbuild --bundle --minify --log-level=warning --format=esm "$out/index.src.js" --outfile="$out/index.js"
rm "$out/index.src.js"
# The glue alone, outside the package's files: mutation testing runs the unbundled js/index.js
# against it (stryker.config.mjs).
mkdir "$out/glue"
mv "$out/cloudfront_wasm.js" "$out/glue/"
# Every other entry (node.js and the edge runtimes' entries) as written, and the types.
for entry in js/*.js; do
  [ "$entry" = js/index.js ] || cp "$entry" "$out/"
done
cp js/index.d.ts "$out/"
touch "$out/.built"
chmod 755 "$out"
# Into place: the old dist/ is moved aside and removed only after the new one is there.
old=
if [ -e dist ]; then
  old=$(mktemp -u dist.old.XXXXXX)
  mv dist "$old"
fi
mv "$out" dist
trap - EXIT
[ -z "$old" ] || rm -rf "$old"
node scripts/size.mjs --report
