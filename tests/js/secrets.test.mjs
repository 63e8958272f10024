// Issue 5, secrets: a recognizable secret key and session token driven through every error path;
// neither may appear in any thrown error (message, stack, fields, JSON.stringify, util.inspect),
// in console output or in process stdout/stderr writes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import util from "node:util";
import net from "node:net";
import { loadOurs, startEmulator, settle } from "./support/harness.mjs";

const SECRET = "SeCrEtSENTINELkey0000000000000000000000xyz";
const TOKEN = "ToKeNSENTINELsession+/=0000000000000000000abc";
const PARTS = [SECRET, TOKEN, SECRET.slice(6, 26), TOKEN.slice(5, 25), encodeURIComponent(TOKEN)];
const creds = { accessKeyId: "ASIASENTINELACCESS", secretAccessKey: SECRET, sessionToken: TOKEN };

let emu, ours;
before(async () => {
  emu = await startEmulator();
  ours = await loadOurs();
});
after(() => emu?.close());

/** Captures console.* and process.stdout/stderr writes while fn runs. */
async function captureOutput(fn) {
  const captured = [];
  const saved = {};
  for (const m of ["log", "info", "warn", "error", "debug", "trace", "dir"]) {
    saved[m] = console[m];
    console[m] = (...a) => captured.push(util.format(...a));
  }
  const ow = process.stdout.write, ew = process.stderr.write;
  process.stdout.write = function (chunk, ...rest) { captured.push(String(chunk)); return true; };
  process.stderr.write = function (chunk, ...rest) { captured.push(String(chunk)); return true; };
  try {
    return { result: await fn(), captured };
  } finally {
    Object.assign(console, saved);
    process.stdout.write = ow;
    process.stderr.write = ew;
  }
}

function renderings(e) {
  const out = [String(e?.message), String(e?.stack), String(e), util.inspect(e, { showHidden: true, depth: 6 })];
  try { out.push(JSON.stringify(e)); } catch (x) { out.push("JSON failed: " + x.message); }
  if (e && typeof e === "object") {
    for (const k of Reflect.ownKeys(e)) {
      const v = e[k];
      try { out.push(typeof v === "string" ? v : util.inspect(v, { showHidden: true, depth: 6 })); } catch { /* ignore */ }
    }
    if (e.cause) out.push(util.inspect(e.cause, { showHidden: true, depth: 6 }));
  }
  return out;
}

function assertNoSecret(label, texts) {
  for (const t of texts) for (const p of PARTS) assert.ok(!t.includes(p), `${label}: secret material (${p.slice(0, 8)}…) found in: ${t.slice(0, 300)}`);
}

async function closedPort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  const port = s.address().port;
  await new Promise((r) => s.close(r));
  return port;
}

test("no secret in errors or output on every error path", async () => {
  const refused = `http://127.0.0.1:${await closedPort()}`;
  const paths = [
    ["signature mismatch (unknown key)", {}, { Identifier: "mtls-auth-check" }],
    ["throttled out", { fault: { kind: "throttle", count: 2 } }, { Identifier: "mtls-auth-check" }],
    ["html503", { fault: { kind: "html503", count: 2 } }, { Identifier: "x" }],
    ["empty500", { fault: { kind: "empty500", count: 2 } }, { Identifier: "x" }],
    ["reset", { fault: { kind: "reset", count: 2 } }, { Identifier: "x" }],
    ["truncate", { fault: { kind: "truncate", count: 2 } }, { Identifier: "x" }],
    ["malformed", { fault: { kind: "malformed", count: 2 } }, { Identifier: "x" }],
    ["timeout", { fault: { kind: "slow", count: 2, delayMs: 1000 }, cfg: { requestTimeout: 100 } }, { Identifier: "x" }],
    ["abort", { fault: { kind: "slow", count: 2, delayMs: 1000 }, abort: 50 }, { Identifier: "x" }],
    ["connection refused", { cfg: { endpoint: refused } }, { Identifier: "x" }],
    ["bad Identifier", {}, { Identifier: "" }],
    ["bad Stage", {}, { Identifier: "x", Stage: "live" }],
    ["bad endpoint", { cfg: { endpoint: "ftp://x" } }, { Identifier: "x" }],
    ["bad maxAttempts", { cfg: { maxAttempts: 0 } }, { Identifier: "x" }],
    ["non-string session token field", { cfg: { credentials: { ...creds, accessKeyId: 5 } } }, { Identifier: "x" }],
    ["provider returns garbage with the secret inside", { cfg: { credentials: async () => ({ secretAccessKey: SECRET, sessionToken: TOKEN }) } }, { Identifier: "x" }],
    ["canned 403 AccessDenied", { canned: { status: 403, headers: {}, body: "<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>" } }, { Identifier: "x" }],
  ];
  for (const [label, opt, input] of paths) {
    await emu.reset();
    if (opt.fault) await emu.fault(opt.fault);
    if (opt.canned) {
      // canned answers are only served to correctly signed requests: sign with a seeded account here
      await emu.canned({ ...opt.canned, count: 2 });
    }
    const { result: r, captured } = await captureOutput(async () => {
      const client = new ours.CloudFrontClient({ region: "us-east-1", endpoint: emu.url, credentials: creds, maxAttempts: 2, ...(opt.cfg ?? {}) });
      let signal;
      if (opt.abort) {
        const ac = new AbortController();
        setTimeout(() => ac.abort(), opt.abort);
        signal = ac.signal;
      }
      const res = await settle((async () => client.send(new ours.DescribeConnectionFunctionCommand(input), signal ? { abortSignal: signal } : undefined))());
      res.clientText = [util.inspect(client, { showHidden: true, depth: 3 }), String(client)];
      return res;
    });
    assert.equal(r.ok, false, `${label}: expected an error`);
    assertNoSecret(label, renderings(r.error));
    assertNoSecret(`${label} (client inspect/toString)`, r.clientText);
    assertNoSecret(`${label} (console/stdout/stderr)`, captured);
  }
});

