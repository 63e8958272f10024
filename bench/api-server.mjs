// The benchmark's API server: answers every GET with the same canned 200 body at once (no
// signature check, so the server is not what is measured), ListConnectionFunctions (POST
// …/connection-functions) with pages of a 1,000-function account (bench/ops.mjs, made once at
// start-up; the Marker read from the request body) and every OPTIONS with CORS.
// Run as a child process (its CPU is not the client's): prints its URL on stdout.
import http from "node:http";
import { readFileSync } from "node:fs";
import { listXml, PAGINATOR } from "./ops.mjs";

const body = readFileSync(new URL("../tests/js/fixtures/f05-three-kvs.xml", import.meta.url));
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers":
    "authorization, x-amz-date, x-amz-security-token, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request, x-amz-content-sha256, content-type",
  "access-control-expose-headers": "ETag, x-amz-request-id, x-amzn-RequestId",
  "access-control-max-age": "7200",
};
const OK = { ...CORS, "content-type": "text/xml", etag: "E2QWRUHEXAMPLE", "content-length": String(body.length) };
// Pages keyed by the Marker that asks for them ("" for the first).
const pages = new Map();
for (let from = 0; from < PAGINATOR.total; from += PAGINATOR.pageSize) {
  pages.set(from ? String(from) : "", Buffer.from(listXml(from, PAGINATOR.pageSize, PAGINATOR.total)));
}

const server = http.createServer((req, res) => {
  if (req.method === "OPTIONS") {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  if (req.method === "POST" && req.url.startsWith("/2020-05-31/connection-functions")) {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const marker = /<Marker>([^<]*)<\/Marker>/.exec(Buffer.concat(chunks).toString())?.[1] ?? "";
      const page = pages.get(marker);
      if (!page) {
        res.writeHead(400, { ...CORS, "content-type": "text/xml" });
        res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>InvalidArgument</Code><Message>bad marker</Message></Error></ErrorResponse>`);
        return;
      }
      res.writeHead(200, { ...CORS, "content-type": "text/xml", "content-length": String(page.length), "x-amzn-requestid": "bench" });
      res.end(page);
    });
    return;
  }
  req.resume();
  res.writeHead(200, OK);
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  console.log(`http://127.0.0.1:${server.address().port}`);
});
process.on("SIGTERM", () => process.exit(0));
process.stdin.on("end", () => process.exit(0)); // dies with its parent
process.stdin.resume();
