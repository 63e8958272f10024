// The connection-function inspection page. No framework, no bundler: the package is imported
// as a module, with the same API as @aws-sdk/client-cloudfront.
//
// Rules this file keeps:
// - credentials live only in the form fields and local variables: nothing is written to
//   localStorage, sessionStorage, cookies, IndexedDB or the URL;
// - every string that comes from the API (or the user) is rendered with textContent;
// - no inline scripts or styles (the server's CSP forbids them).
import { CloudFrontClient, DescribeConnectionFunctionCommand } from "/dist/index.js";

const AWS_ENDPOINT = "https://cloudfront.amazonaws.com";
const STAGES = ["DEVELOPMENT", "LIVE"];

const $ = (id) => document.getElementById(id);
const el = {
  boot: $("boot"),
  form: $("form"),
  mode: $("server-mode"),
  preset: $("preset"),
  endpoint: $("endpoint"),
  endpointHint: $("endpoint-hint"),
  accessKey: $("access-key"),
  secretKey: $("secret-key"),
  sessionToken: $("session-token"),
  demoCreds: $("demo-creds"),
  clearCreds: $("clear-creds"),
  identifier: $("identifier"),
  identifiers: $("identifiers"),
  stage: $("stage"),
  maxAttempts: $("max-attempts"),
  describe: $("describe"),
  cancel: $("cancel"),
  activity: $("activity"),
  spinner: $("spinner"),
  busyText: $("busy-text"),
  attempts: $("attempts"),
  error: $("error"),
  errorName: $("error-name"),
  errorMessage: $("error-message"),
  errorStatus: $("error-status"),
  errorRequestId: $("error-request-id"),
  errorHint: $("error-hint"),
  result: $("result"),
  view: $("view"),
  raw: $("raw"),
  toggleRaw: $("toggle-raw"),
  copyCli: $("copy-cli"),
  copyStatus: $("copy-status"),
  cli: $("cli"),
};

/** What this server told us about itself (falls back to sane defaults elsewhere). */
let serverInfo = { mode: "emulator", upstream: AWS_ENDPOINT, demo: null, known: false };
/** The request in flight: { controller, attempts, started }. */
let current = null;

// ---------- small DOM helpers (text only) ----------

function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

function show(node, on = true) {
  node.hidden = !on;
}

// ---------- endpoint presets ----------

function applyPreset() {
  const preset = el.preset.value;
  const origin = location.origin;
  el.endpoint.readOnly = preset !== "custom";
  if (preset === "emulator") {
    el.endpoint.value = origin;
    el.endpointHint.textContent =
      serverInfo.mode === "proxy"
        ? `This server forwards ${origin}/2020-05-31/ to ${serverInfo.upstream}: requests signed for ${origin} will be refused there. Use the proxy preset.`
        : "The emulator built into this server: no AWS account needed. Try the demo credentials.";
  } else if (preset === "aws") {
    el.endpoint.value = AWS_ENDPOINT;
    el.endpointHint.textContent =
      "The browser calls CloudFront itself. Works only if CloudFront answers the CORS preflight; otherwise use the proxy.";
  } else if (preset === "proxy") {
    el.endpoint.value = serverInfo.upstream;
    el.endpointHint.textContent = `Signed in this page for ${serverInfo.upstream}, sent through ${origin}/proxy/ which forwards it unchanged (it never sees your secret key).`;
  } else {
    if (el.endpoint.value === "" || el.endpoint.readOnly) el.endpoint.value = "";
    el.endpointHint.textContent = "Any CloudFront-compatible server that sends CORS headers.";
  }
  if (preset !== "emulator" && isDemoCreds()) clearCreds();
  if (preset === "emulator" && serverInfo.mode === "emulator" && el.accessKey.value === "") fillDemoCreds();
}

function isDemoCreds() {
  const demo = serverInfo.demo?.credentials ?? [];
  return demo.some((c) => c.accessKeyId === el.accessKey.value && c.secretAccessKey === el.secretKey.value);
}

