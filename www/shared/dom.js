// DOM helpers. Everything goes in as text (textContent / text nodes), never as markup:
// names, comments, code, logs and error messages from the API can hold "<img onerror=…>".

export const $ = (id) => document.getElementById(id);

/** h("tag", { class, text, ...attributes }, ...children): children are nodes or strings (as text). */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

export function show(node, on = true) {
  node.hidden = !on;
}

/** "1 function", "3 functions". */
export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
