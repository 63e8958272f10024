// Shortens the names a .wasm and its wasm-bindgen glue share. Each import carries a
// 16-hex-digit hash and the closure exports run to 300 characters, in both files: about
// 2 KB of the gzipped download. wasm-opt renames them in the .wasm and prints the mapping;
// the same renaming is applied to the glue here, and the build fails if any name the
// mapping lists is missing from the glue or left behind in it.
// usage: node scripts/minify-names.mjs <wasm-opt> <file.wasm> <glue.js> [more wasm-opt flags...]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const [wasmOpt, wasmPath, gluePath, ...flags] = process.argv.slice(2);
const mapping = JSON.parse(
  execFileSync(wasmOpt, ["--minify-imports-and-exports-and-modules", ...flags, wasmPath, "-o", wasmPath], {
    encoding: "utf8",
  }),
);
const imported = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath)));
const modules = new Set(imported.map((i) => i.module));
const oldModules = new Set(mapping.imports.map(([module]) => module));
if (modules.size !== 1 || oldModules.size !== 1) {
  throw new Error(`expected one import module before and after, got ${[...oldModules]} -> ${[...modules]}`);
}

let glue = readFileSync(gluePath, "utf8");
const token = (name) => `(?<![\\w$])${name.replace(/[$]/g, "\\$")}(?![\\w$])`;
function rename(pattern, replacement, what) {
  const next = glue.replace(new RegExp(pattern, "g"), replacement);
  if (next === glue) throw new Error(`minify-names: ${what} not found in ${gluePath}`);
  glue = next;
}
// The import object: `"./module_bg.js": { name: function..., ... }`.
const [oldModule] = oldModules;
const [newModule] = modules;
rename(`"${oldModule.replace(/[.]/g, "\\.")}"(?=\\s*:)`, JSON.stringify(newModule), `module ${oldModule}`);
for (const [, name, short] of mapping.imports) {
  rename(`${token(name)}(?=\\s*:)`, JSON.stringify(short), `import ${name}`);
}
// The exports, all read as `wasm.name` (unused ones need no renaming).
for (const [name, short] of mapping.exports) {
  const pattern = `(?<![\\w$])wasm\\.${name}(?![\\w$])`;
  if (new RegExp(pattern).test(glue)) rename(pattern, `wasm[${JSON.stringify(short)}]`, `export ${name}`);
}
for (const [, name] of mapping.imports) {
  if (new RegExp(token(name)).test(glue)) throw new Error(`minify-names: ${name} is still used in ${gluePath}`);
}
for (const [name] of mapping.exports) {
  if (name.length > 2 && new RegExp(`["'.]${name}\\b`).test(glue)) {
    throw new Error(`minify-names: export ${name} is still read by ${gluePath}`);
  }
}
writeFileSync(gluePath, glue);
