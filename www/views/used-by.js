// "Used by": the distributions that use the function (ListDistributionsByConnectionFunction, every
// page): Id, domain name, aliases, status, enabled.
import { h, plural } from "../shared/dom.js";
import { command } from "../shared/package.js";
import { nextMarker } from "../shared/paging.js";
import { FunctionView } from "../shared/function-view.js";
import { pageSize } from "./list.js";

export class UsedByView extends FunctionView {
  constructor(panel) {
    const count = h("p", { class: "count-line", id: "used-by-count", "aria-live": "polite" });
    const body = h("tbody");
    const table = h(
      "table",
      { class: "list responsive", id: "used-by-table", hidden: true },
      h("caption", { text: "Distributions using this function" }),
      h("thead", {}, h("tr", {}, ...["Id", "Domain name", "Aliases", "Status", "Enabled"].map((t) => h("th", { scope: "col", text: t })))),
      body,
    );
    super(panel, "listing the distributions", count, h("div", { class: "table-wrap" }, table));
    Object.assign(this, { count, body, table });
  }

  clear() {
    this.body.replaceChildren();
    this.table.hidden = true;
    this.count.textContent = "";
  }

  async open(fn) {
    if (this.loadedFor === fn) return;
    this.reset();
    this.table.querySelector("caption").textContent = `Distributions using ${fn}`;
    let items = 0;
    let pages = 0;
    let complete = false;
    const done = await this.task.start(
      `Listing the distributions that use ${fn}…`,
      async (run) => {
        const client = run.client();
        let marker;
        do {
          run.progress(`Listing the distributions that use ${fn}: page ${pages + 1}, ${plural(items, "distribution")} so far…`);
          const input = { ConnectionFunctionIdentifier: fn, MaxItems: pageSize() };
          if (marker) input.Marker = marker;
          const out = await client.send(command("ListDistributionsByConnectionFunction", input), { abortSignal: run.signal });
          if (!run.isCurrent()) return false;
          const list = out.DistributionList ?? {};
          for (const d of list.Items ?? []) this.body.append(rowNode(d));
          items += (list.Items ?? []).length;
          pages += 1;
          this.table.hidden = items === 0;
          this.count.textContent = `${plural(items, "distribution")} so far (${plural(pages, "page")})…`;
          // The SDK's paginator goes on while NextMarker is set; IsTruncated says the same.
          marker = nextMarker(marker, list.NextMarker);
        } while (marker);
        complete = true;
        return true;
      },
      { context: { operation: "ListDistributionsByConnectionFunction" } },
    );
    this.count.textContent = complete
      ? items === 0
        ? `No distribution uses ${fn}.`
        : `${plural(items, "distribution")} use${items === 1 ? "s" : ""} ${fn} (${plural(pages, "page")}).`
      : `${plural(items, "distribution")} listed before the listing stopped (${plural(pages, "page")}); there may be more.`;
    if (done) this.loadedFor = fn;
  }
}

function rowNode(d) {
  const aliases = d.Aliases?.Items ?? [];
  const cell = (label, ...children) => h("td", { "data-label": label }, ...children);
  return h(
    "tr",
    { "data-id": String(d.Id ?? "") },
    h("th", { scope: "row", "data-label": "Id", class: "mono", text: String(d.Id ?? "—") }),
    cell("Domain name", h("span", { class: "mono", text: String(d.DomainName ?? "—") })),
    cell("Aliases", aliases.length ? h("ul", { class: "aliases" }, ...aliases.map((a) => h("li", { class: "mono", text: String(a) }))) : h("span", { class: "muted", text: "none" })),
    cell("Status", String(d.Status ?? "—")),
    cell("Enabled", d.Enabled === undefined ? "—" : d.Enabled ? "yes" : "no"),
  );
}
