// The describe form (the page's original view): one DescribeConnectionFunction, or one per stage
// side by side, with its attempts, the raw JSON and the equivalent AWS CLI command.
import { $, h, show } from "../shared/dom.js";
import { AWS_ENDPOINT, makeClient, readConnection } from "../shared/connection.js";
import { hintFor, errorFields } from "../shared/errors.js";
import { FIELDS, NOT_COMPARED, comparable, valueNode } from "../shared/fields.js";
import { selectNode } from "../shared/clipboard.js";
import { command } from "../shared/package.js";

const STAGES = ["DEVELOPMENT", "LIVE"];

const el = {
  form: $("form"),
  identifier: $("identifier"),
  stage: $("stage"),
  describe: $("describe"),
  cancel: $("cancel"),
  activity: $("activity"),
  spinner: $("spinner"),
  busyText: $("busy-text"),
  attempts: $("attempts"),
  error: $("error"),
  errorHint: $("error-hint"),
  result: $("result"),
  view: $("view"),
  raw: $("raw"),
  toggleRaw: $("toggle-raw"),
  copyCli: $("copy-cli"),
  copyStatus: $("copy-status"),
  cli: $("cli"),
};

/** The run in flight: { controller, attempts, attemptsByStage, done, started }. */
let current = null;

export function cancelDescribe() {
  if (current) {
    el.busyText.textContent = "Cancelling…";
    current.controller.abort();
  }
}

export function setupDescribe() {
  el.form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    runDescribe();
  });
  el.cancel.addEventListener("click", cancelDescribe);
  el.toggleRaw.addEventListener("click", toggleRaw);
  el.copyCli.addEventListener("click", copyCli);
  el.describe.disabled = false;
}

function readForm() {
  const conn = readConnection();
  const identifier = el.identifier.value;
  if (identifier.trim() === "") {
    throw Object.assign(new Error("Enter a function name or ARN."), { name: "MissingIdentifier" });
  }
  return { ...conn, identifier, stage: el.stage.value };
}

function setBusyText(run) {
  if (!run.done) el.busyText.textContent = `Working… ${run.attempts} attempt${run.attempts === 1 ? "" : "s"} so far`;
}

function setBusy(on) {
  el.describe.disabled = on;
  el.cancel.disabled = !on;
  show(el.spinner, on);
  el.activity.setAttribute("aria-busy", on ? "true" : "false");
  document.body.classList.toggle("is-busy", on);
}

/** One list item per attempt, with its outcome. */
function attemptRecorder(run, stage) {
  return () => {
    if (run.controller.signal.aborted) throw new DOMException("The request was cancelled.", "AbortError");
    run.attempts += 1;
    const n = (run.attemptsByStage[stage] ?? 0) + 1;
    run.attemptsByStage[stage] = n;
    const outcome = h("span", { class: "outcome", text: "sending" });
    const item = h("li", { class: "attempt pending" }, `${stage}: attempt ${n} … `, outcome);
    el.attempts.append(item);
    setBusyText(run);
    return {
      done(res) {
        outcome.textContent = `HTTP ${res.status}`;
        item.classList.replace("pending", res.ok ? "ok" : "bad");
      },
      failed(e) {
        outcome.textContent = e?.name === "AbortError" ? "cancelled" : `failed (${e?.name ?? "error"})`;
        item.classList.replace("pending", "bad");
      },
    };
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
  el.activity.dataset.state = "busy";
  setBusy(true);
  setBusyText(run);

  const stages = req.stage === "BOTH" ? STAGES : [req.stage];
  const clients = [];
  const calls = stages.map((stage) => {
    const client = makeClient(req, attemptRecorder(run, stage));
    clients.push(client);
    return client.send(command("DescribeConnectionFunction", { Identifier: req.identifier, Stage: stage }), {
      abortSignal: run.controller.signal,
    });
  });
  const settled = await Promise.allSettled(calls);
  for (const c of clients) c.destroy();
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

  if (stages.length === 1) {
    const r = settled[0];
    if (r.status === "rejected") {
      showError(r.reason, { stage: stages[0] });
      return;
    }
    renderSingle(r.value, req);
  } else {
    const [dev, live] = settled;
    const liveMissing = live.status === "rejected" && live.reason?.name === "EntityNotFound" && dev.status === "fulfilled";
    const failed = [dev, live].find((r) => r.status === "rejected" && !(r === live && liveMissing));
    if (failed) {
      showError(failed.reason, { stage: failed === live ? "LIVE" : "DEVELOPMENT" });
      return;
    }
    renderBoth(dev.value, liveMissing ? null : live.value, req, liveMissing ? live.reason : null);
  }
}

function showError(e, context) {
  // The panel's value elements have the ids errorFields() gives as their first class.
  for (const [, value, cls] of errorFields(e)) $(cls.split(" ")[0]).textContent = value;
  el.errorHint.textContent = hintFor(e, context);
  el.error.dataset.errorName = String(e?.name ?? "Error");
  show(el.error, true);
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

function toggleRaw() {
  const on = el.raw.hidden;
  show(el.raw, on);
  show(el.view, !on);
  el.toggleRaw.setAttribute("aria-pressed", on ? "true" : "false");
  el.toggleRaw.textContent = on ? "Show formatted view" : "Show raw JSON";
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
  try {
    await navigator.clipboard.writeText(el.cli.textContent);
    el.copyStatus.textContent = "— copied";
  } catch {
    selectNode(el.cli);
    el.copyStatus.textContent = "— selected: press Ctrl+C to copy";
  }
}
