// Issue 5, bad input: every input below gets a named error whose message says what is wrong,
// and ZERO requests reach the emulator. (The SDK itself sends most of these — see SDK-BEHAVIOUR.md §4.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import util from "node:util";
import { loadOurs, startEmulator, CREDS, settle, utf8 } from "./support/harness.mjs";

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


// ================================================================ every operation's constrained inputs (issue 10)
// Each input below breaks a constraint of the model: a named error whose message names the field,
// never the secret key (nor a sensitive blob's content), and zero requests.
const SECRET = "SeCrEtBADINPUTsentinel00000000000000000000";
const SENTINEL_CREDS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET };
const SENSITIVE_CODE = "SENSITIVE-CODE-sentinel function connectionHandler(c) { c.allow(); }";
const CFG = { Comment: "c", Runtime: "cloudfront-js-2.0" };
const CODE = utf8("function connectionHandler(c) { c.allow(); }");
const big = (n) => new Uint8Array(n).fill(0x61);

async function rejectedWithoutRequest(label, commandName, input, fieldRe) {
  ours ??= await loadOurs();
  await emu.reset();
  const c = new ours.CloudFrontClient({ region: "us-east-1", endpoint: emu.url, credentials: SENTINEL_CREDS, maxAttempts: 1 });
  const r = await settle((async () => c.send(new ours[commandName](input)))());
  assert.equal(r.ok, false, `${label}: expected an error, got ${util.inspect(r.value)}`);
  const e = r.error;
  assert.ok(e instanceof Error, `${label}: an Error`);
  assert.ok(e.name && e.name !== "Error", `${label}: a specific name (got ${e.name})`);
  assert.match(e.message, fieldRe, `${label}: the message names the field (got ${JSON.stringify(e.message)})`);
  assert.ok(e.message.length < 500, `${label}: a short message`);
  const shown = [e.message, String(e.stack), util.inspect(e, { showHidden: true, depth: 5 }), JSON.stringify(e)].join("\n");
  for (const secret of [SECRET, SECRET.slice(5, 25), SENSITIVE_CODE, "SENSITIVE-CODE"]) assert.ok(!shown.includes(secret), `${label}: no secret or code echoed`);
  assert.equal((await emu.stats()).requests, 0, `${label}: no request reached the server`);
}

