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

test("the default hash of large bodies is WebCrypto's SHA-256, and without WebCrypto the wasm's", async () => {
  const ours = await import("../../dist/index.js");
  await ours.init(readFileSync(new URL("../../dist/cloudfront_wasm_bg.wasm", import.meta.url)));
  const { verifyRequest } = await import("../../emulator/sigv4.mjs");
  const CREDS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
  const verdicts = [];
  const fetch = async (url, init) => {
    const u = new URL(url);
    const headers = new Map([["host", u.host], ...Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v])]);
    const req = { method: init.method, rawPath: u.pathname, rawQuery: u.search.slice(1), body: Buffer.from(init.body), headers };
    verdicts.push(await verifyRequest(req, { accounts: [CREDS], now: Date.now() }).then(() => "signed", (e) => e.code));
    return new Response("", { status: 500 });
  };
  const create = () =>
    new ours.CloudFrontClient({ endpoint: "http://127.0.0.1:9", credentials: CREDS, maxAttempts: 1, fetch })
      .send(new ours.CreateConnectionFunctionCommand({ Name: "n", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: new Uint8Array(12 * 1024) }))
      .catch(() => {});
  const digest = crypto.subtle.digest;
  const asked = [];
  crypto.subtle.digest = function (algorithm, data) {
    asked.push([algorithm, data.length]);
    return digest.call(this, algorithm, data);
  };
  try {
    await create();
  } finally {
    crypto.subtle.digest = digest;
  }
  assert.equal(asked.length, 1);
  assert.equal(asked[0][0], "SHA-256");
  assert.ok(asked[0][1] > 16 * 1024, "the whole body");
  // No WebCrypto (as in a page that is not a secure context): the wasm hashes it.
  const subtle = Object.getOwnPropertyDescriptor(Crypto.prototype, "subtle");
  Object.defineProperty(Crypto.prototype, "subtle", { get: () => undefined, configurable: true });
  try {
    await create();
  } finally {
    Object.defineProperty(Crypto.prototype, "subtle", subtle);
  }
  assert.deepEqual(verdicts, ["signed", "signed"]);
});
