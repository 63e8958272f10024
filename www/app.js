// The connection-function inspector: entry point. No framework, no bundler; the package is
// imported as a module (shared/package.js) with the same API as @aws-sdk/client-cloudfront.
//
// Where things are:
//   shared/connection.js  endpoint presets, npm start detection, credentials, clients
//   shared/task.js        progress + Cancel for every request;   shared/errors.js  error panels
//   shared/route.js       deep links (#fn=NAME&view=code);   shared/paging.js  Marker/NextMarker
//   views/describe.js     the describe form          views/list.js     the functions list
//   views/function.js     the chosen function's tabs: views/details.js, views/code.js,
//                         views/used-by.js, views/test.js
//
// Rules every module keeps: credentials live only in the form fields and local variables
// (never in storage, cookies or the URL); every string from the API is rendered as text; no
// inline scripts or styles (the CSP forbids them); the page reads and tests, it never creates,
// updates, publishes or deletes.
import { $, show } from "./shared/dom.js";
import { hasCredentials, server, setupConnection } from "./shared/connection.js";
import { parseRoute } from "./shared/route.js";
import { cancelAll } from "./shared/task.js";
import { cancelDescribe, setupDescribe } from "./views/describe.js";
import { currentFunction, openRoute, setupFunctionView } from "./views/function.js";
import { listFunctions, onListed, setupList } from "./views/list.js";

const routeNote = $("route-note");

/** Opens the fragment's function once credentials are there; until then says what it will open. */
function applyRoute() {
  const route = parseRoute();
  if (!route.fn) return;
  if (!hasCredentials()) {
    routeNote.textContent = `This link opens ${route.fn} (${route.view}): enter credentials above, then choose List functions.`;
    show(routeNote, true);
    return;
  }
  show(routeNote, false);
  openRoute(route);
}

async function main() {
  await setupConnection();
  setupDescribe();
  setupList();
  setupFunctionView();

  const identifier = $("identifier");
  if (identifier.value === "" && server.demo?.functions?.length && $("preset").value === "emulator") {
    identifier.value = String(server.demo.functions[0]);
  }
  window.addEventListener("hashchange", applyRoute);
  // A link to the route already open changes nothing in the URL: open it again (e.g. after a failure).
  document.addEventListener("click", (ev) => {
    const link = ev.target instanceof Element ? ev.target.closest('a[href^="#fn="]') : null;
    if (link && link.getAttribute("href") === location.hash) applyRoute();
  });
  // A deep link waiting for credentials opens after the first listing.
  onListed(() => {
    const route = parseRoute();
    if (route.fn && route.fn !== currentFunction()) applyRoute();
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      cancelDescribe();
      cancelAll();
    }
  });
  // The skip link moves focus without touching the fragment (which holds the deep link).
  document.querySelector(".skip").addEventListener("click", (ev) => {
    ev.preventDefault();
    $("functions").focus();
  });

  show($("boot"), false);
  document.body.dataset.ready = "true";
  applyRoute();
  // With credentials already there (npm start's demo credentials), list right away.
  if (hasCredentials()) listFunctions();
}

main();
