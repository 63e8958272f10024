// cloudfront-wasm: the SDK-shaped surface over the wasm core. Signing, request building,
// fetch, the retry policy and XML parsing happen in Rust (src/); this file holds what must be
// JS: the classes (for `instanceof`), paginators, lazy initialization, the credentials cache,
// and the awaits and timers of the retry loop (`call` below).
import initWasm, { initSync, WasmClient } from "./cloudfront_wasm.js";

// The published index.js has the glue bundled in (scripts/build.sh): the other entries reach it
// through their loader's second argument, so there is one instance of it.
const glue = { init: initWasm, initSync };

let compiling; // the default entry's .wasm, downloading and compiling since import (below)
// Without an input, the module compiling since import, if any; wasm-bindgen reads
// `{ module_or_path: undefined }` as no argument (the .wasm next to this module).
const fetchLoader = async (input) => initWasm({ module_or_path: input ?? (await compiling) });
let loader = fetchLoader;
let defaultSource; // how the entry finds the .wasm when init() is given nothing (for errors)
let ready;

// Browsers and workers: the .wasm's download and compilation start when this module is imported
// (a page that imports a client means to call it), and the first call or init() instantiates it,
// so the second round trip and the compile overlap the page's own start-up. The Node, workerd and
// Deno entries set their own loader while the module graph is evaluated, before this microtask
// runs, so they never fetch here; nor does a page that called init(url) as it imported the module
// (its .wasm is elsewhere: the default URL would be a wasted request, or a 404). A failure
// (offline, no application/wasm type) leaves the first call to load the usual way, which reports it.
Promise.resolve().then(() => {
  try {
    if (ready !== undefined || loader !== fetchLoader || typeof WebAssembly?.compileStreaming !== "function" || typeof fetch !== "function") return;
    const url = new URL("./cloudfront_wasm_bg.wasm", import.meta.url);
    if (url.protocol !== "https:" && url.protocol !== "http:") return;
    compiling = WebAssembly.compileStreaming(fetch(url)).catch(() => undefined);
  } catch {
    // no fetch at start-up here (a worker's global scope, an unusable import.meta.url): the first call loads
  }
});

// The SHA-256 of a request body large enough to be worth the platform's native hash
// (`largeBody`: 40 KB of code is 55 KB of XML, ≈ 10× faster than the wasm's compact rounds):
// WebCrypto's, as the SDK's browser hash. Without WebCrypto (a page that is not a secure
// context has no `crypto.subtle`: the call throws) or when it fails, the wasm hashes the body.
// The Node entry sets node:crypto's.
let sha256 = (bytes) => crypto.subtle.digest("SHA-256", bytes);

/**
 * Used by the Node, workerd and Deno entries to load the .wasm their own way: `load(input, glue)`
 * with wasm-bindgen's `glue.init` and `glue.initSync`; `source` says where the .wasm comes from,
 * for the error when that fails; `hash`, the platform's SHA-256 of large bodies, if not
 * WebCrypto's. Returns the loader it replaces.
 */
export function setWasmLoader(load, source, hash = sha256) {
  const previous = loader;
  loader = load;
  defaultSource = source;
  sha256 = hash;
  return previous; // for a loader that wraps the entry's own (the bench's, to reach the exports)
}

/** Loads and instantiates the wasm module; optional: the first call does it otherwise. */
export function init(input) {
  ready ??= Promise.resolve()
    .then(() => loader(input, glue))
    .then(
      () => {},
      (cause) => {
        ready = undefined; // a failed load (offline page) may be retried
        throw wasmLoadError(input, cause);
      },
    );
  return ready;
}

// A failed load names what failed and from where, and the way out, instead of the
// platform's bare TypeError (workerd: "Fetch API cannot load: file:///bundle/…").
function wasmLoadError(input, cause) {
  // A Request or Response has a url; a Module or bytes show as "[object Uint8Array]".
  let from = input instanceof URL ? input : (input?.url ?? Object.prototype.toString.call(input));
  if (typeof input == "string") from = input;
  else if (input === undefined) {
    try {
      from = defaultSource ?? new URL("./cloudfront_wasm_bg.wasm", import.meta.url);
    } catch {
      from = "next to this module"; // no usable import.meta.url (some bundles)
    }
  }
  const e = new Error(
    `cannot load cloudfront_wasm_bg.wasm from ${from} (${cause}); pass it to init(moduleOrUrl) before the first call (cloudfront-wasm README: "Workers, Deno, Bun")`,
    { cause },
  );
  e.name = "WasmLoadError";
  e.$metadata = { attempts: 0, totalRetryDelay: 0 };
  return e;
}

