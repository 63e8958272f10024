// The peers of the benchmark, written once for Node and for the browser (bench/run.mjs bundles
// this file with esbuild for Chromium; in Node it is imported as is).
//   sdk   @aws-sdk/client-cloudfront: CloudFrontClient + DescribeConnectionFunctionCommand (the baseline)
//   ours  cloudfront-wasm (dist/)
//   a4f   aws4fetch (AwsClient) + fast-xml-parser, shaped into the SDK's output object
//   floor a bare unsigned fetch of the same URL, reading the body
import * as sdk from "@aws-sdk/client-cloudfront";
import * as ours from "cloudfront-wasm";
import { AwsClient } from "aws4fetch";
import { XMLParser } from "fast-xml-parser";
import { SignatureV4 } from "@smithy/signature-v4";
import { HttpRequest, HttpResponse } from "@smithy/core/transport";
// The same crate built with `--features bench` (bench/run.mjs builds it): `signForBench`.
import initSignBench, { WasmClient as SignBenchClient } from "./out/wasm-bench/cloudfront_wasm.js";

export { sdk, ours };

export const CREDS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
export const REGION = "us-east-1";
export const INPUT = { Identifier: "fx-3kvs", Stage: "LIVE" };
export const PATH = "/2020-05-31/connection-function/fx-3kvs/describe";
export const QUERY = "?Stage=LIVE";
/** Endpoint used where no request leaves the process (stubbed transports). */
export const STUB_ENDPOINT = "https://cloudfront.amazonaws.com";
export const TINY_BODY = "<R/>";

const enc = new TextEncoder();

/** Makes the wasm core ready (browser: from wasmUrl) and returns its exports (for linear memory). */
export async function initOurs(wasmUrl) {
  let glue; // wasm-bindgen's glue, bundled into the package's index.js: reached through the loader
  const entryLoader = ours.setWasmLoader((input, g) => ((glue = g), entryLoader(input, g)));
  await ours.init(wasmUrl);
  return glue.init(); // already instantiated: returns the same instance's exports
}

// ---------------------------------------------------------------- clients

export function sdkClient(endpoint, extra = {}) {
  return new sdk.CloudFrontClient({ region: REGION, endpoint, credentials: CREDS, maxAttempts: 1, ...extra });
}
export function oursClient(endpoint, extra = {}) {
  return new ours.CloudFrontClient({ region: REGION, endpoint, credentials: CREDS, maxAttempts: 1, ...extra });
}

/** The SDK with its transport replaced by a handler that answers `body` at once (no I/O). */
export function sdkStubClient(body) {
  const bytes = typeof body === "string" ? enc.encode(body) : body;
  return sdkClient(STUB_ENDPOINT, {
    requestHandler: {
      handle: async () => ({
        response: new HttpResponse({ statusCode: 200, headers: { etag: "x" }, body: new Uint8Array(bytes) }),
      }),
    },
  });
}
/** A fetch that answers `body` at once (no I/O). */
export function stubFetch(body) {
  const bytes = typeof body === "string" ? enc.encode(body) : body;
  return async () => new Response(bytes, { status: 200, headers: { ETag: "x" } });
}
export function oursStubClient(body) {
  return oursClient(STUB_ENDPOINT, { fetch: stubFetch(body) });
}

export const cmd = () => new sdk.DescribeConnectionFunctionCommand(INPUT);
export const oursCmd = () => new ours.DescribeConnectionFunctionCommand(INPUT);

// ---------------------------------------------------------------- aws4fetch + fast-xml-parser

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === "KeyValueStoreAssociation",
});

const copy = (to, from, k) => {
  if (from[k] !== undefined) to[k] = from[k];
};

