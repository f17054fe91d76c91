/** The source as lines with their offsets, so every span the parser records points into the raw text. */

/** A line of the source: its text without the line break (and without a trailing \r), and where it lies. */
export interface Line {
  text: string;
  start: number;
  end: number;
  /**
   * The text is rebuilt, not a slice of the source: a row of a table laid out in columns, its cells
   * parted by tabs; start and end are where the row's lines stand.
   */
  reflowed?: boolean;
}

/** Splits a source into lines; `end` excludes the line break, so slices never carry it. */
export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of source.split("\n")) {
    const text = raw.replace(/\r$/, "");
    lines.push({ text, start, end: start + text.length });
    start += raw.length + 1;
  }
  return lines;
}

/** A line's text with the spaces around it (including full-width and non-breaking ones) removed. */
export function trimmed(line: Line | string): string {
  return (typeof line === "string" ? line : line.text).replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
}

/** An inline point's number in brackets, after the punctuation that ends what comes before it. */
const INLINE_POINT = /(?<=[：:。；;])\s*[（(](\d{1,2})[)）]/g;

/**
 * Lines whose points run on in one paragraph (…：（1）…；（2）…；（3）…) split before each point, so
 * each point is an entry of its own as when it stands on its own line. Only points numbered 1, 2, …
 * in order, at least two, count; the offsets still point into the source.
 */
export function splitInlinePoints(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const cuts: number[] = [];
    let next = 1;
    for (const m of line.text.matchAll(INLINE_POINT)) {
      if (Number(m[1]) !== next) continue;
      cuts.push((m.index as number) + (m[0].length - m[0].trimStart().length));
      next++;
    }
    if (cuts.length < 2) {
      out.push(line);
      continue;
    }
    let from = 0;
    for (const cut of [...cuts, line.text.length]) {
      if (cut > from)
        out.push({ text: line.text.slice(from, cut), start: line.start + from, end: line.start + cut });
      from = cut;
    }
  }
  return out;
}
