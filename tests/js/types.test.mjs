// The package's TypeScript declarations (js/index.d.ts, shipped as dist/index.d.ts): tests/js/types/usage.ts
// uses every command, input, output, paginator and error as SDK code would, and marks what the SDK's
// declarations reject with @ts-expect-error; it is type-checked (never run) by the TypeScript inside Deno,
// a devDependency. No `any` may appear in the declarations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./support/harness.mjs";

const run = promisify(execFile);
const DENO = path.join(ROOT, "node_modules/.bin/deno");
const DTS = path.join(ROOT, "js/index.d.ts");

test("index.d.ts has no `any`", () => {
  const code = readFileSync(DTS, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  assert.doesNotMatch(code, /\bany\b/);
});

test("usage.ts type-checks: SDK-style code compiles, what the SDK rejects is rejected", { skip: !existsSync(DENO) && "deno is not installed (npm ci)" }, async () => {
  const denoDir = mkdtempSync(path.join(tmpdir(), "cfw-deno-"));
  try {
    const r = await run(DENO, ["check", "--quiet", "--no-lock", "--no-config", path.join(ROOT, "tests/js/types/usage.ts")], {
      cwd: ROOT,
      env: { ...process.env, DENO_DIR: denoDir, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      timeout: 120_000,
    }).catch((e) => e);
    assert.equal(r.code ?? 0, 0, `deno check failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(denoDir, { recursive: true, force: true });
  }
});
