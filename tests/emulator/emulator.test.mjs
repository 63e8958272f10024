// The emulator and the `npm start` server: signature verification (checked with the real
// @aws-sdk/client-cloudfront), errors, faults, admin API, CORS, static files and the proxy.
import { test, before, after, beforeEach, describe } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudFrontClient, DescribeConnectionFunctionCommand } from "@aws-sdk/client-cloudfront";
import { startServer } from "../../emulator/server.mjs";
import { REDACTED } from "../../emulator/emulator.mjs";
import { DEMO, TEMP, admin, describePath, errorCode, rawRequest, signedRequest, signHeaders } from "./helpers.mjs";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Silence the SDK's "Node >= 22 soon" warning (it is emitted when a client is first built).
process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING ??= "1";

let server;

function client(extra = {}) {
  return new CloudFrontClient({ endpoint: server.url, region: "us-east-1", credentials: DEMO, maxAttempts: 1, ...extra });
}
const describeFn = (c, Identifier, Stage) => c.send(new DescribeConnectionFunctionCommand({ Identifier, Stage }));

async function rejects(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail("expected a rejection");
}

before(async () => {
  server = await startServer({ port: 0, quiet: true });
});
after(async () => {
  await server?.close();
});
beforeEach(async () => {
  await admin(server, "reset");
});

