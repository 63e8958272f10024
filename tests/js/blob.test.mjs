// GetConnectionFunction's `ConnectionFunctionCode` against the SDK's own Uint8ArrayBlobAdapter
// (@smithy/core/serde, Node build): ours is reached through a real send() with a stub fetch whose
// body is the bytes, then compared on random bytes for every encoding, the statics and the prototype.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { sdk, loadOurs, CREDS } from "./support/harness.mjs";

// The SDK's class as its client returns it (a GetConnectionFunction against a local server).
let ours, SdkBlob;
before(async () => {
  ours = await loadOurs();
  const srv = http.createServer((req, res) => res.writeHead(200, { "Content-Type": "application/octet-stream" }).end("hi"));
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  try {
    const c = new sdk.CloudFrontClient({ region: "us-east-1", endpoint: `http://127.0.0.1:${srv.address().port}`, credentials: CREDS, maxAttempts: 1 });
    SdkBlob = (await c.send(new sdk.GetConnectionFunctionCommand({ Identifier: "f" }))).ConnectionFunctionCode.constructor;
  } finally {
    srv.close();
  }
});

/** The code blob our package returns for a body of `bytes`. */
async function oursBlob(bytes) {
  const c = new ours.CloudFrontClient({
    region: "us-east-1", endpoint: "http://127.0.0.1:9", credentials: CREDS, maxAttempts: 1,
    fetch: async () => new Response(bytes, { status: 200, headers: { ETag: "E1", "Content-Type": "application/octet-stream" } }),
  });
  return (await c.send(new ours.GetConnectionFunctionCommand({ Identifier: "f" }))).ConnectionFunctionCode;
}

function randomBytes(rng, n) {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = rng() < 0.6 ? Math.floor(rng() * 128) : Math.floor(rng() * 256);
  return b;
}
const rng = ((s) => () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32))(7);

test("class, prototype and statics as the SDK's", async () => {
  const b = await oursBlob(new Uint8Array([104, 105]));
  assert.ok(b instanceof Uint8Array);
  assert.equal(b.constructor.name, SdkBlob.name);
  assert.deepStrictEqual(Object.getOwnPropertyNames(Object.getPrototypeOf(b)).sort(), Object.getOwnPropertyNames(SdkBlob.prototype).sort());
  assert.deepStrictEqual(Object.getOwnPropertyNames(b.constructor).filter((k) => typeof b.constructor[k] === "function").sort(), Object.getOwnPropertyNames(SdkBlob).filter((k) => typeof SdkBlob[k] === "function").sort());
  assert.deepStrictEqual(Object.keys(b), Object.keys(SdkBlob.mutate(new Uint8Array([104, 105]))));
  // Views made from it are of its class too (species), as the SDK's.
  assert.equal(b.subarray(1).constructor.name, SdkBlob.mutate(new Uint8Array([1, 2])).subarray(1).constructor.name);
  assert.equal(typeof b.subarray(1).transformToString, "function");
});

test("transformToString on 300 random byte strings, every encoding, equals the SDK's", async () => {
  for (let i = 0; i < 300; i++) {
    const bytes = randomBytes(rng, Math.floor(rng() * 70));
    if (i % 10 === 0) bytes.set([0xef, 0xbb, 0xbf].slice(0, bytes.length)); // a byte order mark first
    const o = await oursBlob(bytes);
    const s = SdkBlob.mutate(new Uint8Array(bytes));
    assert.deepStrictEqual([...o], [...bytes], "the bytes as sent");
    for (const enc of [undefined, "utf-8", "utf8", "base64", "hex", "latin1", "ascii", "ucs2"]) {
      assert.equal(o.transformToString(enc), s.transformToString(enc), `case ${i} encoding ${enc}: ${Buffer.from(bytes).toString("hex")}`);
    }
  }
  const big = randomBytes(rng, 100_000); // base64 of a large blob (chunked conversion)
  assert.equal((await oursBlob(big)).transformToString("base64"), SdkBlob.mutate(new Uint8Array(big)).transformToString("base64"));
});

test("fromString (utf-8 and base64) equals the SDK's", async () => {
  const Ours = (await oursBlob(new Uint8Array([1]))).constructor;
  for (const [text, enc] of [["héllo ☃ 😀", undefined], ["héllo", "utf-8"], ["aGk=", "base64"], ["", "base64"], ["AAEC/w==", "base64"]]) {
    const o = Ours.fromString(text, enc), s = SdkBlob.fromString(text, enc);
    assert.deepStrictEqual([...o], [...s], `${text} ${enc}`);
    assert.equal(o.constructor, Ours);
    assert.equal(o.transformToString(enc), s.transformToString(enc));
  }
  for (const bad of [5, null, new Uint8Array(1)]) {
    assert.throws(() => Ours.fromString(bad), { message: `Unsupported conversion from ${typeof bad} to Uint8ArrayBlobAdapter.` });
    assert.throws(() => SdkBlob.fromString(bad), { message: `Unsupported conversion from ${typeof bad} to Uint8ArrayBlobAdapter.` });
  }
});
