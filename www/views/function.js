// The chosen function: its title, the tabs (Details, Code, Used by, Test) and which view is open.
// The route (#fn=NAME&view=…) is the source of truth: tabs and list links change the fragment,
// and the hashchange listener calls openRoute.
import { $, show } from "../shared/dom.js";
import { goTo } from "../shared/route.js";
import { CodeView } from "./code.js";
import { DetailsView } from "./details.js";
import { TestView } from "./test.js";
import { UsedByView } from "./used-by.js";

const el = {
  section: $("function"),
  title: $("function-title"),
  tabs: [...document.querySelectorAll('#function [role="tab"]')],
};

/** What the views learn about the open function and share (the Test view wants the ETag state). */
const shared = {
  etags: new Map(), // fn → { hidden: boolean }
  described(fn, { dev }) {
    this.etags.set(fn, { hidden: dev?.ETag === undefined });
  },
  etagHidden(fn) {
    return this.etags.get(fn)?.hidden === true;
  },
};

let views;
let current = { fn: undefined, view: undefined };

export function setupFunctionView() {
  views = {
    details: new DetailsView($("panel-details"), shared),
    code: new CodeView($("panel-code")),
    "used-by": new UsedByView($("panel-used-by")),
    test: new TestView(shared),
  };
  el.tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => {
      const route = { fn: current.fn, view: tab.dataset.view };
      // The open view's tab again: load it again if it did not load (a failure, a cancel).
      if (!goTo(route)) openRoute(route);
    });
    // Arrow keys move between tabs (every tab is also reachable with Tab).
    tab.addEventListener("keydown", (ev) => {
      const step = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
      if (!step) return;
      ev.preventDefault();
      el.tabs[(i + step + el.tabs.length) % el.tabs.length].focus();
    });
  });
}

/** Shows `fn` in `view`, loading what that view needs (once per function). */
export function openRoute({ fn, view }) {
  if (!fn) return;
  if (fn !== current.fn) {
    for (const v of Object.values(views)) v.reset();
    shared.etags.delete(fn);
    el.title.textContent = fn;
    show(el.section, true);
  }
  const firstOpen = current.fn !== fn;
  current = { fn, view };
  for (const tab of el.tabs) {
    const selected = tab.dataset.view === view;
    tab.setAttribute("aria-selected", selected ? "true" : "false");
    show($(tab.getAttribute("aria-controls")), selected);
  }
  if (firstOpen) el.section.scrollIntoView({ block: "start" });
  // The details also tell the Test view whether ETag is readable here.
  if (view === "test") views.details.open(fn).then(() => views.test.open(fn));
  views[view].open(fn);
}

export function currentFunction() {
  return current.fn;
}
