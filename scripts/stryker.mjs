// Runs StrykerJS through its programmatic API (scripts/mutants.sh calls this; options as in
// stryker.config.mjs, scope from MUTANTS_JS_SCOPE). StrykerJS 10's command line refuses Node
// versions before 22 by a version check alone; the package supports Node 20 (package.json
// "engines"), and Stryker's API, its command runner and its child processes run there as they
// are (measured with Node 20.20). So under Node 20 the check is answered with the version it asks for.
const [major] = process.versions.node.split(".").map(Number);
if (major < 22) Object.defineProperty(process, "version", { value: "v22.0.0" });
const { Stryker } = await import("@stryker-mutator/core");
const { default: config } = await import("../stryker.config.mjs");
await new Stryker(config).runMutationTest();
