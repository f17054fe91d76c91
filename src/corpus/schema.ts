/**
 * The typed shape of a policy document. These zod schemas are the one source of the types:
 * every other stage (search, rules, answer, bot) imports the inferred types from here.
 */
import { z } from "zod";

/** A calendar date as `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * What a department does for an item: 牵头, 牵头负责, 牵头督导 → lead; 负责, 按职责分工负责, 负责落实,
 * 具体落实, 落实 → responsible; 配合, 参与 → support.
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
  /** The entry that names it for this one (an action's （二）责任单位), when the item names it not itself. */
  from: z.string().optional(),
});
export type DepartmentRef = z.infer<typeof DepartmentRef>;

/** A dated obligation: "2024年年底前" → 2024-12-31. */
export const Deadline = z.object({
  /** The phrase as written, e.g. 2025年8月底前, 到2025年. */
  text: z.string().min(1),
  date: IsoDate,
  /** True where the date is conventional rather than written (采暖季前 → the province's heating-season start). */
  approximate: z.boolean(),
  /**
   * True where the phrase names no year (…9月底前…) and the year comes from the passage around it
   * (2025年…). Whether a deadline has passed is never stored: it is decided when an answer is made,
   * by the engine's clock.
   */
  yearFromContext: z.boolean().default(false),
  /** True for a yearly deadline (每年9月底前): `date` is its first occurrence; answers show the next one. */
  recurring: z.boolean().default(false),
  /** The sentence of the item the deadline governs, verbatim. */
  sentence: z.string().min(1),
});
export type Deadline = z.infer<typeof Deadline>;

/** A period an entry sets for its work (10月1日至12月31日开展…): its first and last day, no deadline. */
export const Period = z.object({
  /** The phrase as written, e.g. 10月1日至12月31日, 2025年10月至2026年3月. */
  text: z.string().min(1),
  start: IsoDate,
  end: IsoDate,
});
export type Period = z.infer<typeof Period>;

/**
 * How a threshold compares, in Chinese legal convention: 以上/以下/以内 include the figure (gte/lte),
 * 超过/不满/低于 exclude it (gt/lt), 大于等于/不低于/不小于 as written (gte).
 */
export const Comparator = z.enum(["gte", "gt", "lte", "lt", "eq"]);
export type Comparator = z.infer<typeof Comparator>;

/** A quantitative threshold or target: 设计存栏量15万羽以上 → 150000 羽 gte. */
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
  /** Id of the item that states it; it covers every item after that one ("": the plan's opening, so all). */
  from: z.string(),
  departments: z.array(DepartmentRef),
});
export type StandingNote = z.infer<typeof StandingNote>;

/** A half-open character range `[start, end)` in the source text. */
export const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type Span = z.infer<typeof Span>;

/**
 * A citable entry of a plan. Most are numbered items: 六、(五) → "6.5"; a third level 1. under (一)
 * → "3.1.2"; a fourth （1） → "3.1.2.1". Text that stands directly under a section heading before
 * its first numbered item (二、工作目标 with no (一)) is the section's own entry, id "2", level 1.
 */
export const Item = z.object({
  /** The document's id (its file name in corpus/ without extension). */
  doc: z.string().min(1),
  /** The numbers of `path` joined by dots: "6.5", "3.1.2", or "2" for a section's own entry. */
  id: z.string().regex(/^\d+(?:\.\d+){0,3}$/),
  /** Section number, then the printed number at each level below it: 三、(一)1. → [3, 1, 1]. */
  path: z.array(z.number().int().positive()).min(1).max(4),
  /** 1 = a section's own entry, 2 = (一), 3 = 1., 4 = （1）. Always `path.length`. */
  level: z.number().int().min(1).max(4),
  /** Id of the entry this one is numbered under ("3.1" for "3.1.2"); null at level 1 and 2. */
  parent: z.string().nullable(),
  /** As people cite it: 六(五), 三(一)1., 三(一)1.(2); a section's own entry: 二. */
  label: z.string().min(1),
  section: z.number().int().positive(),
  /** The number printed on the entry (its last path number); in documents numbered across sections it keeps counting. */
  number: z.number().int().positive(),
  /** The head sentence without its full stop: 开展畜禽养殖业氨排放控制试点; a section entry: the section title. */
  title: z.string().min(1),
  /**
   * The entry verbatim, from its number to its last character — its own text only: an entry with
   * numbered children ends where the first child starts.
   */
  text: z.string().min(1),
  span: Span,
  departments: z.array(DepartmentRef),
  deadlines: z.array(Deadline),
  /** The periods it sets for its work (秋冬季攻坚 from 10月1日 to 12月31日); none for most. */
  periods: z.array(Period).default([]),
  quantities: z.array(Quantity),
  /** A standing note from an earlier item that also covers this one. */
  standingNote: StandingNote.nullable(),
  /**
   * True when `text` is rebuilt, not verbatim: a row of a table laid out in columns by spaces (a
   * PDF's text export), its cells joined from their wrapped pieces and parted by tabs. `span` is
   * where the row's lines stand.
   */
  reflowed: z.boolean().optional(),
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
  /** Section number for a heading, entry id for an item (a section's own entry too), paragraph index for preamble. */
  ref: z.string(),
  span: Span,
});
export type Part = z.infer<typeof Part>;