describe("signature verification", () => {
  test("a correctly signed request (the real SDK) is accepted", async () => {
    const out = await describeFn(client(), "mtls-auth-check", "LIVE");
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.equal(out.ETag, "E3UN6WX5RRO2AG");
    const s = out.ConnectionFunctionSummary;
    assert.equal(s.Name, "mtls-auth-check");
    assert.equal(s.Id, "CF0A1B2C3D4E5F");
    assert.equal(s.Stage, "LIVE");
    assert.equal(s.ConnectionFunctionArn, "arn:aws:cloudfront::123456789012:connection-function/mtls-auth-check");
    assert.deepEqual(s.CreatedTime, new Date("2024-05-01T11:00:00.123Z"));
    assert.equal(s.ConnectionFunctionConfig.KeyValueStoreAssociations.Quantity, 1);
    assert.match(out.$metadata.requestId, UUID_RE);
  });

  test("identifiers that need percent-encoding arrive decoded, exactly", async () => {
    const ids = ["my func/a:b+c%d-é☃", " /:+%é☃", "100%", "a+b", "x/y/z", "日本語 ☃"];
    for (const id of ids) {
      const e = await rejects(describeFn(client(), id, "DEVELOPMENT"));
      // 404 (not 403) proves the signature over the double-encoded path was accepted.
      assert.equal(e.name, "EntityNotFound", `${id}: ${e.message}`);
      assert.equal(e.$metadata.httpStatusCode, 404);
    }
    const stats = await admin(server, "stats");
    assert.deepEqual(stats.identifiers, ids);
    assert.equal(stats.requests, ids.length);
  });

  test("a full ARN identifies a function (':' and '/' encoded)", async () => {
    const arn = "arn:aws:cloudfront::123456789012:connection-function/geo-fence-tls";
    const out = await describeFn(client(), arn, "LIVE");
    assert.equal(out.ConnectionFunctionSummary.Name, "geo-fence-tls");
    assert.equal(out.ConnectionFunctionSummary.ConnectionFunctionConfig.Runtime, "cloudfront-js-1.0");
    assert.deepEqual((await admin(server, "stats")).identifiers, [arn]);
  });

  test("session credentials (token sent and signed) are accepted", async () => {
    const c = client({ credentials: TEMP });
    const out = await describeFn(c, "tenant-sni-router", "LIVE");
    assert.equal(out.ConnectionFunctionSummary.Name, "tenant-sni-router");
    const e = await rejects(describeFn(c, "my func/ :+%é☃", "LIVE"));
    assert.equal(e.name, "EntityNotFound");
    const last = (await admin(server, "stats")).last;
    assert.equal(last.headers["x-amz-security-token"], REDACTED, "the token was sent (its value is not recorded)");
    assert.match(last.headers.authorization, /SignedHeaders=[^,]*x-amz-security-token/);
  });

  test("the stats never hold a secret: the session token and the signature are recorded as REDACTED", async () => {
    const res = await signedRequest(server, { identifier: "mtls-auth-check", query: { Stage: "LIVE" }, credentials: TEMP });
    assert.equal(res.status, 200);
    const stats = await admin(server, "stats");
    const text = JSON.stringify(stats);
    assert.ok(!text.includes(TEMP.sessionToken), "no session token in the stats");
    assert.ok(!text.includes(TEMP.secretAccessKey), "no secret key in the stats");
    for (const h of [stats.last.headers, stats.log[0].headers]) {
      assert.equal(h["x-amz-security-token"], REDACTED);
      assert.match(h.authorization, new RegExp(`^AWS4-HMAC-SHA256 Credential=${TEMP.accessKeyId}/\\d{8}/us-east-1/cloudfront/aws4_request, SignedHeaders=[^,]*x-amz-security-token[^,]*, Signature=<redacted>$`));
    }
    assert.ok(!/Signature=[0-9a-f]{64}/.test(text), "no signature in the stats");
  });

  test("one flipped character of the signature is rejected", async () => {
    const ok = await signedRequest(server, { identifier: "mtls-auth-check", query: { Stage: "LIVE" } });
    assert.equal(ok.status, 200);
    const res = await signedRequest(server, {
      identifier: "mtls-auth-check",
      query: { Stage: "LIVE" },
      mutate(h) {
        h.authorization = h.authorization.replace(/Signature=([0-9a-f])/, (_, c) => `Signature=${c === "0" ? "1" : "0"}`);
      },
    });
    assert.equal(res.status, 403);
    assert.equal(errorCode(res.body), "SignatureDoesNotMatch");
    assert.match(res.headers["content-type"], /^text\/xml/);
    assert.match(res.headers["x-amzn-requestid"], UUID_RE);
    assert.match(
      res.body,
      /<ErrorResponse xmlns="http:\/\/cloudfront\.amazonaws\.com\/doc\/2020-05-31\/"><Error><Type>Sender<\/Type><Code>SignatureDoesNotMatch<\/Code><Message>[^<]+<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
    assert.ok(res.body.includes(res.headers["x-amzn-requestid"]));
  });

  test("a wrong secret key, a changed path, a changed query or a changed signed header is rejected", async () => {
    const wrong = await rejects(describeFn(client({ credentials: { ...DEMO, secretAccessKey: DEMO.secretAccessKey + "x" } }), "mtls-auth-check"));
    assert.equal(wrong.name, "SignatureDoesNotMatch");
    assert.equal(wrong.$metadata.httpStatusCode, 403);
    const host = new URL(server.url).host;
    const h = await signHeaders({ signHost: host, path: describePath("geo-fence-tls"), query: { Stage: "LIVE" } });
    const otherPath = await rawRequest(server.url, { path: describePath("mtls-auth-check") + "?Stage=LIVE", headers: h });
    assert.equal(errorCode(otherPath.body), "SignatureDoesNotMatch");
    const otherQuery = await rawRequest(server.url, { path: describePath("geo-fence-tls") + "?Stage=DEVELOPMENT", headers: h });
    assert.equal(errorCode(otherQuery.body), "SignatureDoesNotMatch");
    const otherHost = await rawRequest(server.url, {
      path: describePath("geo-fence-tls") + "?Stage=LIVE",
      headers: { ...h, host: "cloudfront.amazonaws.com" },
    });
    assert.equal(errorCode(otherHost.body), "SignatureDoesNotMatch");
    // Single encoding of the canonical path (the S3 rule) is not CloudFront's rule.
    const id = "a b/c";
    const single = await signHeaders({ signHost: host, path: `/2020-05-31/connection-function/${id}/describe` });
    const res = await rawRequest(server.url, { path: describePath(id), headers: single });
    assert.equal(errorCode(res.body), "SignatureDoesNotMatch");
  });

  test("a stale x-amz-date is rejected with RequestTimeTooSkewed and a Date header", async () => {
    const stale = new Date(Date.now() - 6 * 60 * 1000);
    const res = await signedRequest(server, { identifier: "mtls-auth-check", date: stale });
    assert.equal(res.status, 403);
    assert.equal(errorCode(res.body), "RequestTimeTooSkewed");
    assert.ok(Math.abs(new Date(res.headers.date).getTime() - Date.now()) < 5000);
    const future = await signedRequest(server, { identifier: "mtls-auth-check", date: new Date(Date.now() + 6 * 60 * 1000) });
    assert.equal(errorCode(future.body), "RequestTimeTooSkewed");
    const fine = await signedRequest(server, { identifier: "mtls-auth-check", date: new Date(Date.now() - 4 * 60 * 1000) });
    assert.equal(fine.status, 200);
  });

  test("the emulator clock can be moved (skew as seen by the SDK)", async () => {
    await admin(server, "clock", { offsetMs: 10 * 60 * 1000 });
    const e = await rejects(describeFn(client(), "mtls-auth-check"));
    assert.equal(e.name, "RequestTimeTooSkewed");
    assert.equal(e.$metadata.httpStatusCode, 403);
    await admin(server, "clock", { offsetMs: 0 });
    assert.equal((await describeFn(client(), "mtls-auth-check")).$metadata.httpStatusCode, 200);
  });

  test("unknown access key → InvalidClientTokenId", async () => {
    const e = await rejects(describeFn(client({ credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "x" } }), "mtls-auth-check"));
    assert.equal(e.name, "InvalidClientTokenId");
    assert.equal(e.$metadata.httpStatusCode, 403);
  });

  test("temporary key without, or with a wrong, session token → InvalidClientTokenId", async () => {
    const noToken = await signedRequest(server, {
      identifier: "mtls-auth-check",
      credentials: { accessKeyId: TEMP.accessKeyId, secretAccessKey: TEMP.secretAccessKey },
    });
    assert.equal(noToken.status, 403);
    assert.equal(errorCode(noToken.body), "InvalidClientTokenId");
    const wrongToken = await rejects(describeFn(client({ credentials: { ...TEMP, sessionToken: "nope" } }), "mtls-auth-check"));
    assert.equal(wrongToken.name, "InvalidClientTokenId");
    // Token sent but not signed.
    const unsigned = await signedRequest(server, {
      identifier: "mtls-auth-check",
      credentials: { accessKeyId: TEMP.accessKeyId, secretAccessKey: TEMP.secretAccessKey },
      mutate(h) {
        h["x-amz-security-token"] = TEMP.sessionToken;
      },
    });
    assert.equal(unsigned.status, 403);
    assert.equal(errorCode(unsigned.body), "SignatureDoesNotMatch");
  });

  test("missing or malformed Authorization → 403", async () => {
    const none = await rawRequest(server.url, { path: describePath("mtls-auth-check") });
    assert.equal(none.status, 403);
    assert.equal(errorCode(none.body), "MissingAuthenticationToken");
    assert.match(none.headers["x-amzn-requestid"], UUID_RE);
    const bad = await signedRequest(server, {
      identifier: "mtls-auth-check",
      mutate(h) {
        h.authorization = h.authorization.replace("SignedHeaders=", "Signed=");
      },
    });
    assert.equal(bad.status, 403);
    assert.equal(errorCode(bad.body), "IncompleteSignature");
    const stats = await admin(server, "stats");
    assert.equal(stats.requests, 2, "rejected requests are counted");
  });
});

