// Differential test: the same calls through @aws-sdk/client-cloudfront (the reference) and through
// cloudfront-wasm, against the emulator (which verifies every SigV4 signature with @smithy/signature-v4).
// Outputs and errors must be deep-strict-equal (see tests/js/SDK-BEHAVIOUR.md for what the SDK does).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  sdk, loadOurs, startEmulator, sdkClient, oursClient, settle, errView, outView,
  loadSamples, loadFixtures, SESSION_CREDS, CREDS, requestsOf, resultView, canonical, utf8,
  MODELED_ERRORS, SEED_KVS_ARN, SAMPLES,
} from "./support/harness.mjs";
import { readFileSync, existsSync } from "node:fs";
import { REDACTED } from "../../emulator/emulator.mjs";
import path from "node:path";

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Emulator-generated request ids are random per request: replace them (after checking their shape). */
function scrubIds(v) {
  const out = { ...v };
  if (out.$metadata) {
    out.$metadata = { ...out.$metadata };
    if (typeof out.$metadata.requestId === "string" && UUID.test(out.$metadata.requestId)) out.$metadata.requestId = "<uuid>";
  }
  if (typeof out.RequestId === "string" && UUID.test(out.RequestId)) out.RequestId = "<uuid>";
  return out;
}

/**
 * Runs one call through both clients. `prepare` (async) queues the emulator's answer(s) before each
 * client's call; every client is fresh (a Date header can move a client's clock offset).
 */
async function both({ input, cfg = {}, prepare = async () => {}, opts }) {
  const ours = await loadOurs();
  await emu.reset();
  await prepare();
  const s = await settle(sdkClient(emu.url, cfg).send(new sdk.DescribeConnectionFunctionCommand(input), opts?.()));
  const sdkStats = await emu.stats();
  await emu.reset();
  await prepare();
  const o = await settle(oursClient(ours, emu.url, cfg).send(new ours.DescribeConnectionFunctionCommand(input), opts?.()));
  const oursStats = await emu.stats();
  return { s, o, sdkStats, oursStats, ours };
}

function assertSame(r, { scrub = false, deserializationError = false } = {}) {
  const { s, o } = r;
  if (s.ok !== o.ok) {
    assert.fail(
      `SDK ${s.ok ? "returned" : "threw"} but ours ${o.ok ? "returned" : "threw"}:\n` +
        `SDK: ${s.ok ? JSON.stringify(s.value) : JSON.stringify(errView(s.error))}\n` +
        `ours: ${o.ok ? JSON.stringify(o.value) : `${o.error?.name}: ${o.error?.message} ${JSON.stringify(errView(o.error))}`}`,
    );
  }
  if (s.ok) {
    const sv = outView(s.value), ov = outView(o.value);
    assert.deepStrictEqual(scrub ? scrubIds(ov) : ov, scrub ? scrubIds(sv) : sv);
    assert.equal(typeof o.value.$metadata.totalRetryDelay, "number");
    for (const k of ["CreatedTime", "LastModifiedTime"]) {
      const sd = s.value.ConnectionFunctionSummary?.[k];
      if (sd !== undefined) assert.ok(o.value.ConnectionFunctionSummary[k] instanceof Date, `${k} is a Date`);
    }
  } else {
    // The SDK's own parse-error texts ("@aws-sdk XML parse error: …") are parser-specific:
    // for deserialization errors everything but the message must match, and ours must say what failed.
    const sv = errView(s.error, { dropMessage: deserializationError });
    const ov = errView(o.error, { dropMessage: deserializationError });
    assert.deepStrictEqual(scrub ? scrubIds(ov) : ov, scrub ? scrubIds(sv) : sv);
    if (deserializationError) assert.match(o.error.message, /xml|pars|timestamp|date|deserial/i);
    assert.equal(Object.getOwnPropertyDescriptor(o.error, "$response")?.enumerable ?? false, false, "$response is not enumerable");
    // instanceof parity for the modeled classes
    for (const cls of ["AccessDenied", "EntityNotFound", "UnsupportedOperation", "InvalidArgument", "CloudFrontServiceException"]) {
      assert.equal(o.error instanceof r.ours[cls], s.error instanceof sdk[cls], `instanceof ${cls}`);
    }
    assert.equal(o.error instanceof Error, true);
  }
}

// ---------------------------------------------------------------- samples and new fixtures (canned)
const cannedCases = [...loadSamples().map((c) => ({ ...c, kind: "sample" })), ...loadFixtures().map((c) => ({ ...c, kind: "fixture" }))];
for (const c of cannedCases) {
  test(`canned ${c.kind} ${c.name} (status ${c.status}) → same output/error`, async () => {
    const r = await both({
      input: { Identifier: "my-func", Stage: "LIVE" },
      prepare: () => emu.canned({ status: c.status, headers: c.headers, body: c.body, count: 1 }),
    });
    assert.equal(r.sdkStats.requests, 1, "SDK made one request");
    assert.equal(r.oursStats.requests, 1, "ours made one request");
    const deser = !r.s.ok && !(r.s.error instanceof sdk.CloudFrontServiceException);
    assertSame(r, { deserializationError: deser });
  });
}

