// Node entry: the same API as index.js, with the .wasm read from disk (Node's fetch
// cannot load file: URLs).
import { readFile } from "node:fs/promises";
import { initSync } from "./cloudfront_wasm.js";
import { setWasmLoader } from "./index.js";

setWasmLoader(async (input) => {
  const module = input ?? (await readFile(new URL("./cloudfront_wasm_bg.wasm", import.meta.url)));
  initSync({ module });
});

export * from "./index.js";
