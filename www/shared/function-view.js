// A panel about one function (its details, its code, the distributions that use it): a task area
// (progress, Cancel, the last error) above the panel's content, loaded once per function until
// reset() (another connection, or the list reloaded).
import { h } from "./dom.js";
import { TaskArea } from "./task.js";

export class FunctionView {
  /** `what` names the work for the Cancel button; `content` are the panel's nodes below the task area. */
  constructor(panel, what, ...content) {
    this.taskNode = h("div");
    panel.replaceChildren(this.taskNode, ...content);
    this.task = new TaskArea(this.taskNode, what);
    this.loadedFor = undefined;
  }

  reset() {
    this.task.clear();
    this.loadedFor = undefined;
    this.clear();
  }

  /** Empties the content (each view's own). */
  clear() {}

  /**
   * Runs `work(run)` for `fn` with `status` shown, unless `fn` is what the panel already shows.
   * Resolves to its result, or to undefined (already shown, failed, cancelled or replaced).
   */
  async load(fn, status, operation, work) {
    if (this.loadedFor === fn) return undefined;
    this.clear();
    const result = await this.task.start(status, work, { context: { operation } });
    if (result) this.loadedFor = fn;
    return result;
  }
}
