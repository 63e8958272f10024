// Issue 14, mutation testing: the browser entry's own loader (dist/index.js without the Node
// entry, which replaces it), run in Node: init(bytes) instantiates those bytes without
// wasm-bindgen's deprecation warning, and init() asks for the .wasm next to the module, which
// Node's fetch cannot load from a file: URL, so it fails with a WasmLoadError that says where.
// Its own file: the module must start unloaded and must not be the Node entry's instance.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

test("the default loader: init() fetches the .wasm next to the module, init(bytes) uses the bytes", async () => {
  const ours = await import("../../dist/index.js");
  const failed = await ours.init().then(() => undefined, (e) => e);
  assert.equal(failed?.name, "WasmLoadError");
  assert.match(failed.message, /from file:\/\/\S+\/dist\/cloudfront_wasm_bg\.wasm \(/);
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(" "));
  try {
    await ours.init(readFileSync(new URL("../../dist/cloudfront_wasm_bg.wasm", import.meta.url)));
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(warnings, []);
  const c = new ours.CloudFrontClient({
    endpoint: "http://127.0.0.1:9",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    maxAttempts: 1,
    fetch: async () => new Response("", { status: 200, headers: { ETag: "E1" } }),
  });
  assert.equal((await c.describeConnectionFunction({ Identifier: "f" })).ETag, "E1");
});
