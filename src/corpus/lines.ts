/** The source as lines with their offsets, so every span the parser records points into the raw text. */

/** A line of the source: its text without the line break (and without a trailing \r), and where it lies. */
export interface Line {
  text: string;
  start: number;
  end: number;
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