export class CloudFrontServiceException extends Error {
  constructor(options) {
    super();
    this.$fault = options.$fault;
    this.$retryable = undefined;
    this.$metadata = options.$metadata;
    this.name = options.name;
    // Enumerable, as on the SDK's exceptions.
    Object.defineProperty(this, "message", { value: options.message, enumerable: true, writable: true, configurable: true });
    for (const [k, v] of Object.entries(options)) {
      if (this[k] === undefined || this[k] === "") this[k] = v;
    }
  }
}

// The modeled errors of the nine operations; `$fault` is the model's, whatever the status.
const MODELED = {};
const modeled = (name, $fault = "client") =>
  (MODELED[name] = {
    [name]: class extends CloudFrontServiceException {
      constructor(options) {
        super({ ...options, name, $fault });
      }
    },
  }[name]);

export const AccessDenied = modeled("AccessDenied");
export const EntityNotFound = modeled("EntityNotFound");
export const UnsupportedOperation = modeled("UnsupportedOperation");
export const InvalidArgument = modeled("InvalidArgument");
export const EntityAlreadyExists = modeled("EntityAlreadyExists");
export const EntityLimitExceeded = modeled("EntityLimitExceeded");
export const EntitySizeLimitExceeded = modeled("EntitySizeLimitExceeded");
export const InvalidTagging = modeled("InvalidTagging");
export const PreconditionFailed = modeled("PreconditionFailed");
export const InvalidIfMatchVersion = modeled("InvalidIfMatchVersion");
export const CannotDeleteEntityWhileInUse = modeled("CannotDeleteEntityWhileInUse");
export const TestFunctionFailed = modeled("TestFunctionFailed", "server");

/** Turns the core's error descriptor into the error the SDK would throw. */
function toError(d) {
  if (!d || typeof d !== "object" || !("$metadata" in d)) return d; // not ours: pass through
  if (d.original !== undefined) {
    // A platform failure (network): the platform's own error, with $metadata, as the SDK does.
    const e = d.original;
    if (e && typeof e === "object") {
      try {
        e.$metadata = d.$metadata;
      } catch {
        /* frozen error: leave it */
      }
    }
    return e;
  }
  if (d.service) {
    const Ctor = MODELED[d.name] ?? CloudFrontServiceException;
    return new Ctor({ ...d.fields, name: d.name, message: d.message, $fault: d.$fault, $metadata: d.$metadata });
  }
  // A local failure (bad input, abort, timeout, unreadable answer): a plain Error with a
  // name, as the SDK throws for these.
  const e = new (d.name === "TypeError" ? TypeError : Error)(d.message);
  e.name = d.name;
  if (d.cause !== undefined) e.cause = d.cause; // enumerable, as the SDK sets it
  e.$metadata = d.$metadata;
  return e;
}

// The minified bundle renames classes; these names show (`client.constructor.name`, logs).
const named = (C, name) => Object.defineProperty(C, "name", { value: name });
named(CloudFrontServiceException, "CloudFrontServiceException");

function localError(name, message, cause) {
  return toError({ name, message, cause, $metadata: { attempts: 0, totalRetryDelay: 0 } });
}

/**
 * GetConnectionFunction's code, as the SDK returns it (@smithy's Uint8ArrayBlobAdapter in
 * Node): a Uint8Array whose `transformToString("base64")` is base64 and any other encoding
 * UTF-8 (a byte order mark kept, bad sequences replaced, as Node's Buffer decodes).
 */
class Uint8ArrayBlobAdapter extends Uint8Array {
  static fromString(source, encoding = "utf-8") {
    if (typeof source !== "string") throw new Error(`Unsupported conversion from ${typeof source} to Uint8ArrayBlobAdapter.`);
    const bytes = encoding === "base64" ? Uint8Array.from(atob(source), (c) => c.charCodeAt(0)) : new TextEncoder().encode(source);
    return Uint8ArrayBlobAdapter.mutate(bytes);
  }
  static mutate(source) {
    Object.setPrototypeOf(source, Uint8ArrayBlobAdapter.prototype);
    return source;
  }
  transformToString(encoding = "utf-8") {
    if (encoding !== "base64") return new TextDecoder("utf-8", { ignoreBOM: true }).decode(this);
    let binary = "";
    // In chunks: one fromCharCode call per byte would be slow, one for all could overflow the stack.
    for (let i = 0; i < this.length; i += 0x8000) binary += String.fromCharCode(...Uint8Array.prototype.subarray.call(this, i, i + 0x8000));
    return btoa(binary);
  }
}
named(Uint8ArrayBlobAdapter, "Uint8ArrayBlobAdapter");

