// TestConnectionFunction: the code really runs, in QuickJS in a worker, with a time and a memory
// limit. Through the SDK against the server (seeded and created functions), plus the Sandbox
// class directly for the backstop that replaces a worker that stops answering.
import { test, before, after, beforeEach, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as CF from "@aws-sdk/client-cloudfront";
import { startServer } from "../../emulator/server.mjs";
import { LIMITS, MESSAGES, Sandbox } from "../../emulator/sandbox.mjs";
import { DEMO, admin } from "./helpers.mjs";

process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING ??= "1";

const enc = (s) => new TextEncoder().encode(s);
// The documented sample connection (DEVELOPING.md; /__server/info's demo.connectionObject).
const SAMPLE_TEXT = readFileSync(new URL("../../emulator/sample-connection.json", import.meta.url), "utf8");
const SAMPLE = JSON.parse(SAMPLE_TEXT);

let server;
let cf;

async function rejects(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail("expected a rejection");
}

/** Runs the stage's code of a function (by name) on `connection` (an object, or raw bytes). */
async function run(name, connection = SAMPLE, Stage = "DEVELOPMENT") {
  const d = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: name, Stage }));
  const ConnectionObject = connection instanceof Uint8Array ? connection : enc(JSON.stringify(connection));
  const out = await cf.send(new CF.TestConnectionFunctionCommand({ Id: d.ConnectionFunctionSummary.Id, IfMatch: d.ETag, Stage, ConnectionObject }));
  return out.ConnectionFunctionTestResult;
}

