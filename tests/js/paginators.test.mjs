// The paginators against the SDK's own (@smithy/core createPaginator), without the network: each
// side's client is a subclass whose `send` answers from the same scripted pages and records what
// it was asked (command class, input as sent, extra arguments). Random scripts and configs; the
// traces, pages, errors and the caller's input object afterwards must be equal.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { sdk, loadOurs, settle, CREDS } from "./support/harness.mjs";

let ours;
before(async () => {
  ours = await loadOurs();
});

/** A client class of `mod` whose send() serves `script` (one page body per call) and records the calls. */
function scripted(mod, script) {
  const trace = [];
  class Scripted extends mod.CloudFrontClient {
    async send(command, ...rest) {
      trace.push({ command: command.constructor.name, input: { ...command.input }, ownKeys: Object.keys(command.input), rest });
      const page = script[Math.min(trace.length - 1, script.length - 1)];
      if (page instanceof Error) throw page;
      return structuredClone(page);
    }
  }
  return { client: new Scripted({ region: "us-east-1", credentials: CREDS }), trace };
}

async function drive(mod, name, config, input, script, extra = []) {
  const { client, trace } = scripted(mod, script);
  const pages = [];
  const r = await settle((async () => {
    const it = mod[name]({ ...config, client: config.client === null ? undefined : client }, input, ...extra);
    for await (const page of it) {
      pages.push(page);
      if (pages.length >= 10) break;
    }
    return it;
  })());
  return { pages, trace, error: r.ok ? undefined : { name: r.error.name, message: r.error.message, proto: Object.getPrototypeOf(r.error).constructor.name }, input: { ...input }, ownKeys: Object.keys(input), isGenerator: r.ok ? Object.prototype.toString.call(r.value) : undefined };
}

const TOKENS = [undefined, "", "a", "b", "a", 0, null];
const pick = (rng, xs) => xs[Math.floor(rng() * xs.length)];
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

for (const [name, pageOf] of [
  ["paginateListConnectionFunctions", (next) => (next === "<no key>" ? { ConnectionFunctions: [] } : { NextMarker: next, ConnectionFunctions: [] })],
  ["paginateListDistributionsByConnectionFunction", (next) => (next === "<no key>" ? { DistributionList: "not an object" } : { DistributionList: { NextMarker: next, Quantity: 0 } })],
]) {
  test(`${name}: 400 random page scripts and configs behave as the SDK's paginator`, async () => {
    const rng = mulberry32(0xc0ffee + name.length);
    for (let i = 0; i < 400; i++) {
      const script = Array.from({ length: 1 + Math.floor(rng() * 6) }, () => pageOf(pick(rng, [...TOKENS, "<no key>"])));
      if (rng() < 0.1) script.splice(Math.floor(rng() * script.length), 0, Object.assign(new Error("page failed"), { name: "Throttling" }));
      const config = {};
      if (rng() < 0.5) config.pageSize = pick(rng, [1, 2, 50, 0]);
      if (rng() < 0.4) config.startingToken = pick(rng, ["a", "s", "", null]);
      if (rng() < 0.5) config.stopOnSameToken = pick(rng, [true, false, 1]);
      if (rng() < 0.05) config.client = null;
      const input = name === "paginateListDistributionsByConnectionFunction" ? { ConnectionFunctionIdentifier: "f" } : {};
      if (rng() < 0.4) input.Marker = pick(rng, ["m", "", "a"]);
      if (rng() < 0.4) input.MaxItems = pick(rng, [5, 0, undefined]);
      const extra = rng() < 0.3 ? [{ abortSignal: undefined }] : [];
      const s = await drive(sdk, name, config, { ...input }, script, extra);
      const o = await drive(ours, name, config, { ...input }, script, extra);
      assert.deepStrictEqual(o, s, `case ${i}: ${JSON.stringify({ config, input, script })}`);
    }
  });
}

test("withCommand: called with each page's command; a replacement is sent, undefined keeps the original", async () => {
  for (const make of [() => undefined, (mod) => new mod.ListConnectionFunctionsCommand({ Stage: "LIVE" })]) {
    const runs = [];
    for (const mod of [sdk, ours]) {
      const seen = [];
      const { client, trace } = scripted(mod, [{ NextMarker: "a" }, { NextMarker: "b" }, {}]);
      const pages = [];
      for await (const p of mod.paginateListConnectionFunctions({ client, pageSize: 3, withCommand: (c) => (seen.push(c.constructor.name), make(mod)) }, {})) pages.push(p);
      runs.push({ seen, trace, pages });
    }
    assert.deepStrictEqual(runs[1], runs[0]);
  }
});

test("the wrong client: a plain Error on the first next(), after Marker/MaxItems were written into the input", async () => {
  for (const client of [undefined, {}, new sdk.CloudFrontClient({ region: "us-east-1", credentials: CREDS })]) {
    const input = {};
    const it = ours.paginateListConnectionFunctions({ client, pageSize: 7 }, input);
    const r = await settle(it.next());
    assert.equal(r.ok, false);
    assert.equal(r.error.constructor, Error);
    assert.equal(r.error.message, "Invalid client, expected instance of CloudFrontClient");
    assert.deepStrictEqual(Object.entries(input), [["Marker", undefined], ["MaxItems", 7]]);
  }
});
