// The sandbox TestConnectionFunction runs code in. The code runs in QuickJS compiled to
// WebAssembly (quickjs-emscripten), in a worker thread (sandbox-worker.mjs), so that
//   - it reaches nothing of the server (its own engine and heap, no host functions),
//   - its limits hold: an interrupt handler stops it at a time limit, the runtime has a
//     memory and a stack limit,
//   - the server's event loop keeps answering while it runs, and a worker that fails anyway
//     (past the time limit plus a grace period, or QuickJS aborting) is terminated and
//     replaced, never the server.
// Jobs run one at a time, in arrival order; the queue is bounded.
import { Worker } from "node:worker_threads";

/** What one run may use. `budgetMs` is the compute budget that ComputeUtilization is a percentage of. */
export const LIMITS = {
  budgetMs: 5, // CloudFront's documented execution limit for a connection function
  timeMs: 100, // the run is interrupted here (20× the budget: slack for a shared, slow machine)
  memoryBytes: 8 * 1024 * 1024, // heap the code may grow beyond the engine's own start-up memory
  stackBytes: 256 * 1024,
  lines: 100, // console lines kept
  lineChars: 1024, // characters kept per line
  graceMs: 3000, // beyond timeMs, for a stuck engine, before the worker is ended
};
const STARTUP_TIMEOUT_MS = 30000; // loading and warming the engine (seconds on a loaded machine)
const MAX_QUEUE = 32;

export const MESSAGES = {
  time: `The function exceeded the emulator's time limit of ${LIMITS.timeMs} ms and was stopped.`,
  memory: `The function exceeded the memory limit of ${LIMITS.memoryBytes / (1024 * 1024)} MiB and was stopped.`,
  notUtf8: "The function code is not valid UTF-8, so it cannot run.",
  noDecision: "The function returned without calling connection.allow() or connection.deny().",
};

/**
 * The answer of one run, as TestConnectionFunction reports it:
 * { utilization (string, 0–100), logs, errorMessage ("" when none), output (`{"action":"allow"}`, … or "") }
 * or { failed: message } when the sandbox itself could not run the code (TestFunctionFailed).
 */
function toTestResult(run, limits) {
  const utilization = String(Math.min(100, Math.max(0, Math.round((run.elapsedMs / limits.budgetMs) * 100))));
  let errorMessage = run.error ?? "";
  if (run.reason === "time") errorMessage = MESSAGES.time;
  else if (run.reason === "memory") errorMessage = MESSAGES.memory;
  else if (!run.error && run.decision === undefined) errorMessage = MESSAGES.noDecision;
  const output = run.decision === undefined || run.reason ? "" : JSON.stringify({ action: run.decision });
  return { utilization: run.reason === "time" ? "100" : utilization, logs: run.logs ?? [], errorMessage, output };
}

export class Sandbox {
  /** `workerUrl` is for tests (a worker that cannot start). */
  constructor(limits = LIMITS, { workerUrl = new URL("./sandbox-worker.mjs", import.meta.url) } = {}) {
    this.limits = { ...LIMITS, ...limits };
    this.workerUrl = workerUrl;
    this.worker = null;
    this.queue = [];
    this.current = null;
    this.nextId = 1;
    this.closed = false;
    this.workersStarted = 0; // for tests: a replaced worker shows here
  }

  /**
   * Runs `connectionHandler(connection)` from `code` (bytes). Resolves to a test result (see
   * toTestResult); never rejects for anything the code does.
   */
  run({ code, connection }) {
    let source;
    try {
      source = new TextDecoder("utf-8", { fatal: true }).decode(code);
    } catch {
      return Promise.resolve({ utilization: "0", logs: [], errorMessage: MESSAGES.notUtf8, output: "" });
    }
    if (this.closed) return Promise.resolve({ failed: "The emulator is shutting down." });
    if (this.queue.length >= MAX_QUEUE) return Promise.resolve({ failed: "Too many tests are waiting to run; try again." });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, code: source, connectionJson: JSON.stringify(connection), resolve });
      this.pump();
    });
  }

  startWorker() {
    const worker = new Worker(this.workerUrl, { workerData: this.limits });
    worker.unref(); // a waiting sandbox never keeps the process alive
    worker.ready = false; // jobs are sent once the engine is loaded and warm, so start-up is not run time
    this.workersStarted += 1;
    const startup = setTimeout(() => {
      if (worker === this.worker && !worker.ready) this.failStart(worker, "the sandbox did not start");
    }, STARTUP_TIMEOUT_MS);
    startup.unref();
    worker.on("message", (msg) => {
      if (worker !== this.worker) return;
      if (msg.ready) {
        clearTimeout(startup);
        worker.ready = true;
        this.pump();
        return;
      }
      const job = this.current;
      if (!job || job.id !== msg.id) return;
      this.finish(job, toTestResult(msg.result, this.limits));
    });
    const gone = (why) => {
      clearTimeout(startup);
      if (worker !== this.worker) return;
      if (!worker.ready) {
        this.failStart(worker, why);
        return;
      }
      this.worker = null;
      const job = this.current;
      if (!job) return;
      // A worker that ends after answering (it filled its memory, or QuickJS failed to free an
      // exhausted runtime) may already hold the next job: that one runs again on a fresh worker, once.
      if (job.attempts < 2) {
        clearTimeout(job.timer);
        this.current = null;
        this.queue.unshift(job);
        this.pump();
      } else {
        this.finish(job, { failed: `The sandbox failed while running the function (${why}).` });
      }
    };
    worker.on("error", (e) => gone(e?.message ?? "error"));
    worker.on("exit", (code) => gone(`exit ${code}`));
    return worker;
  }

  /** A worker that could not start: the waiting jobs fail (TestFunctionFailed); the next run tries a new one. */
  failStart(worker, why) {
    this.worker = null;
    worker.terminate();
    const waiting = this.queue;
    this.queue = [];
    for (const job of waiting) job.resolve({ failed: `The sandbox could not start (${why}).` });
  }

  pump() {
    if (this.current || this.queue.length === 0 || this.closed) return;
    this.worker ??= this.startWorker();
    const worker = this.worker;
    if (!worker.ready) return; // pumped again when it is
    const job = this.queue.shift();
    job.attempts = (job.attempts ?? 0) + 1;
    this.current = job;
    // The backstop: a worker that has not answered well after the time limit is ended.
    job.timer = setTimeout(() => {
      if (this.current !== job) return;
      this.worker = null;
      worker.terminate();
      this.finish(job, toTestResult({ reason: "time", logs: [], elapsedMs: this.limits.timeMs }, this.limits));
    }, this.limits.timeMs + this.limits.graceMs);
    job.timer.unref();
    worker.postMessage({ id: job.id, code: job.code, connectionJson: job.connectionJson, limits: this.limits });
  }

  finish(job, result) {
    clearTimeout(job.timer);
    if (this.current === job) this.current = null;
    job.resolve(result);
    this.pump();
  }

  /** Ends the worker and answers waiting jobs (server shutdown). */
  close() {
    this.closed = true;
    const waiting = [...(this.current ? [this.current] : []), ...this.queue];
    this.queue = [];
    this.current = null;
    for (const job of waiting) {
      clearTimeout(job.timer);
      job.resolve({ failed: "The emulator is shutting down." });
    }
    this.worker?.terminate();
    this.worker = null;
  }
}
