/**
 * A text PDF → positioned lines per page, with pdf.js (legacy build, the one for Node). Chinese
 * PDFs often use fonts that are not embedded and address them through Adobe's predefined CMaps
 * (UniGB-UCS2-H …): pdf.js is pointed at the CMaps and standard fonts it ships, so nothing is
 * fetched. The parsing runs in this process (pdf.js's "fake worker"); no worker is downloaded.
 */
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import type { PdfLine, PdfPage } from "./reflow.js";

/** Thrown for a PDF that cannot be opened (damaged, encrypted); the message says which. */
export class PdfError extends Error {}

/** Where pdfjs-dist's CMaps and standard fonts are on this machine. */
function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string } {
  const base = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: join(base, "cmaps") + sep, standardFontDataUrl: join(base, "standard_fonts") + sep };
}

interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

const IDEOGRAPH = "\\u3400-\\u9fff\\uf900-\\ufaff";
/** A space a typesetter put between Chinese and Latin letters or digits (autospace): not in the text. */
const AUTOSPACE = new RegExp(
  `(?<=[${IDEOGRAPH}]) +(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) +(?=[${IDEOGRAPH}])`,
  "g",
);

/**
 * Runs on one baseline, left to right, joined into a line. pdf.js adds whitespace runs of its own
 * that can overlap glyphs drawn in another font (fallback punctuation): a whitespace run is kept only
 * where it stands in a gap between glyphs, and a space is put where glyphs leave a gap of half an em.
 */
function toLine(runs: TextRun[]): PdfLine {
  const glyphs = runs.filter((r) => r.str.trim() !== "");
  const overlapsGlyphs = (r: TextRun) =>
    glyphs.some((g) => r.x < g.x + g.width - 1 && g.x < r.x + r.width - 1);
  const kept = runs.filter((r) => r.str.trim() !== "" || (r.str !== "" && !overlapsGlyphs(r)));
  kept.sort((a, b) => a.x - b.x);
  let text = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const run of kept) {
    if (text !== "" && run.x - end > run.size / 2) text += " ";
    text += run.str;
    end = Math.max(end, run.x + run.width);
  }
  const first = glyphs.sort((a, b) => a.x - b.x)[0];
  return {
    text: text.replace(AUTOSPACE, "").replace(/\s+/g, " ").trim(),
    x: first?.x ?? 0,
    right: Math.max(...glyphs.map((g) => g.x + g.width)),
    y: first?.y ?? 0,
    size: Math.max(0, ...glyphs.map((r) => r.size)),
  };
}

/** Groups a page's text runs into lines by baseline, top to bottom. */
function linesOf(runs: TextRun[]): PdfLine[] {
  const sorted = runs.filter((r) => r.str !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfLine[] = [];
  let group: TextRun[] = [];
  for (const run of sorted) {
    const head = group[0];
    if (head && Math.abs(head.y - run.y) > Math.min(head.size, run.size) * 0.5) {
      lines.push(toLine(group));
      group = [];
    }
    group.push(run);
  }
  if (group.length > 0) lines.push(toLine(group));
  return lines.filter((l) => l.text !== "");
}

/** Options for {@link readPdfPages}. */
export interface ReadPdfOptions {
  /** Called after each page is read (page numbers from 1). */
  onPage?: (page: number, pages: number) => void;
}

/** Reads every page's text as lines. Throws {@link PdfError} for a damaged or password-protected file. */
export async function readPdfPages(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfPage[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
    ...pdfjsData(),
    cMapPacked: true,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") throw new PdfError("the PDF is password-protected");
    if (name === "InvalidPDFException") throw new PdfError("not a valid PDF file (damaged or truncated)");
    throw new PdfError(`pdf.js could not open it: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const [a = 0, b = 0, c = 0, d = 0, x, y] = item.transform as number[];
        // Rotated text is a watermark or a margin stamp, not a line of the document.
        if (Math.abs(b) > Math.abs(a) * 0.01 || Math.abs(c) > Math.abs(d) * 0.01) continue;
        runs.push({
          str: item.str,
          x: x ?? 0,
          y: y ?? 0,
          width: item.width,
          size: Math.abs(d) || Math.abs(a) || item.height,
        });
      }
      pages.push({ width, height, lines: linesOf(runs) });
      page.cleanup();
      options.onPage?.(n, document.numPages);
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