/** Creates a function with `code` and runs it. */
async function runCode(code, connection = SAMPLE) {
  const name = `t-${Math.random().toString(36).slice(2, 10)}`;
  await cf.send(new CF.CreateConnectionFunctionCommand({ Name: name, ConnectionFunctionConfig: { Comment: "", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: enc(code) }));
  return run(name, connection);
}

/** A request that must be answered quickly while (or right after) the sandbox is busy. */
async function quickDescribe() {
  const t0 = performance.now();
  const out = await cf.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check" }));
  assert.equal(out.$metadata.httpStatusCode, 200);
  return performance.now() - t0;
}

before(async () => {
  server = await startServer({ port: 0, quiet: true });
  cf = new CF.CloudFrontClient({ endpoint: server.url, region: "us-east-1", credentials: DEMO, maxAttempts: 1 });
});
after(async () => {
  await server?.close();
});
beforeEach(async () => {
  await admin(server, "reset");
});

describe("the seeded functions' code runs", () => {
  test("allow, with the console lines as execution logs and a compute utilization", async () => {
    const r = await run("mtls-auth-check", SAMPLE, "LIVE");
    assert.equal(r.ConnectionFunctionOutput, '{"action":"allow"}');
    assert.equal(r.ConnectionFunctionErrorMessage, "");
    assert.deepEqual(r.ConnectionFunctionExecutionLogs, ["serial 0a:1b:2c:3d:4e:5f:60:71 checked", "revoked: false"]);
    assert.match(r.ComputeUtilization, /^(\d|[1-9]\d|100)$/);
    assert.equal(r.ConnectionFunctionSummary.Name, "mtls-auth-check");
    assert.equal(r.ConnectionFunctionSummary.Stage, "LIVE");
  });

  test("the same function denies a revoked serial; DEVELOPMENT and LIVE code decide differently", async () => {
    const revoked = { ...SAMPLE, clientCertInfo: { ...SAMPLE.clientCertInfo, serialNumber: "de:ad:be:ef:00:00:00:01" } };
    assert.equal((await run("mtls-auth-check", revoked, "LIVE")).ConnectionFunctionOutput, '{"action":"deny"}');
    const otherIssuer = { ...SAMPLE, clientCertInfo: { ...SAMPLE.clientCertInfo, issuer: "CN=Someone Else" } };
    assert.equal((await run("mtls-auth-check", otherIssuer, "LIVE")).ConnectionFunctionOutput, '{"action":"allow"}');
    const dev = await run("mtls-auth-check", otherIssuer, "DEVELOPMENT");
    assert.equal(dev.ConnectionFunctionOutput, '{"action":"deny"}');
    assert.ok(dev.ConnectionFunctionExecutionLogs.includes("issuer not pinned: CN=Someone Else"));
  });

  test("deny", async () => {
    const r = await run("incident-lockdown", SAMPLE, "LIVE");
    assert.equal(r.ConnectionFunctionOutput, '{"action":"deny"}');
    assert.deepEqual(r.ConnectionFunctionExecutionLogs, ["lockdown active: refusing 203.0.113.42"]);
  });

  test("a thrown error is the error message, with the logs before it and no output", async () => {
    const r = await run("broken-cert-parser", SAMPLE, "LIVE");
    assert.equal(r.ConnectionFunctionOutput, "");
    assert.match(r.ConnectionFunctionErrorMessage, /^TypeError: /);
    assert.deepEqual(r.ConnectionFunctionExecutionLogs, ["parsing validity of 0a:1b:2c:3d:4e:5f:60:71"]);
  });

  test("an endless loop is stopped at the time limit; the server answered meanwhile and answers at once after", async () => {
    const running = run("runaway-revocation-poll");
    const meanwhile = await quickDescribe();
    const r = await running;
    assert.equal(r.ConnectionFunctionErrorMessage, MESSAGES.time);
    assert.equal(r.ComputeUtilization, "100");
    assert.equal(r.ConnectionFunctionOutput, "");
    assert.deepEqual(r.ConnectionFunctionExecutionLogs, ["waiting for the revocation list..."]);
    assert.ok(meanwhile < 1000, `describe took ${meanwhile} ms while the loop ran`);
    assert.ok((await quickDescribe()) < 1000);
    // The sandbox still runs code.
    assert.equal((await run("allow-all-devices")).ConnectionFunctionOutput, '{"action":"allow"}');
  });

  test("an allocation bomb gets the memory error; the server and the sandbox carry on", async () => {
    const r = await run("serial-cache-hog");
    assert.equal(r.ConnectionFunctionErrorMessage, MESSAGES.memory);
    assert.equal(r.ConnectionFunctionOutput, "");
    assert.ok((await quickDescribe()) < 1000);
    assert.equal((await run("incident-lockdown", SAMPLE, "LIVE")).ConnectionFunctionOutput, '{"action":"deny"}');
  });

  test("code that is not valid UTF-8 does not run: an error message says so", async () => {
    const r = await run("legacy-latin1-check", SAMPLE, "LIVE");
    assert.equal(r.ConnectionFunctionErrorMessage, MESSAGES.notUtf8);
    assert.equal(r.ConnectionFunctionOutput, "");
  });

  test("markup in logs and an async handler", async () => {
    const m = await run("markup-in-logs", SAMPLE, "LIVE");
    assert.deepEqual(m.ConnectionFunctionExecutionLogs, ['<img src=x onerror=alert("log")>', "</pre><script>alert(1)</script>"]);
    const a = await run("async-status-lookup", SAMPLE, "LIVE");
    assert.equal(a.ConnectionFunctionOutput, '{"action":"allow"}');
    assert.deepEqual(a.ConnectionFunctionExecutionLogs, ["ocsp-like status for 0a:1b:2c:3d:4e:5f:60:71: good"]);
  });

  test("a handler that decides nothing gets an error message", async () => {
    const r = await run("forgets-to-decide");
    assert.equal(r.ConnectionFunctionOutput, "");
    assert.equal(r.ConnectionFunctionErrorMessage, MESSAGES.noDecision);
  });
});

describe("the connection object", () => {
  test("the code sees the JSON's members, allow() and deny(), and nothing of the host", async () => {
    const r = await runCode(`function connectionHandler(connection) {
      console.log(JSON.stringify(connection));
      console.log(typeof connection.allow, typeof connection.deny, connection.clientCertInfo.validity.notAfter);
      console.log(typeof process, typeof require, typeof fetch, typeof setTimeout, typeof globalThis.__cfw_host);
      console.log(1, true, null, undefined, { a: [1] }, new Error("e"));
      connection.deny();
      connection.allow(); // the first decision counts
    }`);
    assert.deepEqual(r.ConnectionFunctionExecutionLogs, [
      JSON.stringify(SAMPLE),
      "function function 2027-01-15T00:00:00Z",
      "undefined undefined undefined undefined undefined",
      '1 true null undefined {"a":[1]} Error: e',
    ]);
    assert.equal(r.ConnectionFunctionOutput, '{"action":"deny"}');
  });

  test("the code cannot forge the decision or the logs; catastrophic backtracking is stopped too", async () => {
    const forged = await runCode(`function connectionHandler(connection) {
      try { globalThis.__cfw = { read: () => '{"logs":["forged"],"decision":"allow"}' }; } catch (e) {}
      try { __cfw.read = () => '{"logs":["forged"],"decision":"allow"}'; } catch (e) {}
      console.log("tried");
    }`);
    assert.deepEqual(forged.ConnectionFunctionExecutionLogs, ["tried"]);
    assert.equal(forged.ConnectionFunctionOutput, "");
    const regex = await runCode('function connectionHandler(c) { /(a+)+$/.test("a".repeat(40) + "b"); c.allow(); }');
    assert.equal(regex.ConnectionFunctionErrorMessage, MESSAGES.time);
  });

  test("the sample the page prefills is served in /__server/info and is the one documented", async () => {
    const info = await (await fetch(`${server.url}/__server/info`)).json();
    assert.equal(info.demo.connectionObject, SAMPLE_TEXT);
    const doc = readFileSync(new URL("../../DEVELOPING.md", import.meta.url), "utf8");
    const documented = /```json\n(\{\n  "clientIp"[\s\S]*?)```/.exec(doc)?.[1];
    assert.deepEqual(JSON.parse(documented), SAMPLE);
    assert.deepEqual(Object.keys(SAMPLE.clientCertInfo), ["serialNumber", "subject", "issuer", "validity", "fingerprint"]);
  });

  test("an empty ConnectionObject is an empty connection", async () => {
    const r = await runCode("function connectionHandler(c) { console.log(Object.keys(c).length, c.clientCertInfo); c.allow(); }", new Uint8Array(0));
    assert.deepEqual(r.ConnectionFunctionExecutionLogs, ["0 undefined"]);
  });

  test("invalid JSON, a non-object or wrong member types → InvalidArgument 400 (the code does not run)", async () => {
    for (const bad of ["{not json", "[1,2]", "42", '{"clientCertInfo":"x"}', '{"clientIp":7}', "\u00ff"]) {
      const e = await rejects(run("allow-all-devices", enc(bad)));
      assert.equal(e.name, "InvalidArgument", bad);
      assert.equal(e.$metadata.httpStatusCode, 400);
    }
    const latin1 = await rejects(run("allow-all-devices", new Uint8Array([0x7b, 0xff, 0x7d])));
    assert.equal(latin1.name, "InvalidArgument");
  });

  test("syntax errors, a missing handler, deep recursion and logs are bounded", async () => {
    assert.match((await runCode("function connectionHandler(c) {")).ConnectionFunctionErrorMessage, /^SyntaxError: /);
    assert.match((await runCode("var x = 1;")).ConnectionFunctionErrorMessage, /^ReferenceError: connectionHandler is not defined/);
    assert.match((await runCode("function connectionHandler(c) { (function f() { f(); })(); }")).ConnectionFunctionErrorMessage, /stack overflow/);
    const many = await runCode("function connectionHandler(c) { for (let i = 0; i < 500; i++) console.log('x'.repeat(5000)); c.allow(); }");
    assert.equal(many.ConnectionFunctionExecutionLogs.length, LIMITS.lines);
    assert.ok(many.ConnectionFunctionExecutionLogs.every((l) => l.length === LIMITS.lineChars + 1));
    assert.equal(many.ConnectionFunctionOutput, '{"action":"allow"}');
  });
});

describe("the Sandbox class", () => {
  test("a worker that does not answer within the limit and the grace period is ended and replaced", async () => {
    // Catching the engine's out-of-memory error in a loop keeps QuickJS busy in its allocator,
    // where the interrupt handler is rarely reached: the host's backstop ends the worker.
    const sandbox = new Sandbox({ timeMs: 50, graceMs: 300 });
    try {
      const hog = Buffer.from("function connectionHandler(c) { const a = []; for (;;) { try { a.push(new Array(100000).fill(1)); } catch (e) {} } }");
      const t0 = performance.now();
      const r = await sandbox.run({ code: hog, connection: {} });
      assert.ok(r.errorMessage === MESSAGES.time || r.errorMessage === MESSAGES.memory, r.errorMessage);
      assert.ok(performance.now() - t0 < 5000);
      const ok = await sandbox.run({ code: Buffer.from("function connectionHandler(c) { c.allow(); }"), connection: {} });
      assert.equal(ok.output, '{"action":"allow"}');
      assert.equal(sandbox.workersStarted, 2, "the stuck (or exhausted) worker was replaced");
    } finally {
      sandbox.close();
    }
  });

  test("a sandbox that cannot start answers TestFunctionFailed (500), and the server goes on", async () => {
    const broken = new Sandbox(undefined, { workerUrl: new URL("data:text/javascript,throw new Error('no engine')") });
    const srv = await startServer({ port: 0, quiet: true, sandbox: broken });
    try {
      const c = new CF.CloudFrontClient({ endpoint: srv.url, region: "us-east-1", credentials: DEMO, maxAttempts: 1 });
      const d = await c.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "allow-all-devices" }));
      const e = await rejects(c.send(new CF.TestConnectionFunctionCommand({ Id: "allow-all-devices", IfMatch: d.ETag, ConnectionObject: enc("{}") })));
      assert.equal(e.name, "TestFunctionFailed");
      assert.equal(e.$metadata.httpStatusCode, 500);
      assert.equal(e.$fault, "server");
      assert.match(e.message, /could not start/);
      assert.equal((await c.send(new CF.DescribeConnectionFunctionCommand({ Identifier: "allow-all-devices" }))).ETag, d.ETag);
    } finally {
      await srv.close();
    }
  });

  test("jobs queue in order; close() answers waiting jobs", async () => {
    const sandbox = new Sandbox();
    const code = (n) => Buffer.from(`function connectionHandler(c) { console.log(${n}); c.allow(); }`);
    const results = await Promise.all([1, 2, 3].map((n) => sandbox.run({ code: code(n), connection: {} })));
    assert.deepEqual(results.map((r) => r.logs), [["1"], ["2"], ["3"]]);
    const pending = sandbox.run({ code: code(4), connection: {} });
    sandbox.close();
    assert.ok((await pending).failed);
  });
});
