// SigV4 verification for the emulator, built on AWS's own signer (@smithy/signature-v4),
// an implementation independent of the crate's.
//
// The request is rebuilt from the raw wire: method, the Host header, the raw path exactly
// as received (already percent-encoded once; the signer's default uriEscapePath encodes it
// again, which is CloudFront's rule), the decoded query parameters and only the headers
// listed in SignedHeaders. The signer then recomputes the Authorization header with the
// secret from the seed and the date from x-amz-date; the two signatures are compared in
// constant time.
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";
import { createHash, timingSafeEqual } from "node:crypto";

export const REGION = "us-east-1";
export const SERVICE = "cloudfront";
export const MAX_SKEW_MS = 5 * 60 * 1000;
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const AUTH_RE =
  /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s?SignedHeaders=([^,\s]+),\s?Signature=([0-9a-f]{64})$/;
const AMZ_DATE_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const HEADER_NAME_RE = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;

/** A verification failure: an HTTP status plus a CloudFront error code. */
export class AuthError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Parses an x-amz-date (basic ISO 8601) into a Date, or null. */
export function parseAmzDate(s) {
  const m = AMZ_DATE_RE.exec(s ?? "");
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number);
  const t = Date.UTC(y, mo - 1, d, h, mi, se);
  const date = new Date(t);
  // Reject dates such as 20240231 that Date.UTC would roll over.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return null;
  return date;
}

/** Decodes a raw query string into { key: value | value[] } (percent-decoding, '+' kept literal). */
export function decodeQuery(rawQuery) {
  const query = {};
  if (!rawQuery) return query;
  const parts = rawQuery.split("&");
  if (parts.length > 1000) throw new AuthError(400, "InvalidArgument", "Too many query parameters.");
  for (const part of parts) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const k = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    const v = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1));
    if (Object.prototype.hasOwnProperty.call(query, k)) {
      query[k] = [].concat(query[k], v);
    } else {
      query[k] = v;
    }
  }
  return query;
}

/** Groups raw header lines by lower-case name (values trimmed, repeated headers joined by ","). */
export function headerMap(rawHeaders) {
  const map = new Map();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    const value = String(rawHeaders[i + 1]).trim();
    map.set(name, map.has(name) ? `${map.get(name)},${value}` : value);
  }
  return map;
}

/** Strictly parses an Authorization header value. */
export function parseAuthorization(value) {
  const m = AUTH_RE.exec(value);
  if (!m) {
    throw new AuthError(
      403,
      "IncompleteSignature",
      "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters (AWS4-HMAC-SHA256).",
    );
  }
  const [, credential, signedHeadersRaw, signature] = m;
  const parts = credential.split("/");
  if (parts.length !== 5 || parts[4] !== "aws4_request" || !/^\d{8}$/.test(parts[1])) {
    throw new AuthError(403, "IncompleteSignature", `Credential is malformed: ${credential}`);
  }
  const signedHeaders = signedHeadersRaw.split(";");
  for (let i = 0; i < signedHeaders.length; i++) {
    const h = signedHeaders[i];
    if (!HEADER_NAME_RE.test(h) || (i > 0 && !(signedHeaders[i - 1] < h))) {
      throw new AuthError(
        403,
        "SignatureDoesNotMatch",
        "SignedHeaders must be lower-case header names, sorted and without repetition.",
      );
    }
  }
  return {
    accessKeyId: parts[0],
    shortDate: parts[1],
    region: parts[2],
    service: parts[3],
    signedHeaders,
    signedHeadersRaw,
    signature,
  };
}

/**
 * Verifies one request. Throws AuthError on failure, returns { accessKeyId } on success.
 * @param {object} req   { method, rawPath, rawQuery, headers: Map(lower-name → value), body: Buffer }
 * @param {object} opts  { accounts: [{accessKeyId, secretAccessKey, sessionToken?}], now: ms }
 */
