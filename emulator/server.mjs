// The `npm start` server: one process on 127.0.0.1 serving
//   /                     the inspection page (www/)
//   /dist/...             the built package (dist/)
//   /2020-05-31/...       the CloudFront API: the built-in emulator, or, with an upstream
//                         configured (--upstream / CLOUDFRONT_UPSTREAM), forwarded to it
//   /proxy/2020-05-31/... always forwarded to the upstream (the configured one, or real
//                         CloudFront, https://cloudfront.amazonaws.com, when none is set),
//                         so the page can use "real AWS through this server" while the
//                         emulator keeps serving /2020-05-31/
//   /__emulator/...       the emulator's admin API (see DEVELOPING.md)
//   /__server/info        JSON the page reads: { mode, upstream, demo: { credentials, functions, connectionObject } }
//
// Proxy design. SigV4 signs the Host header and the path, so a request can only be
// forwarded unchanged if it was signed for the upstream's host and the upstream's path.
// The page therefore builds its client with `endpoint` = the upstream URL (it signs for
// that host; the proxy never sees a secret key) and gives the client a `fetch` wrapper
// that sends the signed request to `<this server>/proxy<path>?<query>` instead. The
// proxy strips the `/proxy` prefix, sets Host to the upstream's host and forwards the
// method, path, query, body and the (signed) headers unchanged, then adds CORS headers
// (Access-Control-Expose-Headers: ETag, Location, x-amzn-RequestId, Date) to the answer.
// A request to /2020-05-31/... in upstream mode is forwarded the same way (for clients
// that signed for the upstream's host, e.g. via an HTTP-proxy-style fetch).
import { createServer, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { readFileSync } from "node:fs";
import { stat, readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, extname, join, resolve, sep } from "node:path";
import { randomUUID } from "node:crypto";
import { CORS_HEADERS, Emulator, errorXml, loadSeed, send } from "./emulator.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
export const DEFAULT_UPSTREAM = "https://cloudfront.amazonaws.com";
const MAX_BODY = 1024 * 1024; // API and proxy requests
const MAX_ADMIN_BODY = 32 * 1024 * 1024; // canned answers may be large (oversized-answer tests)
const UPSTREAM_TIMEOUT_MS = 30000;

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src *; style-src 'self'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const PREFLIGHT_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
  "Access-Control-Allow-Headers":
    "authorization, x-amz-date, x-amz-security-token, x-amz-content-sha256, x-amz-user-agent, " +
    "amz-sdk-invocation-id, amz-sdk-request, content-type, if-match, x-emulator-fault",
  "Access-Control-Expose-Headers": "ETag, Location, x-amzn-RequestId, Date",
  "Access-Control-Max-Age": "600",
};

// Request headers never forwarded upstream (hop-by-hop, browser context, our own routing).
const DROP_REQUEST_HEADERS = new Set([
  "host", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer",
  "origin", "referer", "cookie", "accept-encoding", "x-emulator-fault", "forwarded", "x-forwarded-for",
  "x-forwarded-host", "x-forwarded-proto", "priority",
]);
// Response headers never passed back (hop-by-hop, and CORS headers we set ourselves).
const DROP_RESPONSE_HEADERS = new Set([
  "connection", "keep-alive", "transfer-encoding", "upgrade", "trailer", "proxy-authenticate",
  "access-control-allow-origin", "access-control-expose-headers", "access-control-allow-credentials",
  "access-control-allow-methods", "access-control-allow-headers", "set-cookie",
]);

