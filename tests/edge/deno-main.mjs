// Deno: `deno run --no-prompt --allow-net=127.0.0.1 deno-main.mjs ENDPOINT` next to a node_modules
// folder holding the installed package. No --allow-read: the package must not need it.
// Named imports, as users write them (a bundler drops what they do not reach).
import { CloudFrontClient, DescribeConnectionFunctionCommand, ListConnectionFunctionsCommand, CreateConnectionFunctionCommand, GetConnectionFunctionCommand, EntityNotFound, CloudFrontServiceException, init } from "npm:cloudfront-wasm";
import { edgeChecks } from "./checks.mjs";

const pkg = { CloudFrontClient, DescribeConnectionFunctionCommand, ListConnectionFunctionsCommand, CreateConnectionFunctionCommand, GetConnectionFunctionCommand, EntityNotFound, CloudFrontServiceException, init };

console.log(JSON.stringify(await edgeChecks(pkg, Deno.args[0])));
