/**
 * A few lines of DOM building: elements from a tag, attributes and children. Text always goes in as
 * text nodes (never as HTML), so nothing a document or a user wrote can become markup.
 */

/** A child: an element, text, or nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

/** Attributes: strings set as attributes, functions as event listeners (`onclick`), booleans toggle. */
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** `h("span", { class: "chip" }, "市公安局")` → <span class="chip">市公安局</span>. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children (flattening arrays, skipping empty ones). */
export function append(el: Node, ...children: Array<Child | Child[]>): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Removes every child of `el`. */
export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