// How an attempt ended, as WasmCall.finish reads it.
const ANSWERED = 0;
const FETCH_FAILED = 1;
const BODY_FAILED = 2;
const TIMED_OUT = 3;
const ABORTED = 4;

/**
 * One call: the core checks the input and builds the request, then each attempt is signed and
 * sent by the core, awaited here, and handed back to the core, which returns the output, or how
 * long to wait before the next attempt (its retry policy and quota), or throws the final error.
 */
async function call(core, operation, input, credentials, signal) {
  // The credentials' fields are read here: cheaper than a crossing per field from wasm.
  const c = credentials;
  const pending = core.prepare(operation, input, c, c?.accessKeyId, c?.secretAccessKey, c?.sessionToken, signal); // throws on bad input
  try {
    const body = pending.largeBody();
    if (body) {
      try {
        pending.bodySha256(new Uint8Array(await sha256(body)));
      } catch {
        // the wasm hashes it
      }
    }
    for (;;) {
      const result = pending.finish(...(await attempt(pending, signal, core.requestTimeout)));
      if (typeof result !== "number") return result;
      if (!(await backoff(result, signal))) return pending.finish(ABORTED); // throws the abort error
    }
  } finally {
    pending.free();
  }
}

/**
 * One attempt and its whole answer, as [outcome, response, body, error], cut by the caller's
 * signal or after `timeout` ms (an own controller, a listener and a timer only then).
 */
async function attempt(pending, signal, timeout) {
  let controller, abort, timer, response;
  if (timeout > 0) {
    controller = new AbortController();
    abort = () => controller.abort();
    signal?.addEventListener("abort", abort);
    timer = setTimeout(abort, timeout);
  }
  let outcome = FETCH_FAILED;
  try {
    const exchange = pending.attempt(controller?.signal ?? signal);
    if (exchange === undefined) return [ABORTED];
    response = await exchange;
    outcome = BODY_FAILED;
    return [ANSWERED, response, await pending.body(response)];
  } catch (error) {
    if (signal?.aborted) return [ABORTED];
    if (controller?.signal.aborted) return [TIMED_OUT];
    return [outcome, response, undefined, error];
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}

/** Waits `ms` before a retry; false when the caller's signal fires first. No timer outlives it. */
function backoff(ms, signal) {
  if (signal?.aborted) return false;
  if (ms <= 0) return true;
  return new Promise((resolve) => {
    const done = (waited) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
      resolve(waited);
    };
    const stop = () => done(false);
    const timer = setTimeout(done, ms, true);
    signal?.addEventListener("abort", stop);
  });
}

const FIVE_MINUTES = 5 * 60 * 1000;
const OPERATION = new Map(); // command class → operation name

export class CloudFrontClient {
  #core;
  #credentialSource;
  #credentials;
  #pendingCredentials;
  #destroyed = false;

