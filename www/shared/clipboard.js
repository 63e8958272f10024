// Copy buttons. The clipboard API may be refused (permissions, insecure context): then the text
// is selected so Ctrl+C copies it, and the button's status says so.
import { h } from "./dom.js";

/**
 * A "Copy" button for `text`; `what` completes its accessible name ("Copy DEVELOPMENT ARN");
 * `shown` is the node displaying the text, selected when the clipboard is refused.
 */
export function copyButton(text, what, shown) {
  const status = h("span", { class: "copy-status", role: "status", "aria-live": "polite" });
  const button = h("button", { type: "button", class: "secondary small copy", "aria-label": `Copy ${what}` }, "Copy");
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "copied";
    } catch {
      if (shown) selectNode(shown);
      status.textContent = "selected: press Ctrl+C";
    }
  });
  return h("span", { class: "copy-wrap" }, button, status);
}

export function selectNode(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const sel = getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}
