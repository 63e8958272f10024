// Helpers for the emulator tests: raw signed HTTP requests (for the negative cases the SDK
// cannot produce) and small admin-API wrappers.
import { request } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";

export const DEMO = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
export const TEMP = {
  accessKeyId: "ASIAEXAMPLETEMP",
  secretAccessKey: "tempSecretKeyEXAMPLE0000000000000000000000",
  sessionToken: "FQoGZXIvYXdzEXAMPLESESSIONTOKEN//////////wEaDEXAMPLE+/=",
};

/** Percent-encodes a path label the way CloudFront clients do (unreserved set only). */
export function encodeLabel(s) {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function describePath(identifier) {
  return `/2020-05-31/connection-function/${encodeLabel(identifier)}/describe`;
}

/**
 * Signs a request for `signHost` with @smithy/signature-v4 and returns the headers to send.
 * `query` is the decoded query object; `date` the signing date.
 */
export async function signHeaders({ method = "GET", signHost, path, query = {}, credentials = DEMO, date = new Date() }) {
  const signer = new SignatureV4({ credentials, region: "us-east-1", service: "cloudfront", sha256: Sha256 });
  const signed = await signer.sign(
    { method, protocol: "http:", hostname: signHost.split(":")[0], path, query, headers: { host: signHost } },
    { signingDate: date },
  );
  return { ...signed.headers };
}

export function queryString(query) {
  return Object.entries(query)
    .map(([k, v]) => `${encodeLabel(k)}=${encodeLabel(v)}`)
    .join("&");
}

/** Raw HTTP request; resolves { status, headers, body } or rejects with the socket error. */
export function rawRequest(baseUrl, { method = "GET", path, headers = {}, body } = {}) {
  const u = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: u.hostname, port: u.port, method, path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
      res.on("aborted", () => reject(Object.assign(new Error("aborted"), { code: "ECONNRESET" })));
    });
    req.setTimeout(15000, () => req.destroy(new Error("client timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

/** Signs for the server's own host and sends. */
export async function signedRequest(server, { identifier, query = {}, credentials, date, mutate, path, via } = {}) {
  const host = new URL(server.url).host;
  const p = path ?? describePath(identifier);
  const headers = await signHeaders({ signHost: host, path: p, query, credentials, date });
  if (mutate) mutate(headers);
  const qs = queryString(query);
  return rawRequest(via ?? server.url, { path: p + (qs ? `?${qs}` : ""), headers });
}

export async function admin(server, path, body) {
  const res = await fetch(`${server.url}/__emulator/${path}`, {
    method: body === undefined && path === "stats" ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

export function errorCode(xml) {
  return /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
}

/**
 * Any signed API call (method, path, query, extra headers, body), for the wire details the SDK
 * cannot show: raw status, headers and body.
 */
export async function signedCall(server, { method = "GET", path, query = {}, headers = {}, body, credentials = DEMO } = {}) {
  const host = new URL(server.url).host;
  const signer = new SignatureV4({ credentials, region: "us-east-1", service: "cloudfront", sha256: Sha256 });
  const signed = await signer.sign(
    { method, protocol: "http:", hostname: host.split(":")[0], path, query, headers: { host, ...headers }, body },
    { signingDate: new Date() },
  );
  const qs = queryString(query);
  return rawRequest(server.url, { method, path: path + (qs ? `?${qs}` : ""), headers: signed.headers, body });
}
