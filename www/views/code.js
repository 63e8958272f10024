// The code of each stage (GetConnectionFunction) as read-only text with line numbers, and a line
// diff of LIVE → DEVELOPMENT (what publishing would change), by jsdiff's diffLines. Code that is
// not valid UTF-8 is shown as such (with a hex dump), never decoded into mojibake.
import { h, plural } from "../shared/dom.js";
import { command } from "../shared/package.js";
import { FunctionView } from "../shared/function-view.js";

const STAGES = ["DEVELOPMENT", "LIVE"];
/** Unchanged stretches longer than this are folded in the diff, keeping CONTEXT lines each side. */
const FOLD_OVER = 8;
const CONTEXT = 3;
const HEX_DUMP_LIMIT = 64 * 1024;

/**
 * jsdiff, vendored into vendor/ by scripts/static.mjs (npm run build, npm start). Loaded when a
 * diff is first needed, so that without it only the diff fails, with a message that says why.
 */
let jsdiff;
async function loadJsdiff() {
  try {
    jsdiff ??= await import("../vendor/jsdiff.js");
    return jsdiff;
  } catch {
    throw Object.assign(new Error("vendor/jsdiff.js could not be loaded: run npm run build (or npm start), which vendors jsdiff."), {
      name: "MissingJsdiff",
    });
  }
}

/** { text } for valid UTF-8, or { invalidAt } (the offset of the first byte that is not). */
function decodeUtf8(bytes) {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Find where: a streaming fatal decoder throws at the first byte that cannot be part of UTF-8.
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    for (let i = 0; i < bytes.length; i++) {
      try {
        decoder.decode(bytes.subarray(i, i + 1), { stream: true });
      } catch {
        return { invalidAt: i };
      }
    }
    return { invalidAt: bytes.length }; // a sequence cut off at the end
  }
}

