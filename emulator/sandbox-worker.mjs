// The worker thread of the TestConnectionFunction sandbox (sandbox.mjs starts it). Each job
// runs one function's code in a fresh QuickJS runtime (quickjs-emscripten: the QuickJS engine
// compiled to WebAssembly, with its own heap), limited by
//   - an interrupt handler: the run stops at a wall-clock deadline (an endless loop ends there),
//   - a memory limit: the module's WebAssembly.Memory has a maximum, so an allocation bomb gets
//     QuickJS's own "out of memory" error. (QuickJS's setMemoryLimit cannot do this here: this
//     build has no malloc_usable_size, so it counts allocations, not bytes.) A module whose
//     memory ran full is not reused: the worker ends after answering and the host starts another.
//   - a stack limit (deep recursion gets QuickJS's "stack overflow").
// Nothing of the host is reachable from the code: the context has QuickJS's built-ins, a
// `console` that collects lines, and the `connection` object built from the job's JSON.
import { parentPort, workerData } from "node:worker_threads";
import { RELEASE_SYNC, newQuickJSWASMModuleFromVariant, newVariant, shouldInterruptAfterDeadline } from "quickjs-emscripten";

const PAGE = 64 * 1024;
const BASE_PAGES = 256; // the module's own initial memory (16 MiB: its static data, stack and heap start)
const MAX_PAGES = BASE_PAGES + Math.ceil(workerData.memoryBytes / PAGE);
const wasmMemory = new WebAssembly.Memory({ initial: BASE_PAGES, maximum: MAX_PAGES });
const QuickJS = await newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmMemory }));
// Grown into the last quarter of what the code may use: an allocation failed or soon will (the
// failing request is often larger than what is left, so the memory stops short of its maximum).
const memoryFull = () => wasmMemory.buffer.byteLength >= (MAX_PAGES - (MAX_PAGES - BASE_PAGES) / 4) * PAGE;

// Runs before the function's code, inside the context. It defines console (lines kept in
// __cfw.logs, bounded) and the connection object with allow()/deny() (the first decision counts).
const PRELUDE = `
(() => {
  const MAX_LINES = __limits.lines, MAX_LINE = __limits.lineChars;
  const state = { logs: [], decision: undefined, truncated: false };
  const show = (v) => {
    if (typeof v === "string") return v;
    if (v instanceof Error) return String(v);
    if (typeof v === "object" && v !== null) { try { return JSON.stringify(v); } catch { return String(v); } }
    return String(v);
  };
  const log = (...args) => {
    if (state.logs.length >= MAX_LINES) { state.truncated = true; return; }
    let line = args.map(show).join(" ");
    if (line.length > MAX_LINE) line = line.slice(0, MAX_LINE) + "…";
    state.logs.push(line);
  };
  globalThis.console = { log, info: log, warn: log, error: log, debug: log };
  const connection = JSON.parse(__connectionJson);
  Object.defineProperty(connection, "allow", { value() { if (state.decision === undefined) state.decision = "allow"; } });
  Object.defineProperty(connection, "deny", { value() { if (state.decision === undefined) state.decision = "deny"; } });
  // The state stays in this closure: the function's code can neither forge a decision nor break the logs.
  Object.defineProperty(globalThis, "__cfw", {
    value: Object.freeze({ connection, read: () => JSON.stringify({ logs: state.logs, decision: state.decision }) }),
    writable: false,
    configurable: false,
  });
})();
`;

function describeError(vm, handle) {
  const dumped = vm.dump(handle);
  if (dumped && typeof dumped === "object") {
    const name = typeof dumped.name === "string" ? dumped.name : "Error";
    const message = typeof dumped.message === "string" ? dumped.message : JSON.stringify(dumped);
    return `${name}: ${message}`;
  }
  return `Uncaught ${String(dumped)}`;
}

/**
 * Runs one job: { code (string), connectionJson, limits: { timeMs, memoryBytes, stackBytes, lines, lineChars } }.
 * Returns { decision?, logs, error?, reason?, elapsedMs }; `reason` is "time" or "memory" when a limit ended the run.
 */
