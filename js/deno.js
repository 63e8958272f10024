// Deno entry (the "deno" export condition): the same API as index.js, with the .wasm imported
// in the source phase, which gives the compiled WebAssembly.Module without running it. A module
// import needs no permission, whereas reading or fetching the file (the Node and default
// entries' ways) needs --allow-read.
import source wasm from "./cloudfront_wasm_bg.wasm";
import { setWasmLoader } from "./index.js";

setWasmLoader(
  (input, { init, initSync }) => (input === undefined ? initSync({ module: wasm }) : init({ module_or_path: input })),
  'the source-phase import "./cloudfront_wasm_bg.wasm"',
);

export * from "./index.js";
