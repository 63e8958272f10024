// Bun: `bun run bun-main.mjs ENDPOINT` next to a node_modules folder holding the installed package.
import * as pkg from "cloudfront-wasm";
import { edgeChecks } from "./checks.mjs";

console.log(JSON.stringify(await edgeChecks(pkg, process.argv[2])));
