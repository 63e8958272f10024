// Where the CPU of one end-to-end call goes, ours against the floor (issue 12): each peer runs
// sequential DescribeConnectionFunction calls against bench/api-server.mjs in its own process,
// profiled (V8's CPU profiler, as `node --cpu-prof`, started after a warm-up) for a fixed time; the self time of every profile node is grouped by
// where it runs, and printed per call next to the floor's.
//   node bench/profile.mjs [--seconds 10] [--segments 5] [--peers ours,floor]
// Profiles are kept in bench/out/profiles/ (open them in Chrome DevTools for a flame graph).
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import path from "node:path";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = path.join(ROOT, "bench/out/profiles");
const args = process.argv.slice(2);
const opt = (f, d) => (args.includes(f) ? args[args.indexOf(f) + 1] : d);
const SECONDS = Number(opt("--seconds", 10));
const PEERS = opt("--peers", "ours,floor").split(",");
// The peers take turns in short processes (order rotated) so that a change in the machine's load
// falls on all of them alike; each peer's segments are summed.
const SEGMENTS = Number(opt("--segments", 5));

// The child: `node bench/profile.mjs --child <peer> <endpoint> <seconds>`
if (args[0] === "--child") {
  const [, peer, endpoint, seconds, outDir] = args;
  (await import("node:fs")).mkdirSync(outDir, { recursive: true });
  process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING ??= "1";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  // Only the peer's own modules are loaded (not bench/peers.mjs, which loads every peer).
  const creds = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
  const input = { Identifier: "fx-3kvs", Stage: "LIVE" };
  const url = `${endpoint}/2020-05-31/connection-function/fx-3kvs/describe?Stage=LIVE`;
  let call;
  if (peer === "ours" || peer === "sdk") {
    const m = await import(peer === "ours" ? "cloudfront-wasm" : "@aws-sdk/client-cloudfront");
    const c = new m.CloudFrontClient({ region: "us-east-1", endpoint, credentials: creds, maxAttempts: 1 });
    call = () => c.send(new m.DescribeConnectionFunctionCommand(input));
  } else {
    call = async () => {
      const res = await fetch(url);
      await res.arrayBuffer();
    };
  }
  for (let i = 0; i < 200; i++) await call(); // warm (modules, JIT, connection): not profiled
  const { Session } = await import("node:inspector");
  const session = new Session();
  session.connect();
  const post = (method, params) => new Promise((ok, fail) => session.post(method, params, (e, r) => (e ? fail(e) : ok(r))));
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 200 });
  await post("Profiler.start");
  const end = performance.now() + Number(seconds) * 1000;
  let n = 0;
  const c0 = process.cpuUsage();
  while (performance.now() < end) {
    for (let i = 0; i < 16; i++) await call();
    n += 16;
  }
  const c1 = process.cpuUsage(c0);
  const { profile } = await post("Profiler.stop");
  const { writeFileSync } = await import("node:fs");
  writeFileSync(path.join(outDir, "run.cpuprofile"), JSON.stringify(profile));
  console.log(JSON.stringify({ calls: n, cpuUs: c1.user + c1.system }));
  process.exit(0);
}