// Extra bodies the SDK handles in notable ways (see SDK-BEHAVIOUR.md §2, §3).
const NS = 'xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"';
const summary = (over = {}) => {
  const f = {
    Comment: "<Comment>c</Comment>", Quantity: "1", Created: "2024-05-01T11:00:00.123Z", ...over,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ConnectionFunctionSummary ${NS}><Name>n</Name><Id>i</Id><ConnectionFunctionConfig>${f.Comment}<Runtime>cloudfront-js-2.0</Runtime><KeyValueStoreAssociations><Quantity>${f.Quantity}</Quantity><Items><KeyValueStoreAssociation><KeyValueStoreARN>arn:a</KeyValueStoreARN></KeyValueStoreAssociation></Items></KeyValueStoreAssociations></ConnectionFunctionConfig><ConnectionFunctionArn>arn:f</ConnectionFunctionArn><Status>S</Status><Stage>LIVE</Stage><CreatedTime>${f.Created}</CreatedTime><LastModifiedTime>2024-05-01T11:30:00.456Z</LastModifiedTime></ConnectionFunctionSummary>`;
};
const inline = {
  "whitespace-only comment without newline": summary({ Comment: "<Comment>   </Comment>" }),
  "astral numeric entity": summary({ Comment: "<Comment>&#x1F600;|&#128512;</Comment>" }),
  "unknown named entity": summary({ Comment: "<Comment>a&foo;b</Comment>" }),
  "quantity with spaces": summary({ Quantity: " 2 " }),
  "quantity empty": summary({ Quantity: "" }),
  "timestamp rounding 6 digits": summary({ Created: "2024-05-01T11:00:00.999999Z" }),
  "timestamp negative offset": summary({ Created: "2024-05-01T01:00:00-09:30" }),
  "timestamp lowercase t z": summary({ Created: "2024-05-01t11:00:00.5z" }),
  "empty root element": `<ConnectionFunctionSummary ${NS}/>`,
  "wrong root element name": summary().replace(/ConnectionFunctionSummary/g, "SomethingElse"),
  "leaf with attribute": summary().replace("<Name>n</Name>", '<Name lang="en">n</Name>'),
  "items with foreign members": summary().replace(/<Items>.*<\/Items>/, "<Items><member><KeyValueStoreARN>x</KeyValueStoreARN></member></Items>"),
  "items with empty member": summary().replace("<KeyValueStoreARN>arn:a</KeyValueStoreARN>", ""),
};
for (const [name, body] of Object.entries(inline)) {
  test(`canned inline body: ${name}`, async () => {
    const r = await both({
      input: { Identifier: "x" },
      prepare: () => emu.canned({ status: 200, headers: { "x-amzn-RequestId": "rid-inline", ETag: "E1" }, body, count: 1 }),
    });
    assertSame(r);
  });
}
// A deliberate difference: the platform's Response.text() drops a UTF-8 byte order mark
// (the SDK's byte decoding keeps it and then fails), so ours reads such a body.
test("a body with a byte order mark is read (deliberate leniency)", async () => {
  const r = await both({
    input: { Identifier: "x" },
    prepare: () => emu.canned({ status: 200, headers: { ETag: "E" }, body: "\uFEFF" + summary(), count: 1 }),
  });
  assert.equal(r.s.ok, false, "the SDK rejects it");
  assert.equal(r.o.ok, true, "ours reads the body");
  assert.equal(r.o.value.ConnectionFunctionSummary.Name, "n");
});

// Answers cross into wasm as bytes: bytes that are not UTF-8 are replaced as the platform's
// decoder replaces them, which is what the SDK's reading of the body gives too.
test("an answer holding bytes that are not UTF-8 reads as the SDK reads it", async () => {
  const [head, tail] = summary().split("<Name>n</Name>");
  const bytes = Buffer.concat([Buffer.from(head + "<Name>a"), Buffer.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xe2, 0x82]), Buffer.from("é</Name>" + tail)]);
  const r = await both({
    input: { Identifier: "x" },
    prepare: () => emu.canned({ status: 200, headers: { ETag: "E" }, bodyBase64: bytes.toString("base64"), count: 1 }),
  });
  assertSame(r);
  assert.equal(r.o.value.ConnectionFunctionSummary.Name, new TextDecoder().decode(Buffer.from([0x61, 0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xe2, 0x82, 0xc3, 0xa9])));
});

// A deliberate difference: an error body that is not well-formed XML — plain text, or the HTML
// page of a proxy in front of the service (nginx's, CloudFront's own) — is read as an empty one
// (a named error with the answer's status and ids); the SDK throws its XML parse error.
const notXml = {
  "plain text": { status: 503, headers: { "x-amzn-RequestId": "r503" }, body: "Service Unavailable" },
  "nginx 413 page": { status: 413, headers: {}, body: "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n" },
  "CloudFront 403 page": { status: 403, headers: { "x-amz-cf-id": "cf-403" }, body: '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\n<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">\n<TITLE>ERROR: The request could not be satisfied</TITLE>\n</HEAD><BODY>\n<H1>403 ERROR</H1>\n<H2>The request could not be satisfied.</H2>\n<HR noshade size="1px">\nRequest blocked.\n<BR clear="all">\n</BODY></HTML>' },
};
for (const [name, c] of Object.entries(notXml)) {
  test(`an error body that is not XML is read as an empty one (deliberate leniency): ${name}`, async () => {
    const r = await both({ input: { Identifier: "x" }, cfg: { maxAttempts: 1 }, prepare: () => emu.canned({ ...c, count: 1 }) });
    assert.equal(r.s.ok, false);
    assert.equal(r.s.error instanceof sdk.CloudFrontServiceException, false, "the SDK throws its parse error");
    assert.match(r.s.error.message, /XML parse error/);
    assert.equal(r.o.ok, false);
    const e = r.o.error;
    assert.ok(e instanceof r.ours.CloudFrontServiceException);
    assert.deepEqual([e.name, e.message, e.$fault], ["Unknown", "UnknownError", c.status >= 500 ? "server" : "client"]);
    assert.equal(e.$metadata.httpStatusCode, c.status);
    assert.equal(e.$metadata.requestId, c.headers["x-amzn-RequestId"]);
    assert.equal(e.$metadata.cfId, c.headers["x-amz-cf-id"]);
  });
}

for (const [name, body] of Object.entries({
  "invalid timestamp": summary({ Created: "not-a-date" }),
  "duplicate scalar element": summary().replace("<Name>n</Name>", "<Name>a</Name><Name>b</Name>"),
  "json body": '{"ConnectionFunctionSummary":{}}',
  "truncated mid tag": summary().slice(0, 200),
})) {
  test(`canned inline body fails the same way: ${name}`, async () => {
    const r = await both({
      input: { Identifier: "x" },
      prepare: () => emu.canned({ status: 200, headers: { "x-amzn-RequestId": "rid-inline" }, body, count: 1 }),
    });
    assert.equal(r.s.ok, false, "the SDK rejects it");
    assertSame(r, { deserializationError: true });
  });
}

// Error envelopes the SDK handles in notable ways.
const envelope = (code, msg, type = "Sender") =>
  `<?xml version="1.0"?>\n<ErrorResponse ${NS}><Error><Type>${type}</Type><Code>${code}</Code>${msg === null ? "" : `<Message>${msg}</Message>`}</Error><RequestId>rid-body</RequestId></ErrorResponse>`;
const errorCases = {
  "404 empty body (NotFound)": { status: 404, headers: { "x-amzn-RequestId": "r404" }, body: "" },
  "403 empty body": { status: 403, headers: {}, body: "" },
  "500 empty body": { status: 500, headers: { "x-amzn-RequestId": "r500" }, body: "" },
  "unknown code Foo 400": { status: 400, headers: { "x-amzn-RequestId": "rfoo" }, body: envelope("Foo", "foo msg") },
  "unknown code Foo 500 Receiver": { status: 500, headers: { "x-amzn-RequestId": "rfoo5" }, body: envelope("Foo", "foo msg", "Receiver") },
  "modeled code at 500": { status: 500, headers: {}, body: envelope("AccessDenied", "odd") },
  "unmodeled without Message": { status: 400, headers: {}, body: envelope("Foo", null) },
  "lowercase message element": { status: 400, headers: {}, body: envelope("Foo", null).replace("</Code>", "</Code><message>lower</message>") },
  "bare Error element": { status: 400, headers: {}, body: "<Error><Code>InvalidArgument</Code><Message>bare</Message></Error>" },
  "all request id headers": { status: 404, headers: { "x-amz-request-id": "amz-rid", "x-amz-id-2": "ext2", "x-amz-cf-id": "cfid" }, body: envelope("EntityNotFound", "nf") },
  "301 redirect not followed": { status: 301, headers: { Location: "http://127.0.0.1:1/elsewhere" }, body: "" },
  "501 (not retried)": { status: 501, headers: {}, body: "" },
  "InternalError at 400 (not retried)": { status: 400, headers: {}, body: envelope("InternalError", "x") },
};
for (const [name, c] of Object.entries(errorCases)) {
  test(`canned error: ${name}`, async () => {
    const r = await both({ input: { Identifier: "x" }, prepare: () => emu.canned({ ...c, count: 3 }), cfg: { maxAttempts: 3 } });
    assert.equal(r.s.ok, false);
    assertSame(r);
    assert.equal(r.oursStats.requests, r.sdkStats.requests, "same number of requests");
  });
}

// ---------------------------------------------------------------- real emulator answers
test("seeded function, both stages and no stage: same outputs", async () => {
  for (const Stage of ["LIVE", "DEVELOPMENT", undefined]) {
    const input = Stage ? { Identifier: "mtls-auth-check", Stage } : { Identifier: "mtls-auth-check" };
    const r = await both({ input });
    assert.equal(r.s.ok, true, "SDK succeeded: " + (r.s.error?.message ?? ""));
    assertSame(r, { scrub: true });
    assert.deepStrictEqual(r.oursStats.last.query, r.sdkStats.last.query);
  }
});

test("session credentials: signed token accepted, same output, token on the wire", async () => {
  const r = await both({ input: { Identifier: "geo-fence-tls", Stage: "LIVE" }, cfg: { credentials: SESSION_CREDS } });
  assert.equal(r.s.ok, true, "SDK succeeded: " + (r.s.error?.message ?? ""));
  assertSame(r, { scrub: true });
  // The emulator accepted the token's value (it refuses any other); its stats record it as REDACTED.
  assert.equal(r.oursStats.last.headers["x-amz-security-token"], REDACTED, "token on the wire");
  assert.match(r.oursStats.last.headers.authorization, /SignedHeaders=[^,]*x-amz-security-token/, "token signed");
});

test("emulator errors: EntityNotFound (unknown id, never-published LIVE), InvalidArgument (bad Stage via canned-free path)", async () => {
  for (const input of [{ Identifier: "does-not-exist" }, { Identifier: "device-posture-gate", Stage: "LIVE" }]) {
    const r = await both({ input });
    assert.equal(r.s.ok, false);
    assert.equal(r.s.error.name, "EntityNotFound");
    assertSame(r, { scrub: true });
  }
});

test("wrong secret → SignatureDoesNotMatch from the verifier, same error", async () => {
  const r = await both({ input: { Identifier: "mtls-auth-check" }, cfg: { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wrong-secret-key-value-000000000000000000" } } });
  assert.equal(r.s.ok, false);
  assert.equal(r.s.error.name, "SignatureDoesNotMatch");
  assertSame(r, { scrub: true });
});

test("every modeled error class through canned envelopes", async () => {
  for (const [code, status] of [["AccessDenied", 403], ["EntityNotFound", 404], ["UnsupportedOperation", 400], ["InvalidArgument", 400]]) {
    const r = await both({
      input: { Identifier: "x" },
      prepare: () => emu.canned({ status, headers: { "x-amzn-RequestId": "rid-" + code }, body: envelope(code, `${code} happened`), count: 1 }),
    });
    assert.equal(r.s.error?.name, code);
    assertSame(r);
  }
});

test("unmodeled errors: Throttling, SignatureDoesNotMatch, RequestTimeTooSkewed, ServiceUnavailable (maxAttempts 1)", async () => {
  for (const [code, status, type] of [["Throttling", 400, "Sender"], ["SignatureDoesNotMatch", 403, "Sender"], ["RequestTimeTooSkewed", 403, "Sender"], ["ServiceUnavailable", 503, "Receiver"]]) {
    const r = await both({
      input: { Identifier: "x" },
      prepare: () => emu.canned({ status, headers: { "x-amzn-RequestId": "rid-" + code }, body: envelope(code, `${code} msg`, type), count: 1 }),
    });
    assert.equal(r.s.error?.name, code);
    assertSame(r);
  }
});

// ---------------------------------------------------------------- identifiers that need encoding
const IDS = ["my func/a:b-é☃", "+%", "a+b%20c", "arn:aws:cloudfront::123456789012:connection-function/my-func", "*'()!$&,;=@", "a~b_c.d-e", "日本/😀", "a/../b", "%2F"];
test("identifiers needing encoding: signature accepted, emulator decodes exactly the identifier, same path as the SDK", async () => {
  for (const Identifier of IDS) {
    const r = await both({
      input: { Identifier, Stage: "DEVELOPMENT" },
      prepare: () => emu.canned({ status: 200, headers: { ETag: "EID", "x-amzn-RequestId": "rid-id" }, body: "", count: 1 }),
    });
    assert.equal(r.s.ok, true, `SDK ok for ${Identifier}: ${r.s.error?.name} ${r.s.error?.message}`);
    assert.deepStrictEqual(r.sdkStats.identifiers, [Identifier]);
    assert.deepStrictEqual(r.oursStats.identifiers, [Identifier], `ours: emulator decoded ${JSON.stringify(r.oursStats.identifiers)}`);
    assert.equal(r.oursStats.last.path, r.sdkStats.last.path, `wire path for ${Identifier}`);
    assertSame(r);
  }
});

// ---------------------------------------------------------------- wire headers
test("our requests carry only authorization, x-amz-date, x-amz-security-token and platform headers", async () => {
  const ours = await loadOurs();
  const PLATFORM = new Set(["host", "connection", "accept", "accept-encoding", "accept-language", "user-agent", "sec-fetch-mode", "content-length"]);
  for (const [creds, expectToken] of [[undefined, false], [SESSION_CREDS, true]]) {
    await emu.reset();
    const cfg = creds ? { credentials: creds } : {};
    const out = await oursClient(ours, emu.url, cfg).send(new ours.DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check" }));
    assert.equal(out.$metadata.httpStatusCode, 200);
    const h = (await emu.stats()).last.headers;
    const names = Object.keys(h).map((k) => k.toLowerCase());
    assert.ok(names.includes("authorization"));
    assert.ok(names.includes("x-amz-date"));
    assert.equal(names.includes("x-amz-security-token"), expectToken);
    for (const n of names) {
      if (["authorization", "x-amz-date", "x-amz-security-token"].includes(n)) continue;
      assert.ok(PLATFORM.has(n), `unexpected header ${n}: ${h[n]}`);
    }
    for (const bad of ["x-amz-user-agent", "amz-sdk-invocation-id", "amz-sdk-request", "x-amz-content-sha256"]) assert.ok(!names.includes(bad), bad);
    const signed = /SignedHeaders=([^,]+)/.exec(h.authorization)[1].split(";");
    assert.deepStrictEqual(signed, expectToken ? ["host", "x-amz-date", "x-amz-security-token"] : ["host", "x-amz-date"]);
  }
});

// ---------------------------------------------------------------- retries
test("throttled twice then OK: both succeed after 3 attempts, totalRetryDelay > 0", async () => {
  const r = await both({
    input: { Identifier: "mtls-auth-check", Stage: "LIVE" },
    cfg: { maxAttempts: 3 },
    prepare: () => emu.fault({ kind: "throttle", count: 2 }),
  });
  assert.equal(r.s.ok, true);
  assert.equal(r.sdkStats.requests, 3);
  assert.equal(r.oursStats.requests, 3);
  assertSame(r, { scrub: true });
  assert.equal(r.s.value.$metadata.attempts, 3);
  assert.ok(r.s.value.$metadata.totalRetryDelay > 0);
  assert.ok(r.o.value?.$metadata.totalRetryDelay > 0);
});

test("throttled past maxAttempts: same Throttling error with attempts = maxAttempts", async () => {
  const r = await both({ input: { Identifier: "mtls-auth-check" }, cfg: { maxAttempts: 2 }, prepare: () => emu.fault({ kind: "throttle", count: 5 }) });
  assert.equal(r.s.error?.name, "Throttling");
  assert.equal(r.s.error.$metadata.attempts, 2);
  assertSame(r, { scrub: true });
  assert.equal(r.oursStats.requests, 2);
});

test("html503 then OK, empty500 exhausted: same outcomes and attempts", async () => {
  let r = await both({ input: { Identifier: "mtls-auth-check" }, cfg: { maxAttempts: 3 }, prepare: () => emu.fault({ kind: "html503", count: 1 }) });
  assert.equal(r.s.ok, true);
  assertSame(r, { scrub: true });
  r = await both({ input: { Identifier: "mtls-auth-check" }, cfg: { maxAttempts: 2 }, prepare: () => emu.fault({ kind: "empty500", count: 5 }) });
  assert.equal(r.s.error?.name, "Unknown");
  assertSame(r, { scrub: true });
  assert.equal(r.oursStats.requests, 2);
});

test("seeded throttling function (pattern throttle, throttle, ok) succeeds on attempt 3", async () => {
  const r = await both({ input: { Identifier: "sni-rate-limiter", Stage: "LIVE" }, cfg: { maxAttempts: 3 } });
  assert.equal(r.s.ok, true);
  assertSame(r, { scrub: true });
});

// ---------------------------------------------------------------- timeouts and aborts
test("requestTimeout with a slow answer: both reject, same attempts; ours names it per the contract", async () => {
  const r = await both({
    input: { Identifier: "mtls-auth-check" },
    cfg: { maxAttempts: 1, requestTimeout: 200 },
    prepare: () => emu.fault({ kind: "slow", delayMs: 1500, count: 1 }),
  });
  assert.equal(r.s.ok, false);
  assert.equal(r.s.error.name, "TimeoutError"); // SDK (throwOnRequestTimeout) — see SDK-BEHAVIOUR.md §4
  assert.equal(r.o.ok, false, "ours rejected");
  // Issue 2: "requestTimeout and abortSignal … reject with an AbortError-named error". The SDK says TimeoutError.
  assert.ok(["AbortError", "TimeoutError"].includes(r.o.error.name), `ours: ${r.o.error.name}`);
  assert.equal(r.o.error.$metadata?.attempts, r.s.error.$metadata.attempts);
});

test("abort mid-flight: same AbortError (name, message), one request, not retried", async () => {
  const r = await both({
    input: { Identifier: "mtls-auth-check" },
    cfg: { maxAttempts: 3 },
    prepare: () => emu.fault({ kind: "slow", delayMs: 1500, count: 3 }),
    opts: () => {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 150);
      return { abortSignal: ac.signal };
    },
  });
  assert.equal(r.s.error?.name, "AbortError");
  assert.equal(r.o.error?.name, "AbortError");
  assert.equal(r.o.error.message, r.s.error.message);
  assert.equal(r.oursStats.requests, 1);
  assert.equal(r.o.error.$metadata?.attempts, 1);
});

test("already-aborted signal: AbortError and zero requests for both", async () => {
  const r = await both({
    input: { Identifier: "mtls-auth-check" },
    opts: () => {
      const ac = new AbortController();
      ac.abort();
      return { abortSignal: ac.signal };
    },
  });
  assert.equal(r.s.error?.name, "AbortError");
  assert.equal(r.sdkStats.requests, 0);
  assert.equal(r.o.error?.name, "AbortError");
  assert.equal(r.o.error.message, r.s.error.message);
  assert.equal(r.oursStats.requests, 0);
});

// ---------------------------------------------------------------- clock skew
test("server clock 1 h ahead: both correct the offset and succeed after a retry", async () => {
  const r = await both({ input: { Identifier: "mtls-auth-check" }, cfg: { maxAttempts: 3 }, prepare: () => emu.clock(3600_000) });
  assert.equal(r.s.ok, true, "SDK: " + r.s.error?.name);
  assert.equal(r.sdkStats.requests, 2);
  assert.equal(r.o.ok, true, "ours: " + r.o.error?.name + " " + r.o.error?.message);
  assert.equal(r.oursStats.requests, 2);
  assertSame(r, { scrub: true });
});


// ================================================================ all nine operations (issue 10)
// A scenario runs the same steps through each side against a freshly reset emulator; the step
// results (outputs/errors) and the requests the emulator logged must be equal once the values the
// emulator makes up afresh (ETags, ids, request ids, recent timestamps) are renamed consistently
// (harness `canonical`).

/** Runs `steps(client, module)` → { name: settled result } for the SDK and for ours; returns both views. */
async function scenario(steps, { cfg = {}, prepare = async () => {} } = {}) {
  const ours = await loadOurs();
  const out = {};
  for (const [side, mod, make] of [["sdk", sdk, (c) => sdkClient(emu.url, c)], ["ours", ours, (c) => oursClient(ours, emu.url, c)]]) {
    await emu.reset();
    await prepare();
    const results = await steps(make(cfg), mod);
    const stats = await emu.stats();
    out[side] = { results, stats, requests: requestsOf(stats) };
  }
  return out;
}

/** Asserts both sides equal (results and requests) and returns the SDK side's results for further checks. */
function assertSameScenario(r, label = "") {
  const view = (side) => ({
    results: Object.fromEntries(Object.entries(side.results).map(([k, v]) => [k, resultView(v)])),
    requests: side.requests,
  });
  const sv = canonical(view(r.sdk)), ov = canonical(view(r.ours));
  assert.equal(ov, sv, `${label}: ours (actual) differs from the SDK (expected)`);
  for (const [k, v] of Object.entries(r.ours.results)) {
    if (v && typeof v === "object" && "ok" in v && !v.ok) assertErrorClassParity(r.sdk.results[k].error, v.error, `${label} ${k}`);
  }
  return r.sdk.results;
}

function assertErrorClassParity(se, oe, label) {
  assert.equal(oe instanceof Error, true, `${label}: an Error`);
  assert.equal(Object.getOwnPropertyDescriptor(oe, "$response")?.enumerable ?? false, false);
  for (const cls of [...MODELED_ERRORS, "CloudFrontServiceException"]) {
    assert.equal(oursModule[cls] !== undefined, true, `ours exports ${cls}`);
    assert.equal(oe instanceof oursModule[cls], se instanceof sdk[cls], `${label}: instanceof ${cls}`);
  }
}
let oursModule;
before(async () => {
  oursModule = await loadOurs();
});

/** Runs one step and records its settled result, stopping nothing on failure. */
const step = (results, name, p) => settle(p).then((r) => (results[name] = r));

const CODE_V1 = "function connectionHandler(connection) {\n  console.log('checking ' + connection.clientIp);\n  connection.allow();\n}\n";
const CODE_V2 = "function connectionHandler(connection) {\n  console.log('v2 denies');\n  connection.deny();\n}\n";
const CONNECTION = utf8(JSON.stringify({
  clientIp: "203.0.113.7",
  clientCertInfo: { serialNumber: "0a:1b:2c", subject: "CN=client.example", issuer: "CN=Example CA", validity: { notBefore: "2025-01-01T00:00:00Z", notAfter: "2027-01-01T00:00:00Z" }, fingerprint: "ab:cd:ef" },
}));

/** Create → Describe → Get → Update → Publish → Describe/Get LIVE → Test (both stages) → List → ListDistributions → stale Delete → Delete → Describe. */
async function lifecycle(c, m) {
  const r = {};
  const created = await step(r, "create", c.send(new m.CreateConnectionFunctionCommand({
    Name: "diff-lifecycle",
    ConnectionFunctionConfig: { Comment: "flow & <test> ☃", Runtime: "cloudfront-js-2.0", KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: SEED_KVS_ARN }] } },
    ConnectionFunctionCode: utf8(CODE_V1),
    Tags: { Items: [{ Key: "team", Value: "edge ops" }, { Key: "solo" }] },
  })));
  const id = created.value?.ConnectionFunctionSummary?.Id ?? "missing-id";
  const etag1 = created.value?.ETag ?? "missing-etag";
  await step(r, "describeByName", c.send(new m.DescribeConnectionFunctionCommand({ Identifier: "diff-lifecycle", Stage: "DEVELOPMENT" })));
  await step(r, "describeLiveBeforePublish", c.send(new m.DescribeConnectionFunctionCommand({ Identifier: id, Stage: "LIVE" })));
  await step(r, "get", c.send(new m.GetConnectionFunctionCommand({ Identifier: id, Stage: "DEVELOPMENT" })));
  const updated = await step(r, "update", c.send(new m.UpdateConnectionFunctionCommand({
    Id: id, IfMatch: etag1, ConnectionFunctionConfig: { Comment: "v2", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: utf8(CODE_V2),
  })));
  const etag2 = updated.value?.ETag ?? "missing-etag";
  await step(r, "updateStale", c.send(new m.UpdateConnectionFunctionCommand({
    Id: id, IfMatch: etag1, ConnectionFunctionConfig: { Comment: "v3", Runtime: "cloudfront-js-1.0" }, ConnectionFunctionCode: utf8(CODE_V1),
  })));
  await step(r, "publish", c.send(new m.PublishConnectionFunctionCommand({ Id: id, IfMatch: etag2 })));
  const live = await step(r, "describeLive", c.send(new m.DescribeConnectionFunctionCommand({ Identifier: id, Stage: "LIVE" })));
  await step(r, "getLive", c.send(new m.GetConnectionFunctionCommand({ Identifier: id, Stage: "LIVE" })));
  await step(r, "testDevelopment", c.send(new m.TestConnectionFunctionCommand({ Id: id, IfMatch: etag2, Stage: "DEVELOPMENT", ConnectionObject: CONNECTION })));
  await step(r, "testLive", c.send(new m.TestConnectionFunctionCommand({ Id: id, IfMatch: live.value?.ETag ?? "missing", Stage: "LIVE", ConnectionObject: CONNECTION })));
  await step(r, "testEmptyObject", c.send(new m.TestConnectionFunctionCommand({ Id: id, IfMatch: etag2, ConnectionObject: new Uint8Array(0) })));
  await step(r, "listDevelopment", c.send(new m.ListConnectionFunctionsCommand({ Stage: "DEVELOPMENT", MaxItems: 100 })));
  await step(r, "listLive", c.send(new m.ListConnectionFunctionsCommand({ Stage: "LIVE" })));
  await step(r, "listAll", c.send(new m.ListConnectionFunctionsCommand({})));
  await step(r, "distributions", c.send(new m.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: id })));
  await step(r, "deleteStale", c.send(new m.DeleteConnectionFunctionCommand({ Id: id, IfMatch: etag1 })));
  await step(r, "delete", c.send(new m.DeleteConnectionFunctionCommand({ Id: id, IfMatch: etag2 })));
  await step(r, "describeDeleted", c.send(new m.DescribeConnectionFunctionCommand({ Identifier: id })));
  return r;
}

for (const [label, credentials] of [["static", CREDS], ["session", SESSION_CREDS]]) {
  test(`lifecycle of a new function, ${label} credentials: every step's output/error and request equal the SDK's`, async () => {
    const r = await scenario(lifecycle, { cfg: { credentials } });
    const s = assertSameScenario(r, `lifecycle (${label})`);
    // The scenario must really have gone through (not two sides failing alike).
    for (const k of ["create", "get", "update", "publish", "describeLive", "testDevelopment", "testLive", "listDevelopment", "distributions", "delete"]) {
      assert.equal(s[k].ok, true, `SDK step ${k} succeeded: ${s[k].error?.name} ${s[k].error?.message}`);
    }
    assert.equal(s.create.value.$metadata.httpStatusCode, 201);
    assert.equal(s.delete.value.$metadata.httpStatusCode, 204);
    for (const [k, name] of [["updateStale", "PreconditionFailed"], ["deleteStale", "PreconditionFailed"], ["describeDeleted", "EntityNotFound"], ["describeLiveBeforePublish", "EntityNotFound"]]) {
      assert.equal(s[k].error?.name, name, `SDK step ${k}`);
    }
    const o = r.ours.results;
    assert.equal(o.get.value.ConnectionFunctionCode.transformToString(), CODE_V1);
    assert.equal(o.getLive.value.ConnectionFunctionCode.transformToString(), CODE_V2);
    assert.ok(o.create.value.ConnectionFunctionSummary.CreatedTime instanceof Date);
    assert.deepStrictEqual(Object.keys(o.delete.value), ["$metadata"]);
    if (label === "session") {
      // Every request carried the token, signed (the emulator checks its value; its stats record it as REDACTED).
      for (const req of r.ours.stats.log) {
        assert.equal(req.headers["x-amz-security-token"], REDACTED, `${req.operation}: token on the wire`);
        assert.match(req.headers.authorization, /SignedHeaders=[^,]*x-amz-security-token/, `${req.operation}: token signed`);
      }
    }
  });
}

/** Seeded facts found through the SDK: a function a distribution uses (with its DEVELOPMENT ETag) and one nobody uses. */
let seedFacts;
async function facts() {
  if (seedFacts) return seedFacts;
  await emu.reset();
  const c = sdkClient(emu.url, { maxAttempts: 5 });
  const all = (await c.send(new sdk.ListConnectionFunctionsCommand({ Stage: "DEVELOPMENT", MaxItems: 100 }))).ConnectionFunctions ?? [];
  let used, unused;
  for (const f of all) {
    // Seeded functions with a fault pattern (throttling) are no use here: keep those that answer at once.
    const described = await settle(sdkClient(emu.url).send(new sdk.DescribeConnectionFunctionCommand({ Identifier: f.Id, Stage: "DEVELOPMENT" })));
    if (!described.ok) continue;
    const d = await c.send(new sdk.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: f.Id }));
    const n = d.DistributionList?.Items?.length ?? 0;
    const fact = { ...f, distributions: n, etag: described.value.ETag };
    if (n > 0 && (!used || n > used.distributions)) used = fact;
    if (n === 0 && !unused) unused = fact;
  }
  assert.ok(used, "the seed has a function that a distribution uses");
  assert.ok(unused, "the seed has a function that no distribution uses");
  seedFacts = { used, unused, count: all.length };
  await emu.reset();
  return seedFacts;
}

test("modeled errors raised for real by the stateful emulator: same class, fields and requests", async () => {
  const f = await facts();
  const loop = "function connectionHandler(connection) { for (;;) {} }";
  const r = await scenario(async (c, m) => {
    const r = {};
    await step(r, "nameTaken", c.send(new m.CreateConnectionFunctionCommand({ Name: f.unused.Name, ConnectionFunctionConfig: { Comment: "dup", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: utf8("x") })));
    await step(r, "staleUpdate", c.send(new m.UpdateConnectionFunctionCommand({ Id: f.unused.Id, IfMatch: "ESTALEETAG00000", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: utf8("x") })));
    await step(r, "stalePublish", c.send(new m.PublishConnectionFunctionCommand({ Id: f.unused.Id, IfMatch: "ESTALEETAG00000" })));
    await step(r, "inUseDelete", c.send(new m.DeleteConnectionFunctionCommand({ Id: f.used.Id, IfMatch: f.used.etag })));
    await step(r, "unknownGet", c.send(new m.GetConnectionFunctionCommand({ Identifier: "no-such-function" })));
    await step(r, "unknownUpdate", c.send(new m.UpdateConnectionFunctionCommand({ Id: "no-such-function", IfMatch: "E1", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: utf8("x") })));
    await step(r, "unknownTest", c.send(new m.TestConnectionFunctionCommand({ Id: "no-such-function", IfMatch: "E1", ConnectionObject: new Uint8Array(0) })));
    await step(r, "unknownDelete", c.send(new m.DeleteConnectionFunctionCommand({ Id: "no-such-function", IfMatch: "E1" })));
    await step(r, "unknownDistributions", c.send(new m.ListDistributionsByConnectionFunctionCommand({ ConnectionFunctionIdentifier: "no-such-function" })));
    await step(r, "quantityMismatch", c.send(new m.CreateConnectionFunctionCommand({ Name: "bad-qty", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0", KeyValueStoreAssociations: { Quantity: 2, Items: [{ KeyValueStoreARN: SEED_KVS_ARN }] } }, ConnectionFunctionCode: utf8("x") })));
    await step(r, "notJsonConnection", c.send(new m.TestConnectionFunctionCommand({ Id: f.unused.Id, IfMatch: f.unused.etag, ConnectionObject: utf8("not json") })));
    const looping = await step(r, "createLooping", c.send(new m.CreateConnectionFunctionCommand({ Name: "loops-forever", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: utf8(loop) })));
    await step(r, "testLooping", c.send(new m.TestConnectionFunctionCommand({ Id: looping.value?.ConnectionFunctionSummary?.Id ?? "x", IfMatch: looping.value?.ETag ?? "x", ConnectionObject: CONNECTION })));
    return r;
  });
  const s = assertSameScenario(r, "emulator errors");
  const expected = {
    nameTaken: "EntityAlreadyExists", staleUpdate: "PreconditionFailed", stalePublish: "PreconditionFailed",
    inUseDelete: "CannotDeleteEntityWhileInUse", unknownGet: "EntityNotFound", unknownUpdate: "EntityNotFound",
    unknownTest: "EntityNotFound", unknownDelete: "EntityNotFound", quantityMismatch: "InvalidArgument",
    notJsonConnection: "InvalidArgument",
  };
  for (const [k, name] of Object.entries(expected)) assert.equal(s[k].error?.name, name, `SDK step ${k}: ${s[k].error?.name} ${s[k].error?.message}`);
  // A function that never returns is stopped by the sandbox: an error message in the result (equal on both sides, above).
  assert.ok(s.testLooping.ok ? s.testLooping.value.ConnectionFunctionTestResult.ConnectionFunctionErrorMessage : s.testLooping.error.name);
  assert.equal(r.ours.results.inUseDelete.error instanceof oursModule.CannotDeleteEntityWhileInUse, true);
});

test("an empty If-Match is sent by both and refused by the emulator as InvalidIfMatchVersion", async () => {
  const f = await facts();
  const r = await scenario(async (c, m) => {
    const r = {};
    await step(r, "publish", c.send(new m.PublishConnectionFunctionCommand({ Id: f.unused.Id, IfMatch: "" })));
    await step(r, "delete", c.send(new m.DeleteConnectionFunctionCommand({ Id: f.unused.Id, IfMatch: "" })));
    return r;
  });
  const s = assertSameScenario(r, "empty If-Match");
  assert.equal(s.publish.error?.name, "InvalidIfMatchVersion");
});

test("EntityLimitExceeded: creating past the account's limit fails the same way", async () => {
  const f = await facts();
  const r = await scenario(async (c, m) => {
    const r = {};
    for (let i = 0; i < 500; i++) {
      const x = await settle(c.send(new m.CreateConnectionFunctionCommand({ Name: `fill-${i}`, ConnectionFunctionConfig: { Comment: "", Runtime: "cloudfront-js-1.0" }, ConnectionFunctionCode: utf8("x") })));
      if (!x.ok) {
        r.limit = x;
        r.created = { ok: true, value: { $metadata: {}, count: i } };
        break;
      }
    }
    return r;
  });
  assert.ok(r.sdk.results.limit, "the SDK hit a limit");
  assert.equal(r.sdk.results.limit.error.name, "EntityLimitExceeded");
  assert.ok(r.sdk.results.created.value.count > 0 && f.count > 0);
  r.sdk.requests = r.sdk.requests.slice(-2);
  r.ours.requests = r.ours.requests.slice(-2);
  assertSameScenario(r, "entity limit");
});

test("EntitySizeLimitExceeded, InvalidTagging, a malformed key value store ARN: the SDK sends what ours refuses before sending (named error, zero requests)", async () => {
  const big = new Uint8Array(40_961).fill(0x61);
  const r = await scenario(async (c, m) => {
    const r = {};
    await step(r, "bigCode", c.send(new m.CreateConnectionFunctionCommand({ Name: "too-big", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: big })));
    await step(r, "badTag", c.send(new m.CreateConnectionFunctionCommand({ Name: "bad-tag", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: utf8("x"), Tags: { Items: [{ Key: "bad#key" }] } })));
    await step(r, "badKvsArn", c.send(new m.CreateConnectionFunctionCommand({ Name: "bad-kvs", ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0", KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: "not-an-arn" }] } }, ConnectionFunctionCode: utf8("x") })));
    return r;
  });
  assert.equal(r.sdk.results.bigCode.error?.name, "EntitySizeLimitExceeded");
  assert.equal(r.sdk.results.badTag.error?.name, "InvalidTagging");
  assert.equal(r.sdk.results.badKvsArn.error?.name, "InvalidArgument");
  assert.match(r.ours.results.badKvsArn.error?.message ?? "", /KeyValueStoreARN/);
  assert.equal(r.sdk.requests.length, 3);
  assert.equal(r.ours.requests.length, 0, "ours sent nothing");
  assert.match(r.ours.results.bigCode.error?.message ?? "", /ConnectionFunctionCode/);
  assert.match(r.ours.results.badTag.error?.message ?? "", /Tag/);
});

test("every modeled error class through canned envelopes on a write operation", async () => {
  const f = await facts();
  for (const code of MODELED_ERRORS) {
    const status = { AccessDenied: 403, EntityNotFound: 404, PreconditionFailed: 412, EntityAlreadyExists: 409, CannotDeleteEntityWhileInUse: 409, EntitySizeLimitExceeded: 413, TestFunctionFailed: 500 }[code] ?? 400;
    const r = await scenario(async (c, m) => ({
      update: await settle(c.send(new m.UpdateConnectionFunctionCommand({ Id: f.unused.Id, IfMatch: f.unused.etag, ConnectionFunctionConfig: { Comment: "c", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: utf8("x") }))),
    }), { prepare: () => emu.canned({ status, headers: { "x-amzn-RequestId": "rid-" + code }, body: envelope(code, `${code} happened`, status >= 500 ? "Receiver" : "Sender"), count: 1 }) });
    const s = assertSameScenario(r, code);
    assert.equal(s.update.error?.name, code);
    assert.equal(r.ours.results.update.error.$fault, code === "TestFunctionFailed" ? "server" : "client", `${code} $fault`);
  }
});

// ---------------------------------------------------------------- canned samples of the new operations
const SAMPLE_CALLS = {
  "31-list-two-summaries": ["ListConnectionFunctionsCommand", { Stage: "LIVE" }],
  "32-list-empty": ["ListConnectionFunctionsCommand", {}],
  "34-get-code-blob-payload": ["GetConnectionFunctionCommand", { Identifier: "my-func" }],
  "40-listdist-one-full": ["ListDistributionsByConnectionFunctionCommand", { ConnectionFunctionIdentifier: "CF1A2B3C4D5E6F", MaxItems: 1 }],
  "41-create-201": ["CreateConnectionFunctionCommand", { Name: "cert-serial-gate", ConnectionFunctionConfig: { Comment: "deny revoked serials", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: utf8("function connectionHandler(c) { c.allow(); }") }],
  "42-test-result": ["TestConnectionFunctionCommand", { Id: "CF1A2B3C4D5E6F", IfMatch: "E2CREATEDEXAMPLE", Stage: "DEVELOPMENT", ConnectionObject: utf8("{}") }],
};
function sampleAnswer(name) {
  const lines = readFileSync(path.join(SAMPLES, name + ".parsed.txt"), "utf8").split("\n");
  const status = Number(lines.find((l) => l.startsWith("status_code:")).split(": ")[1]);
  const headers = JSON.parse(lines.find((l) => l.startsWith("headers:")).slice("headers: ".length).replace(/'/g, '"'));
  const xml = path.join(SAMPLES, name + ".xml");
  return { status, headers, body: existsSync(xml) ? readFileSync(xml, "utf8") : "" };
}
for (const [name, [cmd, input]] of Object.entries(SAMPLE_CALLS)) {
  test(`canned sample ${name} → ${cmd}: same output and request`, async () => {
    const r = await scenario(async (c, m) => ({ call: await settle(c.send(new m[cmd](input))) }), {
      prepare: () => emu.canned({ ...sampleAnswer(name), count: 1 }),
    });
    const s = assertSameScenario(r, name);
    assert.equal(s.call.ok, true, `SDK: ${s.call.error?.message}`);
  });
}

test("GetConnectionFunction: the code blob (any bytes) is the SDK's Uint8ArrayBlobAdapter, transformToString alike; an empty body has no code key", async () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0xfe, 0x00, 0xc3, 0xa9, 0xe2, 0x98, 0x83, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80, 0x80]);
  const r = await scenario(async (c, m) => {
    const r = {};
    const created = await step(r, "create", c.send(new m.CreateConnectionFunctionCommand({ Name: "binary-code", ConnectionFunctionConfig: { Comment: "", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: bytes })));
    const got = await step(r, "get", c.send(new m.GetConnectionFunctionCommand({ Identifier: created.value?.ConnectionFunctionSummary?.Id ?? "x" })));
    const b = got.value?.ConnectionFunctionCode;
    r.conversions = { ok: true, value: { $metadata: {}, ...(b ? Object.fromEntries(["utf-8", "utf8", "base64", "hex", "latin1", undefined].map((e) => [String(e), b.transformToString(e)])) : {}) } };
    return r;
  });
  const s = assertSameScenario(r, "binary code");
  assert.equal(s.get.ok, true);
  const o = r.ours.results.get.value.ConnectionFunctionCode;
  assert.ok(o instanceof Uint8Array);
  assert.deepStrictEqual([...o], [...bytes]);
  assert.deepStrictEqual(Object.getOwnPropertyNames(Object.getPrototypeOf(o)).sort(), Object.getOwnPropertyNames(Object.getPrototypeOf(s.get.value.ConnectionFunctionCode)).sort());
  assert.equal(o.constructor.name, "Uint8ArrayBlobAdapter");

  const empty = await scenario(async (c, m) => ({ get: await settle(c.send(new m.GetConnectionFunctionCommand({ Identifier: "x" }))) }), {
    prepare: () => emu.canned({ status: 200, headers: { ETag: "E1", "Content-Type": "application/octet-stream" }, body: "", count: 1 }),
  });
  const se = assertSameScenario(empty, "empty code");
  assert.equal("ConnectionFunctionCode" in se.get.value, false);
});

test("a throttled write is retried with the same request (If-Match and body) and succeeds alike", async () => {
  const f = await facts();
  const r = await scenario(async (c, m) => ({
    update: await settle(c.send(new m.UpdateConnectionFunctionCommand({ Id: f.unused.Id, IfMatch: f.unused.etag, ConnectionFunctionConfig: { Comment: "retried", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: utf8(CODE_V1) }))),
  }), { cfg: { maxAttempts: 3 }, prepare: () => emu.fault({ kind: "throttle", count: 1, operation: "UpdateConnectionFunction" }) });
  const s = assertSameScenario(r, "throttled update");
  assert.equal(s.update.ok, true);
  assert.equal(s.update.value.$metadata.attempts, 2);
  assert.equal(r.ours.requests.length, 2);
});

test("write operations carry only authorization, x-amz-date, content-type, If-Match and platform headers", async () => {
  const f = await facts();
  const ours = await loadOurs();
  await emu.reset();
  const c = oursClient(ours, emu.url);
  await c.send(new ours.UpdateConnectionFunctionCommand({ Id: f.unused.Id, IfMatch: f.unused.etag, ConnectionFunctionConfig: { Comment: "h", Runtime: "cloudfront-js-2.0" }, ConnectionFunctionCode: utf8("x") }));
  await c.send(new ours.ListConnectionFunctionsCommand({ MaxItems: 1 }));
  // pragma/cache-control: the fetch standard adds them to a request carrying If-Match (its cache mode becomes no-store).
  const PLATFORM = new Set(["host", "connection", "accept", "accept-encoding", "accept-language", "user-agent", "sec-fetch-mode", "content-length", "pragma", "cache-control"]);
  for (const req of (await emu.stats()).log) {
    for (const n of Object.keys(req.headers)) {
      if (["authorization", "x-amz-date", "content-type", "if-match"].includes(n)) continue;
      assert.ok(PLATFORM.has(n), `${req.operation}: unexpected header ${n}`);
    }
    assert.ok(req.headers["content-type"], `${req.operation} has a content-type for its body`);
  }
});

// ---------------------------------------------------------------- paginators
/** Pages (and the error that ended them, if any) as scenario results, plus the input object after paging (the paginator writes Marker/MaxItems into it). */
async function paged(paginate, config, input, ...rest) {
  const r = {};
  let n = 0;
  const run = await settle((async () => {
    for await (const page of paginate(config, input, ...rest)) {
      r[`page${n++}`] = { ok: true, value: page };
      if (n >= (config.maxPages ?? 50)) break;
    }
  })());
  if (!run.ok) r.error = run;
  r.input = { ok: true, value: { $metadata: {}, input: { ...input }, ownKeys: Object.keys(input) } };
  return r;
}

test("paginateListConnectionFunctions: pageSize 2 over every stage, startingToken, stopOnSameToken: same pages, requests and input afterwards", async () => {
  for (const [label, config, input] of [
    ["pageSize 2", { pageSize: 2 }, {}],
    ["pageSize 3, LIVE", { pageSize: 3 }, { Stage: "LIVE" }],
    ["MaxItems in the input wins over pageSize", { pageSize: 1 }, { MaxItems: 4, Stage: "DEVELOPMENT" }],
    ["no pageSize", {}, {}],
    ["stopOnSameToken", { pageSize: 2, stopOnSameToken: true }, {}],
  ]) {
    const r = await scenario((c, m) => paged(m.paginateListConnectionFunctions, { ...config, client: c }, { ...input }));
    const s = assertSameScenario(r, `list paginator ${label}`);
    assert.ok(s.page0?.ok, `${label}: a first page`);
  }
  // startingToken: begin at the second page's marker.
  const first = await sdkClient(emu.url).send(new sdk.ListConnectionFunctionsCommand({ MaxItems: 2 }));
  assert.ok(first.NextMarker, "the seed has more than two functions");
  const r = await scenario((c, m) => paged(m.paginateListConnectionFunctions, { client: c, pageSize: 2, startingToken: first.NextMarker }, { Marker: "ignored" }));
  assertSameScenario(r, "startingToken");
});

test("paginateListDistributionsByConnectionFunction: follows DistributionList.NextMarker like the SDK", async () => {
  const f = await facts();
  const r = await scenario((c, m) => paged(m.paginateListDistributionsByConnectionFunction, { client: c, pageSize: 1 }, { ConnectionFunctionIdentifier: f.used.Id }));
  const s = assertSameScenario(r, "distributions paginator");
  assert.equal(Object.keys(s).filter((k) => k.startsWith("page")).length, f.used.distributions, "one page per distribution");
});

const listPage = (next) => `<?xml version="1.0"?><ListConnectionFunctionsResult ${NS}>${next === undefined ? "" : `<NextMarker>${next}</NextMarker>`}<ConnectionFunctions/></ListConnectionFunctionsResult>`;
const distPage = (next) => `<?xml version="1.0"?><DistributionList ${NS}><Marker></Marker>${next === undefined ? "" : `<NextMarker>${next}</NextMarker>`}<MaxItems>1</MaxItems><IsTruncated>${next ? "true" : "false"}</IsTruncated><Quantity>0</Quantity></DistributionList>`;
test("paginators stop exactly where the SDK's do: repeated marker with and without stopOnSameToken, empty marker", async () => {
  const cases = [
    ["same marker, stopOnSameToken", "paginateListConnectionFunctions", { stopOnSameToken: true }, {}, [listPage("a"), listPage("a"), listPage("a")], 2],
    ["same marker, no stopOnSameToken (cut at 4 pages)", "paginateListConnectionFunctions", { maxPages: 4 }, {}, [listPage("a"), listPage("a"), listPage("a"), listPage("a"), listPage("a")], 4],
    ["empty NextMarker", "paginateListConnectionFunctions", {}, {}, [listPage("a"), listPage(""), listPage("b")], 2],
    ["distribution list, same marker, stopOnSameToken", "paginateListDistributionsByConnectionFunction", { stopOnSameToken: true, startingToken: "s" }, { ConnectionFunctionIdentifier: "x" }, [distPage("s"), distPage("t")], 1],
    ["distribution list, NextMarker then none", "paginateListDistributionsByConnectionFunction", { pageSize: 1 }, { ConnectionFunctionIdentifier: "x" }, [distPage("n1"), distPage(undefined), distPage("n3")], 2],
    ["error on the second page", "paginateListConnectionFunctions", {}, {}, [listPage("a"), envelope("AccessDenied", "no")], 1],
  ];
  for (const [label, fn, config, input, bodies, pages] of cases) {
    const prepare = async () => {
      for (const body of bodies) await emu.canned({ status: body.includes("ErrorResponse") ? 403 : 200, headers: { "x-amzn-RequestId": "rid-page" }, body, count: 1 });
    };
    const r = await scenario((c, m) => paged(m[fn], { ...config, client: c }, { ...input }), { prepare });
    const s = assertSameScenario(r, label);
    assert.equal(Object.keys(s).filter((k) => k.startsWith("page")).length, pages, `${label}: pages`);
  }
});

test("paginators: a wrong client is rejected alike (after the input is written, before any request); withCommand and call options pass through", async () => {
  const f = await facts();
  const r = await scenario(async (c, m) => {
    const r = {};
    for (const [k, client] of [["noClient", undefined], ["plainObject", { send: () => {} }], ["otherPackagesClient", m === sdk ? new oursModule.CloudFrontClient({ region: "us-east-1", credentials: CREDS }) : new sdk.CloudFrontClient({ region: "us-east-1", credentials: CREDS })]]) {
      const input = {};
      r[k] = (await paged(m.paginateListConnectionFunctions, { client, pageSize: 2 }, input)).error;
      r[k + "Input"] = { ok: true, value: { $metadata: {}, input: { ...input }, ownKeys: Object.keys(input) } };
    }
    let seen = 0;
    Object.assign(r, await paged(m.paginateListDistributionsByConnectionFunction, { client: c, pageSize: 1, withCommand: (cmd) => { seen++; return undefined; } }, { ConnectionFunctionIdentifier: f.used.Id }));
    r.withCommandCalls = { ok: true, value: { $metadata: {}, seen } };
    const replaced = await paged(m.paginateListConnectionFunctions, { client: c, pageSize: 50, maxPages: 3, withCommand: () => new m.ListConnectionFunctionsCommand({ Stage: "LIVE", MaxItems: 1 }) }, {});
    r.replacedFirst = replaced.page0;
    const ac = new AbortController();
    ac.abort();
    r.aborted = (await paged(m.paginateListConnectionFunctions, { client: c }, {}, { abortSignal: ac.signal })).error;
    return r;
  });
  const s = assertSameScenario(r, "paginator config");
  assert.match(s.noClient.error.message, /Invalid client, expected instance of CloudFrontClient/);
  assert.equal(s.aborted.error.name, "AbortError");
});