  constructor(config = {}) {
    const { credentials, ...rest } = config ?? {};
    this.#credentialSource = credentials;
    this.config = rest;
    // Readable as on the SDK's client, but never shown by inspection or serialization.
    Object.defineProperty(this.config, "credentials", { get: () => this.#credentialSource, enumerable: false });
    if (this.config.region === undefined) this.config.region = "us-east-1";
    if (this.config.systemClockOffset === undefined) this.config.systemClockOffset = 0;
  }

  async send(command, options = {}) {
    const operation = OPERATION.get(command?.constructor);
    if (operation === undefined) {
      throw localError("ValidationError", "send() takes a command such as new DescribeConnectionFunctionCommand(input)");
    }
    if (this.#destroyed) throw localError("ValidationError", "this client was destroyed");
    const signal = options?.abortSignal ?? undefined;
    await init();
    try {
      this.#core ??= new WasmClient(await this.#coreConfig());
      const credentials = await this.#resolveCredentials();
      const out = await call(this.#core, operation, command.input, credentials, signal);
      if (out.ConnectionFunctionCode instanceof Uint8Array) Uint8ArrayBlobAdapter.mutate(out.ConnectionFunctionCode);
      return out;
    } catch (d) {
      throw toError(d);
    } finally {
      if (this.#core) this.config.systemClockOffset = this.#core.systemClockOffset;
    }
  }

  destroy() {
    this.#destroyed = true;
    this.#core?.free();
    this.#core = undefined;
    this.#credentials = undefined;
    this.#credentialSource = undefined;
  }

  async #coreConfig() {
    const c = this.config;
    let endpoint = typeof c.endpoint === "function" ? await c.endpoint() : c.endpoint;
    if (endpoint && typeof endpoint === "object" && !(endpoint instanceof URL) && typeof endpoint.hostname === "string") {
      // The SDK's Endpoint object form.
      const port = endpoint.port ? `:${endpoint.port}` : "";
      endpoint = `${endpoint.protocol ?? "https:"}//${endpoint.hostname}${port}${endpoint.path ?? ""}`;
    } else if (endpoint instanceof URL) {
      endpoint = endpoint.href;
    }
    const region = typeof c.region === "function" ? await c.region() : c.region;
    return { ...c, endpoint, region }; // credentials are not part of it: they go per call
  }

  /** A provider's result is reused until 5 minutes before its `expiration` (as the SDK's memoization); concurrent calls share one provider call. */
  #resolveCredentials() {
    const source = this.#credentialSource;
    if (typeof source !== "function") return source;
    const cached = this.#credentials;
    if (cached && !(cached.expiration instanceof Date && cached.expiration.getTime() - Date.now() < FIVE_MINUTES)) return cached;
    if (!this.#pendingCredentials) {
      const pending = (this.#pendingCredentials = Promise.resolve()
        .then(source)
        .then(
          (fresh) => {
            if (fresh && typeof fresh === "object") this.#credentials = fresh;
            return fresh;
          },
          (e) => {
            throw localError("CredentialsProviderError", "the credentials provider failed (see cause)", e);
          },
        ));
      const settled = () => {
        if (this.#pendingCredentials === pending) this.#pendingCredentials = undefined;
      };
      pending.then(settled, settled);
    }
    return this.#pendingCredentials;
  }
}

named(CloudFrontClient, "CloudFrontClient");

/** A command class with the SDK's name, and the client's method for it (`client.listConnectionFunctions(input, options)`). */
function command(operation) {
  const name = operation + "Command";
  const Command = {
    [name]: class {
      constructor(input) {
        this.input = input;
      }
    },
  }[name];
  OPERATION.set(Command, operation);
  CloudFrontClient.prototype[operation[0].toLowerCase() + operation.slice(1)] = function (input, options) {
    return this.send(new Command(input), options);
  };
  return Command;
}

export const CreateConnectionFunctionCommand = command("CreateConnectionFunction");
export const DescribeConnectionFunctionCommand = command("DescribeConnectionFunction");
export const GetConnectionFunctionCommand = command("GetConnectionFunction");
export const ListConnectionFunctionsCommand = command("ListConnectionFunctions");
export const ListDistributionsByConnectionFunctionCommand = command("ListDistributionsByConnectionFunction");
export const UpdateConnectionFunctionCommand = command("UpdateConnectionFunction");
export const PublishConnectionFunctionCommand = command("PublishConnectionFunction");
export const TestConnectionFunctionCommand = command("TestConnectionFunction");
export const DeleteConnectionFunctionCommand = command("DeleteConnectionFunction");

/**
 * The SDK's paginator (@smithy/core createPaginator), step for step: it writes `Marker` and
 * `MaxItems` into the caller's input object, checks the client on every page, and stops when
 * the next token is empty (or, with `stopOnSameToken`, repeats the last one).
 */
const paginator = (Command, nextToken) =>
  async function* paginate(config, input, ...options) {
    let token = config.startingToken ?? input.Marker;
    let hasNext = true;
    while (hasNext) {
      input.Marker = token;
      input.MaxItems = input.MaxItems ?? config.pageSize;
      if (!(config.client instanceof CloudFrontClient)) throw new Error("Invalid client, expected instance of CloudFrontClient");
      let cmd = new Command(input);
      cmd = config.withCommand?.(cmd) ?? cmd;
      const page = await config.client.send(cmd, ...options);
      yield page;
      const previous = token;
      token = nextToken(page);
      hasNext = !!(token && (!config.stopOnSameToken || token !== previous));
    }
    return undefined;
  };
// Optional chaining reads a path as the SDK's `get` does (a non-object step gives undefined).
export const paginateListConnectionFunctions = paginator(ListConnectionFunctionsCommand, (page) => page?.NextMarker);
export const paginateListDistributionsByConnectionFunction = paginator(ListDistributionsByConnectionFunctionCommand, (page) => page?.DistributionList?.NextMarker);
