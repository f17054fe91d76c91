/**
 * A Word document (.docx) → one line per paragraph, with mammoth. Numbers that Word generates
 * (automatic list numbering) are not in a paragraph's text; mammoth only says that a paragraph is
 * numbered and at which level, so the labels are rendered from the file's own list definitions
 * (docx-numbering.ts). When they cannot be matched to mammoth's paragraphs, the genre's standard
 * levels (一、 (一) 1. (1)) are used and the result says so.
 */
import {
  conventionalLabel,
  NumberingCounter,
  readNumberedParagraphs,
  readNumberingDefinitions,
} from "./docx-numbering.js";
import { htmlToLines } from "./html.js";
import { readZip, ZipError } from "./zip.js";

/** Thrown when the file is not a Word document mammoth can read. */
export class DocxError extends Error {}

/** How a document's automatic numbering was rendered. */
export interface DocxNumbering {
  /** Paragraphs that carried automatic numbering (ordered lists; bullets aside). */
  paragraphs: number;
  /** "document": from the file's list definitions; "convention": by the standard levels, a guess. */
  source: "document" | "convention" | null;
  /** Paragraphs marked as numbered whose list the file does not define: their numbers are lost. */
  lost: number;
}

/** The text of a .docx and how its numbering was rendered. */
export interface DocxText {
  lines: string[];
  numbering: DocxNumbering;
}

/** The part of mammoth's document model this module reads and changes. */
interface MammothElement {
  type: string;
  children?: MammothElement[];
  numbering?: { level: string; isOrdered: boolean } | null;
  value?: string;
}

function paragraphsOf(element: MammothElement, out: MammothElement[] = []): MammothElement[] {
  if (element.type === "paragraph") out.push(element);
  for (const child of element.children ?? []) paragraphsOf(child, out);
  return out;
}

function firstText(element: MammothElement): MammothElement | null {
  if (element.type === "text") return element;
  for (const child of element.children ?? []) {
    const found = firstText(child);
    if (found) return found;
  }
  return null;
}

/** Puts a label in front of a paragraph's text. */
function prefix(paragraph: MammothElement, label: string): void {
  const text = firstText(paragraph);
  if (text) text.value = `${label}${text.value ?? ""}`;
}

/** Reads a .docx; throws {@link DocxError} when it is not one. */
export async function docxToLines(bytes: Uint8Array): Promise<DocxText> {
  let entries: ReturnType<typeof readZip>;
  try {
    entries = readZip(bytes);
  } catch (error) {
    if (error instanceof ZipError) throw new DocxError(`not a Word .docx file (${error.message})`);
    throw error;
  }
  const documentXml = entries.get("word/document.xml")?.().toString("utf8");
  if (documentXml === undefined) throw new DocxError("not a Word .docx file (no word/document.xml)");
  const numberingXml = entries.get("word/numbering.xml")?.().toString("utf8");
  const definitions = numberingXml ? readNumberingDefinitions(numberingXml) : null;
  const { numbered: declared, undefinedNumbering } = readNumberedParagraphs(documentXml, definitions);

  const numbering: DocxNumbering = { paragraphs: 0, source: null, lost: undefinedNumbering };
  const transformDocument = (document: MammothElement): MammothElement => {
    const numbered = paragraphsOf(document).filter((p) => p.numbering);
    numbering.paragraphs = numbered.filter((p) => p.numbering?.isOrdered).length;
    // mammoth and the XML must agree paragraph for paragraph before the file's definitions are used.
    const aligned =
      definitions !== null &&
      declared.length === numbered.length &&
      declared.every((d, i) => String(d.level) === numbered[i]?.numbering?.level);
    if (aligned) {
      const counter = new NumberingCounter(definitions);
      numbered.forEach((p, i) => {
        const d = declared[i] as (typeof declared)[number];
        const label = counter.next(d.numId, d.level);
        if (label) prefix(p, label);
      });
    } else {
      const counters: number[] = [];
      for (const p of numbered) {
        if (!p.numbering?.isOrdered) continue;
        const level = Number(p.numbering.level);
        counters[level] = (counters[level] ?? 0) + 1;
        counters.length = level + 1;
        prefix(p, conventionalLabel(level, counters[level] as number));
      }
    }
    if (numbering.paragraphs > 0) numbering.source = aligned ? "document" : "convention";
    for (const p of numbered) p.numbering = null; // the labels are in the text now: no <ol>
    return document;
  };

  const { default: mammoth } = await import("mammoth"); // loaded only for Word files: it is large
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { transformDocument })).value;
  } catch (error) {
    throw new DocxError(
      `mammoth could not read it: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { lines: htmlToLines(html), numbering };
}
