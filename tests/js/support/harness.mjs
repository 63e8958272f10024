// Shared helpers for the Node-level package tests (tests/js/*.test.mjs).
// The emulator (emulator/server.mjs) is the server; the SDK (@aws-sdk/client-cloudfront) is the reference.
import { createRequire } from "node:module";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import assert from "node:assert/strict";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const SAMPLES = path.resolve(ROOT, "tests/rust/fixtures/samples"); // a copy of ../shared/cloudfront/samples
export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

// Silence the SDK's "Node >= 22 soon" process warning so that it does not pollute console checks.
if (!process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING) process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING = "1";

const require = createRequire(path.join(ROOT, "package.json"));
export const sdk = require("@aws-sdk/client-cloudfront");

export const CREDS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
export const SESSION_CREDS = {
  accessKeyId: "ASIAEXAMPLETEMP",
  secretAccessKey: "tempSecretKeyEXAMPLE0000000000000000000000",
  sessionToken: "FQoGZXIvYXdzEXAMPLESESSIONTOKEN//////////wEaDEXAMPLE+/=",
};

/** Loads our package (package self-reference → dist/node.js). Throws a clear error when it is not built. */
let oursPromise;
export function loadOurs() {
  // CFW_TEST_OURS: a module path standing in for the package (see support/sdk-as-ours.mjs).
  const spec = process.env.CFW_TEST_OURS ? path.resolve(ROOT, process.env.CFW_TEST_OURS) : "cloudfront-wasm";
  oursPromise ??= import(spec).catch((e) => {
    throw new Error(`cannot import "cloudfront-wasm" (dist/ not built? run npm run build): ${e.message}`);
  });
  return oursPromise;
}

export async function startEmulator() {
  // CFW_TEST_EMULATOR: another server.mjs (e.g. a work-in-progress emulator in another worktree).
  const { startServer } = await import(path.resolve(ROOT, process.env.CFW_TEST_EMULATOR ?? "emulator/server.mjs"));
  const srv = await startServer({ port: 0, quiet: true });
  const url = srv.url.replace(/\/$/, "");
  const admin = async (method, p, body) => {
    const r = await fetch(url + p, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`admin ${method} ${p} → ${r.status} ${text}`);
    return text ? JSON.parse(text) : {};
  };
  return {
    url,
    port: srv.port,
    close: () => srv.close(),
    reset: () => admin("POST", "/__emulator/reset"),
    stats: () => admin("GET", "/__emulator/stats"),
    canned: (c) => admin("POST", "/__emulator/canned", c),
    fault: (f) => admin("POST", "/__emulator/faults", f),
    clock: (offsetMs) => admin("POST", "/__emulator/clock", { offsetMs }),
  };
}

/** The SDK client configured like ours. requestTimeout is mapped to the Node handler option that makes it throw. */
export function sdkClient(endpoint, cfg = {}) {
  const { requestTimeout, ...rest } = cfg;
  const c = { region: "us-east-1", endpoint, credentials: CREDS, maxAttempts: 1, ...rest };
  if (requestTimeout !== undefined) c.requestHandler = { requestTimeout, throwOnRequestTimeout: true };
  return new sdk.CloudFrontClient(c);
}

export function oursClient(ours, endpoint, cfg = {}) {
  return new ours.CloudFrontClient({ region: "us-east-1", endpoint, credentials: CREDS, maxAttempts: 1, ...cfg });
}

/** Runs a promise and returns { ok, value } or { ok: false, error }. */
export async function settle(p) {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

export function protoChain(x) {
  const out = [];
  for (let p = Object.getPrototypeOf(x); p; p = Object.getPrototypeOf(p)) out.push(p.constructor?.name);
  return out;
}

/**
 * A comparable view of a thrown error: the class chain (minus smithy's internal `ServiceException`,
 * which a drop-in cannot share), name, message, and every enumerable own field except
 * `$response`/`stack`; `$metadata.totalRetryDelay` is random and checked separately.
 */
export function errView(e, { dropMessage = false } = {}) {
  if (!(e instanceof Error)) return { notAnError: e };
  const v = { chain: protoChain(e).filter((n) => n !== "ServiceException"), name: e.name };
  if (!dropMessage) v.message = e.message;
  for (const k of Object.keys(e)) {
    if (k === "$response" || k === "stack") continue;
    if (dropMessage && k === "message") continue;
    v[k] = e[k];
  }
  if (v.$metadata) {
    v.$metadata = { ...v.$metadata };
    delete v.$metadata.totalRetryDelay;
  }
  return v;
}

/** A comparable view of an output: deep copy keeping Dates, totalRetryDelay removed. */
export function outView(o) {
  const v = { ...o, $metadata: { ...o.$metadata } };
  delete v.$metadata.totalRetryDelay;
  return v;
}

/** Samples from ../shared/cloudfront/samples: { name, status, headers, body } (Describe ones only). */
export function loadSamples() {
  const out = [];
  for (const f of readdirSync(SAMPLES).filter((f) => f.endsWith(".parsed.txt")).sort()) {
    const name = f.replace(".parsed.txt", "");
    if (!/describe|error/.test(name)) continue;
    const lines = readFileSync(path.join(SAMPLES, f), "utf8").split("\n");
    const status = Number(lines.find((l) => l.startsWith("status_code:")).split(": ")[1]);
    const headers = JSON.parse(lines.find((l) => l.startsWith("headers:")).slice("headers: ".length).replace(/'/g, '"'));
    const xml = path.join(SAMPLES, name + ".xml");
    out.push({ name, status, headers, body: existsSync(xml) ? readFileSync(xml, "utf8") : "" });
  }
  return out;
}

/** Fixtures from tests/js/fixtures: NAME.xml (body) + optional NAME.json ({ status, headers }). */
export function loadFixtures() {
  const out = [];
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith(".xml")).sort()) {
    const name = f.replace(/\.xml$/, "");
    const metaPath = path.join(FIXTURES, name + ".json");
    const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, "utf8")) : {};
    out.push({
      name,
      status: meta.status ?? 200,
      headers: meta.headers ?? { ETag: "EFIXTURE00001", "x-amzn-RequestId": `rid-${name}`, "Content-Type": "text/xml" },
      body: readFileSync(path.join(FIXTURES, f), "utf8"),
    });
  }
  return out;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A fetch wrapper recording the start time of every attempt (passed as our `fetch` config option). */
