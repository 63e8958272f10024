// A Worker bundled without the "workerd" condition (a plain browser bundle, .wasm imports kept as
// modules): the package's default entry fetches the .wasm from next to itself, which workerd
// cannot, and must say so; then the README's way out, init(module), must work.
// Named imports, as users write them (a bundler drops what they do not reach).
import { CloudFrontClient, DescribeConnectionFunctionCommand, ListConnectionFunctionsCommand, EntityNotFound, CloudFrontServiceException, init } from "cloudfront-wasm";
import wasm from "cloudfront-wasm/cloudfront_wasm_bg.wasm";
import { failingLoadCheck } from "./checks.mjs";

const pkg = { CloudFrontClient, DescribeConnectionFunctionCommand, ListConnectionFunctionsCommand, EntityNotFound, CloudFrontServiceException, init };

export default {
  async fetch(request) {
    const endpoint = new URL(request.url).searchParams.get("endpoint");
    const failedLoad = await failingLoadCheck(pkg, endpoint);
    let afterInit;
    try {
      await pkg.init(wasm);
      afterInit = await failingLoadCheck(pkg, endpoint);
    } catch (e) {
      afterInit = { threw: String(e?.stack ?? e) };
    }
    return Response.json({ failedLoad, afterInit });
  },
};
