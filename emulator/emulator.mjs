// The CloudFront connection-function emulator: seed data, the API answers, fault injection,
// canned answers, the emulator clock and the admin API (/__emulator/...). The HTTP plumbing
// (routing, static files, proxy) lives in server.mjs.
//
// Order of processing for an API request:
//   1. route + decode the Identifier (recorded in stats, even for rejected requests)
//   2. faults (admin-queued, the x-emulator-fault request header, or a seed fault flag):
//      they model failures in front of the service, so they fire before authentication
//   3. SigV4 verification (emulator/sigv4.mjs, @smithy/signature-v4)
//   4. canned answers (only for correctly signed requests)
//   5. the operation itself
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { AuthError, headerMap, verifyRequest } from "./sigv4.mjs";

export const API_VERSION = "2020-05-31";
export const XMLNS = `http://cloudfront.amazonaws.com/doc/${API_VERSION}/`;
const FAULT_KINDS = new Set(["throttle", "html503", "empty500", "slow", "reset", "truncate", "malformed"]);
const MAX_FAULT_QUEUE = 1000;
const MAX_RECORDED = 10000;
const MAX_DELAY_MS = 120000;

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, x-amzn-RequestId, Date",
};

export function xmlEscape(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);
}

export function loadSeed(path = new URL("./seed.json", import.meta.url)) {
  return JSON.parse(readFileSync(path, "utf8"));
}