describe("DescribeConnectionFunction", () => {
  test("wire format: headers and element order", async () => {
    const res = await signedRequest(server, { identifier: "mtls-auth-check", query: { Stage: "DEVELOPMENT" } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.etag, "E2QWRUHAPOMQZL");
    assert.match(res.headers["content-type"], /^text\/xml/);
    assert.match(res.headers["x-amzn-requestid"], UUID_RE);
    assert.ok(res.headers.date);
    assert.equal(res.headers["access-control-allow-origin"], "*");
    assert.equal(res.headers["access-control-expose-headers"], "ETag, Location, x-amzn-RequestId, Date");
    assert.ok(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ConnectionFunctionSummary xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">'));
    const order = [...res.body.matchAll(/<([A-Za-z]+)[ >]/g)].map((m) => m[1]).filter((n, i, a) => a.indexOf(n) === i);
    assert.deepEqual(order, [
      "ConnectionFunctionSummary", "Name", "Id", "ConnectionFunctionConfig", "Comment", "Runtime",
      "KeyValueStoreAssociations", "Quantity", "Items", "KeyValueStoreAssociation", "KeyValueStoreARN",
      "ConnectionFunctionArn", "Status", "Stage", "CreatedTime", "LastModifiedTime",
    ]);
    assert.match(res.body, /<CreatedTime>2024-05-01T11:00:00\.123Z<\/CreatedTime>/);
  });

  test("markup and non-ASCII comments are XML-escaped and round-trip", async () => {
    const res = await signedRequest(server, { identifier: "device-posture-gate" });
    assert.ok(res.body.includes("<Comment>&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;&quot;posture&quot;&lt;/b&gt;"));
    const out = await describeFn(client(), "device-posture-gate");
    assert.equal(out.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, '<img src=x onerror=alert(1)> & <b>"posture"</b> checks — draft');
    assert.equal(out.ConnectionFunctionSummary.ConnectionFunctionConfig.KeyValueStoreAssociations.Quantity, 3);
    const geo = await describeFn(client(), "geo-fence-tls", "DEVELOPMENT");
    assert.match(geo.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, /日本, Ελλάδα/);
    assert.equal(geo.ConnectionFunctionSummary.ConnectionFunctionConfig.KeyValueStoreAssociations.Quantity, 0);
    const ja4 = await describeFn(client(), "ja4-fingerprint-filter");
    assert.equal(ja4.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, "");
    assert.equal(ja4.ConnectionFunctionSummary.ConnectionFunctionConfig.KeyValueStoreAssociations, undefined);
  });

  test("stages: no Stage = DEVELOPMENT, LIVE differs, never published → 404, bad Stage → 400", async () => {
    const dev = await describeFn(client(), "mtls-auth-check");
    assert.equal(dev.ConnectionFunctionSummary.Stage, "DEVELOPMENT");
    const live = await describeFn(client(), "mtls-auth-check", "LIVE");
    assert.notEqual(dev.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment, live.ConnectionFunctionSummary.ConnectionFunctionConfig.Comment);
    assert.notEqual(dev.ETag, live.ETag);
    const np = await rejects(describeFn(client(), "device-posture-gate", "LIVE"));
    assert.equal(np.name, "EntityNotFound");
    assert.equal(np.$metadata.httpStatusCode, 404);
    const bad = await signedRequest(server, { identifier: "mtls-auth-check", query: { Stage: "PROD" } });
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad.body), "InvalidArgument");
    const unknown = await rejects(describeFn(client(), "no-such-function"));
    assert.equal(unknown.name, "EntityNotFound");
  });
});

