// Test-of-the-tests: run the suites with the SDK standing in for our package
// (CFW_TEST_OURS=tests/js/support/sdk-as-ours.mjs node --test tests/js/). The SDK half of every
// differential test must then pass; tests of our own contract (wire headers, bad input) must fail.
import { sdk } from "./harness.mjs";
export const { DescribeConnectionFunctionCommand, CloudFrontServiceException, AccessDenied, EntityNotFound, UnsupportedOperation, InvalidArgument } = sdk;
export class CloudFrontClient extends sdk.CloudFrontClient {
  constructor({ requestTimeout, fetch: _f, ...cfg } = {}) {
    super(requestTimeout === undefined ? cfg : { ...cfg, requestHandler: { requestTimeout, throwOnRequestTimeout: true } });
  }
  describeConnectionFunction(input, opts) {
    return this.send(new DescribeConnectionFunctionCommand(input), opts);
  }
}
export async function init() {}
