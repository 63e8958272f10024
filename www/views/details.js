// Details of one function: DEVELOPMENT and LIVE side by side (one DescribeConnectionFunction per
// stage), the members that differ marked, ETags, key-value stores, ARNs with copy buttons. A
// function never published shows "not published to LIVE" instead of an error.
import { h, plural } from "../shared/dom.js";
import { copyButton } from "../shared/clipboard.js";
import { FIELDS, NOT_COMPARED, comparable, valueNode } from "../shared/fields.js";
import { command } from "../shared/package.js";
import { FunctionView } from "../shared/function-view.js";

/** Describes `fn` in one stage; resolves to null when the stage does not exist (never published). */
export async function describeStage(client, fn, stage, signal) {
  try {
    return await client.send(command("DescribeConnectionFunction", { Identifier: fn, Stage: stage }), { abortSignal: signal });
  } catch (e) {
    if (stage === "LIVE" && e?.name === "EntityNotFound") return null;
    throw e;
  }
}

export class DetailsView extends FunctionView {
  constructor(panel, shared) {
    const content = h("div", { class: "details" });
    super(panel, "loading the details", content);
    this.content = content;
    this.shared = shared;
  }

  clear() {
    this.content.replaceChildren();
  }

  async open(fn) {
    const result = await this.load(fn, `Describing ${fn} in DEVELOPMENT and LIVE…`, "DescribeConnectionFunction", async (run) => {
      // The DEVELOPMENT stage always exists; LIVE only once published.
      const [dev, live] = await Promise.all(["DEVELOPMENT", "LIVE"].map((stage) => describeStage(run.client(), fn, stage, run.signal)));
      return { dev, live };
    });
    if (!result) return;
    this.shared.described(fn, result);
    this.content.replaceChildren(...render(result.dev, result.live));
  }
}

function render(dev, live) {
  const table = h("table", { class: "both stages", id: "stages" });
  const liveHead = h("th", { scope: "col" }, "LIVE");
  if (!live) liveHead.append(h("span", { class: "badge warn", text: "not published" }));
  table.append(
    h("caption", { class: "visually-hidden", text: "DEVELOPMENT and LIVE side by side; members that differ are marked" }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Member" }), h("th", { scope: "col", text: "DEVELOPMENT" }), liveHead)),
  );
  const body = h("tbody");
  let differing = 0;
  FIELDS.forEach(([key, label, get, kind], i) => {
    const dv = get(dev);
    const th = h("th", { scope: "row", text: label });
    const row = h("tr", { "data-field": key }, th, h("td", { "data-stage": "DEVELOPMENT" }, valueNode(kind, dv, { copyButton, stage: "DEVELOPMENT" })));
    if (live) {
      const lv = get(live);
      row.append(h("td", { "data-stage": "LIVE" }, valueNode(kind, lv, { copyButton, stage: "LIVE" })));
      if (!NOT_COMPARED.has(key) && comparable(kind, dv) !== comparable(kind, lv)) {
        row.classList.add("diff");
        th.append(h("span", { class: "badge diff-badge", text: "differs" }));
        differing += 1;
      }
    } else if (i === 0) {
      row.append(
        h(
          "td",
          { rowspan: String(FIELDS.length), class: "not-published", "data-stage": "LIVE" },
          h("strong", { text: "Not published to LIVE" }),
          h("p", { text: "This function has no LIVE stage yet: it was never published. Only DEVELOPMENT exists." }),
        ),
      );
    }
    body.append(row);
  });
  table.append(body);
  const summary = h("p", { class: "diff-summary", id: "stages-summary" });
  summary.textContent = !live
    ? "Not published to LIVE."
    : differing === 0
      ? "LIVE matches DEVELOPMENT (apart from stage and ETag)."
      : `${plural(differing, "member")} differ${differing === 1 ? "s" : ""} between DEVELOPMENT and LIVE.`;
  return [summary, h("div", { class: "table-wrap" }, table)];
}
