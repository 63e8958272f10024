// cloudfront-wasm: the SDK-shaped surface over the wasm core. Signing, request building,
// fetch, retries and XML parsing happen in Rust (src/); this file holds what must be JS:
// the classes (for `instanceof`), lazy initialization and the credentials provider cache.
import initWasm, { WasmClient } from "./cloudfront_wasm.js";

let loader = (input) => initWasm(input === undefined ? undefined : { module_or_path: input });
let defaultSource; // how the entry finds the .wasm when init() is given nothing (for errors)
let ready;

/**
 * Used by the Node, workerd and Deno entries to load the .wasm their own way; `source` says
 * where it comes from, for the error when that fails.
 */
export function setWasmLoader(load, source) {
  loader = load;
  defaultSource = source;
}

/** Loads and instantiates the wasm module; optional: the first call does it otherwise. */
export function init(input) {
  ready ??= Promise.resolve()
    .then(() => loader(input))
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

const modeled = (name) =>
  ({
    [name]: class extends CloudFrontServiceException {
      constructor(options) {
        super({ ...options, name, $fault: "client" });
      }
    },
  })[name];

export const AccessDenied = modeled("AccessDenied");
export const EntityNotFound = modeled("EntityNotFound");
export const UnsupportedOperation = modeled("UnsupportedOperation");
export const InvalidArgument = modeled("InvalidArgument");
const MODELED = { AccessDenied, EntityNotFound, UnsupportedOperation, InvalidArgument };

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
  const Ctor = d.name === "TypeError" ? TypeError : Error;
  const e = new Ctor(d.message, d.cause === undefined ? undefined : { cause: d.cause });
  e.name = d.name;
  e.$metadata = d.$metadata;
  return e;
}

function localError(name, message, cause) {
  return toError({ name, message, cause, $metadata: { attempts: 0, totalRetryDelay: 0 } });
}

const FIVE_MINUTES = 5 * 60 * 1000;

export class DescribeConnectionFunctionCommand {
  constructor(input) {
    this.input = input;
  }
}
DescribeConnectionFunctionCommand.prototype.operation = "DescribeConnectionFunction";

const COMMANDS = new Map([[DescribeConnectionFunctionCommand, "DescribeConnectionFunction"]]);

export class CloudFrontClient {
  #core;
  #credentialSource;
  #credentials;
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
    const operation = COMMANDS.get(command?.constructor) ?? command?.operation;
    if (typeof operation !== "string") {
      throw localError("ValidationError", "send() takes a command such as new DescribeConnectionFunctionCommand(input)");
    }
    if (this.#destroyed) throw localError("ValidationError", "this client was destroyed");
    const signal = options?.abortSignal ?? undefined;
    await init();
    try {
      this.#core ??= new WasmClient(await this.#coreConfig());
      const credentials = await this.#resolveCredentials();
      return await this.#core.send(operation, command.input, credentials, signal);
    } catch (d) {
      throw toError(d);
    } finally {
      if (this.#core) this.config.systemClockOffset = this.#core.systemClockOffset;
    }
  }

  describeConnectionFunction(input, options) {
    return this.send(new DescribeConnectionFunctionCommand(input), options);
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

  async #resolveCredentials() {
    const source = this.#credentialSource;
    if (typeof source !== "function") return source;
    const cached = this.#credentials;
    const expiry = cached?.expiration instanceof Date ? cached.expiration.getTime() : Infinity;
    if (cached && expiry - Date.now() > FIVE_MINUTES) return cached;
    let fresh;
    try {
      fresh = await source();
    } catch (e) {
      throw localError("CredentialsProviderError", "the credentials provider failed (see cause)", e);
    }
    if (fresh && typeof fresh === "object") this.#credentials = fresh;
    return fresh;
  }
}