function fillDemoCreds() {
  const c = serverInfo.demo?.credentials?.[0];
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

// ---------- the request ----------

/** A fetch wrapper, called once per attempt: counts and shows attempts, and routes via the proxy. */
function makeFetch(run, stage, viaProxy) {
  return async (input, init) => {
    if (run.controller.signal.aborted) throw new DOMException("The request was cancelled.", "AbortError");
    run.attempts += 1;
    const n = (run.attemptsByStage[stage] ?? 0) + 1;
    run.attemptsByStage[stage] = n;
    const item = h("li", { class: "attempt pending" }, `${stage}: attempt ${n} … `);
    const outcome = h("span", { class: "outcome", text: "sending" });
    item.append(outcome);
    el.attempts.append(item);
    setBusyText(run);
    const isRequest = typeof Request !== "undefined" && input instanceof Request;
    let url = isRequest ? input.url : String(input);
    if (viaProxy) {
      const u = new URL(url);
      url = `${location.origin}/proxy${u.pathname}${u.search}`;
    }
    try {
      const res = isRequest ? await globalThis.fetch(new Request(url, input), init) : await globalThis.fetch(url, init);
      outcome.textContent = `HTTP ${res.status}`;
      item.classList.remove("pending");
      item.classList.add(res.ok ? "ok" : "bad");
      return res;
    } catch (e) {
      outcome.textContent = e?.name === "AbortError" ? "cancelled" : `failed (${e?.name ?? "error"})`;
      item.classList.remove("pending");
      item.classList.add("bad");
      throw e;
    }
  };
}

function setBusyText(run) {
  if (!run.done) {
    el.busyText.textContent = `Working… ${run.attempts} attempt${run.attempts === 1 ? "" : "s"} so far`;
  }
}

function setBusy(on) {
  el.describe.disabled = on;
  el.cancel.disabled = !on;
  show(el.spinner, on);
  el.activity.setAttribute("aria-busy", on ? "true" : "false");
  document.body.classList.toggle("is-busy", on);
}

function readForm() {
  const preset = el.preset.value;
  const endpointText = el.endpoint.value.trim();
  let endpoint;
  try {
    endpoint = new URL(endpointText);
    if (endpoint.protocol !== "http:" && endpoint.protocol !== "https:") throw new Error("scheme");
  } catch {
    throw Object.assign(new Error("The endpoint must be an http(s) URL."), { name: "InvalidEndpoint" });
  }
  const maxAttempts = Math.min(10, Math.max(1, Number.parseInt(el.maxAttempts.value, 10) || 3));
  const credentials = {
    accessKeyId: el.accessKey.value.trim(),
    secretAccessKey: el.secretKey.value,
  };
  const token = el.sessionToken.value.trim();
  if (token) credentials.sessionToken = token;
  if (!credentials.accessKeyId || !credentials.secretAccessKey) {
    throw Object.assign(new Error("Enter an access key ID and a secret access key."), { name: "MissingCredentials" });
  }
  const identifier = el.identifier.value;
  if (identifier.trim() === "") {
    throw Object.assign(new Error("Enter a function name or ARN."), { name: "MissingIdentifier" });
  }
  return {
    preset,
    endpoint: endpoint.origin + endpoint.pathname.replace(/\/$/, ""),
    viaProxy: preset === "proxy",
    credentials,
    identifier,
    stage: el.stage.value,
    maxAttempts,
  };
}

async function runDescribe() {
  if (current) return;
  let req;
  try {
    req = readForm();
  } catch (e) {
    showError(e, {});
    show(el.result, false);
    return;
  }
  const run = { controller: new AbortController(), attempts: 0, attemptsByStage: {}, done: false, started: performance.now() };
  current = run;
  el.attempts.replaceChildren();
  show(el.activity, true);
  show(el.error, false);
  show(el.result, false);
  setBusy(true);
  setBusyText(run);

  const stages = req.stage === "BOTH" ? STAGES : [req.stage];
  const calls = stages.map((stage) => {
    const client = new CloudFrontClient({
      region: "us-east-1",
      endpoint: req.endpoint,
      credentials: req.credentials,
      maxAttempts: req.maxAttempts,
      fetch: makeFetch(run, stage, req.viaProxy),
    });
    return client.send(new DescribeConnectionFunctionCommand({ Identifier: req.identifier, Stage: stage }), {
      abortSignal: run.controller.signal,
    });
  });
  const settled = await Promise.allSettled(calls);
  run.done = true;
  current = null;
  setBusy(false);
  const ms = Math.round(performance.now() - run.started);

  if (run.controller.signal.aborted) {
    el.busyText.textContent = `Cancelled after ${run.attempts} attempt${run.attempts === 1 ? "" : "s"} (${ms} ms).`;
    el.activity.dataset.state = "cancelled";
    return;
  }
  el.activity.dataset.state = "done";
  el.busyText.textContent = `Done: ${run.attempts} attempt${run.attempts === 1 ? "" : "s"} in ${ms} ms.`;

  const results = Object.fromEntries(stages.map((s, i) => [s, settled[i]]));
  if (stages.length === 1) {
    const r = settled[0];
    if (r.status === "rejected") {
      showError(r.reason, { stage: stages[0] });
      return;
    }
    renderSingle(r.value, req);
  } else {
    const dev = results.DEVELOPMENT;
    const live = results.LIVE;
    const liveMissing = live.status === "rejected" && live.reason?.name === "EntityNotFound" && dev.status === "fulfilled";
    const failed = [dev, live].find((r) => r.status === "rejected" && !(r === live && liveMissing));
    if (failed) {
      showError(failed.reason, { stage: failed === live ? "LIVE" : "DEVELOPMENT" });
      return;
    }
    renderBoth(dev.value, liveMissing ? null : live.value, req, liveMissing ? live.reason : null);
  }
}

// ---------- errors ----------

function hintFor(e, stage) {
  const name = e?.name ?? "";
  switch (name) {
    case "EntityNotFound":
      return stage === "LIVE"
        ? "Not published yet: this function has no LIVE stage. Publish it, or describe its DEVELOPMENT stage."
        : "No connection function with this name or ARN in this account. Check the identifier.";
    case "SignatureDoesNotMatch":
      return "The signature did not match: check the secret access key (and that the endpoint is the host the request is signed for).";
    case "RequestTimeTooSkewed":
      return "Check the clock: this computer's time must be within 5 minutes of the server's.";
    case "InvalidClientTokenId":
    case "UnrecognizedClientException":
      return "The access key ID (or the session token) is not valid for this endpoint.";
    case "ExpiredToken":
      return "The session token has expired: get fresh temporary credentials.";
    case "AccessDenied":
    case "AccessDeniedException":
      return "These credentials are not allowed to call cloudfront:DescribeConnectionFunction.";
    case "Throttling":
    case "ThrottlingException":
      return "Too many requests: wait a moment and try again (or allow more attempts).";
    case "InvalidArgument":
      return "The request was refused as invalid: check the identifier and the stage.";
    case "MissingCredentials":
    case "MissingIdentifier":
    case "InvalidEndpoint":
      return "Complete the form and try again.";
    case "TypeError":
    case "NetworkError":
    case "TimeoutError":
      return "The endpoint could not be reached, or it refused the browser's CORS preflight. For real AWS, try the “through this server's proxy” preset.";
    default:
      return (e?.$metadata?.httpStatusCode ?? 0) >= 500
        ? "The service had a problem: try again later."
        : "See the message above.";
  }
}

function showError(e, { stage }) {
  el.errorName.textContent = String(e?.name ?? "Error");
  el.errorMessage.textContent = String(e?.message ?? e);
  el.errorStatus.textContent = e?.$metadata?.httpStatusCode ? String(e.$metadata.httpStatusCode) : "—";
  el.errorRequestId.textContent = e?.$metadata?.requestId ?? "—";
  el.errorHint.textContent = hintFor(e, stage);
  el.error.dataset.errorName = String(e?.name ?? "Error");
  show(el.error, true);
}

// ---------- results ----------

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
function relative(date) {
  const diff = (date.getTime() - Date.now()) / 1000;
  const units = [
    ["year", 31536000], ["month", 2592000], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1],
  ];
  for (const [unit, secs] of units) {
    if (Math.abs(diff) >= secs || unit === "second") return rtf.format(Math.round(diff / secs), unit);
  }
  return "";
}

