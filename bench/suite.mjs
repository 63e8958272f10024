// One round of each measurement, the same code in Node and in Chromium (bundled by run.mjs).
// Every function returns plain numbers (JSON-safe) so the page can hand them to Node.
import * as P from "./peers.mjs";
import { CASES, PAGINATOR } from "./ops.mjs";

const now = () => performance.now();
const cpuNow = () => (globalThis.process?.cpuUsage ? globalThis.process.cpuUsage() : null);

/** Calls `fn` sequentially for about `ms` (at least `min` calls): rate and CPU per call. */
export async function seqRate(fn, ms, min = 8) {
  for (let i = 0; i < 3; i++) await fn(); // warm the path (JIT, caches) before timing
  const c0 = cpuNow();
  const t0 = now();
  let n = 0;
  let t;
  do {
    for (let i = 0; i < 8; i++) await fn();
    n += 8;
    t = now();
  } while (t - t0 < ms || n < min);
  const c1 = cpuNow();
  return {
    perSec: (n * 1000) / (t - t0),
    cpuUs: c0 ? (c1.user - c0.user + (c1.system - c0.system)) / n : null,
    n,
  };
}

/** `width` concurrent loops calling `fn` for about `ms`. */
export async function parRate(fn, ms, width = 32, min = 32) {
  await Promise.all(Array.from({ length: width }, () => fn())); // warm (connections)
  const c0 = cpuNow();
  const t0 = now();
  let n = 0;
  const deadline = t0 + ms;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (now() < deadline || n < min) {
        await fn();
        n++;
      }
    }),
  );
  const t = now();
  const c1 = cpuNow();
  return {
    perSec: (n * 1000) / (t - t0),
    cpuUs: c0 ? (c1.user - c0.user + (c1.system - c0.system)) / n : null,
    n,
  };
}

/**
 * All `cases` interleaved in batches of `batch` sequential calls, cycling until about `ms` per case has
 * passed, so that every peer sees the same machine load (these machines are shared and noisy).
 */
export async function interleave(cases, ms, batch = 16, minCycles = 2, warm = 3) {
  const names = Object.keys(cases);
  const acc = Object.fromEntries(names.map((n) => [n, { n: 0, t: 0, cpu: 0 }]));
  for (const n of names) for (let i = 0; i < warm; i++) await cases[n]();
  const end = now() + ms * names.length;
  let cycles = 0;
  while (now() < end || cycles < minCycles) {
    for (const n of names) {
      const f = cases[n];
      const c0 = cpuNow();
      const t0 = now();
      for (let i = 0; i < batch; i++) await f();
      const t1 = now();
      const c1 = cpuNow();
      const a = acc[n];
      a.n += batch;
      a.t += t1 - t0;
      if (c0) a.cpu += c1.user - c0.user + (c1.system - c0.system);
    }
    cycles++;
  }
  const out = {};
  for (const n of names) {
    const a = acc[n];
    out[n] = { perSec: (a.n * 1000) / a.t, cpuUs: cpuNow() ? a.cpu / a.n : null, n: a.n };
  }
  return out;
}

let ctx;

/** Builds every client once. `endpoint`: the local API server; `body`: the 3-KVS XML. */
export async function setup({ endpoint, body, wasmUrl, signWasm, smoke = false }) {
  const wasm = await P.initOurs(wasmUrl);
  const tiny = P.TINY_BODY;
  const fx = P.stubFetch; // eslint-disable-line
  ctx = {
    body,
    wasm,
    smoke, // one cycle of each whole-API case, no extra warm-up: outputs are what the smoke run checks
    // signing
    sdkSign: P.sdkSigner(),
    oursSign: await P.oursSigner(signWasm),
    a4fSign: P.a4fSigner(),
    // stubbed transports, tiny body (≈ signing + request building + a trivial parse)
    sdkTiny: P.sdkStubClient(tiny),
    oursTiny: P.oursStubClient(tiny),
    a4fTiny: P.a4fClient(P.STUB_ENDPOINT, fx(tiny)),
    // stubbed transports, the 3-KVS body
    sdkBody: P.sdkStubClient(body),
    oursBody: P.oursStubClient(body),
    a4fBody: P.a4fClient(P.STUB_ENDPOINT, fx(body)),
    // against the local server
    sdkNet: P.sdkClient(endpoint),
    oursNet: P.oursClient(endpoint),
    a4fNet: P.a4fClient(endpoint),
    floorNet: P.floorClient(endpoint),
    floorHeadersNet: P.floorHeadersClient(endpoint),
    endpoint,
    // the whole API (bench/ops.mjs): per case an SDK and an ours client answering at once
    cases: Object.fromEntries(
      [...Object.entries(CASES.ops).map(([op, c]) => [op, { ...c, op }]), ...Object.entries(CASES.large)].map(([name, c]) => [
        name,
        { op: c.op, input: c.input, sdk: P.sdkAnswerClient(c.answer), ours: P.oursAnswerClient(c.answer) },
      ]),
    ),
    sdkPager: P.sdkClient(endpoint),
    oursPager: P.oursClient(endpoint),
  };
  return { ok: true, wasmMemory: wasmBytes() };
}