function readBody(req, limit = MAX_BODY) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > limit) {
        reject(Object.assign(new Error("body too large"), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolveBody(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function textAnswer(res, status, text, extra = {}) {
  send(res, status, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", ...extra }, text);
}

/** Resolves `rel` (already percent-decoded, '/'-separated) inside `root`, or null if it would escape. */
function safeJoin(root, rel) {
  if (rel.includes("\0") || rel.includes("\\")) return null;
  const segs = rel.split("/");
  if (segs.length > 64) return null;
  for (const s of segs) {
    if (s === ".." || s === "." || s.startsWith(".")) return null;
  }
  const full = resolve(root, ...segs.filter((s) => s !== ""));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

async function serveFile(req, res, file, { html = false, missing } = {}) {
  let info;
  try {
    info = await stat(file);
  } catch {
    info = null;
  }
  if (!info || !info.isFile()) {
    textAnswer(res, 404, missing ?? "Not found\n");
    return;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  const headers = {
    "Content-Type": type,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
    "Referrer-Policy": "no-referrer",
  };
  if (html) {
    headers["Content-Security-Policy"] = CSP;
    headers["X-Frame-Options"] = "DENY";
    headers["Cache-Control"] = "no-store";
  }
  const body = await readFile(file);
  if (req.method === "HEAD") {
    res.writeHead(200, { ...headers, "Content-Length": String(body.length) });
    res.end();
    return;
  }
  send(res, 200, headers, body);
}

function forward(req, res, { upstream, path, body }) {
  const target = new URL(upstream);
  const headers = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const lower = name.toLowerCase();
    if (DROP_REQUEST_HEADERS.has(lower) || lower.startsWith("sec-") || lower.startsWith("proxy-")) continue;
    headers[name] = headers[name] === undefined ? req.rawHeaders[i + 1] : `${headers[name]}, ${req.rawHeaders[i + 1]}`;
  }
  headers.Host = target.host; // host[:port], as the client signed it
  const basePath = target.pathname.replace(/\/$/, "");
  const doRequest = target.protocol === "https:" ? httpsRequest : httpRequest;
  const upReq = doRequest({
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port || undefined,
    method: req.method,
    path: basePath + path,
    headers,
    timeout: UPSTREAM_TIMEOUT_MS,
  });
  const fail = (status, code, message) => {
    const id = randomUUID();
    send(
      res,
      status,
      { ...CORS_HEADERS, "x-amzn-RequestId": id, Date: new Date().toUTCString(), "Content-Type": "text/xml" },
      errorXml("Receiver", code, message, id),
    );
  };
  upReq.on("timeout", () => upReq.destroy(Object.assign(new Error("upstream timed out"), { code: "ETIMEDOUT" })));
  upReq.on("error", (e) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (e.code === "ETIMEDOUT") fail(504, "GatewayTimeout", `The upstream ${target.origin} did not answer in time.`);
    else fail(502, "BadGateway", `The upstream ${target.origin} could not be reached (${e.code ?? e.message}).`);
  });
  upReq.on("response", (upRes) => {
    const out = {};
    for (let i = 0; i + 1 < upRes.rawHeaders.length; i += 2) {
      const name = upRes.rawHeaders[i];
      if (DROP_RESPONSE_HEADERS.has(name.toLowerCase())) continue;
      out[name] = out[name] === undefined ? upRes.rawHeaders[i + 1] : `${out[name]}, ${upRes.rawHeaders[i + 1]}`;
    }
    Object.assign(out, CORS_HEADERS);
    if (res.destroyed) {
      upRes.destroy();
      return;
    }
    res.writeHead(upRes.statusCode ?? 502, out);
    upRes.pipe(res);
    upRes.on("error", () => res.destroy());
    upRes.on("aborted", () => res.destroy());
  });
  // The client went away: abandon the upstream call too.
  res.on("close", () => {
    if (!res.writableFinished) upReq.destroy();
  });
  upReq.end(body.length > 0 ? body : undefined);
}

/**
 * Starts the server. Resolves to { url, port, close(), emulator }.
 * @param {{port?: number, host?: string, upstream?: string, quiet?: boolean, seed?: object,
 *          wwwDir?: string, distDir?: string, sandbox?: import("./sandbox.mjs").Sandbox}} opts
 */
export async function startServer(opts = {}) {
  const host = opts.host ?? "127.0.0.1";
  const upstream = opts.upstream ? new URL(opts.upstream).href.replace(/\/$/, "") : undefined;
  const proxyTarget = upstream ?? DEFAULT_UPSTREAM;
  const wwwDir = resolve(opts.wwwDir ?? join(ROOT, "www"));
  const distDir = resolve(opts.distDir ?? join(ROOT, "dist"));
  const seed = opts.seed ?? loadSeed();
  const emulator = new Emulator(seed, { sandbox: opts.sandbox });
  const sockets = new Set();

  const info = {
    mode: upstream ? "proxy" : "emulator",
    upstream: proxyTarget,
    demo: {
      credentials: seed.accounts.map((a) => ({ ...a })),
      functions: emulator.functions.map((f) => f.name),
      // The documented sample for TestConnectionFunction's ConnectionObject (DEVELOPING.md), as text.
      connectionObject: readFileSync(join(HERE, "sample-connection.json"), "utf8"),
    },
  };

  const server = createServer(async (req, res) => {
    try {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const rawPath = q < 0 ? url : url.slice(0, q);
      const rawQuery = q < 0 ? "" : url.slice(q + 1);
      const isApi = rawPath.startsWith("/2020-05-31/");
      const isProxy = rawPath.startsWith("/proxy/");
      const isAdmin = rawPath.startsWith("/__emulator/") || rawPath === "/__server/info";

      if (req.method === "OPTIONS") {
        send(res, 204, PREFLIGHT_HEADERS, "");
        return;
      }
      if (isApi || isProxy || isAdmin) {
        let body;
        try {
          body = await readBody(req, isAdmin ? MAX_ADMIN_BODY : MAX_BODY);
        } catch (e) {
          textAnswer(res, e.status ?? 400, "Bad request body\n", CORS_HEADERS);
          return;
        }
        if (isProxy) {
          forward(req, res, { upstream: proxyTarget, path: url.slice("/proxy".length), body });
        } else if (isApi && upstream) {
          forward(req, res, { upstream, path: url, body });
        } else if (isApi) {
          await emulator.handleApi(req, res, { rawPath, rawQuery, body });
        } else if (rawPath === "/__server/info") {
          send(res, 200, { ...CORS_HEADERS, "Content-Type": "application/json", "Cache-Control": "no-store" }, JSON.stringify(info));
        } else {
          await emulator.handleAdmin(req, res, rawPath, body);
        }
        return;
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        textAnswer(res, 405, "Method not allowed\n", { Allow: "GET, HEAD, OPTIONS" });
        return;
      }
      let decoded;
      try {
        decoded = decodeURIComponent(rawPath);
      } catch {
        textAnswer(res, 400, "Bad path\n");
        return;
      }
      if (decoded === "/" || decoded === "/index.html") {
        await serveFile(req, res, join(wwwDir, "index.html"), { html: true });
      } else if (decoded.startsWith("/dist/")) {
        const file = safeJoin(distDir, decoded.slice("/dist/".length));
        if (!file) {
          textAnswer(res, 404, "Not found\n");
          return;
        }
        let distExists = true;
        try {
          await stat(distDir);
        } catch {
          distExists = false;
        }
        await serveFile(req, res, file, {
          missing: distExists
            ? "Not found in dist/\n"
            : "dist/ does not exist yet: run `npm run build` (or `npm start`, which builds what it needs).\n",
        });
      } else {
        const file = safeJoin(wwwDir, decoded.slice(1));
        if (!file) {
          textAnswer(res, 404, "Not found\n");
          return;
        }
        await serveFile(req, res, file, { html: file.endsWith(".html") });
      }
    } catch (e) {
      if (!res.headersSent) textAnswer(res, 500, `Internal error: ${e.message}\n`);
      else res.destroy();
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.keepAliveTimeout = 5000;

  await new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 8080, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const port = server.address().port;
  const url = `http://${host}:${port}`;
  if (!opts.quiet) {
    const [main, temp] = seed.accounts;
    console.log(`cloudfront-wasm inspection page: ${url}/`);
    console.log(
      upstream
        ? `API requests to ${url}/2020-05-31/ and ${url}/proxy/ are forwarded to ${upstream}`
        : `CloudFront emulator: ${url}/2020-05-31/ (real AWS through this server: ${url}/proxy/ → ${proxyTarget})`,
    );
    console.log(
      `Demo credentials${upstream ? " (built-in emulator only)" : ""}: access key ${main.accessKeyId}  secret ${main.secretAccessKey}`,
    );
    if (temp) {
      console.log(`Session credentials: ${temp.accessKeyId} / ${temp.secretAccessKey}  token ${temp.sessionToken}`);
    }
    console.log(`Seeded functions: ${info.demo.functions.join(", ")}`);
  }
  let closed = false;
  return {
    url,
    port,
    emulator,
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      emulator.close();
      return new Promise((resolveClose) => {
        server.close(() => resolveClose());
        for (const s of sockets) s.destroy();
        server.closeAllConnections?.();
      });
    },
  };
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--port") out.port = Number(value());
    else if (flag === "--upstream") out.upstream = value();
    else if (flag === "--help" || flag === "-h") out.help = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if (args.help) {
    console.log("usage: node emulator/server.mjs [--port 8080] [--upstream https://cloudfront.amazonaws.com]");
    console.log("env: PORT, CLOUDFRONT_UPSTREAM");
    process.exit(0);
  }
  const port = args.port ?? (process.env.PORT !== undefined ? Number(process.env.PORT) : 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid port: ${port}`);
    process.exit(2);
  }
  const upstream = args.upstream ?? (process.env.CLOUDFRONT_UPSTREAM || undefined);
  startServer({ port, upstream }).then(
    (srv) => {
      const stop = () => srv.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
    (e) => {
      console.error(`could not start the server: ${e.message}`);
      process.exit(1);
    },
  );
}
