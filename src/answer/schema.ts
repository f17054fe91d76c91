/**
 * The Response of `answer(question)`: the one object every channel consumes. `kind` says what it is
 * and `payload` carries that kind's structured data, so channels render from data, never from the
 * prose in `answer`. These zod schemas are the single source of the types (and of the OpenAPI document).
 */
import { z } from "zod";
import { IsoDate, Period, PlanMeta, Role } from "../corpus/index.js";
import { Check, Outcome } from "../rules/index.js";
import { AbsentDocument, Context, DeadlineAsk, InvalidReason, Lang } from "../understand/index.js";

export { Context, Lang };

/** How the question was handled. */
export const Status = z.enum(["answered", "not_covered", "invalid_input"]);
export type Status = z.infer<typeof Status>;

/** What kind of answer this is; decides the shape of `payload`. */
export const Kind = z.enum([
  "item",
  "check",
  "department_listing",
  "deadline_listing",
  "document",
  "not_covered",
  "invalid_input",
]);
export type Kind = z.infer<typeof Kind>;

/** A department named for an item, with its English name where the directory has one. */
export const DepartmentRole = z.object({
  name: z.string().min(1),
  role: Role,
  en: z.string().nullable().optional(),
  /** The plan's own short name for it (生态环境 for 省生态环境厅), when it writes it so. */
  written: z.string().optional(),
});
export type DepartmentRole = z.infer<typeof DepartmentRole>;

/** A deadline as shown: `passed` is decided when the answer is made, by the engine's clock. */
export const DeadlineView = z.object({
  text: z.string().min(1),
  date: IsoDate,
  passed: z.boolean(),
  approximate: z.boolean().optional(),
  /** A yearly deadline (每年9月底前): `date` is its next occurrence, and it never passes. */
  recurring: z.boolean().optional(),
});
export type DeadlineView = z.infer<typeof DeadlineView>;

/** A short pointer to an item of a document. */
export const ItemLink = z.object({
  doc: z.string().min(1),
  /** The document's display name in the answer's language. */
  docName: z.string().min(1),
  id: z.string().min(1),
  label: z.string().min(1),
  title: z.string().min(1),
});
export type ItemLink = z.infer<typeof ItemLink>;

/** One cited item. `quote` is always a verbatim substring of `text`, starting at `quoteStart`. */
export const Citation = z.object({
  doc: z.string().min(1),
  /** The document's display name in the answer's language. */
  docName: z.string().min(1),
  id: z.string().min(1),
  label: z.string().min(1),
  title: z.string().min(1),
  quote: z.string().min(1),
  /** Where the quote starts in `text` (for highlighting it in the full text). */
  quoteStart: z.number().int().min(0),
  /** The item's whole text, verbatim. */
  text: z.string().min(1),
  score: z.number(),
  departments: z.array(DepartmentRole),
  deadlines: z.array(DeadlineView),
  /** The periods the item sets for its work (10月1日至12月31日开展…), when it sets any: no deadlines. */
  periods: z.array(Period).optional(),
  /** A note elsewhere in the document that puts these departments on this item too. */
  standingNote: z
    .object({ text: z.string(), from: z.string(), departments: z.array(DepartmentRole) })
    .nullable(),
  /** The item of the higher-level plan this one implements (a local plan's item → the national item). */
  implements: ItemLink.nullable(),
  /**
   * The item whose clause covers this point, which names no departments of its own (1. … 2. … then
   * （X牵头，Y配合；date） for them all): `departments` are that item's, and `deadlines` too unless the point
   * names its own.
   */
  covering: ItemLink.nullable().default(null),
  /** Whether `covering` gives the point its deadlines too; false when the point dates itself and takes only its departments. */
  coveringDeadlines: z.boolean().default(true),
  /**
   * A section asked as a whole (第五部分整体说的是什么) whose text is all in its items: `text` is its heading,
   * `id` its number, and its items follow it. It is no entry a follow-up can lean on.
   */
  section: z.boolean().optional(),
});
export type Citation = z.infer<typeof Citation>;

/** One verdict of a check: a rule applied to one thing the question describes. */
export const Verdict = z.object({
  check: Check,
  /** One sentence leading the answer, in the question's language. */
  verdict: z.string(),
  doc: z.string(),
  itemId: z.string(),
  /** The verbatim phrase of the item the rule encodes. */
  phrase: z.string(),
  /** The deadline of the item this case falls under, when the item has several. */
  deadline: DeadlineView.nullable(),
});
export type Verdict = z.infer<typeof Verdict>;

/** Entries of a listing, grouped by document. */
const Grouped = <T extends z.ZodTypeAny>(entry: T) =>
  z.array(z.object({ doc: z.string(), docName: z.string(), entries: z.array(entry) }));