function wasmBytes() {
  // The exports' names are minified (scripts/minify-names.mjs): find the memory by type.
  const memory = Object.values(ctx.wasm ?? {}).find((e) => e instanceof WebAssembly.Memory);
  return memory?.buffer.byteLength ?? null;
}

const send = (c, ours) => () => c.send(ours ? P.oursCmd() : P.cmd());

function rotate(list, k) {
  const i = k % list.length;
  return [...list.slice(i), ...list.slice(0, i)];
}

async function runAll(cases, round, measure) {
  const out = {};
  for (const [name, fn] of rotate(Object.entries(cases), round)) out[name] = await measure(fn);
  return out;
}

/** Interleaved measurement of `cases`, the order rotated by `round`. */
function micro(cases, round, ms) {
  return interleave(Object.fromEntries(rotate(Object.entries(cases), round)), ms);
}

/** Signing: the signers alone, and full send() through stubbed transports with a tiny body. */
export function signRound(round, ms) {
  const hdrs = new Headers({ etag: "x" });
  return micro(
    {
      sdkSigner: ctx.sdkSign,
      oursSigner: async () => ctx.oursSign(),
      ...(ctx.oursSign.readOnly && { oursReadOnly: async () => ctx.oursSign.readOnly(), oursEmpty: async () => ctx.oursSign.empty() }),
      a4fSigner: ctx.a4fSign,
      sdkSendTiny: send(ctx.sdkTiny),
      oursSendTiny: send(ctx.oursTiny, true),
      a4fSendTiny: () => ctx.a4fTiny.describe(),
      fxpShapeTiny: async () => P.a4fShape(P.TINY_BODY, 200, hdrs),
    },
    round,
    ms,
  );
}

/** Parsing: full send() through stubbed transports with the 3-KVS body, and fast-xml-parser shaping alone. */
export function parseRound(round, ms) {
  const hdrs = new Headers({ etag: "x" });
  const text = typeof ctx.body === "string" ? ctx.body : new TextDecoder().decode(ctx.body);
  return micro(
    {
      sdkSendBody: send(ctx.sdkBody),
      oursSendBody: send(ctx.oursBody, true),
      a4fSendBody: () => ctx.a4fBody.describe(),
      fxpShapeBody: async () => P.a4fShape(text, 200, hdrs),
      // the same clients with the tiny body, measured alongside for the "parse cost" difference
      sdkSendTiny: send(ctx.sdkTiny),
      oursSendTiny: send(ctx.oursTiny, true),
      a4fSendTiny: () => ctx.a4fTiny.describe(),
    },
    round,
    ms,
  );
}

/** End to end against the local server: sequential and `width` in flight. */
export async function e2eRound(round, ms, width = 32) {
  const cases = {
    sdk: send(ctx.sdkNet),
    ours: send(ctx.oursNet, true),
    a4f: () => ctx.a4fNet.describe(),
    floor: () => ctx.floorNet.describe(),
    floorHeaders: () => ctx.floorHeadersNet.describe(),
  };
  return {
    seq: await micro(cases, round, ms),
    par: await runAll(cases, round + 1, (fn) => parRate(fn, ms, width)),
  };
}

/**
 * Memory: `calls` more calls of ours, 32 in flight; returns wasm linear memory bytes. `caseName`: a
 * case of bench/ops.mjs (its answer through the stub fetch), else the 3-KVS body.
 */
