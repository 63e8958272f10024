// The fields of a DescribeConnectionFunction answer, as the describe form and the details view
// show and compare them.
import { h } from "./dom.js";
import { kvsNode, timeNode } from "./format.js";

/** [key, label, read the value from a Describe output, kind]. */
export const FIELDS = [
  ["name", "Name", (o) => o.ConnectionFunctionSummary?.Name],
  ["id", "Id", (o) => o.ConnectionFunctionSummary?.Id, "mono"],
  ["arn", "ARN", (o) => o.ConnectionFunctionSummary?.ConnectionFunctionArn, "arn"],
  ["status", "Status", (o) => o.ConnectionFunctionSummary?.Status],
  ["stage", "Stage", (o) => o.ConnectionFunctionSummary?.Stage],
  ["runtime", "Runtime", (o) => o.ConnectionFunctionSummary?.ConnectionFunctionConfig?.Runtime],
  ["comment", "Comment", (o) => o.ConnectionFunctionSummary?.ConnectionFunctionConfig?.Comment, "comment"],
  ["created", "Created", (o) => o.ConnectionFunctionSummary?.CreatedTime, "time"],
  ["modified", "Last modified", (o) => o.ConnectionFunctionSummary?.LastModifiedTime, "time"],
  ["etag", "ETag", (o) => o.ETag, "etag"],
  ["kvs", "Key-value stores", (o) => o.ConnectionFunctionSummary?.ConnectionFunctionConfig?.KeyValueStoreAssociations, "kvs"],
];

/** Fields that always differ between two stages, so a difference there means nothing. */
export const NOT_COMPARED = new Set(["stage", "etag"]);

/** The display node of one value. `copyButton(text, what, shownNode)` (optional) adds copy buttons to ARNs. */
export function valueNode(kind, v, { copyButton, stage } = {}) {
  if (kind === "time") return timeNode(v);
  if (kind === "kvs") {
    return kvsNode(v, copyButton ? (arn, shown) => copyButton(arn, `${stage ?? ""} key-value store ARN ${arn}`.trim(), shown) : undefined);
  }
  if (kind === "etag" && v === undefined) {
    return h("span", { class: "muted", text: "— (not readable by this page)" });
  }
  if (v === undefined || v === null) return h("span", { class: "muted", text: "—" });
  if (kind === "comment" && v === "") return h("span", { class: "muted", text: "(empty)" });
  const cls = kind === "mono" || kind === "arn" || kind === "etag" ? "mono" : kind === "comment" ? "comment" : "";
  const node = h("span", { class: cls, text: String(v) });
  if (kind === "arn" && copyButton) return h("span", { class: "with-copy" }, node, copyButton(String(v), `${stage ?? ""} ARN`.trim(), node));
  return node;
}

/** A string that is equal for two values exactly when they display the same. */
export function comparable(kind, v) {
  if (v instanceof Date) return v.toISOString();
  if (kind === "kvs") return JSON.stringify(v ?? null);
  return v === undefined ? "" : String(v);
}