/** [label, command, input, what the message must name] */
const BAD = [
  // CreateConnectionFunction
  ["Create: Name missing", "CreateConnectionFunctionCommand", { ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /Name/],
  ["Create: Name empty", "CreateConnectionFunctionCommand", { Name: "", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /Name/],
  ["Create: Name with a space and !", "CreateConnectionFunctionCommand", { Name: "bad name!", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /Name/],
  ["Create: Name with a dot", "CreateConnectionFunctionCommand", { Name: "a.b", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /Name/],
  ["Create: Name non-ASCII letter", "CreateConnectionFunctionCommand", { Name: "café", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /Name/],
  ["Create: Name 65 characters", "CreateConnectionFunctionCommand", { Name: "a".repeat(65), ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /Name/],
  ["Create: Name a number", "CreateConnectionFunctionCommand", { Name: 7, ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /Name/],
  ["Create: config missing", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionCode: CODE }, /ConnectionFunctionConfig/],
  ["Create: config a string", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: "cfg", ConnectionFunctionCode: CODE }, /ConnectionFunctionConfig/],
  ["Create: Comment missing", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: { Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: CODE }, /Comment/],
  ["Create: Runtime missing", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: { Comment: "c" }, ConnectionFunctionCode: CODE }, /Runtime/],
  ["Create: Runtime not in the enum", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: { Comment: "c", Runtime: "nodejs20.x" }, ConnectionFunctionCode: CODE }, /Runtime/],
  ["Create: code missing", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG }, /ConnectionFunctionCode/],
  ["Create: code empty (0 bytes)", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: new Uint8Array(0) }, /ConnectionFunctionCode/],
  ["Create: code 40,961 bytes", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: big(40_961) }, /ConnectionFunctionCode/],
  ["Create: code a string", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: SENSITIVE_CODE }, /ConnectionFunctionCode.*Uint8Array|Uint8Array.*ConnectionFunctionCode/],
  ["Create: code an array", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: [102, 117] }, /ConnectionFunctionCode.*Uint8Array|Uint8Array.*ConnectionFunctionCode/],
  ["Create: KeyValueStoreARN not an ARN", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: { ...CFG, KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: "not-an-arn" }] } }, ConnectionFunctionCode: CODE }, /KeyValueStoreARN/],
  ["Create: tag Key missing", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE, Tags: { Items: [{ Value: "v" }] } }, /Key/],
  ["Create: tag Key empty", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE, Tags: { Items: [{ Key: "" }] } }, /Key/],
  ["Create: tag Key 129 characters", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE, Tags: { Items: [{ Key: "k".repeat(129) }] } }, /Key/],
  ["Create: tag Key with #", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE, Tags: { Items: [{ Key: "bad#key" }] } }, /Key/],
  ["Create: tag Key with an emoji", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE, Tags: { Items: [{ Key: "smile😀" }] } }, /Key/],
  ["Create: tag Value 257 characters", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE, Tags: { Items: [{ Key: "k", Value: "v".repeat(257) }] } }, /Value/],
  ["Create: tag Value with !", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE, Tags: { Items: [{ Key: "k", Value: "v!" }] } }, /Value/],
  ["Create: tag Value a number", "CreateConnectionFunctionCommand", { Name: "n", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE, Tags: { Items: [{ Key: "k", Value: 5 }] } }, /Value/],
  // GetConnectionFunction
  ["Get: Identifier missing", "GetConnectionFunctionCommand", {}, /Identifier/],
  ["Get: Identifier empty", "GetConnectionFunctionCommand", { Identifier: "" }, /Identifier/],
  ["Get: Stage 'live'", "GetConnectionFunctionCommand", { Identifier: "x", Stage: "live" }, /Stage/],
  // ListConnectionFunctions
  ["List: MaxItems 1.5", "ListConnectionFunctionsCommand", { MaxItems: 1.5 }, /MaxItems/],
  ["List: MaxItems '10'", "ListConnectionFunctionsCommand", { MaxItems: "10" }, /MaxItems/],
  ["List: MaxItems NaN", "ListConnectionFunctionsCommand", { MaxItems: NaN }, /MaxItems/],
  ["List: MaxItems Infinity", "ListConnectionFunctionsCommand", { MaxItems: Infinity }, /MaxItems/],
  ["List: Stage 'live'", "ListConnectionFunctionsCommand", { Stage: "live" }, /Stage/],
  // ListDistributionsByConnectionFunction
  ["ListDistributions: identifier missing", "ListDistributionsByConnectionFunctionCommand", {}, /ConnectionFunctionIdentifier/],
  ["ListDistributions: identifier a number", "ListDistributionsByConnectionFunctionCommand", { ConnectionFunctionIdentifier: 5 }, /ConnectionFunctionIdentifier/],
  ["ListDistributions: MaxItems 2.5", "ListDistributionsByConnectionFunctionCommand", { ConnectionFunctionIdentifier: "x", MaxItems: 2.5 }, /MaxItems/],
  // UpdateConnectionFunction
  ["Update: Id missing", "UpdateConnectionFunctionCommand", { IfMatch: "E1", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /\bId\b/],
  ["Update: Id empty", "UpdateConnectionFunctionCommand", { Id: "", IfMatch: "E1", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /\bId\b/],
  ["Update: Id 65 characters", "UpdateConnectionFunctionCommand", { Id: "i".repeat(65), IfMatch: "E1", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /\bId\b/],
  ["Update: IfMatch missing", "UpdateConnectionFunctionCommand", { Id: "i", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /IfMatch/],
  ["Update: IfMatch a number", "UpdateConnectionFunctionCommand", { Id: "i", IfMatch: 1, ConnectionFunctionConfig: CFG, ConnectionFunctionCode: CODE }, /IfMatch/],
  ["Update: config missing", "UpdateConnectionFunctionCommand", { Id: "i", IfMatch: "E1", ConnectionFunctionCode: CODE }, /ConnectionFunctionConfig/],
  ["Update: Runtime not in the enum", "UpdateConnectionFunctionCommand", { Id: "i", IfMatch: "E1", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-3.0" }, ConnectionFunctionCode: CODE }, /Runtime/],
  ["Update: code missing", "UpdateConnectionFunctionCommand", { Id: "i", IfMatch: "E1", ConnectionFunctionConfig: CFG }, /ConnectionFunctionCode/],
  ["Update: code a string", "UpdateConnectionFunctionCommand", { Id: "i", IfMatch: "E1", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: SENSITIVE_CODE }, /ConnectionFunctionCode.*Uint8Array|Uint8Array.*ConnectionFunctionCode/],
  ["Update: code 40,961 bytes", "UpdateConnectionFunctionCommand", { Id: "i", IfMatch: "E1", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: big(40_961) }, /ConnectionFunctionCode/],
  // PublishConnectionFunction
  ["Publish: Id missing", "PublishConnectionFunctionCommand", { IfMatch: "E1" }, /\bId\b/],
  ["Publish: IfMatch missing", "PublishConnectionFunctionCommand", { Id: "i" }, /IfMatch/],
  // TestConnectionFunction
  ["Test: Id 65 characters", "TestConnectionFunctionCommand", { Id: "i".repeat(65), IfMatch: "E1", ConnectionObject: new Uint8Array(0) }, /\bId\b/],
  ["Test: IfMatch missing", "TestConnectionFunctionCommand", { Id: "i", ConnectionObject: new Uint8Array(0) }, /IfMatch/],
  ["Test: ConnectionObject missing", "TestConnectionFunctionCommand", { Id: "i", IfMatch: "E1" }, /ConnectionObject/],
  ["Test: ConnectionObject a string", "TestConnectionFunctionCommand", { Id: "i", IfMatch: "E1", ConnectionObject: "{}" }, /ConnectionObject.*Uint8Array|Uint8Array.*ConnectionObject/],
  ["Test: ConnectionObject an array", "TestConnectionFunctionCommand", { Id: "i", IfMatch: "E1", ConnectionObject: [123, 125] }, /ConnectionObject.*Uint8Array|Uint8Array.*ConnectionObject/],
  ["Test: ConnectionObject 40,961 bytes", "TestConnectionFunctionCommand", { Id: "i", IfMatch: "E1", ConnectionObject: big(40_961) }, /ConnectionObject/],
  ["Test: Stage 'Live'", "TestConnectionFunctionCommand", { Id: "i", IfMatch: "E1", Stage: "Live", ConnectionObject: new Uint8Array(0) }, /Stage/],
  // DeleteConnectionFunction
  ["Delete: Id missing", "DeleteConnectionFunctionCommand", { IfMatch: "E1" }, /\bId\b/],
  ["Delete: Id a number", "DeleteConnectionFunctionCommand", { Id: 5, IfMatch: "E1" }, /\bId\b/],
  ["Delete: IfMatch missing", "DeleteConnectionFunctionCommand", { Id: "i" }, /IfMatch/],
  ["Delete: input missing", "DeleteConnectionFunctionCommand", undefined, /input|\bId\b/],
];
for (const op of ["Create", "Get", "List", "ListDistributions", "Update", "Publish", "Test", "Delete"]) {
  test(`${op}: every constrained input is refused before sending, naming the field`, async () => {
    const cases = BAD.filter(([label]) => label.startsWith(op + ":"));
    assert.ok(cases.length > 0);
    for (const [label, cmd, input, re] of cases) await rejectedWithoutRequest(label, cmd, input, re);
  });
}

test("controls: inputs at the limits do reach the server (the zero counts above are meaningful)", async () => {
  ours ??= await loadOurs();
  const c = new ours.CloudFrontClient({ region: "us-east-1", endpoint: emu.url, credentials: CREDS, maxAttempts: 1 });
  const limits = [
    ["Create: 64-character name, 40,960-byte code, letters/digits/spaces/_.:/=+-@ in tags, non-ASCII letters", new ours.CreateConnectionFunctionCommand({
      Name: "a-_".repeat(21) + "z", ConnectionFunctionConfig: { Comment: "", Runtime: "cloudfront-js-1.0" }, ConnectionFunctionCode: big(40_960),
      Tags: { Items: [{ Key: "k".repeat(128), Value: "v".repeat(256) }, { Key: "a b_c.d:e/f=g+h-i@j 0" }, { Key: "ключ café 東京", Value: "" }] },
    })],
    ["Create: 1-byte code", new ours.CreateConnectionFunctionCommand({ Name: "one-byte", ConnectionFunctionConfig: CFG, ConnectionFunctionCode: new Uint8Array([0x20]) })],
    ["Test: 0-byte connection object, 64-character Id, empty IfMatch", new ours.TestConnectionFunctionCommand({ Id: "i".repeat(64), IfMatch: "", ConnectionObject: new Uint8Array(0) })],
    ["Test: 40,960-byte connection object", new ours.TestConnectionFunctionCommand({ Id: "i", IfMatch: "E1", ConnectionObject: big(40_960) })],
    ["List: MaxItems 0, no Stage", new ours.ListConnectionFunctionsCommand({ MaxItems: 0 })],
    ["ListDistributions: MaxItems 100", new ours.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: "x", MaxItems: 100 })],
    ["Delete: 1-character Id", new ours.DeleteConnectionFunctionCommand({ Id: "i", IfMatch: "E1" })],
    ["Publish", new ours.PublishConnectionFunctionCommand({ Id: "i", IfMatch: "E1" })],
  ];
  for (const [label, command] of limits) {
    await emu.reset();
    const r = await settle(c.send(command));
    if (!r.ok) assert.ok(r.error.$metadata?.httpStatusCode, `${label}: any failure came from the server (${r.error.name}: ${r.error.message})`);
    assert.equal((await emu.stats()).requests, 1, `${label}: one request`);
  }
});
