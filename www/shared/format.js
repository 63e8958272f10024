// Formatting of API values for display: times (absolute + relative), key-value-store lists.
import { h } from "./dom.js";

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const UNITS = [
  ["year", 31536000], ["month", 2592000], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1],
];

function relative(date) {
  const diff = (date.getTime() - Date.now()) / 1000;
  for (const [unit, secs] of UNITS) {
    if (Math.abs(diff) >= secs || unit === "second") return rtf.format(Math.round(diff / secs), unit);
  }
  return "";
}

/** A <time> with the local time, the ISO instant as its datetime/title, and "(3 days ago)". */
export function timeNode(value, { withRelative = true } = {}) {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    return document.createTextNode(value === undefined ? "—" : String(value));
  }
  const t = h("time", { datetime: value.toISOString(), title: value.toISOString() }, value.toLocaleString());
  return withRelative ? h("span", {}, t, h("span", { class: "rel", text: ` (${relative(value)})` })) : t;
}

/** Key-value-store associations: "2 associated" and the ARNs; `extra(arn, shownNode)` may add a node per ARN. */
export function kvsNode(kvs, extra) {
  if (!kvs) return h("span", { class: "muted", text: "none (no associations element)" });
  const items = kvs.Items ?? [];
  const wrap = h("div", {}, h("span", { class: "count", text: `${kvs.Quantity ?? items.length} associated` }));
  if (items.length) {
    wrap.append(
      h(
        "ul",
        { class: "arns" },
        ...items.map((i) => {
          const arn = String(i.KeyValueStoreARN ?? "");
          const shown = h("span", { class: "mono", text: arn });
          return h("li", {}, shown, extra ? extra(arn, shown) : null);
        }),
      ),
    );
  }
  return wrap;
}
