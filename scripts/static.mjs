// The inspection page as a self-contained static folder (git-ignored), and jsdiff vendored for it.
//
//   node scripts/static.mjs                 www/vendor/jsdiff.js, then site/ (page + package + jsdiff)
//   node scripts/static.mjs --vendor-only   only www/vendor/jsdiff.js (what npm start's page needs)
//   node scripts/static.mjs --out DIR       the folder somewhere else
//
// site/ holds www/ as it is (every URL in the page is relative), dist/'s browser files under
// site/dist/ and jsdiff under site/vendor/, so `python3 -m http.server` in it (or any static
// server) serves a working inspector for any CORS-enabled endpoint. What only npm start has (the
// emulator, demo credentials, the proxy) the page offers only when /__server/info says so; here
// that is a file saying {"mode":"static"}.
import { build } from "esbuild";
import { cp, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The package files a browser loads (index.js, with wasm-bindgen's glue bundled in, fetches the .wasm). */
export const PACKAGE_FILES = ["index.js", "cloudfront_wasm_bg.wasm"];

/** Bundles jsdiff's diffLines into one ES module with jsdiff's licence on top. */
export async function vendorJsdiff(outFile = join(ROOT, "www/vendor/jsdiff.js")) {
  const require = createRequire(join(ROOT, "package.json"));
  const pkgDir = dirname(require.resolve("diff/package.json"));
  const { version } = JSON.parse(await readFile(join(pkgDir, "package.json"), "utf8"));
  const licence = (await readFile(join(pkgDir, "LICENSE"), "utf8")).trim();
  const out = await build({
    stdin: { contents: 'export { diffLines } from "diff";', resolveDir: ROOT, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const banner = `/* jsdiff ${version} (npm "diff"): diffLines only, bundled by scripts/static.mjs.\n${licence}\n*/\n`;
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, banner + out.outputFiles[0].text);
  return outFile;
}

/** Writes the static folder; throws when dist/ has not been built. */
export async function buildStatic({ outDir = join(ROOT, "site"), wwwDir = join(ROOT, "www"), distDir = join(ROOT, "dist") } = {}) {
  for (const f of PACKAGE_FILES) {
    try {
      await stat(join(distDir, f));
    } catch {
      throw new Error(`${join(distDir, f)} is missing: run \`npm run build\` first`);
    }
  }
  await vendorJsdiff(join(wwwDir, "vendor/jsdiff.js"));
  await rm(outDir, { recursive: true, force: true });
  await cp(wwwDir, outDir, { recursive: true });
  await mkdir(join(outDir, "dist"), { recursive: true });
  for (const f of PACKAGE_FILES) await cp(join(distDir, f), join(outDir, "dist", f));
  // What npm start answers at /__server/info, answered by a file here: this folder has no
  // emulator, proxy or demo credentials (and the page's probe gets no 404 in the console).
  await mkdir(join(outDir, "__server"), { recursive: true });
  await writeFile(join(outDir, "__server/info"), `${JSON.stringify({ mode: "static" })}\n`);
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  try {
    if (args.includes("--vendor-only")) {
      console.log(`[static] ${await vendorJsdiff()}`);
    } else {
      const outDir = await buildStatic(outIndex >= 0 ? { outDir: resolve(args[outIndex + 1]) } : {});
      console.log(`[static] ${outDir}: serve it with any static server, e.g. (cd ${outDir} && python3 -m http.server)`);
    }
  } catch (e) {
    console.error(`[static] ${e.message}`);
    process.exit(1);
  }
}
