/**
 * Telegram HTML's primitives: escaping, cleaning and shortening text, and splitting long messages on
 * paragraph boundaries without breaking a tag or an entity.
 */

/** Telegram's limit on a message's text. */
export const MESSAGE_LIMIT = 4096;

/** Escapes text (from users or the document) for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Drops characters Telegram rejects or that break layout: NUL and other C0 controls but \n and \t. */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").replace(/\r\n?/g, "\n");
}

/** Cuts plain text to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

type Token =
  | { kind: "open"; raw: string; name: string }
  | { kind: "close"; raw: string; name: string }
  | { kind: "text"; raw: string };

const TOKEN = /<\/?([a-zA-Z-]+)[^>]*>|&#?[a-zA-Z0-9]+;|[\s\S]/g;

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  for (const m of html.matchAll(TOKEN)) {
    const raw = m[0];
    if (m[1] !== undefined) {
      const name = m[1].toLowerCase();
      tokens.push(raw.startsWith("</") ? { kind: "close", raw, name } : { kind: "open", raw, name });
    } else tokens.push({ kind: "text", raw });
  }
  return tokens;
}

/**
 * Splits HTML into messages of at most `limit` characters: whole paragraphs (separated by a blank
 * line) where they fit, then lines, then characters. Tags open at a cut are closed at its end and
 * reopened at the start of the next part, so every part is valid on its own.
 */
export function splitHtml(html: string, limit = MESSAGE_LIMIT): string[] {
  const text = html.trim();
  if (text.length <= limit) return text.length > 0 ? [text] : [];
  const parts: string[] = [];
  let paragraph = "";
  const flush = () => {
    if (paragraph.trim().length > 0) parts.push(...splitLong(paragraph.trim(), limit));
    paragraph = "";
  };
  for (const block of text.split(/\n{2,}/)) {
    const candidate = paragraph === "" ? block : `${paragraph}\n\n${block}`;
    if (candidate.length <= limit || paragraph === "") paragraph = candidate;
    else {
      flush();
      paragraph = block;
    }
  }
  flush();
  return parts;
}

/** Splits one paragraph that may be longer than `limit`, preferring line breaks, keeping tags balanced. */
function splitLong(html: string, limit: number): string[] {
  if (html.length <= limit) return [html];
  const tokens = tokenize(html);
  const parts: string[] = [];
  let stack: Array<{ name: string; raw: string }> = [];
  let current = "";
  let lastBreak = -1; // index into `current` just after a "\n", with the stack as it was there
  let stackAtBreak: Array<{ name: string; raw: string }> = [];
  const closing = (s: Array<{ name: string }>) =>
    s
      .slice()
      .reverse()
      .map((t) => `</${t.name}>`)
      .join("");
  const opening = (s: Array<{ raw: string }>) => s.map((t) => t.raw).join("");
  // Room for the closing tags a part may need: the deepest stack Telegram allows is small.
  const room = (s: Array<{ name: string }>) => closing(s).length;

  for (const token of tokens) {
    if (current.length + token.raw.length + room(stack) + 16 > limit && current.length > 0) {
      let cutAt = current.length;
      let cutStack = stack;
      if (lastBreak > limit / 2) {
        cutAt = lastBreak;
        cutStack = stackAtBreak;
      }
      const head = current.slice(0, cutAt);
      const tail = current.slice(cutAt);
      parts.push(`${head.trimEnd()}${closing(cutStack)}`);
      current = opening(cutStack) + tail.replace(/^\n+/, "");
      lastBreak = -1;
      // The tail was written under the stack at the cut; `stack` is already the stack after it.
    }
    if (token.kind === "open") stack = [...stack, { name: token.name, raw: token.raw }];
    else if (token.kind === "close") {
      const i = stack.map((t) => t.name).lastIndexOf(token.name);
      if (i >= 0) stack = stack.slice(0, i);
    }
    current += token.raw;
    if (token.raw === "\n") {
      lastBreak = current.length;
      stackAtBreak = stack;
    }
  }
  if (current.trim().length > 0) parts.push(current.trim());
  return parts;
}
