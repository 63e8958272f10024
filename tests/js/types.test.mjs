// The package's TypeScript declarations (js/index.d.ts, shipped as dist/index.d.ts): tests/js/types/usage.ts
// uses every command, input, output, paginator and error as SDK code would, and marks what the SDK's
// declarations reject with @ts-expect-error; it is type-checked (never run) by the TypeScript inside Deno,
// a devDependency; tests/js/types/mirror.ts holds every shape equal to the SDK's own declaration of it.
// No `any` may appear in the declarations.
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

/** `deno check` of one file (type-checks only; node_modules resolves the SDK's declarations through package.json). */
async function denoCheck(file) {
  const denoDir = mkdtempSync(path.join(tmpdir(), "cfw-deno-"));
  try {
    const r = await run(DENO, ["check", "--quiet", "--no-lock", path.join(ROOT, file)], {
      cwd: ROOT,
      env: { ...process.env, DENO_DIR: denoDir, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      timeout: 120_000,
    }).catch((e) => e);
    assert.equal(r.code ?? 0, 0, `deno check ${file} failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(denoDir, { recursive: true, force: true });
  }
}
const NO_DENO = !existsSync(DENO) && "deno is not installed (npm ci)";

test("usage.ts type-checks: SDK-style code compiles, what the SDK rejects is rejected", { skip: NO_DENO }, () => denoCheck("tests/js/types/usage.ts"));

test("mirror.ts type-checks: every input, output, shape and page type is the SDK's (assignable both ways)", { skip: NO_DENO }, () => denoCheck("tests/js/types/mirror.ts"));