describe("faults", () => {
  test("throttle N: the SDK retries and succeeds", async () => {
    await admin(server, "faults", { kind: "throttle", count: 2 });
    const out = await describeFn(client({ maxAttempts: 3 }), "mtls-auth-check");
    assert.equal(out.$metadata.attempts, 3);
    const e = await signedRequest(server, { identifier: "mtls-auth-check" });
    assert.equal(e.status, 200, "the fault is used up");
  });

  test("throttle answers 400 Throttling in the envelope", async () => {
    await admin(server, "faults", { kind: "throttle", count: 1 });
    const res = await signedRequest(server, { identifier: "mtls-auth-check" });
    assert.equal(res.status, 400);
    assert.equal(errorCode(res.body), "Throttling");
  });

  test("faults for one identifier leave others alone", async () => {
    await admin(server, "faults", { kind: "html503", count: 1, identifier: "geo-fence-tls" });
    assert.equal((await signedRequest(server, { identifier: "mtls-auth-check" })).status, 200);
    const res = await signedRequest(server, { identifier: "geo-fence-tls" });
    assert.equal(res.status, 503);
    assert.match(res.headers["content-type"], /text\/html/);
    assert.match(res.body, /<html>/);
  });

  test("empty500, malformed, slow", async () => {
    await admin(server, "faults", { kind: "empty500", count: 1 });
    const e = await signedRequest(server, { identifier: "mtls-auth-check" });
    assert.equal(e.status, 500);
    assert.equal(e.body, "");
    await admin(server, "faults", { kind: "malformed", count: 1 });
    const m = await signedRequest(server, { identifier: "mtls-auth-check" });
    assert.equal(m.status, 200);
    assert.ok(!m.body.includes("</ConnectionFunctionSummary>"));
    await admin(server, "faults", { kind: "slow", count: 1, delayMs: 400 });
    const t0 = Date.now();
    const s = await signedRequest(server, { identifier: "mtls-auth-check" });
    assert.equal(s.status, 200);
    assert.ok(Date.now() - t0 >= 350);
  });

  test("reset and truncate break the connection", async () => {
    await admin(server, "faults", { kind: "reset", count: 1 });
    await assert.rejects(signedRequest(server, { identifier: "mtls-auth-check" }));
    await admin(server, "faults", { kind: "truncate", count: 1 });
    await assert.rejects(signedRequest(server, { identifier: "mtls-auth-check" }));
    assert.equal((await signedRequest(server, { identifier: "mtls-auth-check" })).status, 200);
  });

  test("faults queue in order", async () => {
    await admin(server, "faults", { kind: "throttle", count: 1 });
    await admin(server, "faults", { kind: "empty500", count: 1 });
    assert.equal((await signedRequest(server, { identifier: "x" })).status, 400);
    assert.equal((await signedRequest(server, { identifier: "x" })).status, 500);
    assert.equal((await signedRequest(server, { identifier: "x" })).status, 404);
  });

  test("per-request fault header", async () => {
    const res = await signedRequest(server, {
      identifier: "mtls-auth-check",
      mutate(h) {
        h["x-emulator-fault"] = "throttle";
      },
    });
    assert.equal(errorCode(res.body), "Throttling");
  });

  test("seed fault flag: sni-rate-limiter is throttled twice out of three requests", async () => {
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await signedRequest(server, { identifier: "sni-rate-limiter" })).status);
    assert.deepEqual(codes, [400, 400, 200, 400, 400, 200]);
    await admin(server, "reset");
    const out = await describeFn(client({ maxAttempts: 3 }), "sni-rate-limiter", "LIVE");
    assert.equal(out.$metadata.attempts, 3);
  });

  test("bad admin input is refused", async () => {
    const r = await fetch(`${server.url}/__emulator/faults`, { method: "POST", body: JSON.stringify({ kind: "explode" }) });
    assert.equal(r.status, 400);
    const r2 = await fetch(`${server.url}/__emulator/faults`, { method: "POST", body: "{" });
    assert.equal(r2.status, 400);
  });
});

