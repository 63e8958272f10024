// Where requests go and with which credentials: the endpoint presets, what the serving server
// offers (npm start: the emulator, demo credentials, the proxy; a static server: none of these),
// and the client each request is made with.
//
// Credentials live only in the form fields and in local variables: nothing is written to
// localStorage, sessionStorage, cookies, IndexedDB or the URL.
import { $, h, show } from "./dom.js";
import { CloudFrontClient } from "./package.js";

export const AWS_ENDPOINT = "https://cloudfront.amazonaws.com";

const el = {
  mode: $("server-mode"),
  preset: $("preset"),
  endpoint: $("endpoint"),
  endpointHint: $("endpoint-hint"),
  accessKey: $("access-key"),
  secretKey: $("secret-key"),
  sessionToken: $("session-token"),
  demoCreds: $("demo-creds"),
  clearCreds: $("clear-creds"),
  maxAttempts: $("max-attempts"),
  identifiers: $("identifiers"),
};

/**
 * What the serving server told us about itself. `mode` is "emulator" or "proxy" under npm start
 * (which serves /__server/info), "static" anywhere else (the static folder has a file there
 * saying so; any other answer or none means static too).
 */
export const server = { mode: "static", upstream: AWS_ENDPOINT, demo: null };

/** Asks the serving server what it offers, then sets up the presets and credential buttons. */
export async function setupConnection() {
  try {
    // Relative, so the static folder works under any path.
    const res = await fetch("./__server/info", { cache: "no-store" });
    if (!res.ok) throw new Error(String(res.status));
    const info = await res.json();
    if (info === null || typeof info !== "object" || (info.mode !== "emulator" && info.mode !== "proxy")) throw new Error("not npm start");
    server.mode = info.mode;
    server.upstream = typeof info.upstream === "string" ? info.upstream : AWS_ENDPOINT;
    server.demo = info.demo && typeof info.demo === "object" ? info.demo : null;
  } catch {
    server.mode = "static";
  }
  el.mode.textContent =
    server.mode === "emulator"
      ? "built-in emulator running"
      : server.mode === "proxy"
        ? `forwarding to ${server.upstream}`
        : "static hosting (the emulator, demo credentials and the proxy come with npm start)";
  document.body.dataset.serverMode = server.mode;
  if (server.mode === "static") {
    // Only npm start can offer these: a static server has no emulator and no proxy.
    for (const value of ["emulator", "proxy"]) el.preset.querySelector(`option[value="${value}"]`)?.remove();
    el.preset.value = "aws";
  } else if (server.mode === "proxy") {
    el.preset.value = "proxy";
  }
  for (const name of server.demo?.functions ?? []) el.identifiers.append(h("option", { value: String(name) }));
  show(el.demoCreds, Boolean(server.demo?.credentials?.length));
  el.preset.addEventListener("change", applyPreset);
  el.demoCreds.addEventListener("click", fillDemoCreds);
  el.clearCreds.addEventListener("click", clearCreds);
  applyPreset();
}

function applyPreset() {
  const preset = el.preset.value;
  const origin = location.origin;
  el.endpoint.readOnly = preset !== "custom";
  if (preset === "emulator") {
    el.endpoint.value = origin;
    el.endpointHint.textContent =
      server.mode === "proxy"
        ? `This server forwards ${origin}/2020-05-31/ to ${server.upstream}: requests signed for ${origin} will be refused there. Use the proxy preset.`
        : "The emulator built into this server: no AWS account needed. Try the demo credentials.";
  } else if (preset === "aws") {
    el.endpoint.value = AWS_ENDPOINT;
    el.endpointHint.textContent =
      server.mode === "static"
        ? "The browser calls CloudFront itself. If it refuses the browser's CORS preflight, or hides ETag (Test needs it), serve the page with npm start and use its proxy preset."
        : "The browser calls CloudFront itself. Works only if CloudFront answers the CORS preflight; otherwise use the proxy.";
  } else if (preset === "proxy") {
    el.endpoint.value = server.upstream;
    el.endpointHint.textContent = `Signed in this page for ${server.upstream}, sent through ${origin}/proxy/ which forwards it unchanged (it never sees your secret key) and lets the page read ETag.`;
  } else {
    if (el.endpoint.value === "" || el.endpoint.readOnly) el.endpoint.value = "";
    el.endpointHint.textContent = "Any CloudFront-compatible server that sends CORS headers.";
  }
  if (preset !== "emulator" && isDemoCreds()) clearCreds();
  if (preset === "emulator" && server.mode === "emulator" && el.accessKey.value === "") fillDemoCreds();
}

function isDemoCreds() {
  const demo = server.demo?.credentials ?? [];
  return demo.some((c) => c.accessKeyId === el.accessKey.value && c.secretAccessKey === el.secretKey.value);
}

function fillDemoCreds() {
  const c = server.demo?.credentials?.[0];
  if (!c) return;
  el.accessKey.value = c.accessKeyId;
  el.secretKey.value = c.secretAccessKey;
  el.sessionToken.value = c.sessionToken ?? "";
}

function clearCreds() {
  el.accessKey.value = "";
  el.secretKey.value = "";
  el.sessionToken.value = "";
}

export function hasCredentials() {
  return el.accessKey.value.trim() !== "" && el.secretKey.value !== "";
}

const formError = (name, message) => Object.assign(new Error(message), { name });

/** The endpoint, credentials and retry setting from the form; throws a named error when incomplete. */
export function readConnection() {
  let endpoint;
  try {
    endpoint = new URL(el.endpoint.value.trim());
    if (endpoint.protocol !== "http:" && endpoint.protocol !== "https:") throw new Error("scheme");
  } catch {
    throw formError("InvalidEndpoint", "The endpoint must be an http(s) URL.");
  }
  const credentials = { accessKeyId: el.accessKey.value.trim(), secretAccessKey: el.secretKey.value };
  const token = el.sessionToken.value.trim();
  if (token) credentials.sessionToken = token;
  if (!credentials.accessKeyId || !credentials.secretAccessKey) {
    throw formError("MissingCredentials", "Enter an access key ID and a secret access key.");
  }
  return {
    endpoint: endpoint.origin + endpoint.pathname.replace(/\/$/, ""),
    viaProxy: el.preset.value === "proxy",
    credentials,
    maxAttempts: Math.min(10, Math.max(1, Number.parseInt(el.maxAttempts.value, 10) || 3)),
  };
}

/**
 * A client for `conn` whose fetch (called once per attempt) reports each attempt to
 * `onAttempt()`, which may return `{ done(response), failed(error) }` to hear how it ended, and,
 * for the proxy preset, sends the request (signed for the upstream's host) to this server's
 * /proxy/ instead.
 */
export function makeClient(conn, onAttempt) {
  const fetchOnce = async (input, init) => {
    const isRequest = typeof Request !== "undefined" && input instanceof Request;
    let url = isRequest ? input.url : String(input);
    if (conn.viaProxy) {
      const u = new URL(url);
      url = `${location.origin}/proxy${u.pathname}${u.search}`;
    }
    const attempt = onAttempt?.();
    try {
      const res = isRequest ? await globalThis.fetch(new Request(url, input), init) : await globalThis.fetch(url, init);
      attempt?.done(res);
      return res;
    } catch (e) {
      attempt?.failed(e);
      throw e;
    }
  };
  return new CloudFrontClient({
    region: "us-east-1",
    endpoint: conn.endpoint,
    credentials: conn.credentials,
    maxAttempts: conn.maxAttempts,
    fetch: fetchOnce,
  });
}
