// The functions list: every connection function (ListConnectionFunctions, all pages, cancellable,
// continued on request), filtered by name as one types and by stage. Each name links to the
// function's details (#fn=NAME&view=details).
import { $, h, plural, show } from "../shared/dom.js";
import { timeNode } from "../shared/format.js";
import { command } from "../shared/package.js";
import { nextMarker } from "../shared/paging.js";
import { routeHash } from "../shared/route.js";
import { TaskArea } from "../shared/task.js";

const el = {
  list: $("list-functions"),
  more: $("list-more"),
  filter: $("filter"),
  stageFilter: $("stage-filter"),
  pageSize: $("page-size"),
  count: $("functions-count"),
  table: $("functions-table"),
  body: $("functions-table").tBodies[0],
  identifiers: $("identifiers"),
};

const state = { rows: [], pages: 0, nextMarker: undefined, complete: false, listed: false };
let task;
const listeners = new Set();

/** MaxItems for every paged call (this list and "Used by"), from the Page size field. */
export function pageSize() {
  const n = Number.parseInt(el.pageSize.value, 10);
  return Number.isInteger(n) ? Math.min(100, Math.max(1, n)) : 50;
}

/** `fn()` is called after each listing that ends well. */
export function onListed(fn) {
  listeners.add(fn);
}

export function setupList() {
  task = new TaskArea($("functions-task"), "listing functions");
  el.list.addEventListener("click", () => listFunctions());
  el.more.addEventListener("click", () => listFunctions({ resume: true }));
  el.filter.addEventListener("input", render);
  el.stageFilter.addEventListener("change", render);
}

/** Lists every page from the start (or, with resume, from where a stopped listing ended). */
export async function listFunctions({ resume = false } = {}) {
  if (!resume || state.pages === 0) Object.assign(state, { rows: [], pages: 0, nextMarker: undefined, complete: false, listed: true });
  show(el.more, false);
  render();
  const ok = await task.start(
    "Listing functions…",
    async (run) => {
      const client = run.client();
      do {
        run.progress(`Listing functions: page ${state.pages + 1}, ${plural(state.rows.length, "entry", "entries")} so far…`);
        const input = { MaxItems: pageSize() };
        if (state.nextMarker) input.Marker = state.nextMarker;
        const out = await client.send(command("ListConnectionFunctions", input), { abortSignal: run.signal });
        if (!run.isCurrent()) return false;
        state.rows.push(...(out.ConnectionFunctions ?? []));
        state.pages += 1;
        // An empty marker ends the list, as the SDK's paginator treats it.
        state.nextMarker = nextMarker(input.Marker, out.NextMarker);
        render();
      } while (state.nextMarker);
      state.complete = true;
      return true;
    },
    { context: { operation: "ListConnectionFunctions" } },
  );
  show(el.more, !state.complete);
  render();
  if (ok) for (const fn of listeners) fn();
}

function matches(row, text, stage) {
  if (stage && row.Stage !== stage) return false;
  return text === "" || String(row.Name ?? "").toLowerCase().includes(text);
}

const byNameThenStage = (a, b) =>
  String(a.Name ?? "").localeCompare(String(b.Name ?? "")) || String(a.Stage ?? "").localeCompare(String(b.Stage ?? ""));

function render() {
  const text = el.filter.value.trim().toLowerCase();
  const stage = el.stageFilter.value;
  const shown = state.rows.filter((r) => matches(r, text, stage)).sort(byNameThenStage);
  el.body.replaceChildren(...shown.map(rowNode));
  show(el.table, state.rows.length > 0);
  el.table.dataset.rows = String(shown.length);

  const names = new Set(state.rows.map((r) => r.Name));
  // The describe form's suggestions: the listed names (the server's seed names until then).
  if (names.size > 0) el.identifiers.replaceChildren(...[...names].sort().map((n) => h("option", { value: String(n) })));
  if (!state.listed) {
    el.count.textContent = "";
    return;
  }
  const total = `${plural(names.size, "function")} (${plural(state.rows.length, "stage entry", "stage entries")}) in ${plural(state.pages, "page")}`;
  const filtered = text || stage ? `; ${shown.length} shown by the filter` : "";
  const partial = state.complete ? "" : task?.busy ? ", listing…" : state.nextMarker ? ", more not listed yet" : "";
  el.count.textContent = `${total}${partial}${filtered}.`;
}

function rowNode(r) {
  const name = String(r.Name ?? "");
  const cell = (label, ...children) => h("td", { "data-label": label }, ...children);
  return h(
    "tr",
    { "data-name": name, "data-stage": String(r.Stage ?? "") },
    h("th", { scope: "row", "data-label": "Name" }, h("a", { href: routeHash({ fn: name, view: "details" }), text: name })),
    cell("Status", String(r.Status ?? "—")),
    cell("Stage", h("span", { class: `stage stage-${String(r.Stage ?? "").toLowerCase()}`, text: String(r.Stage ?? "—") })),
    cell("Runtime", String(r.ConnectionFunctionConfig?.Runtime ?? "—")),
    cell("Last modified", timeNode(r.LastModifiedTime, { withRelative: false })),
  );
}
