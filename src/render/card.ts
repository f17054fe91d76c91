/**
 * A neutral "card" built from a Response's payload and citations: the shape chat apps with cards or
 * Markdown (DingTalk, WeCom, the web) render from. Verdicts first, then the quote, departments as chips
 * by role, deadlines as badges (passed / open), the document's name, listings grouped by document,
 * not-covered and ambiguity messages with their candidates, and buttons. Nothing here reads a
 * document or knows a platform: buttons say what they do (ask a question, vote), each channel decides
 * how a button is pressed.
 */
import { z } from "zod";
import {
  type Citation,
  type DeadlineView,
  type DepartmentRole,
  type DocumentInfo,
  ItemLink,
  Kind,
  type Response,
} from "../answer/index.js";
import { Role } from "../corpus/index.js";
import { Outcome } from "../rules/index.js";
import { Lang } from "../understand/index.js";
import { exampleQuestions } from "./examples.js";
import { departmentName, periodsLine } from "./text.js";
import { absentDocumentName, documentsNamed, OUTCOME_ZH, ROLE_WORDS, whoCitations } from "./words.js";

/** A department named for an item, shown as a chip labelled with its role. */
export const CardChip = z.object({
  name: z.string(),
  role: Role,
  /** 牵头 / 负责 / 配合, or Lead / Responsible / Support. */
  roleLabel: z.string(),
  /** Put on the item by a standing note (its label, e.g. 二(一)), not by the item itself. */
  noteFrom: z.string().nullable(),
});
export type CardChip = z.infer<typeof CardChip>;

/** A deadline as a badge: its words, its date and whether it has passed by the engine's clock. */
export const CardBadge = z.object({
  text: z.string(),
  date: z.string(),
  state: z.enum(["passed", "open"]),
  /** 已过期 / 未到期, or passed / open. */
  stateLabel: z.string(),
  approximate: z.boolean(),
});
export type CardBadge = z.infer<typeof CardBadge>;

/** One cited item in full: the verbatim quote with its departments and deadlines. */
export const CardItem = z.object({
  doc: z.string(),
  docName: z.string(),
  id: z.string(),
  label: z.string(),
  title: z.string(),
  quote: z.string(),
  chips: z.array(CardChip),
  badges: z.array(CardBadge),
  /** The periods it sets for its work, in words (时段：10月1日至12月31日（…）), or null. */
  periods: z.string().nullable(),
  /** The item of the higher-level plan this one implements. */
  implements: ItemLink.nullable(),
});
export type CardItem = z.infer<typeof CardItem>;

/** One verdict of a check, in the order the answer gives them. */
export const CardVerdict = z.object({
  outcome: Outcome,
  text: z.string(),
  explanation: z.string(),
  /** The deadline this case falls under, when the item has several. */
  badge: CardBadge.nullable(),
});
export type CardVerdict = z.infer<typeof CardVerdict>;

/** One row of a listing. */
export const CardRow = z.object({
  id: z.string(),
  label: z.string(),
  title: z.string(),
  badges: z.array(CardBadge),
  /** The deadline's sentence, the department (when several were asked) or the standing note. */
  detail: z.string().nullable(),
});
export type CardRow = z.infer<typeof CardRow>;

/** A listing's rows for one document, in sections (a department's roles; one unnamed section for deadlines). */
export const CardGroup = z.object({
  doc: z.string(),
  docName: z.string(),
  sections: z.array(z.object({ heading: z.string().nullable(), rows: z.array(CardRow) })),
});
export type CardGroup = z.infer<typeof CardGroup>;