function timeNode(value) {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return document.createTextNode(value === undefined ? "—" : String(value));
  const t = h("time", { datetime: value.toISOString(), title: value.toISOString() }, value.toLocaleString());
  return h("span", {}, t, h("span", { class: "rel", text: ` (${relative(value)})` }));
}

function kvsNode(kvs) {
  if (!kvs) return h("span", { class: "muted", text: "none (no associations element)" });
  const items = kvs.Items ?? [];
  const wrap = h("div", {}, h("span", { class: "count", text: `${kvs.Quantity ?? items.length} associated` }));
  if (items.length) {
    wrap.append(h("ul", { class: "arns" }, ...items.map((i) => h("li", { class: "mono", text: String(i.KeyValueStoreARN ?? "") }))));
  }
  return wrap;
}

/** The fields of the result view: [key, label, value → comparable string, value → node]. */
const FIELDS = [
  ["name", "Name", (o) => o.ConnectionFunctionSummary?.Name],
  ["id", "Id", (o) => o.ConnectionFunctionSummary?.Id, "mono"],
  ["arn", "ARN", (o) => o.ConnectionFunctionSummary?.ConnectionFunctionArn, "mono"],
  ["status", "Status", (o) => o.ConnectionFunctionSummary?.Status],
  ["stage", "Stage", (o) => o.ConnectionFunctionSummary?.Stage],
  ["runtime", "Runtime", (o) => o.ConnectionFunctionSummary?.ConnectionFunctionConfig?.Runtime],
  ["comment", "Comment", (o) => o.ConnectionFunctionSummary?.ConnectionFunctionConfig?.Comment, "comment"],
  ["created", "Created", (o) => o.ConnectionFunctionSummary?.CreatedTime, "time"],
  ["modified", "Last modified", (o) => o.ConnectionFunctionSummary?.LastModifiedTime, "time"],
  ["etag", "ETag", (o) => o.ETag, "mono"],
  ["kvs", "Key-value stores", (o) => o.ConnectionFunctionSummary?.ConnectionFunctionConfig?.KeyValueStoreAssociations, "kvs"],
];
const NOT_COMPARED = new Set(["stage", "etag"]);

