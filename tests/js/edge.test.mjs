// Edge runtimes (issue 13): `npm pack`, install the tarball into an empty folder, and run the same
// program (tests/edge/checks.mjs) in workerd (a Wrangler-style bundle, and the package's files
// listed as modules in a workerd config), Deno (an `npm:` import, no --allow-read) and Bun, each
// against the emulator. The runtimes are the pinned devDependencies (their binaries ship inside
// the npm packages); one that cannot be started fails its test with the reason, never a skip.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync, readFileSync, readdirSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, startEmulator, CREDS, sdk } from "./support/harness.mjs";

const EDGE = path.join(ROOT, "tests/edge");
const BIN = (name) => path.join(ROOT, "node_modules/.bin", name);
const DEV = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).devDependencies;
const PROGRAM_TIMEOUT_MS = 60_000;

let emu, tmp, app, workerd, sdkAttempts, sdkList, bundledWasmImports;
const children = new Set();
// Also when the run ends without reaching after() (an uncaught error, an interrupted run).
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/** Runs a program to its end (killed after `timeoutMs`); resolves to its stdout, rejects with its stderr. */
function runProgram(file, args, { cwd, env, timeoutMs = PROGRAM_TIMEOUT_MS }) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      children.delete(child);
      reject(new Error(`cannot start ${file}: ${e.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${path.basename(file)} ${args.join(" ")} ended with ${signal ?? `exit code ${code}`}${signal === "SIGKILL" ? ` (killed after ${timeoutMs} ms)` : ""}\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

/** The runtime's version, or a failure that says it cannot be run here and what it needs. */
async function runtimeVersion(name, args = ["--version"]) {
  const file = BIN(name);
  assert.ok(existsSync(file), `${name} is not installed (${file} is missing): run npm ci; it is the pinned devDependency ${name}@${DEV[name]}`);
  try {
    return (await runProgram(file, args, { cwd: ROOT, timeoutMs: 30_000 })).trim();
  } catch (e) {
    assert.fail(`${name}@${DEV[name]} is installed but cannot be started on this machine: ${e.message}`);
  }
}

const lastJsonLine = (stdout) => JSON.parse(stdout.trim().split("\n").pop());

before(async () => {
  for (const f of ["index.js", "node.js", "workerd.js", "deno.js", "cloudfront_wasm_bg.wasm"]) {
    assert.ok(existsSync(path.join(ROOT, "dist", f)), `dist/${f} is built (npm run build)`);
  }
  emu = await startEmulator();
  tmp = mkdtempSync(path.join(tmpdir(), "cfw-edge-"));
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", tmp], { cwd: ROOT, encoding: "utf8", timeout: 120_000 }));
  const files = packed.files.map((f) => f.path);
  for (const f of ["dist/workerd.js", "dist/deno.js", "dist/index.js", "dist/cloudfront_wasm_bg.wasm"]) {
    assert.ok(files.includes(f), `tarball contains ${f} (has: ${files.join(", ")})`);
  }
  app = path.join(tmp, "app");
  mkdirSync(app);
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", path.join(tmp, packed.filename)], { cwd: app, encoding: "utf8", timeout: 120_000 });
  for (const f of readdirSync(EDGE)) copyFileSync(path.join(EDGE, f), path.join(app, f));

  // The SDK's first page of ListConnectionFunctions, and its attempt count for an always-throttled
  // call: each runtime's run must give the same.
  await emu.reset();
  const list = await new sdk.CloudFrontClient({ region: "us-east-1", endpoint: emu.url, credentials: CREDS }).send(new sdk.ListConnectionFunctionsCommand({}));
  sdkList = {
    status: list.$metadata.httpStatusCode,
    names: list.ConnectionFunctions.map((f) => f.Name),
    nextMarker: list.NextMarker ?? null,
    timestampsAreDates: true,
  };
  assert.ok(sdkList.names.length >= 2, `the emulator lists functions (SDK: ${JSON.stringify(sdkList)})`);
  await emu.fault({ kind: "throttle", count: 10, identifier: "mtls-auth-check" });
  const client = new sdk.CloudFrontClient({ region: "us-east-1", endpoint: emu.url, credentials: CREDS });
  try {
    await client.send(new sdk.DescribeConnectionFunctionCommand({ Identifier: "mtls-auth-check" }));
    assert.fail("the SDK's call was not throttled");
  } catch (e) {
    assert.equal(e.name, "Throttling", String(e));
    sdkAttempts = e.$metadata.attempts;
  }
  await emu.reset();
});

after(async () => {
  for (const child of children) child.kill("SIGKILL");
  emu?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** What each runtime's run of edgeChecks() must return (the SDK's answers and attempt count). */
function assertChecks(result, where) {
  assert.deepStrictEqual(
    result,
    {
      wasmLoadError: { name: "WasmLoadError", isError: true, namesWhat: true, namesWhere: true, pointsToInit: true, pointsToReadme: true },
      describe: {
        name: "mtls-auth-check", stage: "LIVE", etag: "E3UN6WX5RRO2AG", status: 200,
        createdIsDate: true, created: "2024-05-01T11:00:00.123Z", modifiedIsDate: true,
      },
      list: sdkList,
      notFound: { name: "EntityNotFound", isEntityNotFound: true, isServiceException: true, status: 404 },
      largeCode: { status: 201, same: true },
      throttled: { name: "Throttling", isServiceException: true, status: 400, attempts: sdkAttempts, waited: true },
    },
    where,
  );
}

function assertFailingLoad(result, cause, where) {
  assert.equal(typeof result, "object", `${where}: the call resolved (${JSON.stringify(result)})`);
  assert.equal(result.name, "WasmLoadError", `${where}: ${result.message}`);
  assert.equal(result.isError, true);
  assert.equal(result.attempts, 0, "nothing was sent");
  assert.match(result.message, /cannot load cloudfront_wasm_bg\.wasm from /, "says what failed to load");
  assert.match(result.message, cause, "says from where, and why");
  assert.match(result.message, /init\(moduleOrUrl\)/, "points to init()");
  assert.match(result.message, /README: "Workers, Deno, Bun"/, "points to the README");
}

// --- workerd -------------------------------------------------------------------------------------

/** Wrangler's handling of `.wasm` imports: kept as an import of a CompiledWasm module next to the bundle. */
function wasmAsCompiledModule(outdir, seen) {
  return {
    name: "wasm-as-compiled-module",
    setup(build) {
      build.onResolve({ filter: /\.wasm(\?module)?$/ }, async (args) => {
        if (args.pluginData?.wasmAsCompiledModule) return undefined; // our own lookup below
        const { path: file, errors } = await build.resolve(args.path.replace(/\?module$/, ""), {
          kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { wasmAsCompiledModule: true },
        });
        if (errors.length > 0) return { errors };
        seen.push(path.relative(app, file));
        copyFileSync(file, path.join(outdir, path.basename(file)));
        return { path: `./${path.basename(file)}`, external: true };
      });
    },
  };
}

/** Builds the bundles of tests/edge/workerd.capnp, starts workerd once, and resolves to its ports by socket name. */
function startWorkerd() {
  workerd ??= (async () => {
    const version = await runtimeVersion("workerd");
    const date = DEV.workerd.split(".")[1]; // 1.YYYYMMDD.N
    assert.equal(version, `workerd ${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`, "the pinned workerd");
    const esbuild = await import(path.join(ROOT, "node_modules/esbuild/lib/main.js"));
    mkdirSync(path.join(app, "wrangler-bundle"));
    // Wrangler's defaults for a module Worker (no nodejs_compat).
    await esbuild.build({
      entryPoints: [path.join(app, "worker.mjs")], absWorkingDir: app, bundle: true, format: "esm", target: "es2022",
      platform: "browser", conditions: ["workerd", "worker", "browser"], outfile: path.join(app, "wrangler-bundle/worker.js"),
      plugins: [wasmAsCompiledModule(path.join(app, "wrangler-bundle"), (bundledWasmImports = []))], logLevel: "silent",
    });
    // Without a .wasm import (the test 1 checks that) the config still needs the file, so that
    // the other Workers run.
    const wasmInBundle = path.join(app, "wrangler-bundle/cloudfront_wasm_bg.wasm");
    if (!existsSync(wasmInBundle)) copyFileSync(path.join(app, "node_modules/cloudfront-wasm/dist/cloudfront_wasm_bg.wasm"), wasmInBundle);
    mkdirSync(path.join(app, "browser-entry"));
    await esbuild.build({
      entryPoints: [path.join(app, "worker-browser-entry.mjs")], absWorkingDir: app, bundle: true, format: "esm",
      platform: "browser", outfile: path.join(app, "browser-entry/worker.js"), logLevel: "silent",
      plugins: [wasmAsCompiledModule(path.join(app, "browser-entry"), [])],
    });
    const child = spawn(BIN("workerd"), ["serve", "workerd.capnp", "--control-fd=3"], { cwd: app, stdio: ["ignore", "pipe", "pipe", "pipe"] });
    children.add(child);
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    return await new Promise((resolve, reject) => {
      const ports = {};
      let pending = "";
      const timer = setTimeout(() => reject(new Error(`workerd did not listen within 30 s: ${log}`)), 30_000);
      child.on("error", (e) => reject(new Error(`cannot start workerd: ${e.message}`)));
      child.on("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`workerd ended (${signal ?? code}) before listening: ${log}`));
      });
      child.stdio[3].on("data", (d) => {
        pending += d;
        const lines = pending.split("\n");
        pending = lines.pop();
        for (const line of lines) {
          const message = JSON.parse(line);
          if (message.event === "listen") ports[message.socket] = message.port;
        }
        if (Object.keys(ports).length === 3) {
          clearTimeout(timer);
          resolve(ports);
        }
      });
    });
  })();
  return workerd;
}

async function askWorker(socket) {
  const ports = await startWorkerd();
  const r = await fetch(`http://127.0.0.1:${ports[socket]}/?endpoint=${encodeURIComponent(emu.url)}`, {
    signal: AbortSignal.timeout(PROGRAM_TIMEOUT_MS),
  });
  const text = await r.text();
  assert.equal(r.status, 200, `${socket}: ${text}`);
  return JSON.parse(text);
}