/**
 * What the document says about itself and what its web page says about it. Anything a document does
 * not say is null: a missing field never stops a document from loading.
 */
export const PlanMeta = z.object({
  /**
   * The title of the notice that issues the plan (X人民政府关于印发…的通知, with the issuer a line of its own
   * above 关于… joined to it); null when the page has no notice title.
   */
  title: z.string().min(1).nullable(),
  /** The plan's own title (its title line, else the 《》 of the notice; the document's id when the page has neither). */
  planTitle: z.string().min(1),
  /**
   * Who issued it: from the notice title, a lone issuer line above it or under the title, the page's
   * 发文机关 field, or the signature (X人民政府 / 2024年7月31日, X办公室 2025年6月13日印发); else null.
   */
  issuer: z.string().min(1).nullable(),
  /** The date the notice or the signature gives (2024年7月31日, …2025年6月13日印发). */
  signed: IsoDate.nullable(),
  /** The page's publication date (发布时间, 网站发布, or a date line under the title). */
  published: IsoDate.nullable(),
  /** The page's 生效日期. */
  effective: IsoDate.nullable(),
  /**
   * The document's own number as written, e.g. 国发〔2023〕24号 or 许政〔2024〕 17号 (spaces kept; compare
   * numbers with `docNumberKey`, which drops them).
   */
  docNumber: z.string().nullable(),
  /** The page's 索引号. */
  indexNumber: z.string().nullable(),
  /** The page's 来源 (or 发布机构) field. */
  sourceOffice: z.string().nullable(),
  /** Numbers of the documents it implements, in order of mention: 国发〔2023〕24号, 冀政〔2024〕12号. */
  implements: z.array(z.string()),
  /** Titles in 《》 the preamble says it implements (for documents cited without a number). */
  implementsTitles: z.array(z.string()).default([]),
  /**
   * Other plans the same notice issues with this one, as its 《》 name them
   * (《X市2025年碧水保卫战实施方案》…); empty when it issues this plan alone.
   */
  issuedWith: z.array(z.string()).default([]),
});
export type PlanMeta = z.infer<typeof PlanMeta>;

/** Government level of a document's issuer. */
export const Level = z.enum(["national", "provincial", "city", "county"]);
export type Level = z.infer<typeof Level>;

/** A text in Chinese and English. */
export const Names = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Names = z.infer<typeof Names>;

/**
 * Who a document is and how people call it: read from the text where the text says it, completed
 * by the data file beside the document (`corpus/<doc>.profile.yaml`) and the genre's data (`data/`).
 */
export const Profile = z.object({
  /** Display names: 《X市空气质量持续改善行动计划》 / "X Air Quality Action Plan". */
  name: Names,
  /** Short names people use for it, in either language: X方案, X计划, X plan. */
  aliases: z.array(z.string().min(1)),
  /**
   * Its title as people may shorten it by leaving words out (VOCs深化行动方案 of 重点行业挥发性有机物
   * 综合治理深化行动方案): the title without its closing years, and with the genre's abbreviations.
   */
  titleForms: z.array(z.string().min(1)).default([]),
  /** The place it governs (X市 / its pinyin); null for a document that names none. */
  place: Names.nullable(),
  /** Place names a question may use for it, Chinese and English (X市, X, its pinyin). */
  placeAliases: z.array(z.string().min(1)),
  /**
   * The counties and districts under its place (a city's 县、区, in either language): a case a
   * question places in one stands in the city for every document's rules (it names no document).
   */
  subdivisions: z.array(z.string().min(1)).default([]),
  level: Level.nullable(),
  /** The province it lies in (for a national document null). */
  province: Names.nullable(),
  /** Start of the heating season there (采暖季前 resolves to it): month and day. */
  heatingSeason: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
});
export type Profile = z.infer<typeof Profile>;

/** A parsed document. */
export const Plan = z.object({
  doc: z.string().min(1),
  meta: PlanMeta,
  profile: Profile,
  /** The raw text the spans point into, exactly as read from corpus/. */
  source: z.string(),
  /** The body: from the first line after the title block to the last line of content. */
  body: Span,
  parts: z.array(Part),
  sections: z.array(Section),
  items: z.array(Item),
  standingNotes: z.array(StandingNote),
  /** Words the plan's notice defines for roles (主攻 → lead, 助攻 → support): a question may use them too. */
  roleWords: z.record(z.string(), Role).default({}),
  /** Words the plan's notice makes its time limit's label (兑现, 收声, 冲线): a question asking when may use them. */
  timeWords: z.array(z.string()).default([]),
});
export type Plan = z.infer<typeof Plan>;
