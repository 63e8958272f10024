// Deno given the default (browser) entry by path, without --allow-read: reading the .wasm is
// refused, and the error must say what failed and what to do.
import * as pkg from "./node_modules/cloudfront-wasm/dist/index.js";
import { failingLoadCheck } from "./checks.mjs";

console.log(JSON.stringify(await failingLoadCheck(pkg, Deno.args[0])));
