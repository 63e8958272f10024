// Node entry: the same API as index.js, with the .wasm read from disk (Node's fetch
// cannot load file: URLs).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { setWasmLoader } from "./index.js";

// The .wasm is read and compiled (V8 compiles off the main thread) from the moment this module is
// imported; the first call or init() instantiates it. A failure is reported by that call, and the
// next one tries again.
let compiled;
const compile = () =>
  (compiled ??= readFile(new URL("./cloudfront_wasm_bg.wasm", import.meta.url))
    .then((bytes) => WebAssembly.compile(bytes))
    .catch((e) => {
      compiled = undefined;
      throw e;
    }));
compile().catch(() => {});

setWasmLoader(
  async (input, { initSync }) => {
    const module = input ?? (await compile());
    initSync({ module });
  },
  undefined,
  // Large request bodies: node:crypto's SHA-256, synchronous (WebCrypto's goes through a
  // thread pool: 4× the time for 55 KB here).
  (bytes) => createHash("sha256").update(bytes).digest(),
);

export * from "./index.js";
