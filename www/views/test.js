// Test: runs the function on a sample connection (TestConnectionFunction) in the chosen stage,
// with that stage's current ETag (read by a Describe just before, as If-Match needs it), and
// shows the output (allow or deny), the execution logs, the compute utilization and the error
// message when the function throws.
import { $, h, show } from "../shared/dom.js";
import { server } from "../shared/connection.js";
import { command } from "../shared/package.js";
import { TaskArea } from "../shared/task.js";
import { describeStage } from "./details.js";
import { SAMPLE_CONNECTION } from "./sample-connection.js";

const el = {
  form: $("test-form"),
  textarea: $("connection-object"),
  stage: $("test-stage"),
  run: $("run-test"),
  reset: $("reset-connection"),
  note: $("etag-note"),
  result: $("test-result"),
};

/** Why a test cannot be sent when the page cannot read ETag, and what to do about it. */
function etagNote() {
  const where =
    server.mode === "static"
      ? "serve the page with npm start and use its “Real AWS through this server's proxy” preset"
      : "use the “Real AWS through this server's proxy” preset (npm start's proxy)";
  return (
    "This endpoint's answers do not let the page read ETag (CloudFront does not list it in Access-Control-Expose-Headers), " +
    `and Run test needs the stage's ETag for If-Match. To test, ${where}, which exposes the header.`
  );
}

const badRequest = (message) => Object.assign(new Error(message), { name: "InvalidConnectionObject" });

export class TestView {
  constructor(shared) {
    this.shared = shared;
    this.task = new TaskArea($("test-task"), "the test");
    this.fn = undefined;
    // npm start's documented sample when there is one, else the page's copy of it.
    const sample = typeof server.demo?.connectionObject === "string" ? server.demo.connectionObject.trim() : SAMPLE_CONNECTION;
    el.textarea.value = sample;
    el.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.runTest();
    });
    el.reset.addEventListener("click", () => {
      el.textarea.value = sample;
    });
  }

  reset() {
    this.task.clear();
    el.result.replaceChildren();
    this.showNote(false);
  }

  open(fn) {
    this.fn = fn;
    // Known already from the details (a Describe without a readable ETag): say so before a run.
    this.showNote(this.shared.etagHidden(fn));
  }

  showNote(on) {
    el.note.textContent = on ? etagNote() : "";
    show(el.note, on);
    if (on) el.run.setAttribute("aria-describedby", "etag-note");
    else el.run.removeAttribute("aria-describedby");
  }

  async runTest() {
    const fn = this.fn;
    if (!fn) return;
    const stage = el.stage.value;
    const text = el.textarea.value;
    el.result.replaceChildren();
    let blocked = false;
    const out = await this.task.start(
      `Testing ${fn} (${stage})…`,
      async (run) => {
        try {
          JSON.parse(text);
        } catch (e) {
          throw badRequest(`The connection object is not valid JSON: ${e.message}`);
        }
        const client = run.client();
        run.progress(`Reading the current ETag of ${fn} (${stage})…`);
        const described = await describeStage(client, fn, stage, run.signal);
        if (described === null) {
          throw Object.assign(new Error(`${fn} is not published to LIVE: there is no LIVE stage to test.`), { name: "EntityNotFound" });
        }
        if (described.ETag === undefined) {
          blocked = true;
          return undefined;
        }
        run.progress(`Running ${fn} (${stage}) on the connection object…`);
        return client.send(
          command("TestConnectionFunction", {
            Id: described.ConnectionFunctionSummary?.Id ?? fn,
            IfMatch: described.ETag,
            Stage: stage,
            ConnectionObject: new TextEncoder().encode(text),
          }),
          { abortSignal: run.signal },
        );
      },
      { context: { operation: "TestConnectionFunction", stage } },
    );
    this.showNote(blocked);
    if (blocked) {
      this.task.text.textContent = "Not run: the stage's ETag is not readable here (see the note next to Run test).";
      this.task.node.dataset.state = "blocked";
    }
    if (out) el.result.replaceChildren(renderResult(out.ConnectionFunctionTestResult ?? {}, stage));
  }
}

/** "allow" / "deny" when the output is JSON with an action, else undefined. */
function actionOf(output) {
  try {
    const v = JSON.parse(output);
    return typeof v?.action === "string" ? v.action : undefined;
  } catch {
    return undefined;
  }
}

function renderResult(r, stage) {
  const output = r.ConnectionFunctionOutput ?? "";
  const action = actionOf(output);
  const errorMessage = r.ConnectionFunctionErrorMessage ?? "";
  const logs = r.ConnectionFunctionExecutionLogs ?? [];
  const utilization = Number.parseFloat(r.ComputeUtilization ?? "");
  const parts = [h("h3", { text: `Test result (${stage})` })];

  const verdict = errorMessage
    ? h("p", { class: "verdict verdict-error", id: "test-verdict", text: "The function ended with an error" })
    : h("p", { class: `verdict verdict-${action ?? "other"}`, id: "test-verdict", text: action ? `Connection ${action === "allow" ? "allowed" : action === "deny" ? "denied" : action}` : "No allow/deny decision in the output" });
  parts.push(verdict);
  if (errorMessage) {
    parts.push(h("div", { class: "panel error", role: "alert" }, h("h4", { text: "Error message" }), h("pre", { class: "test-error", id: "test-error", text: errorMessage })));
  }

  const dl = h("dl", { class: "kv" });
  dl.append(h("dt", { text: "Output" }), h("dd", {}, output === "" ? h("span", { class: "muted", text: "(empty)" }) : h("code", { id: "test-output", text: output })));
  const meterId = "utilization-meter";
  const utilizationCell = h("dd", { class: "utilization" });
  if (Number.isFinite(utilization)) {
    utilizationCell.append(
      h("span", { id: "utilization-value", text: `${r.ComputeUtilization}%` }),
      h("meter", { id: meterId, min: "0", max: "100", low: "50", high: "80", optimum: "0", value: String(Math.min(100, Math.max(0, utilization))), "aria-label": "Compute utilization" }),
    );
  } else {
    utilizationCell.append(h("span", { class: "muted", text: r.ComputeUtilization === undefined ? "—" : String(r.ComputeUtilization) }));
  }
  dl.append(h("dt", { text: "Compute utilization" }), utilizationCell);
  parts.push(dl);

  parts.push(h("h4", { text: "Execution logs" }));
  parts.push(
    logs.length
      ? h("ol", { class: "logs", id: "test-logs" }, ...logs.map((l) => h("li", { text: String(l) })))
      : h("p", { class: "muted", id: "test-logs", text: "No log lines." }),
  );
  return h("section", { class: "test-result", "aria-live": "polite" }, ...parts);
}