/** A document's facts about itself (issuer, dates, numbers) as label/value pairs. */
export const CardDocument = z.object({
  doc: z.string(),
  name: z.string(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type CardDocument = z.infer<typeof CardDocument>;

/** What pressing a button does: ask a question in the same chat, or vote on this answer. */
export const CardButton = z.discriminatedUnion("action", [
  z.object({ action: z.literal("ask"), label: z.string(), text: z.string() }),
  z.object({ action: z.literal("feedback"), label: z.string(), vote: z.enum(["up", "down"]) }),
]);
export type CardButton = z.infer<typeof CardButton>;

/** The card of one answer. Fields a kind does not use are empty. */
export const Card = z.object({
  kind: Kind,
  lang: Lang,
  /** The headline: the verdict, the item, the listing or the message. */
  title: z.string(),
  /** Every verdict of a check, in order (the title carries the overall outcome when several). */
  verdicts: z.array(CardVerdict),
  /** Sentences between the title and the body: the asked-for departments or deadlines, whom to ask, counts, messages. */
  lines: z.array(z.string()),
  /** The cited item (the first citation) in full; empty for listings and messages. */
  items: z.array(CardItem),
  /** Other items worth a look (the other citations, related items). */
  related: z.array(ItemLink),
  /** Listings, grouped by document. */
  groups: z.array(CardGroup),
  /** Document facts, the most specific document first. */
  documents: z.array(CardDocument),
  /** Items to choose from: a cited number several documents have, or the items of a section. */
  candidates: z.array(ItemLink),
  /** Closing remarks (every deadline shown has passed …). */
  notes: z.array(z.string()),
  /** The source named under the answer: 《document》label. Null when the card cites nothing. */
  source: z.string().nullable(),
  buttons: z.array(CardButton),
});
export type Card = z.infer<typeof Card>;

/** Options for {@link renderCard}. */
export interface CardOptions {
  /** Add 👍 / 👎 buttons (default true; never on invalid input). */
  feedback?: boolean;
  /** At most this many "ask" buttons (related items, candidates); default 6. */
  maxAskButtons?: number;
}

type Strings = (typeof STRINGS)[Lang];

const STRINGS = {
  zh: {
    roles: ROLE_WORDS.zh,
    passed: "已过期",
    open: "未到期",
    yearly: "每年重复",
    up: "👍 有用",
    down: "👎 没用",
    outcome: OUTCOME_ZH,
    overall: (o: string) => `总的结论：${o}`,
    noDepartment: (label: string) => `${label}没有写明责任部门。`,
    noDeadline: (label: string) => `${label}没有写明期限。`,
    departmentsOf: (label: string, line: string) => `${label}的责任部门：${line}`,
    deadlinesOf: (label: string, line: string) => `${label}的期限：${line}`,
    whom: (line: string) => `可找：${line}`,
    source: (docName: string, label: string) => `《${docName}》${label}`,
    deptTitle: (names: string) => `${names}的任务`,
    deptCount: (total: number, role: string | null, n: number) =>
      `共${total}项任务${role ? `，其中${role}${n}项` : ""}`,
    deptFiltered: "（按问题中的期限筛选）",
    viaNote: (from: string) => `据${from}总括规定`,
    deadlineTitle: (d: string) => `${d}的任务`,
    deadlineCount: (n: number) => `共${n}项`,
    deadlineNone: (d: string, today: string) => `没有${d}的任务（今天是${today}，已收录文件的期限均已过）。`,
    allPassed: (today: string) => `今天是${today}，以上期限均已过。`,
    noSuchTitle: (w: string) => `没有“${w}”`,
    noSuchLine: (doc: string, n: number, range: string) => `《${doc}》这一部分只有${n}项（${range}）。`,
    ambiguousTitle: (w: string) => `“${w}”在多个文件中都有`,
    ambiguousLine: "请选择是哪个文件的条款：",
    offTopicTitle: "这个问题不在已收录文件的范围内",
    absentTitle: (what: string) => `已收录的文件中没有${what}`,
    offTopicLine: (names: string) =>
      `已收录：${names}。可以问条款、责任部门、完成期限或是否适用于您的企业，例如“${exampleQuestions("zh")[0]}”或“${exampleQuestions("zh")[1]}”。`,
    emptyTitle: "请输入一个问题",
    emptyLine: (examples: readonly string[]) => `例如：${examples.map((e) => `“${e}”`).join("、")}。`,
    tooLongTitle: "问题太长了",
    tooLongLine: "请只问一个问题。",
    facts: {
      title: "标题",
      issuer: "印发机关",
      docNumber: "文号",
      signed: "签发",
      published: "发布",
      effective: "生效",
      indexNumber: "索引号",
      sourceOffice: "来源",
      implements: "贯彻落实",
      size: "篇幅",
    },
    size: (s: number, i: number) => `${s}部分${i}项任务`,
    docTitle: (name: string) => `《${name}》`,
    list: "、",
  },
  en: {
    roles: ROLE_WORDS.en,
    passed: "passed",
    open: "open",
    yearly: "yearly",
    up: "👍 Helpful",
    down: "👎 Not helpful",
    outcome: {
      applies: "applies",
      does_not_apply: "does not apply",
      need_more_info: "needs more information",
    } as Record<Outcome, string>,
    overall: (o: string) => `Overall: the obligation ${o}`,
    noDepartment: (label: string) => `${label} names no department.`,
    noDeadline: (label: string) => `${label} sets no deadline.`,
    departmentsOf: (label: string, line: string) => `Departments for ${label}: ${line}`,
    deadlinesOf: (label: string, line: string) => `Deadlines of ${label}: ${line}`,
    whom: (line: string) => `Whom to ask: ${line}`,
    source: (docName: string, label: string) => `${docName}, item ${label}`,
    deptTitle: (names: string) => `Tasks of ${names}`,
    deptCount: (total: number, role: string | null, n: number) =>
      `${total} items${role ? `, ${n} of them as ${role.toLowerCase()}` : ""}`,
    deptFiltered: " (filtered by the date asked)",
    viaNote: (from: string) => `by the standing note in ${from}`,
    deadlineTitle: (d: string) => `Tasks ${d}`,
    deadlineCount: (n: number) => `${n} task${n === 1 ? "" : "s"}`,
    deadlineNone: (d: string, today: string) =>
      `No tasks ${d}: as of today (${today}) every deadline of the documents has passed.`,
    allPassed: (today: string) => `Today is ${today}; all of these deadlines have passed.`,
    noSuchTitle: (w: string) => `There is no "${w}"`,
    noSuchLine: (doc: string, n: number, range: string) => `That part of ${doc} has ${n} items (${range}).`,
    ambiguousTitle: (w: string) => `"${w}" is in several documents`,
    ambiguousLine: "Please choose the document:",
    offTopicTitle: "The documents I hold do not cover this question",
    absentTitle: (what: string) => `I hold no ${what}`,
    offTopicLine: (names: string) =>
      `Loaded: ${names}. Ask about a clause, the responsible departments, deadlines, or whether a rule applies to your business.`,
    emptyTitle: "Please type a question",
    emptyLine: (examples: readonly string[]) => `For example: ${examples.map((e) => `"${e}"`).join(", ")}.`,
    tooLongTitle: "That is too long",
    tooLongLine: "Please ask one question at a time.",
    facts: {
      title: "Title",
      issuer: "Issued by",
      docNumber: "Number",
      signed: "Signed",
      published: "Published",
      effective: "Effective",
      indexNumber: "Index number",
      sourceOffice: "Source",
      implements: "Implements",
      size: "Size",
    },
    size: (s: number, i: number) => `${s} sections, ${i} items`,
    docTitle: (name: string) => name,
    list: ", ",
  },
} as const;

const ROLES: readonly Role[] = ["lead", "responsible", "support"];

function badge(d: DeadlineView, s: Strings): CardBadge {
  return {
    text: d.text,
    date: d.date,
    state: d.passed ? "passed" : "open",
    stateLabel: d.recurring ? s.yearly : d.passed ? s.passed : s.open,
    approximate: d.approximate ?? false,
  };
}

function chips(c: Citation, s: Strings, lang: Lang): CardChip[] {
  const own = (d: DepartmentRole, noteFrom: string | null): CardChip => ({
    name: departmentName(d, lang),
    role: d.role,
    roleLabel: s.roles[d.role],
    noteFrom,
  });
  // A point covered by its item's clause shows the item's departments, marked as the item's.
  const from = c.covering?.label ?? null;
  const byRole = ROLES.flatMap((r) => c.departments.filter((d) => d.role === r).map((d) => own(d, from)));
  const note = c.standingNote;
  return note ? [...byRole, ...note.departments.map((d) => own(d, note.from))] : byRole;
}

function cardItem(c: Citation, s: Strings, lang: Lang): CardItem {
  return {
    doc: c.doc,
    docName: c.docName,
    id: c.id,
    label: c.label,
    title: c.title,
    quote: c.quote,
    chips: chips(c, s, lang),
    badges: c.deadlines.map((d) => badge(d, s)),
    periods: periodsLine(c, lang),
    implements: c.implements,
  };
}

const link = (c: Citation): ItemLink => ({
  doc: c.doc,
  docName: c.docName,
  id: c.id,
  label: c.label,
  title: c.title,
});

/** Chips joined by role: "负责：A、B；另：C（二(一)）" as a sentence for the focus lines. */
function chipsSentence(list: readonly CardChip[], s: Strings, lang: Lang): string {
  const parts = ROLES.flatMap((r) => {
    const names = list.filter((c) => c.role === r && !c.noteFrom).map((c) => c.name);
    return names.length > 0 ? [`${s.roles[r]}${lang === "zh" ? "：" : ": "}${names.join(s.list)}`] : [];
  });
  const noted = list.filter((c) => c.noteFrom);
  if (noted.length > 0) {
    const from = noted[0]?.noteFrom ?? "";
    parts.push(`${noted.map((c) => c.name).join(s.list)}（${s.viaNote(from)}）`);
  }
  return parts.join(lang === "zh" ? "；" : "; ");
}

function badgeText(b: CardBadge, lang: Lang): string {
  const approx = b.approximate ? (lang === "zh" ? "约" : "about ") : "";
  return lang === "zh"
    ? `${b.text}（${approx}${b.date}，${b.stateLabel}）`
    : `${b.text} → ${approx}${b.date} (${b.stateLabel})`;
}

/** The document's facts, in the order a reader looks for them. */
function documentFacts(d: DocumentInfo, s: Strings): CardDocument {
  const f = s.facts;
  const facts = [
    [f.title, d.title],
    [f.issuer, d.issuer],
    [f.docNumber, d.docNumber],
    [f.signed, d.signed],
    [f.published, d.published],
    [f.effective, d.effective],
    [f.indexNumber, d.indexNumber],
    [f.sourceOffice, d.sourceOffice],
    [f.implements, d.implements.map((i) => i.number).join(s.list) || null],
    [f.size, s.size(d.sections, d.items)],
  ] as const;
  return {
    doc: d.doc,
    name: s.docTitle(d.name),
    facts: facts.flatMap(([label, value]) => (value ? [{ label, value }] : [])),
  };
}

function empty(r: Response, title: string): Card {
  return {
    kind: r.kind,
    lang: r.lang,
    title,
    verdicts: [],
    lines: [],
    items: [],
    related: [],
    groups: [],
    documents: [],
    candidates: [],
    notes: [],
    source: null,
    buttons: [],
  };
}

/** The question a button asks to open an item: the document's name and the label resolve to it. */
function askFor(l: ItemLink, lang: Lang): string {
  return lang === "zh" ? `《${l.docName}》${l.label}` : `${l.docName} ${l.label}`;
}

/** The card of a Response, from its payload and citations only. */
export function renderCard(r: Response, options: CardOptions = {}): Card {
  const lang = r.lang;
  const s = STRINGS[lang];
  const p = r.payload;
  const [first, ...rest] = r.citations;
  let card: Card;
  switch (p.kind) {
    case "invalid_input":
      card = empty(r, p.reason === "too_long" ? s.tooLongTitle : s.emptyTitle);
      card.lines = [
        p.reason === "too_long" ? s.tooLongLine : s.emptyLine(exampleQuestions(lang).slice(0, 3)),
      ];
      return Card.parse(card);
    case "not_covered": {
      if (p.reason === "no_such_item") {
        card = empty(r, s.noSuchTitle(p.written ?? ""));
        const c0 = p.candidates[0];
        if (c0) {
          const range = `${c0.label}–${p.candidates.at(-1)?.label}`;
          card.lines = [s.noSuchLine(c0.docName, p.candidates.length, range)];
        }
      } else if (p.reason === "ambiguous_item") {
        card = empty(r, s.ambiguousTitle(p.written ?? ""));
        card.lines = [s.ambiguousLine];
      } else {
        card = empty(r, p.absent ? s.absentTitle(absentDocumentName(p.absent, r.lang)) : s.offTopicTitle);
        card.lines = [
          s.offTopicLine(
            documentsNamed(
              p.documents.map((d) => s.docTitle(d.name)),
              r.lang,
              s.list,
            ),
          ),
        ];
      }
      card.candidates = p.candidates;
      break;
    }
    case "document": {
      const [main] = p.documents;
      card = empty(r, main ? s.docTitle(main.name) : "");
      card.documents = p.documents.map((d) => documentFacts(d, s));
      break;
    }
    case "department_listing": {
      const names = p.departments.map((d) => departmentName(d, lang)).join(s.list);
      card = empty(r, s.deptTitle(names));
      const all = p.groups.flatMap((g) => g.entries);
      const focused = p.role ? new Set(all.filter((e) => e.role === p.role).map((e) => e.id)).size : 0;
      card.lines = [
        s.deptCount(p.total, p.role ? s.roles[p.role] : null, focused) + (p.deadline ? s.deptFiltered : ""),
      ];
      const order = p.role ? [p.role, ...ROLES.filter((x) => x !== p.role)] : ROLES;
      card.groups = p.groups.map((g) => ({
        doc: g.doc,
        docName: g.docName,
        sections: order.flatMap((role) => {
          const rows = g.entries
            .filter((e) => e.role === role)
            .map((e) => ({
              id: e.id,
              label: e.label,
              title: e.title,
              badges: e.deadlines.map((d) => badge(d, s)),
              detail:
                [
                  p.departments.length > 1 ? e.department : null,
                  e.viaStandingNote ? s.viaNote(e.noteFrom ?? "") : null,
                ]
                  .filter(Boolean)
                  .join(lang === "zh" ? "，" : ", ") || null,
            }));
          return rows.length > 0 ? [{ heading: s.roles[role], rows }] : [];
        }),
      }));
      break;
    }
    case "deadline_listing": {
      card = empty(r, s.deadlineTitle(p.description));
      if (p.total === 0) {
        card.lines = [s.deadlineNone(p.description, p.today)];
        break;
      }
      card.lines = [s.deadlineCount(p.total)];
      card.groups = p.groups.map((g) => ({
        doc: g.doc,
        docName: g.docName,
        sections: [
          {
            heading: null,
            rows: g.entries.map((e) => ({
              id: e.id,
              label: e.label,
              title: e.title,
              badges: [badge(e.deadline, s)],
              detail: e.deadline.sentence,
            })),
          },
        ],
      }));
      const entries = p.groups.flatMap((g) => g.entries);
      if (entries.every((e) => e.deadline.passed)) card.notes = [s.allPassed(p.today)];
      break;
    }
    case "check": {
      if (!first) return Card.parse(empty(r, ""));
      const several = p.verdicts.length > 1;
      const title = several ? s.overall(s.outcome[p.outcome]) : (p.verdicts[0]?.verdict ?? "");
      card = empty(r, title);
      card.verdicts = p.verdicts.map((v) => ({
        outcome: v.check.outcome,
        text: v.verdict,
        explanation: v.check.explanation,
        badge: v.deadline ? badge(v.deadline, s) : null,
      }));
      const item = cardItem(first, s, lang);
      if (p.asksWho) card.lines = [s.whom(chipsSentence(item.chips, s, lang) || "—")];
      card.items = [item];
      card.related = rest.map(link);
      card.source = s.source(first.docName, first.label);
      break;
    }
    case "item": {
      if (!first) return Card.parse(empty(r, ""));
      const item = cardItem(first, s, lang);
      card = empty(r, `${first.label} ${first.title}`);
      if (p.focus === "departments") {
        card.lines = whoCitations(r.citations).map((c) => {
          const line = chipsSentence(cardItem(c, s, lang).chips, s, lang);
          return line ? s.departmentsOf(c.label, line) : s.noDepartment(c.label);
        });
      } else if (p.focus === "deadlines") {
        card.lines = [
          item.badges.length > 0
            ? s.deadlinesOf(first.label, item.badges.map((b) => badgeText(b, lang)).join(s.list))
            : s.noDeadline(first.label),
        ];
      }
      card.items = [item];
      const seen = new Set([`${first.doc}#${first.id}`]);
      card.related = [...rest.map(link), ...p.related].filter((l) => {
        const key = `${l.doc}#${l.id}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      card.source = s.source(first.docName, first.label);
      break;
    }
  }
  const max = options.maxAskButtons ?? 6;
  const asks = [...card.candidates, ...card.related].slice(0, max).map(
    (l): CardButton => ({
      action: "ask",
      label: `${l.label} ${l.title}`,
      text: askFor(l, lang),
    }),
  );
  const votes: CardButton[] =
    options.feedback === false
      ? []
      : [
          { action: "feedback", label: s.up, vote: "up" },
          { action: "feedback", label: s.down, vote: "down" },
        ];
  card.buttons = [...asks, ...votes];
  return Card.parse(card);
}

/** "到2025年（2025-12-31，已过期）": a badge in words, for renderers without badges. */
export function badgeLabel(b: CardBadge, lang: Lang): string {
  return badgeText(b, lang);
}
