// Prints the figures of the last mutation runs (scripts/mutants.sh): per tool and scope, mutants,
// killed, survived, timed out, unviable, and the survivors by name (file:line and the change).
// "Viable" = every mutant that built and ran; the score is killed / viable, and (killed + timed
// out) / viable beside it (both tools count a timeout as detected: an endless loop is caught).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? "target/mutants";
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : "n/a");
const line = (scope, c) => {
  const viable = c.killed + c.survived + c.timeout;
  return `${scope}: ${c.total} mutants, ${c.killed} killed, ${c.survived} survived, ${c.timeout} timed out, ${c.unviable} unviable; killed ${pct(c.killed, viable)} of ${viable} viable (${pct(c.killed + c.timeout, viable)} with timeouts)`;
};
let printed = 0;

// cargo-mutants: <dir>/rust*/mutants.out/{outcomes.json, missed.txt, timeout.txt} (one folder per run:
// `scripts/mutants.sh rust` writes rust/; runs of a part of src/ may be kept as rust-<part>/).
const readList = (f) => (existsSync(f) ? readFileSync(f, "utf8").trim().split("\n").filter(Boolean) : []);
for (const run of existsSync(dir) ? readdirSync(dir).filter((d) => /^rust/.test(d)).sort() : []) {
  const out = path.join(dir, run, "mutants.out");
  if (!existsSync(path.join(out, "outcomes.json"))) continue;
  const o = JSON.parse(readFileSync(path.join(out, "outcomes.json"), "utf8"));
  const files = [...new Set(readList(path.join(out, "caught.txt")).concat(readList(path.join(out, "missed.txt")), readList(path.join(out, "timeout.txt")), readList(path.join(out, "unviable.txt"))).map((m) => m.split(":")[0]))].sort();
  const c = { total: o.total_mutants, killed: o.caught, survived: o.missed, timeout: o.timeout, unviable: o.unviable };
  const found = existsSync(path.join(out, "mutants.json")) ? JSON.parse(readFileSync(path.join(out, "mutants.json"), "utf8")).length : c.total;
  console.log(line(`cargo-mutants ${run} (${files.join(", ")}${c.total < found ? `; ${c.total} of the ${found} mutants run so far` : ""})`, c));
  for (const m of readList(path.join(out, "missed.txt"))) console.log(`  survived: ${m}`);
  for (const m of readList(path.join(out, "timeout.txt"))) console.log(`  timed out: ${m}`);
  printed++;
}

// StrykerJS: <dir>/stryker-<scope>.json (mutation-testing-report-schema)
for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => /^stryker-.*\.json$/.test(f)).sort() : []) {
  const report = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  for (const [name, f] of Object.entries(report.files)) {
    const c = { total: 0, killed: 0, survived: 0, timeout: 0, unviable: 0 };
    const survivors = [];
    for (const m of f.mutants) {
      c.total++;
      if (m.status === "Killed") c.killed++;
      else if (m.status === "Timeout") c.timeout++;
      else if (m.status === "Survived" || m.status === "NoCoverage") {
        c.survived++;
        const at = m.location.start;
        const original = f.source.split("\n")[at.line - 1]?.trim() ?? "";
        survivors.push(`${name}:${at.line}:${at.column} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? "")} (line: ${original.slice(0, 100)})`);
      } else if (m.status === "CompileError" || m.status === "RuntimeError") c.unviable++;
      else c.total--; // Ignored / Pending: not part of the run
    }
    console.log(line(`StrykerJS ${name} (${file})`, c));
    for (const s of survivors) console.log(`  survived: ${s}`);
    printed++;
  }
}
if (!printed) console.log(`no mutation results under ${dir} yet: run npm run mutants`);
