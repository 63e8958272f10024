// Shared helpers for the Node-level package tests (tests/js/*.test.mjs).
// The emulator (emulator/server.mjs) is the server; the SDK (@aws-sdk/client-cloudfront) is the reference.
import { createRequire } from "node:module";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

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
  const { startServer } = await import(path.join(ROOT, "emulator/server.mjs"));
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
