// A large request body (40 KB of code: 55 KB of XML) is hashed for the signature by the platform
// (node:crypto in the Node entry, WebCrypto elsewhere), or by the wasm when the platform has no
// hash or it fails. Each way is checked against the emulator, which verifies every signature.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { loadOurs, startEmulator, oursClient, settle } from "./support/harness.mjs";

let ours, emu, nodeLoader;
before(async () => {
  ours = await loadOurs();
  emu = await startEmulator();
  // The Node entry's loader, to keep while the hash is swapped (setWasmLoader returns it).
  nodeLoader = ours.setWasmLoader(async () => {});
  ours.setWasmLoader(nodeLoader);
});
after(() => emu?.close());

const CONFIG = { Comment: "large", Runtime: "cloudfront-js-2.0" };
const code = (n, seed) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

/**
 * Creates then updates a function with `bytes` of code and reads it back. With `hash`, large
 * bodies are hashed by it (through a spy: returns the sizes it was called with); without, by the
 * Node entry's own (node:crypto).
 */
async function createAndUpdate(name, bytes, hash) {
  const calls = [];
  if (hash) {
    ours.setWasmLoader(nodeLoader, undefined, (body) => {
      calls.push(body.length);
      return hash(body);
    });
  }
  const c = oursClient(ours, emu.url);
  const made = await c.send(new ours.CreateConnectionFunctionCommand({ Name: name, ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: bytes }));
  const id = made.ConnectionFunctionSummary.Id;
  const reversed = bytes.slice().reverse();
  await c.send(new ours.UpdateConnectionFunctionCommand({ Id: id, IfMatch: made.ETag, ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: reversed }));
  const got = await c.send(new ours.GetConnectionFunctionCommand({ Identifier: id }));
  assert.deepEqual([...got.ConnectionFunctionCode], [...reversed], "the code as written");
  return calls;
}

const webCrypto = async (body) => new Uint8Array(await crypto.subtle.digest("SHA-256", body));

// First, before any test swaps the hash: the Node entry's own. Which one it is shows only by
// what it is not: WebCrypto's digest is not called (and the signature verifies).
test("40 KB of code: the Node entry's node:crypto hash signs what the emulator verifies", async () => {
  const digest = crypto.subtle.digest;
  let webCryptoCalls = 0;
  crypto.subtle.digest = function (...args) {
    webCryptoCalls++;
    return digest.apply(this, args);
  };
  try {
    await createAndUpdate("large-node", code(40 * 1024, 1));
  } finally {
    crypto.subtle.digest = digest;
  }
  assert.equal(webCryptoCalls, 0, "the Node entry hashes with node:crypto, not WebCrypto");
});

test("a large body is hashed once per call, whole", async () => {
  const calls = await createAndUpdate("large-spied", code(40 * 1024, 8), webCrypto);
  assert.equal(calls.length, 2, "create and update");
  assert.ok(calls.every((n) => n > 54_616), `the whole XML body, with the code's 54,616 base64 characters: ${calls}`);
});

test("40 KB of code: WebCrypto's hash (index.js's default) signs what the emulator verifies", async () => {
  assert.equal((await createAndUpdate("large-webcrypto", code(40 * 1024, 2), webCrypto)).length, 2);
});

test("no platform hash, or one that fails: the wasm hashes the body and the calls succeed", async () => {
  assert.equal((await createAndUpdate("large-none", code(40 * 1024, 3), () => undefined)).length, 2);
  assert.equal((await createAndUpdate("large-failing", code(40 * 1024, 4), () => Promise.reject(new Error("no digest")))).length, 2);
  assert.equal((await createAndUpdate("large-throwing", code(40 * 1024, 5), () => { throw new Error("no digest"); })).length, 2);
});

test("the platform's digest is what gets signed: a wrong one is refused by the emulator", async () => {
  ours.setWasmLoader(nodeLoader, undefined, () => new Uint8Array(32));
  try {
    const c = oursClient(ours, emu.url);
    const r = await settle(c.send(new ours.CreateConnectionFunctionCommand({ Name: "large-wrong", ConnectionFunctionConfig: CONFIG, ConnectionFunctionCode: code(40 * 1024, 6) })));
    assert.equal(r.ok, false);
    assert.equal(r.error.name, "SignatureDoesNotMatch");
  } finally {
    ours.setWasmLoader(nodeLoader, undefined, webCrypto);
  }
});

test("small bodies are hashed in wasm: the platform's hash is not called", async () => {
  assert.deepEqual(await createAndUpdate("small", code(1024, 7), webCrypto), []);
});
