// Issue 14 (item 9): a failed init() (an offline page, a bad .wasm) is not cached: a later init()
// loads the module and calls work. Its own file, so that the module starts uninitialized.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadOurs, CREDS, settle } from "./support/harness.mjs";

test("init() after a failed init() loads the module, and calls then work", async () => {
  const ours = await loadOurs();
  const notWasm = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0xff]); // a truncated module
  const failed = await settle(ours.init(notWasm));
  assert.equal(failed.ok, false, "a broken module fails to load");
  const again = await settle(ours.init(notWasm));
  assert.equal(again.ok, false, "and fails again when retried with the same bytes (not a cached promise of anything)");
  await ours.init(); // the package's own .wasm
  const c = new ours.CloudFrontClient({
    region: "us-east-1", endpoint: "http://127.0.0.1:9", credentials: CREDS, maxAttempts: 1,
    fetch: async () => new Response("", { status: 200, headers: { ETag: "E1" } }),
  });
  const out = await c.send(new ours.DescribeConnectionFunctionCommand({ Identifier: "f" }));
  assert.equal(out.ETag, "E1");
});
