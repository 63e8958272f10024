// Test-of-the-tests: run the suites with the SDK standing in for our package
// (CFW_TEST_OURS=tests/js/support/sdk-as-ours.mjs node --test tests/js/). The SDK half of every
// differential test must then pass; tests of our own contract (wire headers, bad input) must fail.
import { sdk, OPERATIONS, MODELED_ERRORS } from "./harness.mjs";

export class CloudFrontClient extends sdk.CloudFrontClient {
  constructor({ requestTimeout, fetch: _f, ...cfg } = {}) {
    super(requestTimeout === undefined ? cfg : { ...cfg, requestHandler: { requestTimeout, throwOnRequestTimeout: true } });
  }
}
for (const op of OPERATIONS) {
  CloudFrontClient.prototype[op[0].toLowerCase() + op.slice(1)] = function (input, opts) {
    return this.send(new sdk[op + "Command"](input), opts);
  };
}
const names = [...OPERATIONS.map((op) => op + "Command"), ...MODELED_ERRORS, "CloudFrontServiceException", "paginateListConnectionFunctions", "paginateListDistributionsByConnectionFunction"];
const exported = Object.fromEntries(names.map((n) => [n, sdk[n]]));
export const {
  CreateConnectionFunctionCommand, DescribeConnectionFunctionCommand, GetConnectionFunctionCommand, ListConnectionFunctionsCommand,
  ListDistributionsByConnectionFunctionCommand, UpdateConnectionFunctionCommand, PublishConnectionFunctionCommand,
  TestConnectionFunctionCommand, DeleteConnectionFunctionCommand, CloudFrontServiceException, AccessDenied, EntityNotFound,
  UnsupportedOperation, InvalidArgument, EntityAlreadyExists, EntityLimitExceeded, EntitySizeLimitExceeded, InvalidTagging,
  PreconditionFailed, InvalidIfMatchVersion, CannotDeleteEntityWhileInUse, TestFunctionFailed,
  paginateListConnectionFunctions, paginateListDistributionsByConnectionFunction,
} = exported;
export async function init() {}
