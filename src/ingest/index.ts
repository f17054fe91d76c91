/**
 * The ingest stage: a government document as people have it (.txt, an .html page in UTF-8 or GBK,
 * a .docx, a text .pdf) → `corpus/<slug>.txt` (UTF-8, one paragraph per line) and a report of what
 * the corpus parser makes of it. Imports only the corpus stage.
 */
export {
  ConversionError,
  type Converted,
  convertDocument,
  detectFormat,
  type ProgressListener,
} from "./convert.js";
export { type DecodedText, declaredHtmlCharset, decodeText } from "./decode.js";
export { type DocxNumbering, type DocxText, docxToLines } from "./docx.js";
export { htmlToLines } from "./html.js";
export { type IngestOptions, ingestFile } from "./ingest.js";
export { readPdfPages } from "./pdf.js";
export { type PdfLine, type PdfPage, type Reflowed, reflowPages } from "./reflow.js";
export { buildReport, formatReport, planWarnings } from "./report.js";
export * from "./schema.js";
export { isSlug, slugFromFileName, slugify } from "./slug.js";
