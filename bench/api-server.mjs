// The benchmark's API server: answers every GET with the same canned 200 body at once (no
// signature check, so the server is not what is measured) and every OPTIONS with CORS.
// Run as a child process (its CPU is not the client's): prints its URL on stdout.
import http from "node:http";
import { readFileSync } from "node:fs";

const body = readFileSync(new URL("../tests/js/fixtures/f05-three-kvs.xml", import.meta.url));
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, OPTIONS",
  "access-control-allow-headers":
    "authorization, x-amz-date, x-amz-security-token, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request, x-amz-content-sha256, content-type",
  "access-control-expose-headers": "ETag, x-amz-request-id",
  "access-control-max-age": "7200",
};
const OK = { ...CORS, "content-type": "text/xml", etag: "E2QWRUHEXAMPLE", "content-length": String(body.length) };

const server = http.createServer((req, res) => {
  if (req.method === "OPTIONS") {
    res.writeHead(204, CORS);
    res.end();
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
