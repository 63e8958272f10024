// Progress and cancel for every request. Each view owns a TaskArea: a status line (spinner, what
// is happening, requests sent so far, retries included), a Cancel button, and a slot for the
// error of its last run.
// Starting a new run in an area cancels the one before it.
import { h, plural, show } from "./dom.js";
import { errorBox } from "./errors.js";
import { makeClient, readConnection } from "./connection.js";

const areas = new Set();

/** Cancels every running request on the page (Escape). */
export function cancelAll() {
  for (const a of areas) a.cancel();
}

export class TaskArea {
  /** `what` names the work, for the Cancel button: "Cancel listing functions". */
  constructor(container, what) {
    this.spinner = h("span", { class: "spinner", "aria-hidden": "true", hidden: true });
    this.text = h("span", { class: "task-text", role: "status", "aria-live": "polite" });
    this.cancelButton = h("button", { type: "button", class: "secondary small", "aria-label": `Cancel ${what}`, disabled: true, hidden: true }, "Cancel");
    this.errorSlot = h("div", { class: "task-error" });
    this.node = h("div", { class: "task", "data-state": "idle" }, h("div", { class: "task-line" }, h("p", { class: "status-line" }, this.spinner, this.text), this.cancelButton), this.errorSlot);
    this.cancelButton.addEventListener("click", () => this.cancel());
    container.replaceChildren(this.node);
    this.run = null;
    areas.add(this);
  }

  get busy() {
    return this.run !== null;
  }

  /** Cancels any run and empties the area (a different function was chosen). */
  clear() {
    this.cancel();
    this.run = null;
    this.#busy(false);
    this.node.dataset.state = "idle";
    this.text.textContent = "";
    this.errorSlot.replaceChildren();
  }

  cancel() {
    if (!this.run) return;
    this.text.textContent = "Cancelling…";
    this.run.controller.abort();
  }

  /**
   * Runs `work(run)`; `run` has `signal`, `client()` (a new client on the form's connection whose
   * requests are counted here), `progress(text)` and `isCurrent()`.
   * Resolves to work's value, or undefined when it failed (shown here) or was cancelled.
   */
  async start(label, work, { context } = {}) {
    if (this.run) this.run.controller.abort();
    const run = {
      controller: new AbortController(),
      attempts: 0,
      label,
      started: performance.now(),
      clients: [],
    };
    run.signal = run.controller.signal;
    run.isCurrent = () => this.run === run;
    run.progress = (text) => {
      run.label = text;
      if (run.isCurrent()) this.#render(run);
    };
    run.client = () => {
      const conn = run.conn ?? (run.conn = readConnection());
      const client = makeClient(conn, () => {
        run.attempts += 1;
        run.progress(run.label);
      });
      run.clients.push(client);
      return client;
    };
    this.run = run;
    this.errorSlot.replaceChildren();
    this.#busy(true);
    this.node.dataset.state = "busy";
    this.#render(run);
    let value;
    let error;
    try {
      value = await work(run);
    } catch (e) {
      error = e;
    } finally {
      for (const c of run.clients) c.destroy();
    }
    if (!run.isCurrent()) return undefined; // superseded by a newer run: it owns the area now
    this.run = null;
    this.#busy(false);
    const ms = Math.round(performance.now() - run.started);
    const requests = plural(run.attempts, "request");
    if (run.signal.aborted) {
      this.node.dataset.state = "cancelled";
      this.text.textContent = `Cancelled after ${requests} (${ms} ms).`;
      return undefined;
    }
    if (error !== undefined) {
      this.node.dataset.state = "error";
      this.text.textContent = `Failed after ${requests} (${ms} ms).`;
      this.errorSlot.replaceChildren(errorBox(error, context));
      return undefined;
    }
    this.node.dataset.state = "done";
    this.text.textContent = `Done: ${requests} in ${ms} ms.`;
    return value;
  }

  #busy(on) {
    show(this.spinner, on);
    show(this.cancelButton, on);
    this.cancelButton.disabled = !on;
    this.node.setAttribute("aria-busy", on ? "true" : "false");
  }

  #render(run) {
    this.text.textContent = `${run.label} (${plural(run.attempts, "request")} so far)`;
  }
}