function valueNode(kind, v) {
  if (kind === "time") return timeNode(v);
  if (kind === "kvs") return kvsNode(v);
  if (v === undefined || v === null) return h("span", { class: "muted", text: "—" });
  if (kind === "comment" && v === "") return h("span", { class: "muted", text: "(empty)" });
  return h("span", { class: kind === "mono" ? "mono" : kind === "comment" ? "comment" : "", text: String(v) });
}

function comparable(kind, v) {
  if (v instanceof Date) return v.toISOString();
  if (kind === "kvs") return JSON.stringify(v ?? null);
  return v === undefined ? "" : String(v);
}

function renderSingle(out, req) {
  const dl = h("dl", { class: "kv result-kv", id: "single" });
  for (const [key, label, get, kind] of FIELDS) {
    dl.append(h("dt", { text: label }), h("dd", { "data-field": key }, valueNode(kind, get(out))));
  }
  el.view.replaceChildren(dl);
  setRaw(out);
  setCli(req, [req.stage]);
  show(el.result, true);
}

function renderBoth(dev, live, req, liveError) {
  const table = h("table", { class: "both", id: "both" });
  const liveHead = h("th", { scope: "col" }, "LIVE");
  if (!live) liveHead.append(h("span", { class: "badge warn", text: "not published" }));
  table.append(
    h("caption", { class: "visually-hidden", text: "DEVELOPMENT and LIVE side by side; differing fields are marked" }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Field" }), h("th", { scope: "col", text: "DEVELOPMENT" }), liveHead)),
  );
  const body = h("tbody");
  let diffs = 0;
  FIELDS.forEach(([key, label, get, kind], i) => {
    const dv = get(dev);
    const row = h("tr", { "data-field": key });
    const th = h("th", { scope: "row", text: label });
    row.append(th, h("td", {}, valueNode(kind, dv)));
    if (live) {
      const lv = get(live);
      row.append(h("td", {}, valueNode(kind, lv)));
      if (!NOT_COMPARED.has(key) && comparable(kind, dv) !== comparable(kind, lv)) {
        row.classList.add("diff");
        th.append(h("span", { class: "badge diff-badge", text: "differs" }));
        diffs += 1;
      }
    } else if (i === 0) {
      const cell = h(
        "td",
        { rowspan: String(FIELDS.length), class: "not-published" },
        h("strong", { text: "Not published" }),
        h("p", { text: "This function has no LIVE stage yet (the service answered 404 EntityNotFound). Publish it to create one." }),
      );
      if (liveError?.$metadata?.requestId) cell.append(h("p", { class: "muted mono", text: `Request ID ${liveError.$metadata.requestId}` }));
      row.append(cell);
    }
    body.append(row);
  });
  table.append(body);
  const summary = h("p", { class: "diff-summary", id: "diff-summary" });
  summary.textContent = live
    ? diffs === 0
      ? "LIVE matches DEVELOPMENT."
      : `${diffs} field${diffs === 1 ? "" : "s"} differ between DEVELOPMENT and LIVE.`
    : "LIVE: not published.";
  el.view.replaceChildren(summary, h("div", { class: "table-wrap" }, table));
  setRaw({ DEVELOPMENT: dev, LIVE: live ?? { error: { name: liveError?.name, message: liveError?.message, $metadata: liveError?.$metadata } } });
  setCli(req, STAGES);
  show(el.result, true);
}

function setRaw(obj) {
  el.raw.textContent = JSON.stringify(obj, null, 2);
}

// ---------- AWS CLI ----------

function shellQuote(s) {
  return /^[A-Za-z0-9._:\/@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function cliCommand(req, stage) {
  const parts = ["aws", "cloudfront", "describe-connection-function", "--identifier", shellQuote(req.identifier), "--stage", stage];
  if (req.endpoint !== AWS_ENDPOINT) parts.push("--endpoint-url", shellQuote(req.endpoint));
  return parts.join(" ");
}

function setCli(req, stages) {
  el.cli.textContent = stages.map((s) => cliCommand(req, s)).join("\n");
  el.copyStatus.textContent = "";
}

async function copyCli() {
  const text = el.cli.textContent;
  try {
    await navigator.clipboard.writeText(text);
    el.copyStatus.textContent = "— copied";
  } catch {
    const range = document.createRange();
    range.selectNodeContents(el.cli);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    el.copyStatus.textContent = "— selected: press Ctrl+C to copy";
  }
}

// ---------- wiring ----------

function toggleRaw() {
  const on = el.raw.hidden;
  show(el.raw, on);
  show(el.view, !on);
  el.toggleRaw.setAttribute("aria-pressed", on ? "true" : "false");
  el.toggleRaw.textContent = on ? "Show formatted view" : "Show raw JSON";
}

async function loadServerInfo() {
  try {
    const res = await fetch("/__server/info", { cache: "no-store" });
    if (!res.ok) throw new Error(String(res.status));
    const info = await res.json();
    serverInfo = {
      mode: info.mode === "proxy" ? "proxy" : "emulator",
      upstream: typeof info.upstream === "string" ? info.upstream : AWS_ENDPOINT,
      demo: info.demo ?? null,
      known: true,
    };
  } catch {
    serverInfo = { mode: "static", upstream: AWS_ENDPOINT, demo: null, known: false };
  }
  el.mode.textContent =
    serverInfo.mode === "emulator"
      ? "built-in emulator running"
      : serverInfo.mode === "proxy"
        ? `forwarding to ${serverInfo.upstream}`
        : "static hosting";
  for (const name of serverInfo.demo?.functions ?? []) el.identifiers.append(h("option", { value: name }));
  show(el.demoCreds, Boolean(serverInfo.demo?.credentials?.length));
  if (serverInfo.mode === "proxy") el.preset.value = "proxy";
  else if (serverInfo.mode === "static") el.preset.value = "aws";
}

async function main() {
  el.form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    runDescribe();
  });
  el.cancel.addEventListener("click", () => {
    if (current) {
      el.busyText.textContent = "Cancelling…";
      current.controller.abort();
    }
  });
  el.preset.addEventListener("change", applyPreset);
  el.demoCreds.addEventListener("click", fillDemoCreds);
  el.clearCreds.addEventListener("click", clearCreds);
  el.toggleRaw.addEventListener("click", toggleRaw);
  el.copyCli.addEventListener("click", copyCli);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && current) current.controller.abort();
  });
  await loadServerInfo();
  applyPreset();
  if (el.identifier.value === "" && serverInfo.demo?.functions?.length && el.preset.value === "emulator") {
    el.identifier.value = serverInfo.demo.functions[0];
  }
  show(el.boot, false);
  el.describe.disabled = false;
  document.body.dataset.ready = "true";
}

main();