export async function verifyRequest(req, { accounts, now }) {
  const auth = req.headers.get("authorization");
  if (auth === undefined || auth === "") {
    throw new AuthError(403, "MissingAuthenticationToken", "Missing Authentication Token");
  }
  const parsed = parseAuthorization(auth);
  const account = accounts.find((a) => a.accessKeyId === parsed.accessKeyId);
  if (!account) {
    throw new AuthError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
  }
  const token = req.headers.get("x-amz-security-token");
  if (account.sessionToken !== undefined) {
    if (token === undefined) {
      throw new AuthError(403, "InvalidClientTokenId", "The security token included in the request is invalid: temporary credentials need x-amz-security-token.");
    }
    if (token !== account.sessionToken) {
      throw new AuthError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }
  } else if (token !== undefined) {
    throw new AuthError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
  }
  const amzDateRaw = req.headers.get("x-amz-date");
  const signingDate = parseAmzDate(amzDateRaw);
  if (!signingDate) {
    throw new AuthError(403, "IncompleteSignature", "Authorization header requires existence of a valid 'X-Amz-Date' header.");
  }
  const skew = signingDate.getTime() - now;
  if (Math.abs(skew) > MAX_SKEW_MS) {
    const nowBasic = new Date(now).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    throw new AuthError(
      403,
      "RequestTimeTooSkewed",
      `Signature expired: ${amzDateRaw} is now earlier than ${nowBasic} (${nowBasic} - 5 min.)`.replace(
        "now earlier",
        skew < 0 ? "now earlier" : "now later",
      ),
    );
  }
  if (parsed.shortDate !== amzDateRaw.slice(0, 8)) {
    throw new AuthError(403, "SignatureDoesNotMatch", "Credential date does not match X-Amz-Date.");
  }
  if (parsed.region !== REGION) {
    throw new AuthError(403, "SignatureDoesNotMatch", `Credential should be scoped to a valid region, not '${parsed.region}'.`);
  }
  if (parsed.service !== SERVICE) {
    throw new AuthError(403, "SignatureDoesNotMatch", `Credential should be scoped to correct service: '${SERVICE}'.`);
  }
  const signed = new Set(parsed.signedHeaders);
  for (const required of ["host", "x-amz-date"]) {
    if (!signed.has(required)) {
      throw new AuthError(403, "SignatureDoesNotMatch", `'${required}' must be a signed header.`);
    }
  }
  if (token !== undefined && !signed.has("x-amz-security-token")) {
    throw new AuthError(403, "SignatureDoesNotMatch", "x-amz-security-token must be signed.");
  }
  // Only the headers the client listed (the signer adds x-amz-date and the token itself).
  const headers = {};
  for (const name of parsed.signedHeaders) {
    const value = req.headers.get(name);
    if (value === undefined) {
      throw new AuthError(403, "SignatureDoesNotMatch", `Signed header '${name}' is missing from the request.`);
    }
    if (name === "x-amz-date" || name === "x-amz-security-token") continue;
    headers[name] = value;
  }
  const body = req.body && req.body.length > 0 ? req.body : undefined;
  const claimedHash = req.headers.get("x-amz-content-sha256");
  if (claimedHash !== undefined && claimedHash !== "UNSIGNED-PAYLOAD") {
    const actual = body ? createHash("sha256").update(body).digest("hex") : EMPTY_SHA256;
    if (claimedHash !== actual) {
      throw new AuthError(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
  }
  let query;
  try {
    query = decodeQuery(req.rawQuery);
  } catch (e) {
    if (e instanceof AuthError) throw e;
    throw new AuthError(403, "SignatureDoesNotMatch", "The query string is not validly percent-encoded.");
  }
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: account.accessKeyId,
      secretAccessKey: account.secretAccessKey,
      ...(token !== undefined ? { sessionToken: token } : {}),
    },
    region: REGION,
    service: SERVICE,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const host = req.headers.get("host") ?? "";
  const out = await signer.sign(
    {
      method: req.method,
      protocol: "http:",
      hostname: host.replace(/:\d+$/, ""),
      path: req.rawPath,
      query,
      headers,
      body,
    },
    { signingDate, signableHeaders: signed },
  );
  const expected = parseAuthorization(out.headers.authorization);
  const ok =
    expected.signedHeadersRaw === parsed.signedHeadersRaw &&
    timingSafeEqual(Buffer.from(expected.signature, "hex"), Buffer.from(parsed.signature, "hex"));
  if (!ok) {
    throw new AuthError(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
    );
  }
  return { accessKeyId: account.accessKeyId };
}
