// The emulator's state (connection functions and distributions, seeded from seed.json) and
// the nine connection-function operations on it. Each operation takes the parsed request and
// returns { status, headers, body } or throws an ApiError (a modeled CloudFront error).
//
// Lifecycle (see DEVELOPING.md, "The emulator"):
//   Create   → DEVELOPMENT only, Status UNPUBLISHED, fresh ETag, Location header
//   Update   → If-Match = the DEVELOPMENT ETag; DEVELOPMENT changes, gets a new ETag, Status UNPUBLISHED
//   Publish  → If-Match = the DEVELOPMENT ETag; DEVELOPMENT is copied to LIVE (a LIVE ETag of its own);
//              both stages' Status becomes DEPLOYED (a distribution uses it) or UNASSOCIATED
//   Test     → If-Match = the ETag of the stage tested; runs that stage's code (sandbox.mjs)
//   Delete   → If-Match = the DEVELOPMENT ETag; refused while a distribution uses the function
import { randomBytes } from "node:crypto";
import { BodyError, distributionListXml, functionListXml, parseRequestXml, summaryXml, testResultXml } from "./wire.mjs";

export const STAGES = ["DEVELOPMENT", "LIVE"];
export const RUNTIMES = ["cloudfront-js-1.0", "cloudfront-js-2.0"];
export const MAX_CODE_BYTES = 40960; // FunctionBlob's max in the model
export const MAX_CONNECTION_OBJECT_BYTES = 40960; // FunctionEventObject's max
export const DEFAULT_MAX_ITEMS = 100;
const NAME_RE = /^[a-zA-Z0-9_-]{1,64}$/;
const KVS_ARN_RE = /^arn:aws:cloudfront::[0-9]{12}:key-value-store\/[0-9a-fA-F-]{36}$/;
const TAG_RE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
// Characters XML 1.0 can carry; anything else could not be written back in an answer.
const XML_CHARS_RE = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** A modeled CloudFront error: HTTP status, code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const invalid = (message) => new ApiError(400, "InvalidArgument", message);
const notFound = () => new ApiError(404, "EntityNotFound", "The specified connection function does not exist.");

