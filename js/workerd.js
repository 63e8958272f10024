// workerd / Cloudflare Workers entry (the "workerd" export condition): the same API as index.js,
// with the .wasm imported as a module. Wrangler and workerd hand such an import over as a
// compiled WebAssembly.Module; fetching the file (index.js's way) has no file: URL to reach
// there, and compiling bytes at run time is refused ("Wasm code generation disallowed by embedder").
import wasm from "./cloudfront_wasm_bg.wasm";
import { setWasmLoader } from "./index.js";

setWasmLoader(
  (input, { init, initSync }) => (input === undefined ? initSync({ module: wasm }) : init({ module_or_path: input })),
  'the module import "./cloudfront_wasm_bg.wasm"',
);

export * from "./index.js";
