// Deno: `deno run --no-prompt --allow-net=127.0.0.1 deno-main.mjs ENDPOINT` next to a node_modules
// folder holding the installed package. No --allow-read: the package must not need it.
import * as pkg from "npm:cloudfront-wasm";
import { edgeChecks } from "./checks.mjs";

console.log(JSON.stringify(await edgeChecks(pkg, Deno.args[0])));