/** The payload of each kind. */
export const ItemPayload = z.object({
  kind: z.literal("item"),
  /** What the question asked about the items: whose task they are, or when they are due. */
  focus: z.enum(["departments", "deadlines"]).nullable(),
  /** Items close to the first one, for "related items". */
  related: z.array(ItemLink),
});
export const CheckPayload = z.object({
  kind: z.literal("check"),
  /** Applies if any verdict applies; else need_more_info if any needs more; else does_not_apply. */
  outcome: Outcome,
  verdicts: z.array(Verdict),
  /** The question also asked whom to turn to: the departments lead the answer. */
  asksWho: z.boolean(),
});
export const DepartmentEntry = z.object({
  id: z.string(),
  label: z.string(),
  title: z.string(),
  department: z.string(),
  role: Role,
  /** Named by a standing note that covers the item, not by the item itself. */
  viaStandingNote: z.boolean(),
  /** The label of the item stating that note (二(一)), when `viaStandingNote`. */
  noteFrom: z.string().nullable(),
  deadlines: z.array(DeadlineView),
});
export const DepartmentListingPayload = z.object({
  kind: z.literal("department_listing"),
  departments: z.array(z.object({ name: z.string(), en: z.string().nullable() })),
  /** The role the question singled out (its entries come first). */
  role: Role.nullable(),
  /** The deadline filter the question added (城管局2024年底前要完成什么). */
  deadline: DeadlineAsk.nullable(),
  total: z.number().int(),
  groups: Grouped(DepartmentEntry),
});
export const DeadlineEntry = z.object({
  id: z.string(),
  label: z.string(),
  title: z.string(),
  deadline: DeadlineView.extend({ sentence: z.string() }),
});
export const DeadlineListingPayload = z.object({
  kind: z.literal("deadline_listing"),
  filter: DeadlineAsk,
  /** "2024年年底前" / "due by 2024-12-31": the filter in words. */
  description: z.string(),
  today: IsoDate,
  total: z.number().int(),
  groups: Grouped(DeadlineEntry),
});
/** A document's metadata as the parser read it (PlanMeta's fields), with its profile's name, level and place. */
export const DocumentInfo = PlanMeta.pick({
  title: true,
  issuer: true,
  signed: true,
  published: true,
  effective: true,
  docNumber: true,
  indexNumber: true,
  sourceOffice: true,
}).extend({
  doc: z.string(),
  name: z.string(),
  level: z.string().nullable(),
  place: z.string().nullable(),
  /** The documents it implements: their numbers, and the loaded document each is, if any. */
  implements: z.array(
    z.object({ number: z.string(), doc: z.string().nullable(), docName: z.string().nullable() }),
  ),
  sections: z.number().int(),
  items: z.number().int(),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;
export const DocumentPayload = z.object({
  kind: z.literal("document"),
  documents: z.array(DocumentInfo),
});
export const NotCoveredPayload = z.object({
  kind: z.literal("not_covered"),
  /**
   * - off_topic: the documents do not address the question;
   * - no_such_item: a cited item does not exist (`written`, and the section's items as `candidates`);
   * - ambiguous_item: a bare item number several documents have (`candidates` to choose from).
   */
  reason: z.enum(["off_topic", "no_such_item", "ambiguous_item"]),
  written: z.string().nullable(),
  candidates: z.array(ItemLink),
  /** The documents asked of — those the question names, else all loaded — for the "ask me about …" hint. */
  documents: z.array(z.object({ doc: z.string(), name: z.string() })),
  /** The document asked of that none held is, where the question says which (《…条例》, a provincial one). */
  absent: AbsentDocument.nullable().default(null),
});
export const InvalidPayload = z.object({
  kind: z.literal("invalid_input"),
  reason: InvalidReason,
});

/** The structured data of the answer; `kind` repeats the Response's. */
export const Payload = z.discriminatedUnion("kind", [
  ItemPayload,
  CheckPayload,
  DepartmentListingPayload,
  DeadlineListingPayload,
  DocumentPayload,
  NotCoveredPayload,
  InvalidPayload,
]);
export type Payload = z.infer<typeof Payload>;
export type ItemPayload = z.infer<typeof ItemPayload>;
export type CheckPayload = z.infer<typeof CheckPayload>;
export type DepartmentListingPayload = z.infer<typeof DepartmentListingPayload>;
export type DeadlineListingPayload = z.infer<typeof DeadlineListingPayload>;
export type DocumentPayload = z.infer<typeof DocumentPayload>;
export type NotCoveredPayload = z.infer<typeof NotCoveredPayload>;
export type InvalidPayload = z.infer<typeof InvalidPayload>;

/** The answer to one question. */
export const Response = z.object({
  /** The question as asked. */
  query: z.string(),
  status: Status,
  lang: Lang,
  kind: Kind,
  /** What a person reads, in the question's language (plain text rendered from the payload). */
  answer: z.string(),
  /** Best first. Empty unless status is "answered". */
  citations: z.array(Citation),
  /** The first verdict's check, when a rule decided. */
  check: Check.nullable(),
  payload: Payload,
  /** What the next question of the same conversation can refer back to. */
  context: Context.nullable(),
});
export type Response = z.infer<typeof Response>;

/** A Response before its text is rendered: what the resolver produces. */
export const Resolved = Response.omit({ answer: true });
export type Resolved = z.infer<typeof Resolved>;
