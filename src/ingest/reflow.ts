/**
 * PDF lines → paragraphs, the way a reader joins them. A PDF breaks lines wherever the measure ends,
 * mid-sentence and mid-number, and repeats a running header, a footer and the page number on every
 * page. Those repeated lines are dropped; the rest is joined into paragraphs: a line that starts with
 * a section or item number, follows a sentence end (。；：), is indented, follows a short line, changes
 * type size or follows a wide vertical gap starts a new paragraph; a wrapped centred title is one.
 * Where the document indents its paragraphs, a full line that happens to end in 。 does not end the
 * paragraph when the next line is not indented.
 */

/** A line of text on a page, in PDF points (y grows upwards; `y` is the baseline). */
export interface PdfLine {
  text: string;
  x: number;
  /** Where the line's last glyph ends. */
  right: number;
  y: number;
  /** Type size. */
  size: number;
}

/** A page's lines, top to bottom. */
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

/** The paragraphs and what was dropped on the way. */
export interface Reflowed {
  paragraphs: string[];
  /** Header, footer and page-number lines dropped, with one example of each distinct kind. */
  furniture: { lines: number; examples: string[] };
}

/** 一、 (一) （一） 1. 1、 （1） ① 第一条 附件: a paragraph starts here. */
const NUMBERED =
  /^(?:[一二三四五六七八九十百]+、|[(（][一二三四五六七八九十百]+[)）]|\d{1,3}[.．、](?!\d)|[(（]\d{1,3}[)）]|[①-⑳]|第[一二三四五六七八九十百零〇\d]+[章节条部分]|附件)/;
/** A sentence or clause end after which a new paragraph may start. */
const SENTENCE_END = /[。；：！？!?;:]["”’」』)）]?$/;
/** Page numbers as Chinese documents print them: — 3 —, - 3 -, 3, 第3页, 第 3 页 共 45 页, 3/45, Page 3. */
const PAGE_NUMBER =
  /^(?:[-—–－~·\s]*\d{1,4}[-—–－~·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** The same header or footer on every page, whatever page number it carries. */
const furnitureKey = (text: string) => text.replace(/\d+/g, "#").replace(/\s+/g, "");

/** How many lines at the top and at the bottom of a page can be running headers or footers. */
const FURNITURE_DEPTH = 2;

function dropFurniture(pages: PdfPage[]): { pages: PdfLine[][]; lines: number; examples: string[] } {
  // A line at the top or bottom of a page whose text (digits aside) is there on most pages is furniture.
  const counts = new Map<string, number>();
  const edgeLines = (lines: PdfLine[]) => [
    ...lines.slice(0, FURNITURE_DEPTH).map((l) => ({ l, zone: "top" })),
    ...lines.slice(-FURNITURE_DEPTH).map((l) => ({ l, zone: "bottom" })),
  ];
  for (const page of pages) {
    const keys = new Set(edgeLines(page.lines).map(({ l, zone }) => `${zone}:${furnitureKey(l.text)}`));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = Math.max(2, Math.ceil(pages.length / 2));
  const examples = new Map<string, string>();
  let dropped = 0;
  const kept = pages.map((page) => {
    const furniture = new Set<PdfLine>();
    for (const { l, zone } of edgeLines(page.lines)) {
      const key = furnitureKey(l.text);
      const isRepeated = pages.length >= 2 && (counts.get(`${zone}:${key}`) ?? 0) >= repeated;
      if (PAGE_NUMBER.test(l.text) || isRepeated) {
        furniture.add(l);
        if (!examples.has(key)) examples.set(key, l.text);
      }
    }
    dropped += furniture.size;
    return page.lines.filter((l) => !furniture.has(l));
  });
  return { pages: kept, lines: dropped, examples: [...examples.values()] };
}

/** The most common value, rounded to whole points. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v < best)) [best, bestCount] = [v, c];
  return best;
}

/** The value below which `p` of the values lie. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/**
 * Joins two pieces of one paragraph. Chinese needs no space at a line break; in Chinese text even a
 * Latin acronym may be broken across lines (VO|Cs), so only a mostly Latin document gets a space
 * between two letters.
 */
const joinText = (a: string, b: string, latin: boolean) =>
  latin && /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;

/** Drops headers, footers and page numbers, and re-flows the remaining lines into paragraphs. */
export function reflowPages(pages: PdfPage[]): Reflowed {
  const { pages: bodyPages, lines: droppedLines, examples } = dropFurniture(pages);
  const all = bodyPages.flat();
  if (all.length === 0) return { paragraphs: [], furniture: { lines: droppedLines, examples } };

  // The body's measure: the usual left edge and the right edge full lines reach, and the body size.
  const bodySize = mode(all.map((l) => l.size)) || 12;
  const body = all.filter((l) => Math.abs(l.size - bodySize) < 0.5);
  const left = mode(body.map((l) => l.x));
  const right = percentile(
    body.map((l) => l.right),
    0.9,
  );
  const pitches: number[] = [];
  for (const lines of bodyPages)
    for (let i = 1; i < lines.length; i++)
      pitches.push((lines[i - 1] as PdfLine).y - (lines[i] as PdfLine).y);
  const pitch = mode(pitches.filter((p) => p > 0)) || bodySize * 1.5;

  const isCentred = (l: PdfLine) =>
    l.x > left + l.size && Math.abs(l.x - left - (right - l.right)) < l.size * 1.5;
  const isShort = (l: PdfLine) => l.right < right - l.size * 1.5;
  const isIndented = (l: PdfLine) => l.x > left + l.size * 0.9;
  // Where paragraphs open with an indent, a full line ending in 。 followed by an unindented line is
  // the middle of a paragraph that happened to break after a full stop.
  const indentedLines = body.filter((l) => Math.abs(l.x - left - 2 * l.size) < l.size * 0.5).length;
  const usesIndents = indentedLines >= Math.max(2, body.length * 0.03);

  const letters = all.map((l) => l.text).join("");
  const latin = (letters.match(/[A-Za-z]/g)?.length ?? 0) > (letters.match(/[\u3400-\u9fff]/g)?.length ?? 0);

  const paragraphs: string[] = [];
  let previous: { line: PdfLine; page: number } | null = null;
  bodyPages.forEach((lines, page) => {
    for (const line of lines) {
      let startsParagraph = true;
      if (previous) {
        const p = previous.line;
        const samePage = previous.page === page;
        // A title wrapped over two lines: a large line, then a centred one of the same size.
        const wrappedTitle =
          isCentred(line) &&
          Math.abs(p.size - line.size) < 0.5 &&
          (isCentred(p) || line.size > bodySize + 0.5) &&
          !SENTENCE_END.test(p.text);
        startsParagraph =
          NUMBERED.test(line.text) ||
          (SENTENCE_END.test(p.text) && !(usesIndents && !isShort(p) && !isIndented(line))) ||
          Math.abs(p.size - line.size) >= 0.5 ||
          (samePage && p.y - line.y > pitch * 1.6) ||
          (!wrappedTitle && (isShort(p) || isIndented(line)));
      }
      if (startsParagraph || paragraphs.length === 0) paragraphs.push(line.text);
      else paragraphs[paragraphs.length - 1] = joinText(paragraphs.at(-1) as string, line.text, latin);
      previous = { line, page };
    }
  });
  return { paragraphs, furniture: { lines: droppedLines, examples } };
}