function runJob({ code, connectionJson, limits }) {
  const runtime = QuickJS.newRuntime();
  const vm = runtime.newContext();
  let result;
  let started = 0;
  let interrupted = false;
  try {
    runtime.setMaxStackSize(limits.stackBytes);
    const setGlobal = (name, handle) => {
      vm.setProp(vm.global, name, handle);
      handle.dispose();
    };
    setGlobal("__connectionJson", vm.newString(connectionJson));
    const lim = vm.newObject();
    vm.setProp(lim, "lines", vm.newNumber(limits.lines));
    vm.setProp(lim, "lineChars", vm.newNumber(limits.lineChars));
    setGlobal("__limits", lim);
    vm.unwrapResult(vm.evalCode(PRELUDE, "prelude.js")).dispose();

    started = performance.now();
    const deadline = shouldInterruptAfterDeadline(Date.now() + limits.timeMs);
    runtime.setInterruptHandler((rt) => {
      if (deadline(rt)) interrupted = true;
      return interrupted;
    });
    let error;
    const evaluated = vm.evalCode(code, "function.js");
    if (evaluated.error) {
      error = describeError(vm, evaluated.error);
      evaluated.error.dispose();
    } else {
      evaluated.value.dispose();
      const call = vm.evalCode(
        `typeof connectionHandler === "function" ? connectionHandler(__cfw.connection) : (() => { throw new ReferenceError("connectionHandler is not defined: the code must define function connectionHandler(connection)"); })()`,
        "call.js",
      );
      if (call.error) {
        error = describeError(vm, call.error);
        call.error.dispose();
      } else {
        // An async handler: run its jobs until the promise settles (the interrupt handler still applies).
        const state = vm.getPromiseState(call.value);
        if (state.type === "pending") {
          const pending = runtime.executePendingJobs();
          if (pending.error) {
            error = describeError(vm, pending.error);
            pending.error.dispose();
          }
        }
        const settled = vm.getPromiseState(call.value);
        if (!error && settled.type === "rejected") error = describeError(vm, settled.error);
        if (!error && settled.type === "pending") error = "Error: the handler's promise never settled";
        if (settled.type === "fulfilled" && !settled.notAPromise) settled.value.dispose();
        if (settled.type === "rejected") settled.error.dispose();
        call.value.dispose();
      }
    }
    const elapsedMs = performance.now() - started;
    const readHandle = vm.getProp(vm.global, "__cfw");
    const readFn = vm.getProp(readHandle, "read");
    const stateJson = vm.unwrapResult(vm.callFunction(readFn, vm.undefined));
    const state = JSON.parse(vm.getString(stateJson));
    for (const h of [stateJson, readFn, readHandle]) h.dispose();
    let reason;
    if ((error || interrupted) && (memoryFull() || /out of memory/i.test(error ?? ""))) reason = "memory";
    else if (interrupted) reason = "time";
    result = { decision: state.decision, logs: state.logs, error, reason, elapsedMs };
  } catch (e) {
    // The VM could not even report its state (e.g. out of memory while reading it).
    const elapsedMs = started ? performance.now() - started : 0;
    const reason = memoryFull() || /out of memory/i.test(String(e?.message ?? e)) ? "memory" : interrupted ? "time" : undefined;
    result = { logs: [], error: String(e?.message ?? e), reason, elapsedMs };
  }
  return {
    result,
    dispose() {
      vm.dispose();
      runtime.dispose();
    },
  };
}

parentPort.on("message", (job) => {
  const { result, dispose } = runJob(job);
  parentPort.postMessage({ id: job.id, result });
  try {
    dispose();
  } catch {
    // QuickJS can fail an internal assertion freeing a runtime that ran out of memory: the
    // module is then unusable.
    process.exit(1);
  }
  // The memory never shrinks: after a run that filled it, a fresh module for the next job.
  if (result.reason === "memory" || memoryFull()) process.exit(0);
});

// A first run at start-up, so that the first measured job does not pay for the engine's warm-up.
const WARM_UP = `function connectionHandler(c) {
  console.log("warm-up", c.clientIp, { n: [1, 2, 3].map((x) => x * 2) }, JSON.stringify(c));
  if (/^10\\./.test(c.clientIp)) c.deny(); else c.allow();
}`;
for (let i = 0; i < 3; i++) {
  runJob({ code: WARM_UP, connectionJson: '{"clientIp":"192.0.2.1","clientCertInfo":{"serialNumber":"01"}}', limits: workerData }).dispose();
}
parentPort.postMessage({ ready: true });