/** Where a profile node runs. */
function group(cf) {
  const url = cf.url || "";
  const fn = cf.functionName || "";
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(idle)") return "idle";
  if (fn === "(program)") return "V8 / native (program)";
  if (fn.startsWith("wasm-function") || url.startsWith("wasm://")) return "wasm (the core)";
  // dist/index.js has wasm-bindgen's glue bundled in: its crossings and string copies count here.
  if (url.endsWith("dist/index.js") || url.endsWith("dist/node.js")) return "js/index.js and the glue (wrapper, retry loop, crossings, string copies)";
  if (url.includes("undici") || url.includes("internal/deps")) return "fetch (undici)";
  if (/^node:internal\/(process\/task_queues|process\/promises|async_hooks)/.test(url)) return "promises, microtasks";
  if (/^node:(internal\/)?(net|stream|streams|http|_http|dns|tls|timers|internal\/stream_base|internal\/streams|buffer|internal\/buffer|internal\/webstreams|internal\/encoding|events|internal\/event_target|internal\/url|url)/.test(url))
    return "Node streams, sockets, buffers, events";
  if (url.includes("@aws-sdk") || url.includes("@smithy")) return "the SDK";
  if (url.includes("bench/")) return "bench harness";
  if (/^(js-to-wasm|wasm-to-js)/.test(fn)) return "crossing stubs (js-to-wasm, wasm-to-js)";
  // A sample lands in the syscall that gave up the CPU while the process waited to run again, so on a
  // loaded machine this group holds waiting as well as work (the socket write wakes the server).
  if (/^(writeLatin1String|writeUtf8String|writev|writeBuffer)$/.test(fn)) return "socket writes (syscalls; + waiting to run)";
  if (fn.startsWith("RegExp:")) return "RegExps (ours: lone surrogates; Node: header checks)";
  if (!url) return "native bindings and builtins (other)";
  return "other JS";
}

function summarize(file) {
  const p = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const groups = new Map();
  for (const [id, t] of dt) {
    const g = group(byId.get(id).callFrame);
    groups.set(g, (groups.get(g) ?? 0) + t);
  }
  return groups;
}

if (!args.includes("--child")) {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const api = spawn(process.execPath, [path.join(ROOT, "bench/api-server.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
  const [line] = await once(api.stdout, "data");
  const endpoint = String(line).trim();
  const results = Object.fromEntries(PEERS.map((p) => [p, { calls: 0, cpuUs: 0, groups: new Map() }]));
  for (let seg = 0; seg < SEGMENTS; seg++) {
    for (let k = 0; k < PEERS.length; k++) {
      const peer = PEERS[(k + seg) % PEERS.length];
      const dir = path.join(OUT, `${peer}-${seg}`);
      const out = execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), "--child", peer, endpoint, String(SECONDS / SEGMENTS), dir],
        { encoding: "utf8", cwd: ROOT },
      );
      const { calls, cpuUs } = JSON.parse(out.trim().split("\n").pop());
      const r = results[peer];
      r.calls += calls;
      r.cpuUs += cpuUs;
      for (const [g, t] of summarize(path.join(dir, readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))))) r.groups.set(g, (r.groups.get(g) ?? 0) + t);
    }
  }
  api.kill("SIGTERM");
  const names = [...new Set(Object.values(results).flatMap((r) => [...r.groups.keys()]))].filter((g) => g !== "idle");
  // Per call: the profile's sampled time (µs) over the measured calls (the warm-up's share is small).
  const perCall = (r, g) => (r.groups.get(g) ?? 0) / r.calls;
  const base = results.floor;
  const rows = names
    .map((g) => [g, ...PEERS.map((p) => perCall(results[p], g)), base && results.ours ? perCall(results.ours, g) - perCall(base, g) : NaN])
    .sort((a, b) => b[PEERS.indexOf("ours") + 1] - a[PEERS.indexOf("ours") + 1]);
  const f = (x) => (Number.isFinite(x) ? x.toFixed(1).padStart(8) : "       –");
  console.log(`sampled µs per call by where it runs (${SECONDS} s per peer, sequential calls, self time):`);
  console.log(`${"".padEnd(48)}${PEERS.map((p) => p.padStart(8)).join("")}  ours − floor`);
  for (const [g, ...v] of rows) console.log(`${g.padEnd(48)}${v.slice(0, PEERS.length).map(f).join("")}  ${f(v[PEERS.length])}`);
  console.log(`${"CPU µs per call (process.cpuUsage)".padEnd(48)}${PEERS.map((p) => f(results[p].cpuUs / results[p].calls)).join("")}`);
  console.log(`calls: ${PEERS.map((p) => `${p} ${results[p].calls}`).join(", ")}; profiles in ${path.relative(ROOT, OUT)}/`);
}
