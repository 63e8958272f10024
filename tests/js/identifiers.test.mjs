// Issue 5, property: for any identifier string (arbitrary Unicode), the request our package sends
// is accepted by the emulator's independent SigV4 verifier (emulator/sigv4.mjs) and the emulator
// decodes exactly the identifier that was passed. Randomized with a seeded PRNG: set CFW_SEED=<n>
// to replay a run; every failure message carries the seed and the case number.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { loadOurs, startEmulator, oursClient, settle } from "./support/harness.mjs";

const SEED = process.env.CFW_SEED !== undefined ? Number(process.env.CFW_SEED) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
const CASES = Number(process.env.CFW_CASES ?? 200);

/** mulberry32: small, fast, good enough for test data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)); // inclusive
const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];

// Character classes, each a generator of one Unicode scalar value (never a lone surrogate).
const SPECIAL = [..."/%+ :~?#&=;,@$!'()*[]{}<>\"\\^`|.-_"];
const CLASSES = [
  (r) => String.fromCodePoint(int(r, 0x20, 0x7e)), // printable ASCII
  (r) => pick(r, SPECIAL), // reserved / delimiters / escapes
  (r) => pick(r, ["%", "%2F", "%25", "%00", "+", "%2B", " ", "/", "//", "./", "/."]), // tricky sequences
  (r) => String.fromCodePoint(pick(r, [int(r, 0x00, 0x1f), 0x7f, int(r, 0x80, 0x9f)])), // C0, DEL, C1 controls
  (r) => String.fromCodePoint(pick(r, [int(r, 0x300, 0x36f), int(r, 0x1ab0, 0x1aff), int(r, 0x20d0, 0x20ff), 0xfe0f, 0x200d])), // combining marks, VS16, ZWJ
  (r) => String.fromCodePoint(int(r, 0xa0, 0xd7ff)), // BMP below the surrogates
  (r) => String.fromCodePoint(pick(r, [int(r, 0xe000, 0xf8ff), 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x2028, 0x2029, 0x202e])), // BMP above: private use, BOM, specials
  (r) => String.fromCodePoint(int(r, 0x10000, 0x10ffff)), // astral (any plane)
  (r) => String.fromCodePoint(pick(r, [0x1f600, 0x1f4a9, 0x1f1fa, 0x1f1f8, 0x20000, 0x1d11e, 0xe0001, 0x10fffd])), // emoji, CJK ext B, tags…
];

/** An identifier of 1–300 code points, excluding "", "." and "..". */
function genIdentifier(rnd) {
  for (;;) {
    const len = rnd() < 0.15 ? int(rnd, 1, 3) : rnd() < 0.1 ? int(rnd, 280, 300) : int(rnd, 1, 300);
    // Each identifier mixes a few classes, so that long strings are not uniform noise.
    const classes = Array.from({ length: int(rnd, 1, 4) }, () => pick(rnd, CLASSES));
    const cps = [];
    while (cps.length < len) cps.push(...pick(rnd, classes)(rnd));
    const s = cps.slice(0, len).join("");
    if (s !== "" && s !== "." && s !== "..") return s;
  }
}

/** Hand-picked identifiers that every run checks before the random ones. */
const FIXED = [
  "a/b", "/", "//", "/leading", "trailing/", "%", "%2F", "%252F", "a%20b", "+", "a+b", " ", " a ", "a b",
  ":", "a:b", "~", "~user", "...", "./.", "../x", "x/..", ".a", "a.", "?q=1", "#frag", "&x=y", "\\", "a\u0000b",
  "\t\r\n", "\u007f", "\u0085", "e\u0301", "\u0301", "\u{1F600}", "\u{10FFFF}", "\uFEFF", "\uFFFD", "\uFFFF",
  "arn:aws:cloudfront::999999999999:connection-function/no-such-function", "x".repeat(300), "\u{1F600}".repeat(300),
];

function describeCase(id) {
  const cps = [...id].map((c) => c.codePointAt(0).toString(16).padStart(4, "0"));
  const head = cps.slice(0, 24).join(" ");
  return `${cps.length} code points [${head}${cps.length > 24 ? " …" : ""}]`;
}

let emu, ours, client;
before(async () => {
  emu = await startEmulator();
  ours = await loadOurs();
  client = oursClient(ours, emu.url, { maxAttempts: 1 });
});
after(() => emu?.close());