export function errorXml(type, code, message, requestId) {
  return (
    `<?xml version="1.0"?>\n<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type>` +
    `<Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

export function summaryXml(fn, stageName, stage, arn) {
  let kvs = "";
  if (Array.isArray(stage.kvs)) {
    kvs = `<KeyValueStoreAssociations><Quantity>${stage.kvs.length}</Quantity>`;
    if (stage.kvs.length > 0) {
      kvs += "<Items>";
      for (const a of stage.kvs) kvs += `<KeyValueStoreAssociation><KeyValueStoreARN>${xmlEscape(a)}</KeyValueStoreARN></KeyValueStoreAssociation>`;
      kvs += "</Items>";
    }
    kvs += "</KeyValueStoreAssociations>";
  }
  const comment = stage.comment === undefined ? "" : `<Comment>${xmlEscape(stage.comment)}</Comment>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ConnectionFunctionSummary xmlns="${XMLNS}">` +
    `<Name>${xmlEscape(fn.name)}</Name><Id>${xmlEscape(fn.id)}</Id>` +
    `<ConnectionFunctionConfig>${comment}<Runtime>${xmlEscape(stage.runtime)}</Runtime>${kvs}</ConnectionFunctionConfig>` +
    `<ConnectionFunctionArn>${xmlEscape(arn)}</ConnectionFunctionArn>` +
    `<Status>${xmlEscape(stage.status)}</Status><Stage>${stageName}</Stage>` +
    `<CreatedTime>${xmlEscape(fn.createdTime)}</CreatedTime>` +
    `<LastModifiedTime>${xmlEscape(stage.lastModifiedTime)}</LastModifiedTime>` +
    `</ConnectionFunctionSummary>`
  );
}

export class Emulator {
  constructor(seed = loadSeed()) {
    this.seed = seed;
    this.accounts = seed.accounts;
    this.functions = seed.functions.map((f) => ({
      ...f,
      arn: f.arn ?? `arn:aws:cloudfront::${seed.accountId}:connection-function/${f.name}`,
    }));
    this.timers = new Set();
    this.reset();
  }

  reset() {
    this.stats = { requests: 0, identifiers: [], last: null };
    this.faults = []; // FIFO of { kind, count, identifier?, delayMs? }
    this.canned = []; // FIFO of { status, headers, body, count }
    this.clockOffsetMs = 0;
    this.seedCounters = new Map(); // function id → API requests seen (for seed fault patterns)
  }

  now() {
    return Date.now() + this.clockOffsetMs;
  }

  findFunction(identifier) {
    return this.functions.find((f) => f.name === identifier || f.arn === identifier || f.id === identifier);
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
  takeFault(identifier, headers) {
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i];
      if (f.identifier !== undefined && f.identifier !== identifier) continue;
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
   * Handles one API request (path under /2020-05-31/). `body` is the full request body.
   */
  async handleApi(req, res, { rawPath, rawQuery, body }) {
    const requestId = randomUUID();
    const headers = headerMap(req.rawHeaders);
    // Route.
    const segs = rawPath.split("/");
    let identifier;
    let op = null;
    if (segs.length === 5 && segs[1] === API_VERSION && segs[2] === "connection-function" && segs[4] === "describe") {
      op = "DescribeConnectionFunction";
    }
    if (op) {
      try {
        identifier = decodeURIComponent(segs[3]);
      } catch {
        identifier = segs[3];
      }
    }
    let query = {};
    try {
      query = Object.fromEntries(new URLSearchParams(rawQuery.replace(/\+/g, "%2B")));
    } catch {
      query = {};
    }
    this.stats.requests += 1;
    if (this.stats.identifiers.length < MAX_RECORDED && op) this.stats.identifiers.push(identifier);
    this.stats.last = { method: req.method, path: rawPath, query, headers: Object.fromEntries(headers) };

    const produce = () => this.operate(req.method, op, identifier, query, requestId, segs);

    const fault = this.takeFault(identifier, headers);
    if (fault) {
      const done = await this.applyFault(fault, req, res, requestId, produce);
      if (done) return;
      if (res.destroyed || req.socket.destroyed) return;
    }

    try {
      await verifyRequest(
        { method: req.method, rawPath, rawQuery, headers, body },
        { accounts: this.accounts, now: this.now() },
      );
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      this.sendError(res, e.status, e.status >= 500 ? "Receiver" : "Sender", e.code, e.message, requestId);
      return;
    }

    if (this.canned.length > 0) {
      const c = this.canned[0];
      c.count -= 1;
      if (c.count <= 0) this.canned.shift();
      const body = c.bodyBase64 !== undefined ? Buffer.from(c.bodyBase64, "base64") : (c.body ?? "");
      send(res, c.status ?? 200, { ...CORS_HEADERS, ...(c.headers ?? {}) }, body);
      return;
    }

    const out = produce();
    send(res, out.status, out.headers, out.body);
  }

  /** The operation proper: returns { status, headers, body }. */
  operate(method, op, identifier, query, requestId, segs) {
    const err = (status, code, message) => ({
      status,
      headers: { ...this.baseHeaders(requestId), "Content-Type": "text/xml" },
      body: errorXml(status >= 500 ? "Receiver" : "Sender", code, message, requestId),
    });
    if (!op) {
      return err(400, "UnsupportedOperation", `The emulator does not support ${method} /${segs.slice(1).join("/")}.`);
    }
    if (method !== "GET") {
      return err(400, "UnsupportedOperation", `${method} is not supported on this resource.`);
    }
    let stageName = query.Stage ?? "DEVELOPMENT";
    if (stageName !== "DEVELOPMENT" && stageName !== "LIVE") {
      return err(400, "InvalidArgument", `Invalid value for Stage: '${stageName}'. Valid values: DEVELOPMENT, LIVE.`);
    }
    if (identifier === "" || identifier.length > 1024) {
      return err(400, "InvalidArgument", "The Identifier is not valid.");
    }
    const fn = this.findFunction(identifier);
    const stage = fn?.stages?.[stageName];
    if (!fn || !stage) {
      return err(404, "EntityNotFound", `The specified connection function does not exist.`);
    }
    return {
      status: 200,
      headers: { ...this.baseHeaders(requestId), "Content-Type": "text/xml", ETag: stage.etag },
      body: summaryXml(fn, stageName, stage, fn.arn),
    };
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
        json(200, { functions: this.functions.map((f) => ({ name: f.name, id: f.id, arn: f.arn, stages: Object.keys(f.stages) })) });
        return true;
      case "POST /__emulator/faults": {
        const { kind, identifier, delayMs } = input;
        const count = input.count ?? 1;
        if (!FAULT_KINDS.has(kind)) return json(400, { error: `kind must be one of ${[...FAULT_KINDS].join(", ")}` }), true;
        if (!Number.isInteger(count) || count < 1 || count > 10000) return json(400, { error: "count must be an integer in 1..10000" }), true;
        if (identifier !== undefined && typeof identifier !== "string") return json(400, { error: "identifier must be a string" }), true;
        if (delayMs !== undefined && (typeof delayMs !== "number" || delayMs < 0 || delayMs > MAX_DELAY_MS)) {
          return json(400, { error: `delayMs must be a number in 0..${MAX_DELAY_MS}` }), true;
        }
        if (this.faults.length >= MAX_FAULT_QUEUE) return json(400, { error: "too many queued faults" }), true;
        this.faults.push({ kind, count, identifier, delayMs: delayMs ?? 2000 });
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
