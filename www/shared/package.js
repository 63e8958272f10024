// The one place the page imports the package (cloudfront-wasm's dist/, by a relative URL so the
// static folder works from any path). Commands are looked up by operation name, so a build of the
// package that lacks one gives a readable error instead of a page that does not load at all.
import * as cloudfront from "../dist/index.js";

export const { CloudFrontClient } = cloudfront;

/** The read-and-test operations this page uses; it never creates, updates, publishes or deletes. */
export const OPERATIONS = [
  "DescribeConnectionFunction",
  "ListConnectionFunctions",
  "GetConnectionFunction",
  "ListDistributionsByConnectionFunction",
  "TestConnectionFunction",
];

export function command(operation, input) {
  if (!OPERATIONS.includes(operation)) throw new Error(`not an operation this page uses: ${operation}`);
  const Command = cloudfront[`${operation}Command`];
  if (typeof Command !== "function") {
    throw Object.assign(new Error(`This build of cloudfront-wasm has no ${operation}Command. Rebuild the package (npm run build) and reload.`), {
      name: "MissingOperation",
    });
  }
  return new Command(input);
}