async function checkAccepted(id, label) {
  const where = `${label} (seed ${SEED}; replay with CFW_SEED=${SEED}): identifier ${describeCase(id)}`;
  await emu.reset();
  const stage = id.length % 2 ? "LIVE" : "DEVELOPMENT";
  const r = await settle(client.send(new ours.DescribeConnectionFunctionCommand({ Identifier: id, Stage: stage })));
  const st = await emu.stats();
  assert.equal(st.requests, 1, `${where}: exactly one request reached the emulator`);
  assert.equal(r.ok, false, `${where}: an unknown identifier cannot succeed`);
  // 404 EntityNotFound is only answered after the signature verified (a bad one gives 403 SignatureDoesNotMatch).
  assert.equal(r.error.name, "EntityNotFound", `${where}: expected EntityNotFound, got ${r.error.name}: ${r.error.message}`);
  assert.equal(r.error.$metadata?.httpStatusCode, 404, where);
  assert.equal(r.error.$metadata?.attempts, 1, where);
  assert.equal(st.identifiers.length, 1, `${where}: the emulator routed it as DescribeConnectionFunction (path ${st.last?.path})`);
  assert.ok(st.identifiers[0] === id, `${where}: the emulator decoded ${describeCase(String(st.identifiers[0]))} (path ${st.last?.path})`);
  assert.equal(st.last.method, "GET", where);
  assert.equal(st.last.query.Stage, stage, where);
}

test("hand-picked identifiers: signature accepted, identifier decoded exactly", async () => {
  for (const [i, id] of FIXED.entries()) await checkAccepted(id, `fixed case ${i}`);
});

test(`${CASES} random Unicode identifiers (1–300 code points): signature accepted, identifier decoded exactly`, async () => {
  const rnd = prng(SEED);
  const t0 = Date.now();
  for (let i = 0; i < CASES; i++) {
    await checkAccepted(genIdentifier(rnd), `random case ${i}`);
    assert.ok(Date.now() - t0 < 60000, `random cases took over 60 s (seed ${SEED}, at case ${i})`);
  }
});

test("a correctly signed request for a random identifier gets the emulator's canned 200 answer", async () => {
  // The canned answer is only given to correctly signed requests: a success proves acceptance too.
  const rnd = prng(SEED ^ 0x9e3779b9);
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ConnectionFunctionSummary xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">' +
    "<Name>canned</Name><Id>ECANNED</Id><ConnectionFunctionConfig><Comment>c</Comment><Runtime>cloudfront-js-2.0</Runtime></ConnectionFunctionConfig>" +
    "<ConnectionFunctionArn>arn:aws:cloudfront::123456789012:connection-function/canned</ConnectionFunctionArn><Status>UNPUBLISHED</Status><Stage>DEVELOPMENT</Stage>" +
    "<CreatedTime>2024-01-01T00:00:00Z</CreatedTime><LastModifiedTime>2024-01-01T00:00:00Z</LastModifiedTime></ConnectionFunctionSummary>";
  for (let i = 0; i < 20; i++) {
    const id = genIdentifier(rnd);
    const where = `canned case ${i} (seed ${SEED}): identifier ${describeCase(id)}`;
    await emu.reset();
    await emu.canned({ status: 200, headers: { "Content-Type": "text/xml", ETag: "ECANNED1", "x-amzn-RequestId": "rid-canned" }, body, count: 1 });
    const r = await settle(client.send(new ours.DescribeConnectionFunctionCommand({ Identifier: id, Stage: "DEVELOPMENT" })));
    assert.equal(r.ok, true, `${where}: ${r.error?.name}: ${r.error?.message}`);
    assert.equal(r.value.ETag, "ECANNED1", where);
    assert.equal(r.value.$metadata.httpStatusCode, 200, where);
    const st = await emu.stats();
    assert.equal(st.requests, 1, where);
    assert.ok(st.identifiers[0] === id, `${where}: decoded ${describeCase(String(st.identifiers[0]))}`);
  }
});

test('identifiers with a lone surrogate, "", "." and ".." are refused with zero requests', async () => {
  const rnd = prng(SEED ^ 0x5bd1e995);
  const bad = ["", ".", "..", "\uD800", "\uDFFF", "\uDC00\uD800", "a\uD83D", "\uDE00a", "\u{1F600}".slice(0, 1) + "\u{1F600}"];
  for (let i = 0; i < 50; i++) {
    // A valid random identifier with one lone surrogate spliced in at a code point boundary.
    const cps = [...genIdentifier(rnd)];
    const lone = String.fromCharCode(rnd() < 0.5 ? int(rnd, 0xd800, 0xdbff) : int(rnd, 0xdc00, 0xdfff));
    cps.splice(int(rnd, 0, cps.length), 0, lone);
    const s = cps.join("");
    if (s.isWellFormed()) continue; // a high + low pair formed across the boundary: not a lone surrogate
    bad.push(s);
  }
  await emu.reset();
  for (const [i, id] of bad.entries()) {
    const where = `bad case ${i} (seed ${SEED}): identifier ${JSON.stringify(id.length > 40 ? id.slice(0, 40) + "…" : id)}`;
    const r = await settle(client.send(new ours.DescribeConnectionFunctionCommand({ Identifier: id, Stage: "DEVELOPMENT" })));
    assert.equal(r.ok, false, where);
    assert.ok(r.error instanceof Error, where);
    assert.equal(r.error.name, "ValidationError", `${where}: got ${r.error.name}: ${r.error.message}`);
    assert.match(r.error.message, /identifier/i, where);
    assert.equal(r.error.$metadata?.attempts ?? 0, 0, where);
  }
  assert.equal((await emu.stats()).requests, 0, "no request reached the emulator");
});
