// Issue 5, bad input: every input below gets a named error whose message says what is wrong,
// and ZERO requests reach the emulator. (The SDK itself sends most of these — see SDK-BEHAVIOUR.md §4.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { loadOurs, startEmulator, CREDS, settle } from "./support/harness.mjs";

let emu, ours;
before(async () => {
  emu = await startEmulator();
});
after(() => emu?.close());

/** Builds a client and sends; construction errors count as the thrown error too. */
async function attempt(cfg, input) {
  ours ??= await loadOurs();
  return settle(
    (async () => {
      const c = new ours.CloudFrontClient({ region: "us-east-1", endpoint: emu.url, credentials: CREDS, maxAttempts: 1, ...cfg });
      return c.send(new ours.DescribeConnectionFunctionCommand(input));
    })(),
  );
}

async function expectRejected(label, cfg, input, messageRe) {
  await emu.reset();
  const r = await attempt(cfg, input);
  assert.equal(r.ok, false, `${label}: expected an error, got ${JSON.stringify(r.value)}`);
  const e = r.error;
  assert.ok(e instanceof Error, `${label}: thrown value is an Error`);
  assert.equal(typeof e.name, "string");
  assert.ok(e.name.length > 0 && e.name !== "Error", `${label}: error has a specific name (got ${e.name})`);
  assert.match(e.message, messageRe, `${label}: message says what is wrong (got ${JSON.stringify(e.message)})`);
  assert.ok(e.message.length < 500, `${label}: message is short (no echo of huge input)`);
  const st = await emu.stats();
  assert.equal(st.requests, 0, `${label}: no request reached the server`);
}

const ID = /identifier/i;
test("Identifier missing, null, number, object, empty, '.', '..', lone surrogate, 100,000 chars", async () => {
  const cases = [
    ["missing", {}],
    ["null", { Identifier: null }],
    ["number", { Identifier: 42 }],
    ["object", { Identifier: { toString: () => "x" } }],
    ["empty", { Identifier: "" }],
    ["dot", { Identifier: "." }],
    ["dotdot", { Identifier: ".." }],
    ["lone high surrogate", { Identifier: "abc\uD800def" }],
    ["lone low surrogate", { Identifier: "\uDC00" }],
    ["100,000 chars", { Identifier: "a".repeat(100_000) }],
  ];
  for (const [label, input] of cases) await expectRejected(`Identifier ${label}`, {}, input, ID);
});

test("input itself missing or not an object", async () => {
  ours ??= await loadOurs();
  for (const input of [undefined, null, "my-func"]) await expectRejected(`input ${String(input)}`, {}, input, /input|identifier/i);
});

test("Stage 'live', '', a number, an object", async () => {
  for (const Stage of ["live", "", 1, {}, "LIVE "]) {
    await expectRejected(`Stage ${JSON.stringify(Stage)}`, {}, { Identifier: "mtls-auth-check", Stage }, /stage/i);
  }
});

test("credentials missing, missing a field, non-string fields, provider throws or returns garbage", async () => {
  const cases = [
    ["missing", { credentials: undefined }],
    ["null", { credentials: null }],
    ["no secret", { credentials: { accessKeyId: "AKIDEXAMPLE" } }],
    ["no access key", { credentials: { secretAccessKey: "s" } }],
    ["empty access key", { credentials: { accessKeyId: "", secretAccessKey: "s" } }],
    ["numeric secret", { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: 12345 } }],
    ["numeric session token", { credentials: { ...CREDS, sessionToken: 7 } }],
    ["a string", { credentials: "AKIDEXAMPLE:secret" }],
    ["provider throws", { credentials: async () => { throw new Error("provider exploded"); } }],
    ["provider returns undefined", { credentials: async () => undefined }],
    ["provider returns garbage", { credentials: async () => ({ foo: 1 }) }],
    ["sync provider returns number", { credentials: () => 5 }],
  ];
  for (const [label, cfg] of cases) await expectRejected(`credentials ${label}`, cfg, { Identifier: "mtls-auth-check" }, /credential|access ?key|secret|session|provider/i);
});

test("endpoint 'ftp://x', 'not a url', '' and a javascript: URL", async () => {
  for (const endpoint of ["ftp://x", "not a url", "", "javascript:alert(1)", "file:///etc/passwd"]) {
    await expectRejected(`endpoint ${endpoint}`, { endpoint }, { Identifier: "mtls-auth-check" }, /endpoint|url/i);
  }
});

test("maxAttempts 0, -1, NaN, 1.5, '3'; requestTimeout negative / NaN", async () => {
  for (const maxAttempts of [0, -1, NaN, 1.5, "3"]) {
    await expectRejected(`maxAttempts ${String(maxAttempts)}`, { maxAttempts }, { Identifier: "mtls-auth-check" }, /maxAttempts|attempt/i);
  }
  for (const requestTimeout of [-1, NaN, "100"]) {
    await expectRejected(`requestTimeout ${String(requestTimeout)}`, { requestTimeout }, { Identifier: "mtls-auth-check" }, /requestTimeout|timeout/i);
  }
});

test("control: a valid call with the same client setup does reach the server (the zero counts are meaningful)", async () => {
  await emu.reset();
  const r = await attempt({}, { Identifier: "mtls-auth-check" });
  assert.equal(r.ok, true, r.error?.message);
  assert.equal((await emu.stats()).requests, 1);
});

test("oversized answer (> 1 MiB) is refused with a clear error instead of being parsed", async () => {
  await emu.reset();
  const big = `<?xml version="1.0"?><ConnectionFunctionSummary><Name>${"x".repeat(1_100_000)}</Name></ConnectionFunctionSummary>`;
  await emu.canned({ status: 200, headers: { "x-amzn-RequestId": "rid-big" }, body: big, count: 1 });
  const r = await attempt({}, { Identifier: "mtls-auth-check" });
  assert.equal(r.ok, false, "a 1.1 MB body is refused");
  assert.match(r.error.message, /too large|size|limit|MiB|bytes/i);
  assert.ok(r.error.message.length < 500);
});
