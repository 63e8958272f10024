// A Worker bundled without the "workerd" condition (a plain browser bundle): the package's
// default entry fetches the .wasm from a file: URL, which workerd cannot, and must say so.
import * as pkg from "cloudfront-wasm";
import { failingLoadCheck } from "./checks.mjs";

export default {
  async fetch(request) {
    return Response.json(await failingLoadCheck(pkg, new URL(request.url).searchParams.get("endpoint")));
  },
};
