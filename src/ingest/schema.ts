/**
 * What `ingest` reports. These zod schemas are the one source of the types: the CLI prints
 * {@link IngestOutcome} as JSON with `--json`, and tests parse it back.
 */
import { z } from "zod";
import { IsoDate, Role } from "../corpus/index.js";

/** The formats a document can be brought in from. */
export const SourceFormat = z.enum(["txt", "html", "docx", "pdf"]);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** Something a person should look at before trusting the ingested document. */
export const IngestWarning = z.object({
  code: z.enum([
    /** No item names a department: questions about whose task it is find nothing. */
    "no-departments",
    /** Items with nothing after their number. */
    "empty-items",
    /** Page chrome (footer, print links, ICP numbers) left inside the last item. */
    "chrome-in-last-item",
    /** A line inside an item that starts with a number the parser did not take as an item. */
    "unread-numbering",
    /** corpus/<slug>.txt already exists. */
    "duplicate-slug",
    /** The corpus already holds a document with the same title. */
    "duplicate-document",
    /** Word numbering rendered by the standard levels because the file's definitions could not be matched. */
    "numbering-guessed",
    /** Paragraphs marked as numbered in a list the .docx does not define: the numbers are lost. */
    "numbering-lost",
    /** Bytes that did not decode (U+FFFD in the text). */
    "undecodable-characters",
  ]),
  message: z.string(),
});
export type IngestWarning = z.infer<typeof IngestWarning>;

/** How the file became text. */
export const Conversion = z.object({
  format: SourceFormat,
  /** The encoding used for text and HTML (utf-8, gb18030 …); null for docx and pdf. */
  encoding: z.string().nullable(),
  /** PDF pages; null for other formats. */
  pages: z.number().int().nullable(),
  /** Lines written (one paragraph each). */
  paragraphs: z.number().int(),
  characters: z.number().int(),
  /** What the conversion did that a reader may want to know (headers dropped, numbering rendered …). */
  notes: z.array(z.string()),
});
export type Conversion = z.infer<typeof Conversion>;

/** A department's part in the plan. */
export const DepartmentSummary = z.object({
  name: z.string(),
  lead: z.number().int(),
  responsible: z.number().int(),
  support: z.number().int(),
  /** Every item naming it, in document order, with its role there. */
  items: z.array(z.object({ id: z.string(), label: z.string(), role: Role })),
});
export type DepartmentSummary = z.infer<typeof DepartmentSummary>;

/** The report on a document that parsed. */
export const IngestReport = z.object({
  file: z.string(),
  slug: z.string(),
  /** Where the text goes (or would go, with --dry-run). */
  output: z.string(),
  written: z.boolean(),
  conversion: Conversion,
  document: z.object({
    title: z.string().nullable(),
    planTitle: z.string(),
    issuer: z.string().nullable(),
    docNumber: z.string().nullable(),
    signed: IsoDate.nullable(),
    published: IsoDate.nullable(),
    effective: IsoDate.nullable(),
  }),
  sections: z.array(
    z.object({ number: z.number().int(), label: z.string(), title: z.string(), entries: z.number().int() }),
  ),
  /** Entries per level: "1" a section's own text, "2" (一), "3" 1., "4" （1）. */
  entriesPerLevel: z.record(z.enum(["1", "2", "3", "4"]), z.number().int()),
  departments: z.object({
    /** Distinct departments named. */
    count: z.number().int(),
    itemsWithDepartments: z.number().int(),
    itemsWithoutDepartments: z.number().int(),
    list: z.array(DepartmentSummary),
  }),
  deadlines: z.object({
    count: z.number().int(),
    earliest: IsoDate.nullable(),
    latest: IsoDate.nullable(),
    approximate: z.number().int(),
    yearFromContext: z.number().int(),
  }),
  warnings: z.array(IngestWarning),
  /** Wall time from reading the file to the report. */
  milliseconds: z.number().int(),
});
export type IngestReport = z.infer<typeof IngestReport>;

/**
 * The outcome of one ingest: `ok` (written, or checked with --dry-run), `exists` (the corpus file is
 * there and --force was not given: nothing written), `not-a-plan` (converted, but the parser found no
 * plan: nothing written) or `unreadable` (the file could not be read or converted).
 */
export const IngestOutcome = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok"), report: IngestReport }),
  z.object({ status: z.literal("exists"), message: z.string(), report: IngestReport }),
  z.object({
    status: z.literal("not-a-plan"),
    file: z.string(),
    message: z.string(),
    conversion: Conversion,
    /** What the conversion noticed, often the reason (lost numbering, undecodable bytes). */
    warnings: z.array(IngestWarning),
  }),
  z.object({ status: z.literal("unreadable"), file: z.string(), message: z.string() }),
]);
export type IngestOutcome = z.infer<typeof IngestOutcome>;

/** The process exit code for an outcome: 0 ok, 1 not read / not written, 2 not a plan. */
export function exitCodeOf(outcome: IngestOutcome): 0 | 1 | 2 {
  return outcome.status === "ok" ? 0 : outcome.status === "not-a-plan" ? 2 : 1;
}