describe("admin API", () => {
  test("canned answers are returned verbatim to correctly signed requests only", async () => {
    await admin(server, "canned", { status: 418, headers: { "x-canned": "yes", "content-type": "text/plain" }, body: "teapot", count: 1 });
    const unsigned = await rawRequest(server.url, { path: describePath("mtls-auth-check") });
    assert.equal(unsigned.status, 403);
    const res = await signedRequest(server, { identifier: "mtls-auth-check" });
    assert.equal(res.status, 418);
    assert.equal(res.headers["x-canned"], "yes");
    assert.equal(res.body, "teapot");
    assert.equal((await signedRequest(server, { identifier: "mtls-auth-check" })).status, 200);
  });

  test("large canned bodies (> 1 MiB) are accepted by the admin API and served whole", async () => {
    const body = "x".repeat(2 * 1024 * 1024);
    const r = await admin(server, "canned", { status: 200, headers: { "content-type": "text/xml" }, body, count: 1 });
    assert.equal(r.ok, true);
    const res = await signedRequest(server, { identifier: "mtls-auth-check" });
    assert.equal(res.body.length, body.length);
  });

  test("stats record method, path, decoded query and headers; reset clears everything", async () => {
    await signedRequest(server, { identifier: "a b", query: { Stage: "LIVE" } });
    const stats = await admin(server, "stats");
    assert.equal(stats.requests, 1);
    assert.deepEqual(stats.identifiers, ["a b"]);
    assert.equal(stats.last.method, "GET");
    assert.equal(stats.last.path, "/2020-05-31/connection-function/a%20b/describe");
    assert.deepEqual(stats.last.query, { Stage: "LIVE" });
    assert.ok(stats.last.headers.authorization.startsWith("AWS4-HMAC-SHA256 "));
    await admin(server, "faults", { kind: "throttle", count: 5 });
    await admin(server, "clock", { offsetMs: 999999 });
    await admin(server, "reset");
    assert.deepEqual(await admin(server, "stats"), { requests: 0, identifiers: [], last: null, log: [] });
    assert.equal((await signedRequest(server, { identifier: "mtls-auth-check" })).status, 200);
  });
});

