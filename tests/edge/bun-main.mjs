// Bun: `bun run bun-main.mjs ENDPOINT` next to a node_modules folder holding the installed package.
// Named imports, as users write them (a bundler drops what they do not reach).
import { CloudFrontClient, DescribeConnectionFunctionCommand, ListConnectionFunctionsCommand, CreateConnectionFunctionCommand, GetConnectionFunctionCommand, EntityNotFound, CloudFrontServiceException, init } from "cloudfront-wasm";
import { edgeChecks } from "./checks.mjs";

const pkg = { CloudFrontClient, DescribeConnectionFunctionCommand, ListConnectionFunctionsCommand, CreateConnectionFunctionCommand, GetConnectionFunctionCommand, EntityNotFound, CloudFrontServiceException, init };

console.log(JSON.stringify(await edgeChecks(pkg, process.argv[2])));