/** The code's lines (a final newline does not start an empty last line). */
function splitLines(text) {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export class CodeView extends FunctionView {
  constructor(panel) {
    const content = h("div", { class: "code-view" });
    super(panel, "loading the code", content);
    this.content = content;
  }

  clear() {
    this.content.replaceChildren();
  }

  async open(fn) {
    const result = await this.load(fn, `Reading the code of ${fn} in DEVELOPMENT and LIVE…`, "GetConnectionFunction", async (run) => {
      const [{ diffLines }, dev, live] = await Promise.all([loadJsdiff(), ...STAGES.map((stage) => readCode(run, fn, stage))]);
      return { diffLines, dev, live };
    });
    if (!result) return;
    const { dev, live, diffLines } = result;
    this.content.replaceChildren(diffSection(dev, live, diffLines), h("div", { class: "code-pair" }, codeSection(dev), codeSection(live)));
  }
}

/** One stage's code: { stage, bytes, etag, decoded }, or { stage, missing } for a LIVE never published. */
async function readCode(run, fn, stage) {
  try {
    const out = await run.client().send(command("GetConnectionFunction", { Identifier: fn, Stage: stage }), { abortSignal: run.signal });
    const bytes = out.ConnectionFunctionCode instanceof Uint8Array ? out.ConnectionFunctionCode : new Uint8Array(0);
    return { stage, bytes, etag: out.ETag, decoded: decodeUtf8(bytes) };
  } catch (e) {
    if (stage === "LIVE" && e?.name === "EntityNotFound") return { stage, missing: true };
    throw e;
  }
}

function codeSection(code) {
  const title = `${code.stage} code`;
  const head = h("h3", { text: title });
  if (code.missing) {
    return h("section", { class: "code-stage", "data-stage": code.stage }, head, h("p", { class: "not-published-line", text: "Not published to LIVE: there is no LIVE code yet." }));
  }
  const meta = h("p", { class: "muted", text: `${plural(code.bytes.length, "byte")}${code.etag ? ` · ETag ${code.etag}` : ""}` });
  if (code.decoded.text === undefined) {
    return h("section", { class: "code-stage", "data-stage": code.stage }, head, meta, invalidUtf8(code));
  }
  const lines = splitLines(code.decoded.text);
  const listing = h(
    "div",
    { class: "code", role: "region", tabindex: "0", "aria-label": `${title}, ${plural(lines.length, "line")}` },
    ...lines.map((line, i) => h("div", { class: "line" }, h("span", { class: "ln", "aria-hidden": "true", text: String(i + 1) }), h("span", { class: "src", text: line }))),
  );
  return h("section", { class: "code-stage", "data-stage": code.stage }, head, meta, listing);
}

function invalidUtf8(code) {
  const { bytes, decoded } = code;
  const at = decoded.invalidAt;
  const what = at < bytes.length ? `byte 0x${bytes[at].toString(16).padStart(2, "0")} at offset ${at}` : "a sequence cut off at the end";
  const shown = bytes.subarray(0, HEX_DUMP_LIMIT);
  const rows = [];
  for (let off = 0; off < shown.length; off += 16) {
    const chunk = shown.subarray(off, off + 16);
    const hex = [...chunk].map((b) => b.toString(16).padStart(2, "0")).join(" ");
    const ascii = [...chunk].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
    rows.push(`${off.toString(16).padStart(8, "0")}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > shown.length) rows.push(`… ${bytes.length - shown.length} more bytes`);
  return h(
    "div",
    { class: "invalid-utf8" },
    h("p", { class: "notice", text: `Not valid UTF-8 (${what}): shown as bytes, not as text.` }),
    h("pre", { class: "hexdump", tabindex: "0", "aria-label": `${code.stage} code as hexadecimal bytes`, text: rows.join("\n") }),
  );
}

function sameBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function diffSection(dev, live, diffLines) {
  const head = h("h3", { id: "diff-title", text: "What publishing would change (LIVE → DEVELOPMENT)" });
  const section = (...children) => h("section", { class: "code-diff", "aria-labelledby": "diff-title" }, head, ...children);
  const summary = (text) => h("p", { class: "diff-summary", id: "code-diff-summary", text });
  if (live.missing) {
    return section(summary("Not published to LIVE: publishing would create the LIVE stage with the DEVELOPMENT code."));
  }
  if (dev.decoded.text === undefined || live.decoded.text === undefined) {
    const which = [dev, live].filter((c) => c.decoded.text === undefined).map((c) => c.stage).join(" and ");
    return section(
      summary(
        sameBytes(dev.bytes, live.bytes)
          ? `No line diff: ${which} code is not valid UTF-8. The bytes of both stages are identical.`
          : `No line diff: ${which} code is not valid UTF-8. The bytes of the two stages differ.`,
      ),
    );
  }
  if (dev.decoded.text === live.decoded.text) return section(summary("No change: DEVELOPMENT and LIVE have the same code."));

  const parts = diffLines(live.decoded.text, dev.decoded.text);
  let added = 0;
  let removed = 0;
  const rows = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of parts) {
    const lines = splitLines(part.value);
    if (part.added) {
      for (const line of lines) rows.push(diffRow("added", "", newLine++, "+", line));
      added += lines.length;
    } else if (part.removed) {
      for (const line of lines) rows.push(diffRow("removed", oldLine++, "", "−", line));
      removed += lines.length;
    } else {
      const fold = lines.length > FOLD_OVER;
      lines.forEach((line, i) => {
        if (fold && i >= CONTEXT && i < lines.length - CONTEXT) {
          if (i === CONTEXT) rows.push(foldRow(lines.length - 2 * CONTEXT));
        } else {
          rows.push(diffRow("same", oldLine + i, newLine + i, "", line));
        }
      });
      oldLine += lines.length;
      newLine += lines.length;
    }
  }
  const table = h(
    "table",
    { class: "diff", id: "code-diff" },
    h("caption", { class: "visually-hidden", text: "Line diff of the LIVE code against the DEVELOPMENT code" }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "LIVE" }), h("th", { scope: "col", text: "DEV" }), h("th", { scope: "col" }, h("span", { class: "visually-hidden", text: "Change" })), h("th", { scope: "col", text: "Line" }))),
    h("tbody", {}, ...rows),
  );
  return section(
    summary(`${plural(added, "line")} added, ${plural(removed, "line")} removed by publishing.`),
    h("div", { class: "table-wrap code-scroll", tabindex: "0", role: "region", "aria-label": "Line diff" }, table),
  );
}

function diffRow(kind, oldNo, newNo, mark, line) {
  const label = kind === "added" ? "added" : kind === "removed" ? "removed" : "";
  return h(
    "tr",
    { class: `d-${kind}` },
    h("td", { class: "ln", text: String(oldNo) }),
    h("td", { class: "ln", text: String(newNo) }),
    h("td", { class: "mark" }, h("span", { "aria-hidden": "true", text: mark }), label ? h("span", { class: "visually-hidden", text: label }) : null),
    h("td", { class: "src", text: line }),
  );
}

function foldRow(count) {
  return h("tr", { class: "d-fold" }, h("td", { class: "ln", text: "⋯" }), h("td", { class: "ln", text: "⋯" }), h("td"), h("td", { class: "muted", text: `${plural(count, "unchanged line")}` }));
}