export function recordingFetch(log = []) {
  const f = (input, init) => {
    log.push(Date.now());
    return fetch(input, init);
  };
  f.log = log;
  return f;
}

// ---------------------------------------------------------------- the nine operations (issue 10)
export const OPERATIONS = [
  "CreateConnectionFunction", "DescribeConnectionFunction", "GetConnectionFunction", "ListConnectionFunctions",
  "ListDistributionsByConnectionFunction", "UpdateConnectionFunction", "PublishConnectionFunction",
  "TestConnectionFunction", "DeleteConnectionFunction",
];
export const NEW_MODELED_ERRORS = [
  "EntityAlreadyExists", "EntityLimitExceeded", "EntitySizeLimitExceeded", "InvalidTagging", "PreconditionFailed",
  "InvalidIfMatchVersion", "CannotDeleteEntityWhileInUse", "TestFunctionFailed",
];
export const MODELED_ERRORS = ["AccessDenied", "EntityNotFound", "UnsupportedOperation", "InvalidArgument", ...NEW_MODELED_ERRORS];
/** A seeded key-value store ARN (emulator/seed.json) that Create and Update accept. */
export const SEED_KVS_ARN = "arn:aws:cloudfront::123456789012:key-value-store/0123abcd-0123-abcd-0123-0123456789ab";
export const utf8 = (s) => new TextEncoder().encode(s);

const xmlParser = createRequire(path.join(ROOT, "package.json"))("fast-xml-parser");
const XML = new xmlParser.XMLParser({
  preserveOrder: true, ignoreAttributes: false, ignoreDeclaration: true, parseTagValue: false, trimValues: false, processEntities: true,
});
/** An XML body as a document (element order, namespace, text; the declaration and `<a/>` vs `<a></a>` ignored). */
export function xmlDocument(body) {
  if (body === "" || body === undefined) return "<empty>";
  const v = xmlParser.XMLValidator.validate(body);
  if (v !== true) return { notXml: body, error: v.err?.msg };
  return XML.parse(body);
}

/**
 * The API requests the emulator logged (GET /__emulator/stats → log), as the differential tests
 * compare them: operation, method, path, query, If-Match, and the body as an XML document with its
 * content-type. Headers only the SDK sends (user agent, invocation id, payload hash…) are left out.
 */
export function requestsOf(stats) {
  assert.ok(Array.isArray(stats.log), "the emulator's stats carry the request log (`log`)");
  return stats.log.map((r) => {
    const h = r.headers ?? {};
    return {
      operation: r.operation, method: r.method, path: r.path, query: r.query,
      ifMatch: h["if-match"],
      contentType: r.body ? h["content-type"] : undefined,
      body: xmlDocument(r.body),
    };
  });
}

/** A comparable, JSON-able view of any call result: Dates, blobs, errors and `undefined`-valued keys made explicit. */
export function resultView(r) {
  if (!r || typeof r !== "object" || !("ok" in r)) return plain(r);
  if (!r.ok) return { threw: plain(errView(r.error)) };
  return { returned: plain(outView(r.value)) };
}
function plain(v) {
  if (v === undefined) return "<undefined>";
  if (v instanceof Date) return { Date: Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString() };
  if (v instanceof Uint8Array) {
    return {
      blob: protoChain(v), bytes: Buffer.from(v).toString("hex"),
      utf8: typeof v.transformToString === "function" ? v.transformToString() : "<no transformToString>",
      base64: typeof v.transformToString === "function" ? v.transformToString("base64") : "<no transformToString>",
    };
  }
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/**
 * Canonical JSON of a view in which values the emulator makes up afresh (ETags, function and
 * distribution ids, request ids, timestamps of the last minutes) are renamed in order of first
 * appearance: two runs of the same scenario then compare equal exactly when the same made-up
 * value appears in the same places (an output's ETag later sent as If-Match, an id in a path…).
 */
export function canonical(view) {
  for (const u of JSON.stringify(view).match(/"ComputeUtilization":"[^"]*"/g) ?? []) assert.match(u, /:"(\d|[1-9]\d|100)"$/, "a utilization 0-100");
  const names = new Map();
  const rename = (prefix) => (m) => {
    if (!names.has(m)) names.set(m, `<${prefix}${names.size}>`);
    return names.get(m);
  };
  const now = Date.now();
  // Keys sorted: key order is not compared (as with deepStrictEqual); array order is (XML documents are arrays).
  const sorted = (v) => (Array.isArray(v) ? v.map(sorted) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v);
  return JSON.stringify(sorted(view), null, 1)
    // Test results' compute utilization is the time the run took against a budget: it varies run to run.
    .replace(/("ComputeUtilization": )"\d+"/g, '$1"<0-100>"')
    .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\b/g, (iso) => (Math.abs(Date.parse(iso) - now) < 10 * 60_000 ? "<recent time>" : iso))
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, rename("uuid"))
    .replace(/\bCF[0-9A-F]{12}\b/g, rename("id"))
    .replace(/\bE[0-9A-Z]{11,15}\b/g, rename("etag"));
}