/** A fresh ETag in CloudFront's style ("E" and 13 upper-case letters and digits). */
export function newETag() {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const bytes = randomBytes(13);
  let out = "E";
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

function newFunctionId() {
  return `CF${randomBytes(6).toString("hex").toUpperCase()}`;
}

/** The code bytes of a seeded stage: `code` (UTF-8 text) or `codeBase64` (any bytes). */
function seedCode(stage) {
  if (typeof stage.codeBase64 === "string") return Buffer.from(stage.codeBase64, "base64");
  return Buffer.from(stage.code ?? "function connectionHandler(connection) {\n  connection.allow();\n}\n", "utf8");
}

/** Reads a structure member that must be a single text element. */
function text(obj, name) {
  const v = obj?.[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw invalid(`${name} must be a text element.`);
  return v;
}

function parseInteger(raw, name) {
  if (!/^-?\d{1,9}$/.test(raw)) throw invalid(`${name} must be an integer, not '${raw}'.`);
  return Number(raw);
}

function parseStage(raw) {
  if (raw === undefined) return "DEVELOPMENT";
  if (!STAGES.includes(raw)) throw invalid(`Invalid value for Stage: '${raw}'. Valid values: DEVELOPMENT, LIVE.`);
  return raw;
}

function decodeBlob(raw, name) {
  if (raw === undefined) throw invalid(`${name} is required.`);
  const compact = raw.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) throw invalid(`${name} is not valid base64.`);
  return Buffer.from(compact, "base64");
}

/** ConnectionFunctionConfig and code, shared by Create and Update. */
function readConfigAndCode(req) {
  const cfg = req.ConnectionFunctionConfig;
  if (cfg === undefined || cfg === "") throw invalid("ConnectionFunctionConfig is required.");
  if (typeof cfg !== "object") throw invalid("ConnectionFunctionConfig must be a structure.");
  const comment = text(cfg, "Comment");
  if (comment === undefined) throw invalid("ConnectionFunctionConfig.Comment is required.");
  if (!XML_CHARS_RE.test(comment)) throw invalid("ConnectionFunctionConfig.Comment holds characters XML cannot carry.");
  const runtime = text(cfg, "Runtime");
  if (runtime === undefined) throw invalid("ConnectionFunctionConfig.Runtime is required.");
  if (!RUNTIMES.includes(runtime)) throw invalid(`Invalid value for Runtime: '${runtime}'. Valid values: ${RUNTIMES.join(", ")}.`);
  let kvs = null;
  const assoc = cfg.KeyValueStoreAssociations;
  if (assoc !== undefined) {
    if (typeof assoc !== "object") throw invalid("KeyValueStoreAssociations must be a structure.");
    const quantityRaw = text(assoc, "Quantity");
    if (quantityRaw === undefined) throw invalid("KeyValueStoreAssociations.Quantity is required.");
    const quantity = parseInteger(quantityRaw, "KeyValueStoreAssociations.Quantity");
    const items = assoc.Items === undefined || assoc.Items === "" ? [] : (assoc.Items.KeyValueStoreAssociation ?? []);
    if (items.length !== quantity) throw invalid(`KeyValueStoreAssociations.Quantity (${quantity}) does not match the number of items (${items.length}).`);
    kvs = items.map((item) => {
      const arn = text(item, "KeyValueStoreARN");
      if (arn === undefined || !KVS_ARN_RE.test(arn)) throw invalid(`Invalid KeyValueStoreARN: '${arn ?? ""}'.`);
      return arn;
    });
  }
  const code = decodeBlob(text(req, "ConnectionFunctionCode"), "ConnectionFunctionCode");
  if (code.length === 0) throw invalid("ConnectionFunctionCode must not be empty.");
  if (code.length > MAX_CODE_BYTES) {
    throw new ApiError(413, "EntitySizeLimitExceeded", `The function code is ${code.length} bytes; the limit is ${MAX_CODE_BYTES}.`);
  }
  return { comment, runtime, kvs, code };
}

function readTags(req) {
  const tags = req.Tags;
  if (tags === undefined || tags === "") return [];
  if (typeof tags !== "object") throw new ApiError(400, "InvalidTagging", "Tags must be a structure.");
  const items = tags.Items === undefined || tags.Items === "" ? [] : (tags.Items.Tag ?? []);
  return items.map((t) => {
    const key = typeof t?.Key === "string" ? t.Key : undefined;
    const value = t?.Value === undefined ? undefined : typeof t.Value === "string" ? t.Value : null;
    if (key === undefined || key.length < 1 || key.length > 128 || !TAG_RE.test(key)) {
      throw new ApiError(400, "InvalidTagging", "A tag key must be 1 to 128 letters, digits, spaces or _.:/=+-@.");
    }
    if (value === null || (value !== undefined && (value.length > 256 || !TAG_RE.test(value)))) {
      throw new ApiError(400, "InvalidTagging", "A tag value must be up to 256 letters, digits, spaces or _.:/=+-@.");
    }
    return value === undefined ? { Key: key } : { Key: key, Value: value };
  });
}

function readMaxItems(raw) {
  if (raw === undefined || raw === "") return DEFAULT_MAX_ITEMS;
  const n = parseInteger(raw, "MaxItems");
  if (n < 1) throw invalid(`MaxItems must be at least 1, not ${n}.`);
  return Math.min(n, DEFAULT_MAX_ITEMS);
}

function xmlAnswer(status, headers, body) {
  return { status, headers: { "Content-Type": "text/xml", ...headers }, body };
}

export class ConnectionFunctionStore {
  /**
   * @param {object} seed  seed.json's content
   * @param {{ now: () => number, sandbox: { run(job): Promise<object> } }} env
   */
  constructor(seed, env) {
    this.seed = seed;
    this.env = env;
    this.maxFunctions = seed.limits?.functions ?? 100;
    this.reset();
  }

  /** Restores the seed state (new copies: nothing a request changed survives). */
  reset() {
    this.functions = this.seed.functions.map((f) => ({
      name: f.name,
      id: f.id,
      arn: f.arn ?? `arn:aws:cloudfront::${this.seed.accountId}:connection-function/${f.name}`,
      createdTime: f.createdTime,
      fault: f.fault,
      tags: structuredClone(f.tags ?? []),
      stages: Object.fromEntries(
        Object.entries(f.stages).map(([name, s]) => [
          name,
          {
            status: s.status,
            etag: s.etag,
            comment: s.comment,
            runtime: s.runtime,
            kvs: s.kvs === null || s.kvs === undefined ? null : [...s.kvs],
            lastModifiedTime: s.lastModifiedTime,
            code: seedCode(s),
          },
        ]),
      ),
    }));
    this.distributions = structuredClone(this.seed.distributions ?? []);
  }

  nowIso() {
    return new Date(this.env.now()).toISOString();
  }

  find(identifier) {
    if (identifier === undefined) return undefined;
    return this.functions.find((f) => f.name === identifier || f.id === identifier || f.arn === identifier);
  }

  usedBy(fn) {
    return this.distributions.filter((d) => d.ConnectionFunctionAssociation?.Id === fn.id);
  }

  /** Looks up a function for an If-Match operation: 404, then a missing If-Match (400), then a stale one (412). */
  requireMatch(identifier, ifMatch, stageName = "DEVELOPMENT") {
    const fn = this.find(identifier);
    if (!fn) throw notFound();
    const stage = fn.stages[stageName];
    if (!stage) throw new ApiError(404, "EntityNotFound", `The connection function has no ${stageName} stage (it was never published).`);
    if (ifMatch === undefined || ifMatch === "") {
      throw new ApiError(400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource.");
    }
    if (ifMatch !== stage.etag) {
      throw new ApiError(412, "PreconditionFailed", "The precondition given in one or more of the request header fields evaluated to false.");
    }
    return fn;
  }

  /** Parses a request body or answers InvalidArgument. */
  body(raw, rootName) {
    try {
      return parseRequestXml(raw, rootName);
    } catch (e) {
      if (e instanceof BodyError) throw invalid(e.message);
      throw e;
    }
  }

  // ---- the nine operations ----

  describe({ identifier, query }) {
    const stageName = parseStage(query.Stage);
    if (identifier === "" || identifier.length > 1024) throw invalid("The Identifier is not valid.");
    const fn = this.find(identifier);
    const stage = fn?.stages[stageName];
    if (!stage) throw notFound();
    return xmlAnswer(200, { ETag: stage.etag }, summaryXml(fn, stageName));
  }

  get({ identifier, query }) {
    const stageName = parseStage(query.Stage);
    const fn = this.find(identifier);
    const stage = fn?.stages[stageName];
    if (!stage) throw notFound();
    return { status: 200, headers: { "Content-Type": "application/octet-stream", ETag: stage.etag }, body: stage.code };
  }

  create({ body, host }) {
    const req = this.body(body, "CreateConnectionFunctionRequest");
    const name = text(req, "Name");
    if (name === undefined) throw invalid("Name is required.");
    if (!NAME_RE.test(name)) throw invalid(`Invalid Name '${name}': use 1 to 64 letters, digits, '-' or '_'.`);
    const { comment, runtime, kvs, code } = readConfigAndCode(req);
    const tags = readTags(req);
    if (this.functions.some((f) => f.name === name)) {
      throw new ApiError(409, "EntityAlreadyExists", `A connection function named '${name}' already exists.`);
    }
    if (this.functions.length >= this.maxFunctions) {
      throw new ApiError(400, "EntityLimitExceeded", `This account already has the maximum of ${this.maxFunctions} connection functions.`);
    }
    const now = this.nowIso();
    let id = newFunctionId();
    while (this.find(id)) id = newFunctionId();
    const fn = {
      name,
      id,
      arn: `arn:aws:cloudfront::${this.seed.accountId}:connection-function/${name}`,
      createdTime: now,
      tags,
      stages: { DEVELOPMENT: { status: "UNPUBLISHED", etag: newETag(), comment, runtime, kvs, lastModifiedTime: now, code } },
    };
    this.functions.push(fn);
    const location = `http://${host}/${"2020-05-31"}/connection-function/${id}`;
    return xmlAnswer(201, { ETag: fn.stages.DEVELOPMENT.etag, Location: location }, summaryXml(fn, "DEVELOPMENT"));
  }

  update({ identifier, ifMatch, body }) {
    const fn = this.requireMatch(identifier, ifMatch);
    const req = this.body(body, "UpdateConnectionFunctionRequest");
    const { comment, runtime, kvs, code } = readConfigAndCode(req);
    fn.stages.DEVELOPMENT = { status: "UNPUBLISHED", etag: newETag(), comment, runtime, kvs, lastModifiedTime: this.nowIso(), code };
    return xmlAnswer(200, { ETag: fn.stages.DEVELOPMENT.etag }, summaryXml(fn, "DEVELOPMENT"));
  }

  publish({ identifier, ifMatch }) {
    const fn = this.requireMatch(identifier, ifMatch);
    const status = this.usedBy(fn).length > 0 ? "DEPLOYED" : "UNASSOCIATED";
    const dev = fn.stages.DEVELOPMENT;
    dev.status = status;
    fn.stages.LIVE = { ...dev, kvs: dev.kvs === null ? null : [...dev.kvs], etag: newETag(), lastModifiedTime: this.nowIso() };
    return xmlAnswer(200, {}, summaryXml(fn, "LIVE"));
  }

  delete({ identifier, ifMatch }) {
    const fn = this.requireMatch(identifier, ifMatch);
    const users = this.usedBy(fn);
    if (users.length > 0) {
      throw new ApiError(
        409,
        "CannotDeleteEntityWhileInUse",
        `The connection function is associated with ${users.length} distribution(s) (${users.map((d) => d.Id).join(", ")}).`,
      );
    }
    this.functions.splice(this.functions.indexOf(fn), 1);
    return { status: 204, headers: {}, body: "" };
  }

  async test({ identifier, ifMatch, body }) {
    const req = this.body(body, "TestConnectionFunctionRequest");
    const stageName = parseStage(text(req, "Stage"));
    const fn = this.requireMatch(identifier, ifMatch, stageName);
    const connectionBytes = text(req, "ConnectionObject") === undefined ? undefined : decodeBlob(text(req, "ConnectionObject"), "ConnectionObject");
    if (connectionBytes === undefined) throw invalid("ConnectionObject is required.");
    if (connectionBytes.length > MAX_CONNECTION_OBJECT_BYTES) {
      throw invalid(`ConnectionObject is ${connectionBytes.length} bytes; the limit is ${MAX_CONNECTION_OBJECT_BYTES}.`);
    }
    const connection = parseConnectionObject(connectionBytes);
    // The function as it was tested: an Update or Delete while the code runs does not change the answer.
    const stage = fn.stages[stageName];
    const tested = { ...fn, stages: { [stageName]: stage } };
    const result = await this.env.sandbox.run({ code: stage.code, connection });
    if (result.failed) throw new ApiError(500, "TestFunctionFailed", result.failed);
    return xmlAnswer(200, {}, testResultXml(tested, stageName, result));
  }

  list({ body }) {
    const req = this.body(body, "ListConnectionFunctionsRequest");
    const stageFilter = text(req, "Stage") === undefined ? undefined : parseStage(text(req, "Stage"));
    const maxItems = readMaxItems(text(req, "MaxItems"));
    const marker = text(req, "Marker") ?? "";
    // Every (function, stage) pair, by name, LIVE before DEVELOPMENT (as sample 31 lists them).
    const rows = [];
    for (const fn of [...this.functions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      for (const stage of ["LIVE", "DEVELOPMENT"]) {
        if (fn.stages[stage] && (stageFilter === undefined || stageFilter === stage)) rows.push([fn, stage]);
      }
    }
    const start = marker === "" ? 0 : this.markerIndex(rows, marker);
    const page = rows.slice(start, start + maxItems);
    const next = rows[start + maxItems];
    return xmlAnswer(200, {}, functionListXml(page, next ? rowMarker(next) : undefined));
  }

  /** Where a List page starts: the first row at or after the marker's row (which may have been deleted since). */
  markerIndex(rows, marker) {
    const m = /^([a-zA-Z0-9_-]{1,64})\.(LIVE|DEVELOPMENT)$/.exec(marker);
    if (!m) throw invalid(`Invalid Marker '${marker}'.`);
    const key = sortKey(m[1], m[2]);
    const i = rows.findIndex(([fn, stage]) => sortKey(fn.name, stage) >= key);
    return i < 0 ? rows.length : i;
  }

  listDistributions({ query }) {
    const identifier = query.ConnectionFunctionIdentifier;
    if (identifier === undefined || identifier === "") throw invalid("ConnectionFunctionIdentifier is required.");
    const fn = this.find(identifier);
    if (!fn) throw notFound();
    const maxItems = readMaxItems(query.MaxItems);
    const marker = query.Marker ?? "";
    const all = this.usedBy(fn);
    let start = 0;
    if (marker !== "") {
      start = all.findIndex((d) => d.Id === marker);
      if (start < 0) throw invalid(`Invalid Marker '${marker}'.`);
    }
    const items = all.slice(start, start + maxItems);
    const next = all[start + maxItems];
    return xmlAnswer(
      200,
      {},
      distributionListXml({ marker, nextMarker: next?.Id, maxItems, isTruncated: next !== undefined, items }),
    );
  }
}

const rowMarker = ([fn, stage]) => `${fn.name}.${stage}`;
// Names sort as strings; within a name LIVE (0) comes before DEVELOPMENT (1). "\u0000" cannot occur in a name.
const sortKey = (name, stage) => `${name}\u0000${stage === "LIVE" ? 0 : 1}`;

/**
 * The ConnectionObject bytes as the `connection` the function receives: a JSON object (see
 * DEVELOPING.md for its members). Not JSON, or not an object → InvalidArgument. An empty
 * ConnectionObject is an empty object.
 */
export function parseConnectionObject(bytes) {
  if (bytes.length === 0) return {};
  let value;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (e) {
    throw invalid(`ConnectionObject is not valid JSON: ${e.message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw invalid("ConnectionObject must be a JSON object.");
  if (value.clientCertInfo !== undefined && (value.clientCertInfo === null || typeof value.clientCertInfo !== "object" || Array.isArray(value.clientCertInfo))) {
    throw invalid("ConnectionObject.clientCertInfo must be an object.");
  }
  if (value.clientIp !== undefined && typeof value.clientIp !== "string") throw invalid("ConnectionObject.clientIp must be a string.");
  return value;
}
