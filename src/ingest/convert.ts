/**
 * A file's bytes → the corpus text (one paragraph per line), whatever the format: the format is
 * known from the content where it shows (a PDF's %PDF-, a .docx's ZIP) and otherwise from the name.
 */
import { extname } from "node:path";
import { declaredHtmlCharset, decodeText } from "./decode.js";
import { docxToLines } from "./docx.js";
import { htmlToLines } from "./html.js";
import { readPdfPages } from "./pdf.js";
import { reflowPages } from "./reflow.js";
import type { Conversion, IngestWarning, SourceFormat } from "./schema.js";

/** Thrown when a file cannot be turned into text; the message is one line for the user. */
export class ConversionError extends Error {}

/** The text of a document and how it was made. */
export interface Converted {
  /** One paragraph per line, newline-terminated. */
  text: string;
  conversion: Conversion;
  warnings: IngestWarning[];
}

/** Progress of a long conversion (PDF pages). */
export type ProgressListener = (message: string) => void;

/** Average characters a page must carry for a PDF to count as having a text layer. */
const MIN_CHARACTERS_PER_PAGE = 20;

/** Which reader a file needs. */
export function detectFormat(file: string, bytes: Uint8Array): SourceFormat {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.startsWith("%PDF-")) return "pdf";
  if (head.startsWith("PK\x03\x04")) return "docx";
  const extension = extname(file).toLowerCase();
  if (extension === ".doc")
    throw new ConversionError("old binary Word .doc files are not supported: save it as .docx");
  if ([".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php"].includes(extension))
    return "html";
  if (extension === ".pdf") throw new ConversionError("not a PDF file (no %PDF- header)");
  if (extension === ".docx") throw new ConversionError("not a Word .docx file (not a ZIP archive)");
  if (/^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head.replace(/^\ufeff|^\xef\xbb\xbf/, "")))
    return "html";
  if ([".txt", ".text", ""].includes(extension)) return "txt";
  throw new ConversionError(`unsupported file type ${extension} (expected .txt, .html, .docx or .pdf)`);
}

/** What one reader extracted. */
interface Extracted {
  lines: string[];
  encoding: string | null;
  pages: number | null;
  notes: string[];
  warnings: IngestWarning[];
}

const UTF8 = /^utf-?8$/;

/** Plain text and HTML: decoded from the bytes (and the page's declaration), then split or rendered. */
function readTextOrHtml(format: "txt" | "html", bytes: Uint8Array): Extracted {
  const declared = format === "html" ? declaredHtmlCharset(bytes) : null;
  const decoded = decodeText(bytes, declared);
  const notes: string[] = [];
  if (declared && UTF8.test(declared) && decoded.encoding !== "utf-8")
    notes.push(`the page declares ${declared} but is not valid UTF-8: read as ${decoded.encoding}`);
  else if (declared && !UTF8.test(declared) && decoded.encoding === "utf-8")
    notes.push(`the page declares ${declared} but its bytes are UTF-8: read as UTF-8`);
  else if (declared && declared !== decoded.encoding)
    notes.push(`declared ${declared}, read as ${decoded.encoding}`);
  const warnings: IngestWarning[] =
    decoded.replacements > 0
      ? [
          {
            code: "undecodable-characters",
            message: `${decoded.replacements} byte sequence(s) did not decode as ${decoded.encoding} and became U+FFFD`,
          },
        ]
      : [];
  const lines =
    format === "html"
      ? htmlToLines(decoded.text)
      : decoded.text
          .split(/\r\n|\r|\n/)
          .map((l) => l.replace(/\u00a0/g, " ").trim())
          .filter((l) => l !== "");
  return { lines, encoding: decoded.encoding, pages: null, notes, warnings };
}

/** A Word file, with what happened to its automatic numbering. */
async function readDocx(bytes: Uint8Array, onProgress: ProgressListener): Promise<Extracted> {
  onProgress("reading the Word document");
  const { lines, numbering } = await docxToLines(bytes);
  const notes: string[] = [];
  const warnings: IngestWarning[] = [];
  if (numbering.source === "document")
    notes.push(
      `${numbering.paragraphs} paragraphs had Word automatic numbering: rendered from the file's list definitions`,
    );
  if (numbering.lost > 0)
    warnings.push({
      code: "numbering-lost",
      message: `${numbering.lost} paragraphs are marked as numbered in a list the file does not define (lost when copied between documents?): their numbers are not in the text`,
    });
  if (numbering.source === "convention")
    warnings.push({
      code: "numbering-guessed",
      message: `${numbering.paragraphs} paragraphs had Word automatic numbering the file's list definitions do not explain: numbered by the standard levels 一、 (一) 1. (1) — check the section and item numbers`,
    });
  return { lines, encoding: null, pages: null, notes, warnings };
}

/** A text PDF, re-flowed; a PDF without a text layer is refused. */
async function readPdf(bytes: Uint8Array, onProgress: ProgressListener): Promise<Extracted> {
  const pages = await readPdfPages(bytes, { onPage: (n, total) => onProgress(`reading page ${n}/${total}`) });
  const characters = pages.reduce(
    (sum, p) => sum + p.lines.reduce((s, l) => s + l.text.replace(/\s/g, "").length, 0),
    0,
  );
  if (characters < MIN_CHARACTERS_PER_PAGE * Math.max(1, pages.length))
    throw new ConversionError(
      `the PDF has no text layer (${characters} characters on ${pages.length} page${pages.length === 1 ? "" : "s"}): it looks scanned — run OCR on it first and ingest the result`,
    );
  const { paragraphs, furniture } = reflowPages(pages);
  const notes =
    furniture.lines > 0
      ? [
          `dropped ${furniture.lines} header/footer/page-number lines (${furniture.examples.slice(0, 3).join(" · ")})`,
        ]
      : [];
  return { lines: paragraphs, encoding: null, pages: pages.length, notes, warnings: [] };
}

/** Converts a file's bytes into corpus text. Throws {@link ConversionError} with the reason. */
export async function convertDocument(
  file: string,
  bytes: Uint8Array,
  onProgress: ProgressListener = () => {},
): Promise<Converted> {
  const format = detectFormat(file, bytes);
  let extracted: Extracted;
  try {
    extracted =
      format === "docx"
        ? await readDocx(bytes, onProgress)
        : format === "pdf"
          ? await readPdf(bytes, onProgress)
          : readTextOrHtml(format, bytes);
  } catch (error) {
    if (error instanceof ConversionError) throw error;
    throw new ConversionError(error instanceof Error ? error.message : String(error));
  }
  const { lines, encoding, pages, notes, warnings } = extracted;
  if (lines.length === 0) throw new ConversionError(`no text found in the ${format} file`);
  const text = `${lines.join("\n")}\n`;
  return {
    text,
    conversion: { format, encoding, pages, paragraphs: lines.length, characters: text.length, notes },
    warnings,
  };
}