test("workerd: a Worker bundled as Wrangler does (esbuild, conditions workerd,worker,browser, the .wasm as a module)", async () => {
  const result = await askWorker("wrangler-bundle");
  assert.deepStrictEqual(bundledWasmImports, ["node_modules/cloudfront-wasm/dist/cloudfront_wasm_bg.wasm"], "the bundle imports the package's .wasm as a module");
  assertChecks(result, "workerd, Wrangler-style bundle");
});

test("workerd: the package's files listed as modules in a workerd config, no bundler", async () => {
  assertChecks(await askWorker("package-modules"), "workerd, package files as modules");
});

test("workerd: a plain browser bundle (no workerd condition) fails with a WasmLoadError, not a bare TypeError; init(module) then works", async () => {
  const { failedLoad, afterInit } = await askWorker("browser-entry");
  assertFailingLoad(failedLoad, /from next to this module \(TypeError: /, "workerd, browser entry");
  assert.deepStrictEqual(afterInit, { resolved: "E3UN6WX5RRO2AG" }, "the README's way out: init(the imported module)");
});

// --- Deno ----------------------------------------------------------------------------------------

const DENO_ENV = () => ({ DENO_DIR: path.join(tmp, "deno-dir"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" });

test("Deno: `npm:cloudfront-wasm` with --allow-net only (no read, env or sys permission)", async () => {
  assert.equal((await runtimeVersion("deno")).split("\n")[0].split(" ").slice(0, 2).join(" "), `deno ${DEV.deno}`, "the pinned Deno");
  const stdout = await runProgram(BIN("deno"), ["run", "--no-prompt", "--allow-net=127.0.0.1", "deno-main.mjs", emu.url], { cwd: app, env: DENO_ENV() });
  assertChecks(lastJsonLine(stdout), "Deno");
});

test("Deno: the default entry without --allow-read fails with a WasmLoadError naming the refused read", async () => {
  await runtimeVersion("deno");
  const stdout = await runProgram(BIN("deno"), ["run", "--no-prompt", "--allow-net=127.0.0.1", "deno-default-entry.mjs", emu.url], { cwd: app, env: DENO_ENV() });
  assertFailingLoad(lastJsonLine(stdout), /node_modules\/cloudfront-wasm\/dist\/cloudfront_wasm_bg\.wasm \(NotCapable: Requires read access/, "Deno, default entry");
});

// --- Bun -----------------------------------------------------------------------------------------

test("Bun: `import ... from \"cloudfront-wasm\"` with bun run", async () => {
  assert.equal(await runtimeVersion("bun"), DEV.bun, "the pinned Bun");
  const stdout = await runProgram(BIN("bun"), ["run", "--no-install", "bun-main.mjs", emu.url], { cwd: app });
  assertChecks(lastJsonLine(stdout), "Bun");
});
