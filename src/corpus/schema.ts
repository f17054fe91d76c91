/**
 * The typed shape of a policy document. These zod schemas are the one source of the types:
 * every other stage (search, rules, answer, bot) imports the inferred types from here.
 */
import { z } from "zod";

/** A calendar date as `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * What a department does for an item: 牵头 (and 牵头负责) → lead; 负责, 按职责分工负责, 负责落实 →
 * responsible; 配合, 参与 → support.
 */
export const Role = z.enum(["lead", "responsible", "support"]);
export type Role = z.infer<typeof Role>;

/** A department named in an item's responsibility parenthesis, canonicalised. */
export const DepartmentRef = z.object({
  /** Canonical name, e.g. 市生态环境局; a name the directory does not know is kept as written. */
  name: z.string().min(1),
  role: Role,
  /** The name exactly as the document writes it (e.g. 各县〈市、区〉政府). */
  written: z.string().min(1),
});
export type DepartmentRef = z.infer<typeof DepartmentRef>;

/** A dated obligation: "2024年年底前" → 2024-12-31. */
export const Deadline = z.object({
  /** The phrase as written, e.g. 2025年8月底前, 到2025年. */
  text: z.string().min(1),
  date: IsoDate,
  /** True where the date is conventional rather than written (采暖季前 → 11-15 in Henan). */
  approximate: z.boolean(),
  /** Whether `date` is before today, by the clock the plan was loaded with. */
  passed: z.boolean(),
  /** The sentence of the item the deadline governs, verbatim. */
  sentence: z.string().min(1),
});
export type Deadline = z.infer<typeof Deadline>;

/**
 * How a threshold compares, in Chinese legal convention: 以上/以下/以内 include the figure (gte/lte),
 * 超过/不满/低于 exclude it (gt/lt), 大于等于/不低于/不小于 as written (gte).
 */
export const Comparator = z.enum(["gte", "gt", "lte", "lt", "eq"]);
export type Comparator = z.infer<typeof Comparator>;

/** A quantitative threshold or target: 蛋鸡设计存栏量20万羽以上 → 200000 羽 gte. */
export const Quantity = z.object({
  /** The number with 万/亿 applied: 20万 → 200000. */
  value: z.number(),
  /** Unit as written (羽, 蒸吨/小时, %, 个 …); empty when the text gives none. */
  unit: z.string(),
  comparator: Comparator,
  /** The comparator word as written (以上, 不低于 …); empty for a plain amount. */
  word: z.string(),
  /** The fragment that states it, verbatim, from the previous punctuation mark. */
  phrase: z.string().min(1),
});
export type Quantity = z.infer<typeof Quantity>;

/**
 * A note that attaches departments to every later item, like 二(一)'s
 * "以下各项任务均需各县〈市、区〉政府和示范区管委会负责落实,不再列出".
 */
export const StandingNote = z.object({
  text: z.string().min(1),
  /** Id of the item that states it; it covers every item after that one. */
  from: z.string(),
  departments: z.array(DepartmentRef),
});
export type StandingNote = z.infer<typeof StandingNote>;

/** A half-open character range `[start, end)` in the source text. */
export const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type Span = z.infer<typeof Span>;

/** A numbered item such as 六、(五). */
export const Item = z.object({
  /** The document's id (its file name in corpus/ without extension). */
  doc: z.string().min(1),
  /** "S.I" in Arabic numerals: 六、(五) → "6.5". */
  id: z.string().regex(/^\d+\.\d+$/),
  /** As people cite it: 六(五). */
  label: z.string().min(1),
  section: z.number().int().positive(),
  /** The number printed on the item; in documents numbered across sections it keeps counting. */
  number: z.number().int().positive(),
  /** The head sentence without its full stop: 开展畜禽养殖业氨排放控制试点. */
  title: z.string().min(1),
  /** The whole item verbatim, from its number to its last character. */
  text: z.string().min(1),
  span: Span,
  departments: z.array(DepartmentRef),
  deadlines: z.array(Deadline),
  quantities: z.array(Quantity),
  /** A standing note from an earlier item that also covers this one. */
  standingNote: StandingNote.nullable(),
});
export type Item = z.infer<typeof Item>;

/** A section heading such as 六、强化多污染物减排,切实降低排放强度. */
export const Section = z.object({
  number: z.number().int().positive(),
  /** The Chinese numeral as printed: 六. */
  label: z.string().min(1),
  title: z.string().min(1),
  span: Span,
});
export type Section = z.infer<typeof Section>;

/** One piece of the document body; together the parts tile the body without gap or overlap. */
export const Part = z.object({
  kind: z.enum(["preamble", "heading", "item"]),
  /** Section number for a heading, item id for an item, paragraph index for preamble. */
  ref: z.string(),
  span: Span,
});
export type Part = z.infer<typeof Part>;

/** What the document says about itself and what its web page says about it. */
export const PlanMeta = z.object({
  /** The title of the issuing document: 商丘市人民政府关于印发…的通知. */
  title: z.string().min(1),
  /** The plan's own title where a notice wraps it: 商丘市空气质量持续改善行动计划. */
  planTitle: z.string().min(1),
  issuer: z.string().min(1),
  signed: IsoDate.nullable(),
  published: IsoDate.nullable(),
  effective: IsoDate.nullable(),
  /** The document's own number, e.g. 国发〔2023〕24号. */
  docNumber: z.string().nullable(),
  indexNumber: z.string().nullable(),
  sourceOffice: z.string().nullable(),
  /** Numbers of the documents it implements, in order of mention: 国发〔2023〕24号, 豫政〔2024〕12号. */
  implements: z.array(z.string()),
});
export type PlanMeta = z.infer<typeof PlanMeta>;

/** A parsed document. */
export const Plan = z.object({
  doc: z.string().min(1),
  meta: PlanMeta,
  /** The raw text the spans point into, exactly as read from corpus/. */
  source: z.string(),
  /** The body: from the first line after the title block to the last line of content. */
  body: Span,
  parts: z.array(Part),
  sections: z.array(Section),
  items: z.array(Item),
  standingNotes: z.array(StandingNote),
});
export type Plan = z.infer<typeof Plan>;
