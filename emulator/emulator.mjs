// The CloudFront connection-function emulator: routing, the request log, fault injection,
// canned answers, the emulator clock and the admin API (/__emulator/...). The state and the
// nine operations live in operations.mjs, the XML in wire.mjs, the sandbox that runs
// TestConnectionFunction in sandbox.mjs. The HTTP plumbing (static files, proxy) is server.mjs.
//
// Order of processing for an API request:
//   1. route (operation + decoded Identifier/Id) and record it (stats, log), even if rejected later
//   2. faults (admin-queued, the x-emulator-fault request header, or a seed fault flag):
//      they model failures in front of the service, so they fire before authentication
//   3. SigV4 verification (emulator/sigv4.mjs, @smithy/signature-v4)
//   4. canned answers (only for correctly signed requests)
//   5. the operation itself
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { AuthError, headerMap, verifyRequest } from "./sigv4.mjs";
import { ApiError, ConnectionFunctionStore } from "./operations.mjs";
import { Sandbox } from "./sandbox.mjs";
import { API_VERSION, XMLNS, errorXml, summaryXml, xmlEscape } from "./wire.mjs";

export { API_VERSION, XMLNS, errorXml, summaryXml, xmlEscape };
const FAULT_KINDS = new Set(["throttle", "html503", "empty500", "slow", "reset", "truncate", "malformed"]);
const MAX_FAULT_QUEUE = 1000;
const MAX_RECORDED = 10000;
const MAX_LOGGED = 200; // the request log keeps the last 200 API requests
const MAX_LOGGED_BODY = 256 * 1024; // bytes of a body kept in the log (this API's largest request is ~56 KiB)
const MAX_DELAY_MS = 120000;

/** What `stats.last` and `stats.log` hold in place of a secret (a signature, a session token). */
export const REDACTED = "<redacted>";

/**
 * A request's headers as the stats record them: `x-amz-security-token`'s value and the
 * `Signature=` of `authorization` replaced by REDACTED (the header stays, and so do the
 * credential scope and SignedHeaders, so a test can still see what was sent and signed).
 */
export function redactSecrets(headers) {
  const out = { ...headers };
  if (typeof out.authorization === "string") out.authorization = out.authorization.replace(/Signature=[^,\s]*/gi, `Signature=${REDACTED}`);
  if (out["x-amz-security-token"] !== undefined) out["x-amz-security-token"] = REDACTED;
  return out;
}

/** The nine operations: SDK name → [method, path pattern] (`{}` is the Identifier/Id label). */
export const OPERATIONS = {
  CreateConnectionFunction: ["POST", "connection-function"],
  ListConnectionFunctions: ["POST", "connection-functions"],
  ListDistributionsByConnectionFunction: ["GET", "distributionsByConnectionFunction"],
  GetConnectionFunction: ["GET", "connection-function/{}"],
  UpdateConnectionFunction: ["PUT", "connection-function/{}"],
  DeleteConnectionFunction: ["DELETE", "connection-function/{}"],
  DescribeConnectionFunction: ["GET", "connection-function/{}/describe"],
  PublishConnectionFunction: ["POST", "connection-function/{}/publish"],
  TestConnectionFunction: ["POST", "connection-function/{}/test"],
};

/**
 * Routes a raw path (under /2020-05-31/) and method to an operation.
 * Returns { op, label } (op null when nothing matches; `wrongMethod` when only the method does not).
 */
export function route(method, rawPath) {
  const segs = rawPath.split("/");
  if (segs[0] !== "" || segs[1] !== API_VERSION) return { op: null };
  const rest = segs.slice(2);
  let wrongMethod = false;
  for (const [op, [m, pattern]] of Object.entries(OPERATIONS)) {
    const parts = pattern.split("/");
    if (parts.length !== rest.length) continue;
    let label;
    if (!parts.every((p, i) => (p === "{}" ? ((label = rest[i]), true) : p === rest[i]))) continue;
    if (m !== method) {
      wrongMethod = true;
      continue;
    }
    return { op, label };
  }
  return { op: null, wrongMethod };
}

function decodeLabel(label) {
  if (label === undefined) return undefined;
  try {
    return decodeURIComponent(label);
  } catch {
    return label;
  }
}

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Location, x-amzn-RequestId, Date",
};

export function loadSeed(path = new URL("./seed.json", import.meta.url)) {
  return JSON.parse(readFileSync(path, "utf8"));
}

