// Deep links: the chosen function and view live in the URL's fragment, `#fn=NAME&view=code`.
// Only these two keys are ever written: no endpoint, no key, nothing secret.

const VIEWS = ["details", "code", "used-by", "test"];

/** { fn, view } from a fragment; fn is undefined when there is none. */
export function parseRoute(hash = location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const fn = params.get("fn") ?? undefined;
  const view = params.get("view");
  return { fn: fn === "" ? undefined : fn, view: VIEWS.includes(view) ? view : "details" };
}

export function routeHash({ fn, view = "details" }) {
  return `#${new URLSearchParams({ fn, view }).toString()}`;
}

/** Moves to a route (the hashchange listener does the rest); false when it is the current one. */
export function goTo(route) {
  const hash = routeHash(route);
  if (location.hash === hash) return false;
  location.hash = hash;
  return true;
}
