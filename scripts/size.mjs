// Prints the bytes a browser downloads for the package (the .wasm, and index.js with the glue), raw and
// gzipped (-9), and fails when the gzipped total is over the budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// Issue #10's budget for all nine operations (README "Size" has the figure and what makes it).
const BUDGET = 55_000;
// index.js has wasm-bindgen's glue bundled in (scripts/build.sh).
const files = ["index.js", "cloudfront_wasm_bg.wasm"];
let raw = 0;
let gz = 0;
for (const f of files) {
  const bytes = readFileSync(new URL(`../dist/${f}`, import.meta.url));
  const z = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += z;
  console.log(`${f.padEnd(26)} ${String(bytes.length).padStart(8)} B  ${String(z).padStart(7)} B gzip`);
}
console.log(`${"total".padEnd(26)} ${String(raw).padStart(8)} B  ${String(gz).padStart(7)} B gzip (budget ${BUDGET})`);
if (gz > BUDGET) {
  console.error(`over budget by ${gz - BUDGET} bytes`);
  // `npm run size` and `npm test` fail over budget; the build only reports the figure.
  if (!process.argv.includes("--report")) process.exit(1);
}
