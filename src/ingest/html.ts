/**
 * A government web page → its visible text, one paragraph per line, in document order. Block
 * elements and `<br>` end lines, table cells are separated by a space, entities are decoded;
 * what a reader never sees is dropped: `<head>`, scripts, styles, templates, `<nav>` menus, form
 * selects, and elements marked hidden (`hidden`, `display: none`, `visibility: hidden`). Everything
 * else, page chrome included, is kept: the corpus parser drops chrome itself.
 */
import { decodeEntities } from "./entities.js";

/** Elements whose whole content is left out. */
const DROPPED = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "title",
  "nav",
  "select",
  "textarea",
  "iframe",
  "object",
  "svg",
  "canvas",
  "map",
]);

/** Elements whose content is raw text: their end tag is the only markup inside them. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript", "template"]);

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** Elements that start and end a line of their own. */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "menu",
  "ol",
  "option",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);

const CELL = new Set(["td", "th"]);

/** Comments, declarations, tags (attributes may quote ">"), text, and a stray "<". */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

/** Whether an element's attributes hide it from the reader. */
function isHidden(attributes: string): boolean {
  if (/(?:^|\s)hidden(?:\s|=|\/|$)/i.test(attributes)) return true;
  const style = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
  const css = (style?.[1] ?? style?.[2] ?? "").toLowerCase();
  return /display\s*:\s*none|visibility\s*:\s*hidden/.test(css);
}

/** CJK characters and punctuation: a source line break between two of them is not a space (CSS Text 3). */
const WIDE = "\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f";
const BREAK_BETWEEN_WIDE = new RegExp(`([${WIDE}])[ \\t\\f\\r]*\\n[ \\t\\f\\r\\n]*(?=[${WIDE}])`, "g");

/** Collects inline text into lines with HTML's whitespace rules. */
class LineWriter {
  readonly lines: string[] = [];
  private current = "";

  text(raw: string, preformatted: boolean): void {
    if (preformatted) {
      const parts = decodeEntities(raw).split("\n");
      parts.forEach((part, i) => {
        if (i > 0) this.newline();
        this.current += part;
      });
      return;
    }
    const collapsed = raw.replace(BREAK_BETWEEN_WIDE, "$1").replace(/[ \t\n\r\f]+/g, " ");
    const text = decodeEntities(collapsed);
    if (text.startsWith(" ") && (this.current === "" || this.current.endsWith(" ")))
      this.current += text.slice(1);
    else this.current += text;
  }

  space(): void {
    if (this.current !== "" && !this.current.endsWith(" ")) this.current += " ";
  }

  newline(): void {
    const line = this.current
      .replace(/\u00a0/g, " ")
      .replace(/ {2,}/g, " ")
      .trim();
    if (line !== "") this.lines.push(line);
    this.current = "";
  }
}

/** The visible text of an HTML document as lines (trimmed, no empty lines). */
export function htmlToLines(html: string): string[] {
  const out = new LineWriter();
  const tokens = new RegExp(TOKEN.source, "g");
  let skipping: { tag: string; depth: number } | null = null;
  let preDepth = 0;
  for (let m = tokens.exec(html); m !== null; m = tokens.exec(html)) {
    const [token, slash, rawName, attributes = ""] = m;
    if (rawName === undefined) {
      if (token.startsWith("<!") || token.startsWith("<?")) continue; // comment, doctype, processing instruction
      if (!skipping) out.text(token, preDepth > 0);
      continue;
    }
    const tag = rawName.toLowerCase();
    const closing = slash === "/";
    const selfClosing = attributes.trimEnd().endsWith("/");
    if (!closing && RAW_TEXT.has(tag)) {
      // Jump past the raw text to its end tag (all of these are dropped): never read markup in a script.
      const end = new RegExp(`</${tag}\\s*>`, "ig");
      end.lastIndex = tokens.lastIndex;
      tokens.lastIndex = end.exec(html) ? end.lastIndex : html.length;
      continue;
    }
    if (skipping) {
      // End tags HTML lets authors leave out: a block start ends a hidden <p>, and <body> or a block ends <head>.
      const impliedEnd =
        !closing &&
        ((skipping.tag === "p" && BLOCK.has(tag)) ||
          (skipping.tag === "head" && (tag === "body" || BLOCK.has(tag))));
      if (!impliedEnd) {
        if (tag === skipping.tag && !VOID.has(tag) && !selfClosing) skipping.depth += closing ? -1 : 1;
        if (skipping.depth === 0) skipping = null;
        continue;
      }
      skipping = null;
    }
    if (!closing && !VOID.has(tag) && !selfClosing && (DROPPED.has(tag) || isHidden(attributes))) {
      if (BLOCK.has(tag)) out.newline();
      skipping = { tag, depth: 1 };
      continue;
    }
    if (!closing && VOID.has(tag) && isHidden(attributes)) continue;
    if (tag === "br" || BLOCK.has(tag)) out.newline();
    else if (CELL.has(tag)) out.space();
    if (tag === "pre") preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
  }
  out.newline();
  return out.lines;
}