/** fast-xml-parser + hand shaping into the SDK's output object (the hand-rolled approach). */
export function a4fShape(xml, status, headers) {
  const out = {};
  if (xml.length) {
    const s = parser.parse(xml).ConnectionFunctionSummary;
    const o = {};
    if (s && typeof s === "object") {
      copy(o, s, "Name");
      copy(o, s, "Id");
      const c = s.ConnectionFunctionConfig;
      if (c !== undefined) {
        const oc = {};
        copy(oc, c, "Comment");
        copy(oc, c, "Runtime");
        const k = c.KeyValueStoreAssociations;
        if (k !== undefined) {
          const ok = {};
          if (k.Quantity !== undefined) ok.Quantity = Number(k.Quantity);
          if (k.Items !== undefined) {
            ok.Items = (k.Items?.KeyValueStoreAssociation ?? []).map((a) => {
              const i = {};
              copy(i, a, "KeyValueStoreARN");
              return i;
            });
          }
          oc.KeyValueStoreAssociations = ok;
        }
        o.ConnectionFunctionConfig = oc;
      }
      copy(o, s, "ConnectionFunctionArn");
      copy(o, s, "Status");
      copy(o, s, "Stage");
      if (s.CreatedTime !== undefined) o.CreatedTime = new Date(s.CreatedTime);
      if (s.LastModifiedTime !== undefined) o.LastModifiedTime = new Date(s.LastModifiedTime);
    }
    out.ConnectionFunctionSummary = o;
  }
  const etag = headers.get("etag");
  if (etag !== null) out.ETag = etag;
  out.$metadata = {
    httpStatusCode: status,
    requestId: headers.get("x-amzn-requestid") ?? headers.get("x-amz-request-id") ?? undefined,
    extendedRequestId: headers.get("x-amz-id-2") ?? undefined,
    cfId: headers.get("x-amz-cf-id") ?? undefined,
    attempts: 1,
    totalRetryDelay: 0,
  };
  return out;
}

/** aws4fetch signing + a fetch (real or stub) + fast-xml-parser shaping. */
export function a4fClient(endpoint, fetchImpl) {
  const aws = new AwsClient({ ...CREDS, service: "cloudfront", region: REGION, retries: 0 });
  const url = endpoint.replace(/\/$/, "") + PATH + QUERY;
  return {
    aws,
    url,
    async describe() {
      const res = fetchImpl ? await fetchImpl(await aws.sign(url)) : await aws.fetch(url);
      const xml = await res.text();
      if (res.status >= 300) throw new Error(`HTTP ${res.status}`);
      return a4fShape(xml, res.status, res.headers);
    },
  };
}

/** The floor: a bare unsigned fetch of the same URL, reading the body. */
export function floorClient(endpoint, init) {
  const url = endpoint.replace(/\/$/, "") + PATH + QUERY;
  return {
    async describe() {
      const res = await fetch(url, init);
      await res.arrayBuffer();
      return res.status;
    },
  };
}

/**
 * The floor carrying what our requests carry: the same three headers with values of the same
 * length (a fixed, unchecked signature) and `redirect: "manual"`. What a fetch costs the
 * platform once it is signed, so the gap between it and ours is our own per-call work.
 */
export function floorHeadersClient(endpoint) {
  return floorClient(endpoint, {
    method: "GET",
    headers: {
      "x-amz-date": "20240501T120000Z",
      authorization:
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/cloudfront/aws4_request, SignedHeaders=host;x-amz-date, Signature=" +
        "0".repeat(64),
    },
    redirect: "manual",
  });
}

// ---------------------------------------------------------------- signers alone

