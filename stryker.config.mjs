// StrykerJS: mutation testing of the JS layer (js/index.js) and the emulator's SigV4 verifier
// (emulator/sigv4.mjs), driving `node --test` through Stryker's command runner.
// Run through scripts/mutants.sh (`npm run mutants`), which picks the scope with MUTANTS_JS_SCOPE:
//   index  js/index.js against the suites that exercise the package's JS layer in Node
//   sigv4  emulator/sigv4.mjs against the verifier's suites
// Every mutant of a scope is switched on in one instrumented copy (a sandbox under target/), so
// each run of the command is one mutant; the command must therefore be quick, which is why the
// scopes run the quick suites of their file only: for js/index.js those with a stub fetch (no
// emulator, no SDK calls); the differential, faults, bad-input, secrets, package, browser and
// page suites, which reach js/index.js too, take minutes a run and are left out.
const SCOPES = {
  index: {
    mutate: ["js/index.js"],
    // dist/ is the package the suites import ("cloudfront-wasm" → dist/node.js → dist/index.js):
    // the instrumented js/index.js replaces the bundled copy there, once, before the runs, next
    // to the glue it imports (kept apart in dist/glue/ by scripts/build.sh).
    buildCommand: "cp js/index.js dist/glue/cloudfront_wasm.js dist/",
    tests: [
      "tests/js/mutants-index.test.mjs",
      "tests/js/mutants-call.test.mjs",
      "tests/js/mutants-loader.test.mjs",
      "tests/js/promises.test.mjs",
      "tests/js/init.test.mjs",
      "tests/js/paginators.test.mjs",
    ],
  },
  sigv4: {
    mutate: ["emulator/sigv4.mjs"],
    // The verifier's rules one by one (the emulator's HTTP suites reach it only through the SDK,
    // which signs correctly, at 40 s a run).
    tests: ["tests/js/mutants-sigv4.test.mjs"],
  },
};

const name = process.env.MUTANTS_JS_SCOPE ?? "index";
const scope = SCOPES[name];
if (!scope) throw new Error(`MUTANTS_JS_SCOPE must be one of ${Object.keys(SCOPES).join(", ")}, not ${name}`);
// MUTANTS_JS_LINES=from-to[,from-to…]: only the mutants on those lines of the scope's file (a
// shard, or a re-run of survivors); the report is then stryker-<scope>-<from>-<to>[_…].json.
const lines = process.env.MUTANTS_JS_LINES;
if (lines !== undefined && !/^\d+-\d+(,\d+-\d+)*$/.test(lines)) throw new Error(`MUTANTS_JS_LINES must be from-to[,from-to…], not ${lines}`);
const report = lines ? `${name}-${lines.replaceAll(",", "_")}` : name;

export default {
  mutate: lines ? scope.mutate.flatMap((f) => lines.split(",").map((range) => `${f}:${range}`)) : scope.mutate,
  testRunner: "command",
  commandRunner: { command: `node --test --test-concurrency=1 ${scope.tests.join(" ")}` },
  buildCommand: scope.buildCommand,
  coverageAnalysis: "off",
  // The sandbox gets only what the suites read; target/ (a gigabyte of Rust builds) stays out.
  ignorePatterns: ["/*", "!/js", "!/dist", "!/emulator", "!/tests", "!/package.json"],
  tempDirName: "target/stryker-tmp",
  // MUTANTS_JS_CONCURRENCY runners (default 1: the machine has two cores, shared).
  concurrency: Number(process.env.MUTANTS_JS_CONCURRENCY ?? 1),
  // A mutant that loops forever (a retry or paginator loop) is stopped this long after the
  // suites' normal time; MUTANTS_JS_TIMEOUT_MS lowers it for quick suites.
  timeoutMS: Number(process.env.MUTANTS_JS_TIMEOUT_MS ?? 30000),
  dryRunTimeoutMinutes: 15,
  reporters: ["clear-text", "progress-append-only", "json"],
  jsonReporter: { fileName: `target/mutants/stryker-${report}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  cleanTempDir: true,
};