describe("HTTP server", () => {
  test("CORS preflight: 204 with the headers a page needs, not counted", async () => {
    const res = await rawRequest(server.url, {
      method: "OPTIONS",
      path: describePath("mtls-auth-check") + "?Stage=LIVE",
      headers: {
        origin: "http://example.test",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization,x-amz-date,x-amz-security-token",
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers["access-control-allow-origin"], "*");
    assert.match(res.headers["access-control-allow-methods"], /GET/);
    for (const h of ["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "x-amz-user-agent", "amz-sdk-invocation-id", "amz-sdk-request", "content-type", "if-match"]) {
      assert.ok(res.headers["access-control-allow-headers"].split(/,\s*/).includes(h), h);
    }
    assert.equal((await admin(server, "stats")).requests, 0);
  });

  test("every API answer has CORS headers, x-amzn-RequestId and Date", async () => {
    for (const r of [
      await rawRequest(server.url, { path: describePath("x") }),
      await signedRequest(server, { identifier: "x" }),
      await signedRequest(server, { identifier: "mtls-auth-check" }),
    ]) {
      assert.equal(r.headers["access-control-allow-origin"], "*");
      assert.equal(r.headers["access-control-expose-headers"], "ETag, Location, x-amzn-RequestId, Date");
      assert.match(r.headers["x-amzn-requestid"], UUID_RE);
      assert.ok(!Number.isNaN(Date.parse(r.headers.date)));
    }
  });

  test("the page is served with a strict CSP", async () => {
    const res = await rawRequest(server.url, { path: "/" });
    assert.equal(res.status, 200);
    assert.match(res.headers["content-type"], /^text\/html/);
    const csp = res.headers["content-security-policy"];
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.ok(!/unsafe-inline/.test(csp));
    const js = await rawRequest(server.url, { path: "/app.js" });
    assert.match(js.headers["content-type"], /^text\/javascript/);
    const css = await rawRequest(server.url, { path: "/style.css" });
    assert.match(css.headers["content-type"], /^text\/css/);
  });

  test("static paths cannot escape their folders", async () => {
    for (const p of ["/dist/../package.json", "/dist/..%2Fpackage.json", "/dist/%2e%2e/package.json", "/..%2Fpackage.json", "/%2e%2e/%2e%2e/etc/passwd", "/dist/%00", "/.git/config", "/dist/..%5Cpackage.json"]) {
      const r = await rawRequest(server.url, { path: p });
      assert.ok(r.status === 404 || r.status === 400, `${p} → ${r.status}`);
      assert.ok(!r.body.includes('"devDependencies"') && !r.body.includes("root:"), p);
    }
  });

  test("/dist/ with types from a dist folder, and a clear message when it is missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cfw-dist-"));
    await mkdir(join(dir, "dist"));
    await writeFile(join(dir, "dist", "x.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    await writeFile(join(dir, "dist", "index.js"), "export {}");
    const s = await startServer({ port: 0, quiet: true, distDir: join(dir, "dist") });
    const s2 = await startServer({ port: 0, quiet: true, distDir: join(dir, "nope") });
    try {
      const w = await rawRequest(s.url, { path: "/dist/x.wasm" });
      assert.equal(w.headers["content-type"], "application/wasm");
      const j = await rawRequest(s.url, { path: "/dist/index.js" });
      assert.match(j.headers["content-type"], /^text\/javascript/);
      const m = await rawRequest(s2.url, { path: "/dist/index.js" });
      assert.equal(m.status, 404);
      assert.match(m.body, /npm run build/);
    } finally {
      await s.close();
      await s2.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("proxy", () => {
  let upstream;
  let proxy;
  before(async () => {
    upstream = await startServer({ port: 0, quiet: true });
    proxy = await startServer({ port: 0, quiet: true, upstream: upstream.url });
  });
  after(async () => {
    await proxy?.close();
    await upstream?.close();
  });

  test("/proxy/... forwards the request signed for the upstream; the upstream verifies it", async () => {
    await admin(upstream, "reset");
    const id = "arn:aws:cloudfront::123456789012:connection-function/mtls-auth-check";
    const path = describePath(id);
    const headers = await signHeaders({ signHost: new URL(upstream.url).host, path, query: { Stage: "LIVE" }, credentials: TEMP });
    const res = await rawRequest(proxy.url, { path: `/proxy${path}?Stage=LIVE`, headers: { ...headers, origin: "http://page.test" } });
    assert.equal(res.status, 200, res.body);
    assert.equal(res.headers.etag, "E3UN6WX5RRO2AG");
    assert.equal(res.headers["access-control-allow-origin"], "*");
    assert.equal(res.headers["access-control-expose-headers"], "ETag, Location, x-amzn-RequestId, Date");
    assert.match(res.headers["x-amzn-requestid"], UUID_RE);
    const stats = await admin(upstream, "stats");
    assert.deepEqual(stats.identifiers, [id]);
    assert.equal(stats.last.headers.host, new URL(upstream.url).host);
    assert.equal(stats.last.path, path);
    assert.equal(stats.last.headers.origin, undefined);
    assert.equal((await admin(proxy, "stats")).requests, 0, "the proxy's own emulator is not used");
  });

  test("in upstream mode /2020-05-31/ is forwarded too, and errors pass through", async () => {
    await admin(upstream, "reset");
    const path = describePath("device-posture-gate");
    const headers = await signHeaders({ signHost: new URL(upstream.url).host, path, query: { Stage: "LIVE" } });
    const res = await rawRequest(proxy.url, { path: `${path}?Stage=LIVE`, headers });
    assert.equal(res.status, 404);
    assert.equal(errorCode(res.body), "EntityNotFound");
    const bad = await signedRequest(proxy, { identifier: "mtls-auth-check" }); // signed for the proxy's host
    assert.equal(errorCode(bad.body), "SignatureDoesNotMatch");
    assert.equal((await admin(upstream, "stats")).requests, 2);
  });

  test("an unreachable upstream gives 502 in the envelope", async () => {
    const dead = await startServer({ port: 0, quiet: true });
    const deadUrl = dead.url;
    await dead.close();
    const p = await startServer({ port: 0, quiet: true, upstream: deadUrl });
    try {
      const res = await rawRequest(p.url, { path: "/proxy" + describePath("x") });
      assert.equal(res.status, 502);
      assert.equal(errorCode(res.body), "BadGateway");
      assert.equal(res.headers["access-control-allow-origin"], "*");
    } finally {
      await p.close();
    }
  });
});