export class Emulator {
  constructor(seed = loadSeed(), { sandbox } = {}) {
    this.seed = seed;
    this.accounts = seed.accounts;
    this.sandbox = sandbox ?? new Sandbox();
    this.store = new ConnectionFunctionStore(seed, { now: () => this.now(), sandbox: this.sandbox });
    this.timers = new Set();
    this.reset();
  }

  /** Restores the seed state and clears counters, the request log, faults, canned answers and the clock offset. */
  reset() {
    this.stats = { requests: 0, identifiers: [], last: null, log: [] };
    this.faults = []; // FIFO of { kind, count, identifier?, operation?, delayMs? }
    this.canned = []; // FIFO of { status, headers, body, count }
    this.clockOffsetMs = 0;
    this.seedCounters = new Map(); // function id → API requests seen (for seed fault patterns)
    this.store.reset();
  }

  /** The connection functions as they are now (server.mjs lists their names at start-up). */
  get functions() {
    return this.store.functions;
  }

  now() {
    return Date.now() + this.clockOffsetMs;
  }

  findFunction(identifier) {
    return this.store.find(identifier);
  }

  /** Bounded setTimeout whose timers are cleared by close(). */
  delay(ms) {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, Math.min(Math.max(0, ms), MAX_DELAY_MS));
      this.timers.add(t);
    });
  }

  close() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.sandbox.close();
  }

  baseHeaders(requestId) {
    return {
      ...CORS_HEADERS,
      "x-amzn-RequestId": requestId,
      Date: new Date(this.now()).toUTCString(),
    };
  }

  sendError(res, status, type, code, message, requestId) {
    const body = errorXml(type, code, message, requestId);
    send(res, status, { ...this.baseHeaders(requestId), "Content-Type": "text/xml" }, body);
  }

  /** Takes the fault (if any) for this request: admin queue first, then the request header, then the seed. */
  takeFault(operation, identifier, headers) {
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i];
      if (f.identifier !== undefined && f.identifier !== identifier) continue;
      if (f.operation !== undefined && f.operation !== operation) continue;
      f.count -= 1;
      if (f.count <= 0) this.faults.splice(i, 1);
      return f;
    }
    const hdr = headers.get("x-emulator-fault");
    if (hdr) {
      const [kind, delay] = hdr.split(";").map((s) => s.trim());
      if (FAULT_KINDS.has(kind)) return { kind, delayMs: Number(delay) || 2000 };
    }
    const fn = identifier === undefined ? undefined : this.findFunction(identifier);
    if (fn?.fault && Array.isArray(fn.fault.pattern) && fn.fault.pattern.length > 0) {
      const n = this.seedCounters.get(fn.id) ?? 0;
      this.seedCounters.set(fn.id, n + 1);
      if (fn.fault.pattern[n % fn.fault.pattern.length]) return { kind: fn.fault.kind, delayMs: fn.fault.delayMs ?? 2000 };
    }
    return undefined;
  }

  /** Applies a fault. Returns true when the answer was produced (or the socket destroyed). */
  async applyFault(fault, req, res, requestId, answer) {
    switch (fault.kind) {
      case "throttle":
        this.sendError(res, 400, "Sender", "Throttling", "Rate exceeded", requestId);
        return true;
      case "html503":
        send(
          res,
          503,
          { ...this.baseHeaders(requestId), "Content-Type": "text/html" },
          "<html><head><title>503 Service Unavailable</title></head><body><h1>503 Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>",
        );
        return true;
      case "empty500":
        send(res, 500, { ...this.baseHeaders(requestId) }, "");
        return true;
      case "slow":
        await this.delay(fault.delayMs ?? 2000);
        return false; // then answer normally (if the client is still there)
      case "reset":
        req.socket.destroy();
        return true;
      case "truncate": {
        // A normal answer whose body is cut mid-XML: full Content-Length announced, then the socket closes.
        const full = await answer();
        if (res.destroyed || res.writableEnded) return true; // the client left while the answer was made
        const buf = Buffer.from(full.body, "utf8");
        res.writeHead(full.status, { ...full.headers, "Content-Length": String(buf.length) });
        res.write(buf.subarray(0, Math.floor(buf.length / 2)), () => res.socket?.destroy());
        return true;
      }
      case "malformed":
        send(
          res,
          200,
          { ...this.baseHeaders(requestId), "Content-Type": "text/xml", ETag: "EMALFORMED0001" },
          `<?xml version="1.0" encoding="UTF-8"?>\n<ConnectionFunctionSummary xmlns="${XMLNS}"><Name>broken</Name><Id>broken<ConnectionFunctionConfig><Comment>unterminated`,
        );
        return true;
      default:
        return false;
    }
  }

  /**
   * Records an API request in the stats and the request log (before anything can reject it).
   * Secrets are never recorded: the signature and the session token are replaced by REDACTED.
   */
  record({ op, identifier, method, rawPath, query, headers, body }) {
    this.stats.requests += 1;
    if (identifier !== undefined && this.stats.identifiers.length < MAX_RECORDED) this.stats.identifiers.push(identifier);
    const headerObject = redactSecrets(Object.fromEntries(headers));
    this.stats.last = { method, path: rawPath, query, headers: headerObject };
    const log = this.stats.log;
    log.push({ operation: op, method, path: rawPath, query, headers: headerObject, body: body.subarray(0, MAX_LOGGED_BODY).toString("utf8") });
    if (log.length > MAX_LOGGED) log.splice(0, log.length - MAX_LOGGED);
  }

  /**
   * Handles one API request (path under /2020-05-31/). `body` is the full request body.
   */
  async handleApi(req, res, { rawPath, rawQuery, body }) {
    const requestId = randomUUID();
    const headers = headerMap(req.rawHeaders);
    const { op, label, wrongMethod } = route(req.method, rawPath);
    let query = {};
    try {
      query = Object.fromEntries(new URLSearchParams(rawQuery.replace(/\+/g, "%2B")));
    } catch {
      query = {};
    }
    // The function a request is about: its path label, or ListDistributionsByConnectionFunction's query member.
    const identifier = op === "ListDistributionsByConnectionFunction" ? query.ConnectionFunctionIdentifier : decodeLabel(label);
    this.record({ op, identifier, method: req.method, rawPath, query, headers, body });

    // Everything after the faults: authentication, canned answers, the operation. A truncate
    // fault cuts this answer, so a write it hits has happened (as when a network cuts a real one).
    const respond = async () => {
      try {
        await verifyRequest(
          { method: req.method, rawPath, rawQuery, headers, body },
          { accounts: this.accounts, now: this.now() },
        );
      } catch (e) {
        if (!(e instanceof AuthError)) throw e;
        return this.errorAnswer(e.status, e.code, e.message, requestId);
      }
      if (this.canned.length > 0) {
        const c = this.canned[0];
        c.count -= 1;
        if (c.count <= 0) this.canned.shift();
        const cannedBody = c.bodyBase64 !== undefined ? Buffer.from(c.bodyBase64, "base64") : (c.body ?? "");
        return { status: c.status ?? 200, headers: { ...CORS_HEADERS, ...(c.headers ?? {}) }, body: cannedBody };
      }
      return this.operate({ op, wrongMethod, identifier, query, headers, body, requestId, method: req.method, rawPath });
    };

    const fault = this.takeFault(op, identifier, headers);
    if (fault) {
      const done = await this.applyFault(fault, req, res, requestId, respond);
      if (done) return;
      if (res.destroyed || req.socket.destroyed) return;
    }
    const out = await respond();
    send(res, out.status, out.headers, out.body);
  }

  errorAnswer(status, code, message, requestId) {
    return {
      status,
      headers: { ...this.baseHeaders(requestId), "Content-Type": "text/xml" },
      body: errorXml(status >= 500 ? "Receiver" : "Sender", code, message, requestId),
    };
  }

  /** The operation proper: returns { status, headers, body }, an error envelope for a modeled error. */
  async operate({ op, wrongMethod, identifier, query, headers, body, requestId, method, rawPath }) {
    const base = this.baseHeaders(requestId);
    try {
      if (!op) {
        throw new ApiError(
          400,
          "UnsupportedOperation",
          wrongMethod ? `${method} is not supported on this resource.` : `The emulator does not support ${method} ${rawPath}.`,
        );
      }
      const input = { identifier, query, body, ifMatch: headers.get("if-match"), host: headers.get("host") ?? "cloudfront.amazonaws.com" };
      const out = await this.dispatch(op, input);
      return { status: out.status, headers: { ...base, ...out.headers }, body: out.body };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return this.errorAnswer(e.status, e.code, e.message, requestId);
    }
  }

  dispatch(op, input) {
    const s = this.store;
    switch (op) {
      case "DescribeConnectionFunction":
        return s.describe(input);
      case "GetConnectionFunction":
        return s.get(input);
      case "CreateConnectionFunction":
        return s.create(input);
      case "UpdateConnectionFunction":
        return s.update(input);
      case "PublishConnectionFunction":
        return s.publish(input);
      case "TestConnectionFunction":
        return s.test(input);
      case "DeleteConnectionFunction":
        return s.delete(input);
      case "ListConnectionFunctions":
        return s.list(input);
      case "ListDistributionsByConnectionFunction":
        return s.listDistributions(input);
      default:
        throw new ApiError(400, "UnsupportedOperation", `${op} is not supported.`);
    }
  }

  /** The admin API. Returns true if handled. */
  async handleAdmin(req, res, pathname, body) {
    const json = (status, obj) =>
      send(res, status, { ...CORS_HEADERS, "Content-Type": "application/json", "Cache-Control": "no-store" }, JSON.stringify(obj));
    let input = {};
    if (req.method === "POST" && body.length > 0) {
      try {
        input = JSON.parse(body.toString("utf8"));
      } catch {
        json(400, { error: "body is not JSON" });
        return true;
      }
      if (input === null || typeof input !== "object" || Array.isArray(input)) {
        json(400, { error: "body must be a JSON object" });
        return true;
      }
    }
    const route = `${req.method} ${pathname}`;
    switch (route) {
      case "POST /__emulator/reset":
        this.reset();
        json(200, { ok: true });
        return true;
      case "GET /__emulator/stats":
        json(200, this.stats);
        return true;
      case "GET /__emulator/functions":
        json(200, {
          functions: this.functions.map((f) => ({ name: f.name, id: f.id, arn: f.arn, stages: Object.keys(f.stages) })),
          distributions: this.store.distributions.map((d) => ({ id: d.Id, connectionFunctionId: d.ConnectionFunctionAssociation?.Id })),
        });
        return true;
      case "POST /__emulator/faults": {
        const { kind, identifier, operation, delayMs } = input;
        const count = input.count ?? 1;
        if (!FAULT_KINDS.has(kind)) return json(400, { error: `kind must be one of ${[...FAULT_KINDS].join(", ")}` }), true;
        if (!Number.isInteger(count) || count < 1 || count > 10000) return json(400, { error: "count must be an integer in 1..10000" }), true;
        if (identifier !== undefined && typeof identifier !== "string") return json(400, { error: "identifier must be a string" }), true;
        if (operation !== undefined && !Object.hasOwn(OPERATIONS, operation)) {
          return json(400, { error: `operation must be one of ${Object.keys(OPERATIONS).join(", ")}` }), true;
        }
        if (delayMs !== undefined && (typeof delayMs !== "number" || delayMs < 0 || delayMs > MAX_DELAY_MS)) {
          return json(400, { error: `delayMs must be a number in 0..${MAX_DELAY_MS}` }), true;
        }
        if (this.faults.length >= MAX_FAULT_QUEUE) return json(400, { error: "too many queued faults" }), true;
        this.faults.push({ kind, count, identifier, operation, delayMs: delayMs ?? 2000 });
        json(200, { ok: true, queued: this.faults.length });
        return true;
      }
      case "POST /__emulator/canned": {
        const count = input.count ?? 1;
        if (!Number.isInteger(count) || count < 1 || count > 10000) return json(400, { error: "count must be an integer in 1..10000" }), true;
        const status = input.status ?? 200;
        if (!Number.isInteger(status) || status < 100 || status > 599) return json(400, { error: "status must be an HTTP status" }), true;
        if (input.headers !== undefined && (typeof input.headers !== "object" || input.headers === null)) {
          return json(400, { error: "headers must be an object" }), true;
        }
        if (this.canned.length >= MAX_FAULT_QUEUE) return json(400, { error: "too many canned answers" }), true;
        this.canned.push({ status, headers: input.headers ?? {}, body: input.body ?? "", bodyBase64: input.bodyBase64, count });
        json(200, { ok: true, queued: this.canned.length });
        return true;
      }
      case "POST /__emulator/clock": {
        const { offsetMs } = input;
        if (typeof offsetMs !== "number" || !Number.isFinite(offsetMs)) return json(400, { error: "offsetMs must be a number" }), true;
        this.clockOffsetMs = offsetMs;
        json(200, { ok: true, now: new Date(this.now()).toISOString() });
        return true;
      }
      default:
        json(404, { error: `unknown admin call ${route}` });
        return true;
    }
  }
}

/** Writes a complete answer unless the client has gone away. */
export function send(res, status, headers, body) {
  if (res.destroyed || res.writableEnded) return;
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body ?? "", "utf8");
  res.writeHead(status, { ...headers, "Content-Length": String(buf.length) });
  res.end(buf);
}