test("no secret (nor the function's code) in errors or output on a write operation's error paths", async () => {
  const refused = `http://127.0.0.1:${await closedPort()}`;
  const CODE_SENTINEL = "CoDeSENTINEL function connectionHandler(c) { c.allow(); }";
  const code = new TextEncoder().encode(CODE_SENTINEL);
  const update = (over = {}) => new ours.UpdateConnectionFunctionCommand({ Id: "mtls-auth-check", IfMatch: "E2QWRUHAPOMQZL", ConnectionFunctionConfig: { Comment: "s", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: code, ...over });
  const paths = [
    ["signature mismatch (unknown key)", {}, update()],
    ["throttled out", { fault: { kind: "throttle", count: 2, operation: "UpdateConnectionFunction" } }, update()],
    ["reset", { fault: { kind: "reset", count: 2, operation: "UpdateConnectionFunction" } }, update()],
    ["truncate", { fault: { kind: "truncate", count: 2, operation: "UpdateConnectionFunction" } }, update()],
    ["timeout", { fault: { kind: "slow", count: 2, delayMs: 1000, operation: "UpdateConnectionFunction" }, cfg: { requestTimeout: 100 } }, update()],
    ["abort", { fault: { kind: "slow", count: 2, delayMs: 1000, operation: "UpdateConnectionFunction" }, abort: 50 }, update()],
    ["connection refused", { cfg: { endpoint: refused } }, update()],
    ["code given as a string", {}, update({ ConnectionFunctionCode: CODE_SENTINEL })],
    ["code too large", {}, update({ ConnectionFunctionCode: new Uint8Array(40_961).fill(0x43) })],
    ["IfMatch missing", {}, update({ IfMatch: undefined })],
    ["canned 412 PreconditionFailed", { canned: { status: 412, headers: {}, body: "<ErrorResponse><Error><Code>PreconditionFailed</Code><Message>stale</Message></Error></ErrorResponse>" } }, update()],
    ["Test: connection object as a string", {}, new ours.TestConnectionFunctionCommand({ Id: "x", IfMatch: "E", ConnectionObject: CODE_SENTINEL })],
    ["Create: provider returns garbage with the secret inside", { cfg: { credentials: async () => ({ secretAccessKey: SECRET, sessionToken: TOKEN }) } }, new ours.CreateConnectionFunctionCommand({ Name: "n", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: code })],
  ];
  for (const [label, opt, command] of paths) {
    await emu.reset();
    if (opt.fault) await emu.fault(opt.fault);
    if (opt.canned) await emu.canned({ ...opt.canned, count: 2 });
    const { result: r, captured } = await captureOutput(async () => {
      const client = new ours.CloudFrontClient({ region: "us-east-1", endpoint: emu.url, credentials: creds, maxAttempts: 2, ...(opt.cfg ?? {}) });
      let signal;
      if (opt.abort) {
        const ac = new AbortController();
        setTimeout(() => ac.abort(), opt.abort);
        signal = ac.signal;
      }
      const res = await settle((async () => client.send(command, signal ? { abortSignal: signal } : undefined))());
      res.clientText = [util.inspect(client, { showHidden: true, depth: 3 }), String(client)];
      return res;
    });
    assert.equal(r.ok, false, `${label}: expected an error`);
    const texts = renderings(r.error);
    assertNoSecret(label, texts);
    for (const t of texts) assert.ok(!t.includes("CoDeSENTINEL"), `${label}: the code appears in: ${t.slice(0, 200)}`);
    assertNoSecret(`${label} (client inspect/toString)`, r.clientText);
    assertNoSecret(`${label} (console/stdout/stderr)`, captured);
  }
});

test("control: the sentinel detector does find the secret when it is there", () => {
  assert.throws(() => assertNoSecret("control", [`x ${SECRET} y`]));
  assert.throws(() => assertNoSecret("control", [util.inspect({ t: TOKEN })]));
});
