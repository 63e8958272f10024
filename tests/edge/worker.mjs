// The Worker of the workerd runs (tests/js/edge.test.mjs): `?endpoint=` names the emulator.
// Named imports, as users write them (a bundler drops what they do not reach).
import { CloudFrontClient, DescribeConnectionFunctionCommand, ListConnectionFunctionsCommand, CreateConnectionFunctionCommand, GetConnectionFunctionCommand, EntityNotFound, CloudFrontServiceException, init } from "cloudfront-wasm";
import { edgeChecks } from "./checks.mjs";

const pkg = { CloudFrontClient, DescribeConnectionFunctionCommand, ListConnectionFunctionsCommand, CreateConnectionFunctionCommand, GetConnectionFunctionCommand, EntityNotFound, CloudFrontServiceException, init };

export default {
  async fetch(request) {
    const endpoint = new URL(request.url).searchParams.get("endpoint");
    try {
      return Response.json(await edgeChecks(pkg, endpoint));
    } catch (e) {
      return Response.json({ threw: String(e?.stack ?? e) }, { status: 500 });
    }
  },
};