export async function oursCalls(calls, caseName) {
  const k = caseName && ctx.cases[caseName];
  const c = k ? k.ours : ctx.oursBody;
  const cmd = k ? () => P.oursOpCmd(k.op, k.input()) : P.oursCmd;
  let left = calls;
  await Promise.all(
    Array.from({ length: Math.min(32, calls) }, async () => {
      while (left > 0) {
        left--;
        await c.send(cmd());
      }
    }),
  );
  return { wasmMemory: wasmBytes() };
}

// ---------------------------------------------------------------- the whole API

/** `names`' cases of bench/ops.mjs: SDK and ours interleaved, in batches of ≈ 5 ms (at least one call). */
async function apiRound(names, round, ms) {
  const out = {};
  for (const name of rotate(names, round)) {
    const k = ctx.cases[name];
    const cases = {
      sdk: () => k.sdk.send(P.sdkOpCmd(k.op, k.input())),
      ours: () => k.ours.send(P.oursOpCmd(k.op, k.input())),
    };
    await cases.sdk(); // the first call of a client sets it up
    await cases.ours();
    const t0 = now();
    await cases.sdk();
    const batch = Math.max(1, Math.min(16, Math.round(5 / Math.max(now() - t0, 0.01))));
    out[name] = await interleave(Object.fromEntries(rotate(Object.entries(cases), round)), ms, batch, ctx.smoke ? 1 : 2, ctx.smoke ? 0 : 1);
    out[name].batch = batch;
  }
  return out;
}
/** Every operation's send() with a sample-sized answer. */
export const opsRound = (round, ms) => apiRound(Object.keys(CASES.ops), round, ms);
/** The large answers and requests. */
export const largeRound = (round, ms) => apiRound(Object.keys(CASES.large), round, ms);

/** The paginators walking 1,000 functions, 100 a page, against the local answer server; and the floor's walk. */
export function pagerRound(round, ms) {
  const { total, pageSize } = PAGINATOR;
  const cases = {
    sdk: () => P.sdkWalk(ctx.sdkPager, pageSize),
    ours: () => P.oursWalk(ctx.oursPager, pageSize),
    floor: () => P.floorWalk(ctx.endpoint, total, pageSize),
  };
  return interleave(Object.fromEntries(rotate(Object.entries(cases), round)), ms, 1, ctx.smoke ? 1 : 3, ctx.smoke ? 0 : 1);
}

/** Every whole-API case's output from both clients (comparable, JSON-safe), and both paginators' pages. */
export async function apiOutputs() {
  const out = {};
  for (const [name, k] of Object.entries(ctx.cases)) {
    out[name] = {
      sdk: P.comparable(await k.sdk.send(P.sdkOpCmd(k.op, k.input()))),
      ours: P.comparable(await k.ours.send(P.oursOpCmd(k.op, k.input()))),
    };
  }
  const sdkPages = [];
  const oursPages = [];
  const counts = {
    sdk: await P.sdkWalk(ctx.sdkPager, PAGINATOR.pageSize, sdkPages),
    ours: await P.oursWalk(ctx.oursPager, PAGINATOR.pageSize, oursPages),
    floorBytes: await P.floorWalk(ctx.endpoint, PAGINATOR.total, PAGINATOR.pageSize),
  };
  // Pages compared without $metadata.requestId-like noise: both read the same server, so all of it.
  out.paginator = { counts, sdk: P.comparable(sdkPages), ours: P.comparable(oursPages) };
  return out;
}

/** The outputs of every peer for the same body (stubbed and against the server), for the smoke check. */
export async function outputs() {
  return {
    oursSignature: ctx.oursSign(),
    sdkBody: await ctx.sdkBody.send(P.cmd()),
    oursBody: await ctx.oursBody.send(P.oursCmd()),
    a4fBody: await ctx.a4fBody.describe(),
    sdkTiny: await ctx.sdkTiny.send(P.cmd()),
    oursTiny: await ctx.oursTiny.send(P.oursCmd()),
    sdkNet: await ctx.sdkNet.send(P.cmd()),
    oursNet: await ctx.oursNet.send(P.oursCmd()),
    a4fNet: await ctx.a4fNet.describe(),
    floorNet: await ctx.floorNet.describe(),
    floorHeadersNet: await ctx.floorHeadersNet.describe(),
  };
}