/** The SDK's signer: @smithy/signature-v4 with the hash the SDK's client resolves (config.sha256). */
export function sdkSigner() {
  const sha256 = sdkClient(STUB_ENDPOINT).config.sha256;
  const signer = new SignatureV4({ service: "cloudfront", region: REGION, credentials: CREDS, sha256, uriEscapePath: true, applyChecksum: true });
  let n = 0;
  return () =>
    signer.sign(
      new HttpRequest({
        method: "GET",
        protocol: "https:",
        hostname: "cloudfront.amazonaws.com",
        path: PATH,
        query: { Stage: "LIVE" },
        headers: {
          host: "cloudfront.amazonaws.com",
          "x-amz-user-agent": "aws-sdk-js/3.1164.0",
          "amz-sdk-invocation-id": `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
          "amz-sdk-request": "attempt=1; max=1",
        },
      }),
    );
}

/**
 * Ours: the core's signing alone, from the bench build. Takes the command's input and the
 * credentials as `send()` does, builds the request, signs it at `Date.now()` and returns the
 * `authorization` header. `wasm`: the bench build's `.wasm` (bytes in Node, a URL in a page).
 */
export async function oursSigner(wasm) {
  await initSignBench({ module_or_path: wasm });
  const core = new SignBenchClient({ region: REGION, endpoint: STUB_ENDPOINT });
  // The credentials' fields read in JS, as js/index.js's `call` passes them to `prepare`.
  const fields = (c) => [c, c.accessKeyId, c.secretAccessKey, c.sessionToken];
  const sign = () => core.signForBench("DescribeConnectionFunction", INPUT, ...fields(CREDS));
  // The crossings alone (bench build): the same reads and request building without the signature,
  // and one empty call that returns a string as long as the header.
  sign.readOnly = core.readForBench && (() => core.readForBench("DescribeConnectionFunction", INPUT, ...fields(CREDS)));
  sign.empty = core.emptyForBench && (() => core.emptyForBench());
  return sign;
}

/** aws4fetch's signer (AwsClient.sign → AwsV4Signer, with the client's signing-key cache). */
export function a4fSigner() {
  const aws = new AwsClient({ ...CREDS, service: "cloudfront", region: REGION });
  const url = STUB_ENDPOINT + PATH + QUERY;
  return () => aws.sign(url);
}

// ---------------------------------------------------------------- the whole API (bench/ops.mjs)

/** The SDK's command for `op`. */
export const sdkOpCmd = (op, input) => new sdk[`${op}Command`](input);
/** Ours: the package's command class for `op` (a plain `{ operation, input }` before the classes existed). */
export const oursOpCmd = (op, input) => {
  const Command = ours[`${op}Command`];
  return Command ? new Command(input) : { operation: op, input };
};

const answerBytes = (body) => (typeof body === "string" ? enc.encode(body) : body);

/** The SDK with a handler that gives `answer` ({ status, headers, body }) at once. */
export function sdkAnswerClient(answer) {
  const bytes = answerBytes(answer.body);
  return sdkClient(STUB_ENDPOINT, {
    requestHandler: {
      handle: async () => ({
        response: new HttpResponse({ statusCode: answer.status, headers: { ...answer.headers }, body: new Uint8Array(bytes) }),
      }),
    },
  });
}
/** Ours with a config `fetch` that gives `answer` at once. */
export function oursAnswerClient(answer) {
  const bytes = answerBytes(answer.body);
  const nullBody = answer.status === 204 || answer.status === 304;
  return oursClient(STUB_ENDPOINT, {
    fetch: async () => new Response(nullBody ? null : bytes, { status: answer.status, headers: answer.headers }),
  });
}

/** Walks every ListConnectionFunctions page with the SDK's paginator; returns the functions seen. */
export async function sdkWalk(client, pageSize, pages) {
  let n = 0;
  for await (const page of sdk.paginateListConnectionFunctions({ client, pageSize }, {})) {
    n += page.ConnectionFunctions?.length ?? 0;
    pages?.push(page);
  }
  return n;
}
/** The same with ours (the package's paginator; a Marker loop before it existed). */
export async function oursWalk(client, pageSize, pages) {
  let n = 0;
  if (ours.paginateListConnectionFunctions) {
    for await (const page of ours.paginateListConnectionFunctions({ client, pageSize }, {})) {
      n += page.ConnectionFunctions?.length ?? 0;
      pages?.push(page);
    }
    return n;
  }
  let Marker;
  do {
    const page = await client.send(oursOpCmd("ListConnectionFunctions", { Marker, MaxItems: pageSize }));
    n += page.ConnectionFunctions?.length ?? 0;
    pages?.push(page);
    Marker = page.NextMarker;
  } while (Marker);
  return n;
}

/** The floor of a walk: the same POSTs (the SDK's body with the next Marker), each body read, unsigned, unparsed. */
export async function floorWalk(endpoint, total, pageSize) {
  let bytes = 0;
  for (let from = 0; from < total; from += pageSize) {
    const res = await fetch(`${endpoint}/2020-05-31/connection-functions`, {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: `<?xml version="1.0" encoding="UTF-8"?><ListConnectionFunctionsRequest xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">${from ? `<Marker>${from}</Marker>` : ""}<MaxItems>${pageSize}</MaxItems></ListConnectionFunctionsRequest>`,
    });
    bytes += (await res.arrayBuffer()).byteLength;
  }
  return bytes;
}

/**
 * An output made comparable across the two clients and JSON-safe (for the page): a blob (the SDK's
 * Uint8ArrayBlobAdapter, ours a Uint8Array with `transformToString`) becomes its bytes as base64.
 */
export function comparable(value) {
  if (value instanceof Date) return value;
  if (value instanceof Uint8Array) {
    let s = "";
    for (let i = 0; i < value.length; i += 0x8000) s += String.fromCharCode(...value.subarray(i, i + 0x8000));
    return { $bytes: btoa(s) };
  }
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}
