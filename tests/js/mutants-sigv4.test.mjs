// Issue 14, mutation testing: the emulator's SigV4 verifier (emulator/sigv4.mjs) called directly,
// one rule per test. The emulator suites reach it through HTTP and the SDK, which always signs
// correctly; these tests send what a broken or hostile client would, and check the boundary of
// each rule (the skew limit, the date checks, the header list, the payload hash) both ways.
// The client side signs with AWS's @smithy/signature-v4, as a real client does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";
import { AuthError, decodeQuery, headerMap, parseAmzDate, parseAuthorization, verifyRequest } from "../../emulator/sigv4.mjs";

const KEY = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const TEMP = { accessKeyId: "ASIAEXAMPLETEMP", secretAccessKey: "tempSecret", sessionToken: "tok+/=" };
const accounts = [KEY, TEMP];
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const HOST = "127.0.0.1:8080";

/**
 * A request as the emulator receives it, signed by @smithy/signature-v4 (or not: `sign: false`).
 * `edit(headers)` changes the signed headers before they are sent.
 */
async function request({ creds = KEY, date = NOW, method = "GET", path = "/2020-05-31/connection-function/f/describe", query = {}, headers = {}, body, region = "us-east-1", service = "cloudfront", edit } = {}) {
  const signer = new SignatureV4({ credentials: creds, region, service, sha256: Sha256, uriEscapePath: true, applyChecksum: false });
  const signed = await signer.sign(
    { method, protocol: "http:", hostname: "127.0.0.1", port: 8080, path, query, headers: { host: HOST, ...headers }, body },
    { signingDate: new Date(date) },
  );
  const h = { ...signed.headers };
  edit?.(h);
  const rawQuery = Object.entries(query)
    .flatMap(([k, v]) => [].concat(v).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join("&");
  const lower = new Map(Object.entries(h).filter(([, v]) => v !== undefined).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, rawPath: path, rawQuery, headers: lower, body: body === undefined ? Buffer.alloc(0) : Buffer.from(body) };
}

/** The AuthError verifyRequest throws, as { status, code, message }; fails when it accepts. */
async function refusal(req, now = NOW) {
  try {
    await verifyRequest(req, { accounts, now });
  } catch (e) {
    assert.ok(e instanceof AuthError, `an AuthError, not ${e}`);
    return { status: e.status, code: e.code, message: e.message };
  }
  assert.fail("the request was accepted");
}
const accepted = async (req, now = NOW) => assert.deepEqual(await verifyRequest(req, { accounts, now }), { accessKeyId: req.headers.get("authorization").match(/Credential=([^/]+)/)[1] });

test("a correctly signed request is accepted, with and without a query, a body and a session token", async () => {
  await accepted(await request());
  await accepted(await request({ query: { Stage: "LIVE", Marker: "a b+c/é" } }));
  await accepted(await request({ method: "POST", path: "/2020-05-31/connection-function", body: "<x/>", headers: { "content-type": "text/xml" } }));
  await accepted(await request({ creds: TEMP }));
  await accepted(await request({ path: "/2020-05-31/connection-function/a%20b%2Fc/describe" }));
});

test("no Authorization, an unknown key, and wrong session tokens are refused before the signature is computed", async () => {
  assert.deepEqual(await refusal(await request({ edit: (h) => delete h.authorization })), { status: 403, code: "MissingAuthenticationToken", message: "Missing Authentication Token" });
  assert.equal((await refusal(await request({ edit: (h) => (h.authorization = "") }))).code, "MissingAuthenticationToken");
  assert.deepEqual(
    { ...(await refusal(await request({ creds: { accessKeyId: "AKIDOTHER", secretAccessKey: KEY.secretAccessKey } }))), message: undefined },
    { status: 403, code: "InvalidClientTokenId", message: undefined },
  );
  // Temporary credentials without their token, with another token; a long-term key with one.
  const noToken = await refusal(await request({ creds: { ...TEMP, sessionToken: undefined } }));
  assert.equal(noToken.code, "InvalidClientTokenId");
  assert.match(noToken.message, /temporary credentials need x-amz-security-token/);
  const otherToken = await refusal(await request({ creds: { ...TEMP, sessionToken: "other" } }));
  assert.equal(otherToken.code, "InvalidClientTokenId");
  assert.doesNotMatch(otherToken.message, /temporary/);
  assert.equal((await refusal(await request({ creds: { ...KEY, sessionToken: "tok" } }))).code, "InvalidClientTokenId");
});

test("the session token must be among the signed headers", async () => {
  const req = await request({ creds: TEMP });
  const auth = req.headers.get("authorization").replace(";x-amz-security-token", "");
  req.headers.set("authorization", auth);
  const r = await refusal(req);
  assert.deepEqual([r.status, r.code, r.message], [403, "SignatureDoesNotMatch", "x-amz-security-token must be signed."]);
});

test("x-amz-date: missing or malformed is IncompleteSignature", async () => {
  for (const edit of [(h) => delete h["x-amz-date"], (h) => (h["x-amz-date"] = "2026-01-15T12:00:00Z"), (h) => (h["x-amz-date"] = "20260231T120000Z")]) {
    const r = await refusal(await request({ edit }));
    assert.deepEqual([r.status, r.code], [403, "IncompleteSignature"]);
  }
});

test("clock skew: up to 5 minutes either way is accepted, beyond it RequestTimeTooSkewed says which way", async () => {
  const FIVE = 5 * 60 * 1000;
  await accepted(await request({ date: NOW - FIVE }));
  await accepted(await request({ date: NOW + FIVE }));
  const early = await refusal(await request({ date: NOW - FIVE - 1000 }));
  assert.deepEqual([early.status, early.code], [403, "RequestTimeTooSkewed"]);
  assert.equal(early.message, "Signature expired: 20260115T115459Z is now earlier than 20260115T120000Z (20260115T120000Z - 5 min.)");
  const late = await refusal(await request({ date: NOW + FIVE + 1000 }));
  assert.equal(late.code, "RequestTimeTooSkewed");
  assert.match(late.message, /is now later than/);
});

test("the credential scope must be the request's day, us-east-1 and cloudfront", async () => {
  const otherDay = await request({ edit: (h) => (h.authorization = h.authorization.replace("/20260115/", "/20260114/")) });
  assert.deepEqual(Object.values(await refusal(otherDay)), [403, "SignatureDoesNotMatch", "Credential date does not match X-Amz-Date."]);
  const region = await refusal(await request({ region: "eu-west-1" }));
  assert.deepEqual([region.status, region.code], [403, "SignatureDoesNotMatch"]);
  assert.match(region.message, /region, not 'eu-west-1'/);
  const service = await refusal(await request({ service: "s3" }));
  assert.deepEqual([service.code, service.message], ["SignatureDoesNotMatch", "Credential should be scoped to correct service: 'cloudfront'."]);
});

test("host and x-amz-date must be signed, and every signed header must be sent", async () => {
  const unsign = (name) => async () => {
    const req = await request();
    const auth = req.headers.get("authorization");
    const list = auth.match(/SignedHeaders=([^,]+)/)[1].split(";").filter((n) => n !== name).join(";");
    req.headers.set("authorization", auth.replace(/SignedHeaders=[^,]+/, `SignedHeaders=${list}`));
    return req;
  };
  assert.equal((await refusal(await unsign("host")())).message, "'host' must be a signed header.");
  assert.equal((await refusal(await unsign("x-amz-date")())).message, "'x-amz-date' must be a signed header.");
  const req = await request({ headers: { "x-extra": "1" } });
  req.headers.delete("x-extra");
  const missing = await refusal(req);
  assert.deepEqual([missing.code, missing.message], ["SignatureDoesNotMatch", "Signed header 'x-extra' is missing from the request."]);
  // An unsigned header may be added on the way (a proxy's), the signature still holds.
  const extra = await request();
  extra.headers.set("x-forwarded-for", "203.0.113.1");
  await accepted(extra);
});

test("a signed header's value, the path, the query, the method, the body and the signature are all covered", async () => {
  const changed = async (change) => {
    const req = await request({ method: "POST", path: "/2020-05-31/connection-function", query: { a: "1" }, body: "<x/>", headers: { "content-type": "text/xml" } });
    change(req);
    return (await refusal(req)).code;
  };
  assert.equal(await changed((r) => r.headers.set("content-type", "text/plain")), "SignatureDoesNotMatch");
  assert.equal(await changed((r) => (r.rawPath += "x")), "SignatureDoesNotMatch");
  assert.equal(await changed((r) => (r.rawQuery = "a=2")), "SignatureDoesNotMatch");
  assert.equal(await changed((r) => (r.method = "PUT")), "SignatureDoesNotMatch");
  assert.equal(await changed((r) => (r.body = Buffer.from("<y/>"))), "SignatureDoesNotMatch");
  assert.equal(await changed((r) => r.headers.set("host", "127.0.0.1:8081")), "SignatureDoesNotMatch");
  assert.equal(
    await changed((r) => r.headers.set("authorization", r.headers.get("authorization").replace(/Signature=(.)/, (_, c) => `Signature=${c === "0" ? "1" : "0"}`))),
    "SignatureDoesNotMatch",
  );
  const port = await request();
  port.headers.set("host", "127.0.0.1:9999");
  assert.equal((await refusal(port)).code, "SignatureDoesNotMatch");
});

test("x-amz-content-sha256, when sent, must be the body's hash (or UNSIGNED-PAYLOAD)", async () => {
  const body = "<ConnectionFunction/>";
  const hash = createHash("sha256").update(body).digest("hex");
  const post = (claim, b = body) => request({ method: "POST", path: "/2020-05-31/connection-function", body: b, headers: { "x-amz-content-sha256": claim } });
  await accepted(await post(hash));
  await accepted(await post("UNSIGNED-PAYLOAD"));
  const empty = createHash("sha256").update("").digest("hex");
  await accepted(await request({ headers: { "x-amz-content-sha256": empty } }));
  const wrong = await refusal(await post(empty));
  assert.deepEqual([wrong.status, wrong.code], [400, "XAmzContentSHA256Mismatch"]);
  const wrongEmpty = await refusal(await request({ headers: { "x-amz-content-sha256": hash } }));
  assert.deepEqual([wrongEmpty.status, wrongEmpty.code], [400, "XAmzContentSHA256Mismatch"]);
});

test("a query that is not validly percent-encoded is a signature mismatch; over 1,000 parameters is InvalidArgument", async () => {
  const req = await request();
  req.rawQuery = "Stage=%E0%A4%A";
  assert.deepEqual(Object.values(await refusal(req)).slice(0, 2), [403, "SignatureDoesNotMatch"]);
  req.rawQuery = Array.from({ length: 1001 }, (_, i) => `k${i}=v`).join("&");
  assert.deepEqual(Object.values(await refusal(req)).slice(0, 2), [400, "InvalidArgument"]);
});

test("parseAmzDate: basic ISO 8601 only, real calendar dates and times", () => {
  assert.equal(parseAmzDate("20260115T120001Z").getTime(), NOW + 1000);
  assert.equal(parseAmzDate("20240229T235959Z").toISOString(), "2024-02-29T23:59:59.000Z");
  for (const bad of [undefined, null, "", "20260115T120000", "20260115T120000Zx", "x20260115T120000Z", "20260115T126000Z", "20260115T120060Z", "2026011T120000Z", "20260115T1200000Z", " 20260115T120000Z", "20230229T000000Z", "20261301T000000Z", "20260132T000000Z", "20260115T240000Z", "20260115T236000Z", "20260115T235960Z"]) {
    assert.equal(parseAmzDate(bad), null, String(bad));
  }
});

test("decodeQuery: percent-decoded names and values, '+' literal, repeated names as arrays, empty parts skipped", () => {
  assert.deepEqual(decodeQuery(""), {});
  assert.deepEqual(decodeQuery(undefined), {});
  assert.deepEqual(decodeQuery("a=1&&b=%2F%20x+y&flag&c="), { a: "1", b: "/ x+y", flag: "", c: "" });
  assert.deepEqual(decodeQuery("k=1&k=2&k=3"), { k: ["1", "2", "3"] });
  assert.deepEqual(decodeQuery("%41=x=y"), { A: "x=y" });
  assert.deepEqual(Object.keys(decodeQuery(Array.from({ length: 1000 }, (_, i) => `k${i}`).join("&"))).length, 1000);
  assert.throws(() => decodeQuery(Array.from({ length: 1001 }, () => "k").join("&")), (e) => e instanceof AuthError && e.status === 400 && e.code === "InvalidArgument" && e.message === "Too many query parameters.");
  assert.deepEqual(decodeQuery("=v&a=%3D"), { "": "v", a: "=" });
  assert.equal(Object.getPrototypeOf(decodeQuery("hasOwnProperty=1")), Object.prototype);
  assert.deepEqual(decodeQuery("hasOwnProperty=1&hasOwnProperty=2"), { hasOwnProperty: ["1", "2"] });
});

test("headerMap: lower-case names, trimmed values, repeats joined with ','", () => {
  const m = headerMap(["Host", " a.example ", "X-A", "1", "x-a", " 2", "X-A", "3 ", "dangling"]);
  assert.deepEqual([...m], [["host", "a.example"], ["x-a", "1,2,3"]]);
  assert.deepEqual([...headerMap([])], []);
  assert.deepEqual([...headerMap(["n", 5])], [["n", "5"]]);
});

test("parseAuthorization: the strict form, five-part credential, sorted unique lower-case signed headers", () => {
  const sig = "a".repeat(64);
  const ok = parseAuthorization(`AWS4-HMAC-SHA256 Credential=AK/20260115/us-east-1/cloudfront/aws4_request, SignedHeaders=host;x-amz-date, Signature=${sig}`);
  assert.deepEqual(ok, { accessKeyId: "AK", shortDate: "20260115", region: "us-east-1", service: "cloudfront", signedHeaders: ["host", "x-amz-date"], signedHeadersRaw: "host;x-amz-date", signature: sig });
  assert.equal(parseAuthorization(`AWS4-HMAC-SHA256 Credential=AK/20260115/r/s/aws4_request,SignedHeaders=host,Signature=${sig}`).region, "r");
  const code = (value) => {
    try {
      parseAuthorization(value);
    } catch (e) {
      return `${e.status} ${e.code}`;
    }
    return "accepted";
  };
  const auth = (cred, headers = "host;x-amz-date", s = sig) => `AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=${headers}, Signature=${s}`;
  const CRED = "AK/20260115/us-east-1/cloudfront/aws4_request";
  assert.equal(code(auth(CRED)), "accepted");
  assert.equal(code(`x${auth(CRED)}`), "403 IncompleteSignature");
  assert.equal(code(`${auth(CRED)} `), "403 IncompleteSignature");
  assert.equal(code(auth(CRED, "host", "A".repeat(64))), "403 IncompleteSignature");
  assert.equal(code(auth(CRED, "host", "a".repeat(63))), "403 IncompleteSignature");
  assert.equal(code(auth("AK/20260115/us-east-1/cloudfront")), "403 IncompleteSignature");
  assert.equal(code(auth("AK/20260115/us-east-1/cloudfront/aws4_request/x")), "403 IncompleteSignature");
  assert.equal(code(auth("AK/20260115/us-east-1/cloudfront/aws5_request")), "403 IncompleteSignature");
  assert.equal(code(auth("AK/2026011/us-east-1/cloudfront/aws4_request")), "403 IncompleteSignature");
  assert.equal(code(auth("AK/2026011x/us-east-1/cloudfront/aws4_request")), "403 IncompleteSignature");
  assert.equal(code(auth(CRED, "x-amz-date;host")), "403 SignatureDoesNotMatch");
  assert.equal(code(auth(CRED, "host;host")), "403 SignatureDoesNotMatch");
  assert.equal(code(auth(CRED, "Host;x-amz-date")), "403 SignatureDoesNotMatch");
  assert.equal(code(auth(CRED, "host;x amz")), "403 IncompleteSignature"); // a space ends the list: not the strict form
  assert.equal(code(auth(CRED, "a;host;x-amz-date")), "accepted");
  assert.equal(code(auth(CRED, "host;;x-amz-date")), "403 SignatureDoesNotMatch");
  assert.equal(code(auth(CRED, "a(;host")), "403 SignatureDoesNotMatch");
  for (const day of ["202601150", "x20260115", "20260115x"]) assert.equal(code(auth(`AK/${day}/us-east-1/cloudfront/aws4_request`)), "403 IncompleteSignature", day);
  // The messages name what is wrong (the SDK shows them to the caller).
  const messageOf = (value) => {
    try {
      parseAuthorization(value);
    } catch (e) {
      return e.message;
    }
  };
  assert.equal(messageOf("Bearer x"), "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters (AWS4-HMAC-SHA256).");
  assert.equal(messageOf(auth("AK/2026/us-east-1/cloudfront/aws4_request")), "Credential is malformed: AK/2026/us-east-1/cloudfront/aws4_request");
  assert.equal(messageOf(auth(CRED, "x-amz-date;host")), "SignedHeaders must be lower-case header names, sorted and without repetition.");
});

test("verifyRequest: every refusal's status, code and message in full (the SDK shows them to the caller)", async () => {
  const INVALID_TOKEN = [403, "InvalidClientTokenId", "The security token included in the request is invalid."];
  const full = async (req) => Object.values(await refusal(req));
  assert.deepEqual(await full(await request({ creds: { accessKeyId: "AKIDOTHER", secretAccessKey: KEY.secretAccessKey } })), INVALID_TOKEN);
  assert.deepEqual(await full(await request({ creds: { ...TEMP, sessionToken: "other" } })), INVALID_TOKEN);
  assert.deepEqual(await full(await request({ creds: { ...KEY, sessionToken: "tok" } })), INVALID_TOKEN);
  assert.deepEqual(await full(await request({ edit: (h) => delete h["x-amz-date"] })), [403, "IncompleteSignature", "Authorization header requires existence of a valid 'X-Amz-Date' header."]);
  const unsignedHost = await request();
  unsignedHost.headers.set("authorization", unsignedHost.headers.get("authorization").replace("SignedHeaders=host;", "SignedHeaders="));
  assert.deepEqual(await full(unsignedHost), [403, "SignatureDoesNotMatch", "'host' must be a signed header."]);
  const body = "<ConnectionFunction/>";
  const wrongHash = await request({ method: "POST", path: "/2020-05-31/connection-function", body, headers: { "x-amz-content-sha256": "0".repeat(64) } });
  assert.deepEqual(await full(wrongHash), [400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed."]);
  const badQuery = await request();
  badQuery.rawQuery = "Stage=%E0%A4%A";
  assert.deepEqual(await full(badQuery), [403, "SignatureDoesNotMatch", "The query string is not validly percent-encoded."]);
  const badSignature = await request();
  badSignature.headers.set("authorization", badSignature.headers.get("authorization").replace(/Signature=[0-9a-f]{64}/, `Signature=${"0".repeat(64)}`));
  assert.deepEqual(await full(badSignature), [
    403,
    "SignatureDoesNotMatch",
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
  ]);
});
