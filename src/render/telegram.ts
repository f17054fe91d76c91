/**
 * Telegram HTML rendered from a Response's payload and citations — the Telegram twin of
 * {@link renderText} (./text.ts), never a reading of its prose. Every text from a document or a
 * user is escaped; blocks are separated by blank lines so the channel's splitter cuts long replies
 * between them. Buttons are described by what they do ({@link TelegramAction}); the channel encodes
 * them as callback data.
 */
import type {
  CheckPayload,
  Citation,
  DeadlineListingPayload,
  DeadlineView,
  DepartmentListingPayload,
  DepartmentRole,
  DocumentInfo,
  ItemLink,
  NotCoveredPayload,
  Response,
  Verdict,
} from "../answer/index.js";

import type { Role } from "../corpus/index.js";
import type { Outcome } from "../rules/index.js";
import type { Lang } from "../understand/index.js";
import { escapeHtml as esc, truncate } from "./telegram-html.js";
import {
  coveringLine,
  deadlineText,
  departmentName,
  invalidInputText,
  periodsLine,
  refusalText,
} from "./text.js";
import { documentsNamed, focusBlocks, OUTCOME_ZH, ROLE_WORDS } from "./words.js";

/** What a button under a reply does: show an item in full, its related items, or its departments. */
export interface TelegramAction {
  kind: "full" | "related" | "departments";
  doc: string;
  id: string;
}

/** One button: its label and what pressing it does. */
export interface TelegramButton {
  text: string;
  action: TelegramAction;
}

/** A reply: HTML (possibly longer than one message; the channel splits it) and rows of buttons. */
export interface TelegramReply {
  html: string;
  buttons: TelegramButton[][];
}

const ROLES: readonly Role[] = ["lead", "responsible", "support"];

/** Every fixed word the renderer writes, per language. */
const WORDS = {
  zh: {
    roles: ROLE_WORDS.zh,
    departments: "责任部门",
    deadlines: "期限",
    source: "出处",
    implements: "落实",
    alsoSee: "相关条款",
    standingNote: (names: string, from: string) => `另：${names}负责落实（见${from}）`,
    noDepartments: (label: string) => `${label}没有写明责任部门。`,
    noDeadlines: (label: string) => `${label}没有写明期限。`,
    departmentsOf: (label: string) => `${label}的责任部门`,
    deadlinesOf: (label: string) => `${label}的期限`,
    deadlineApplies: "适用的期限",
    whom: "可找",
    stillNeeded: "还需要",
    overall: "总的结论",
    outcome: OUTCOME_ZH,
    related: (label: string) => `与${label}相关的条款`,
    noRelated: "没有找到相关条款。",
    fullText: "全文",
    buttons: { full: "全文", related: "相关条款", departments: "负责部门" },
    viaNote: (from: string) => `（据${from}总括规定）`,
    filtered: "（按问题中的期限筛选）",
    allPassed: (today: string) => `今天是${today}，以上期限均已过。`,
    noTasks: (names: string) => `${names}在已收录文件中没有列出任务。`,
    documentsTitle: "已收录的文件",
    docName: (name: string) => `《${name}》`,
  },
  en: {
    roles: ROLE_WORDS.en,
    departments: "Departments",
    deadlines: "Deadlines",
    source: "Source",
    implements: "Implements",
    alsoSee: "Related items",
    standingNote: (names: string, from: string) => `Also carried out by: ${names} (standing note in ${from})`,
    noDepartments: (label: string) => `${label} names no department.`,
    noDeadlines: (label: string) => `${label} sets no deadline.`,
    departmentsOf: (label: string) => `Departments for ${label}`,
    deadlinesOf: (label: string) => `Deadlines of ${label}`,
    deadlineApplies: "The deadline that applies",
    whom: "Whom to ask",
    stillNeeded: "Still needed",
    overall: "Overall",
    outcome: {
      applies: "the obligation applies",
      does_not_apply: "the obligation does not apply",
      need_more_info: "more information is needed",
    } satisfies Record<Outcome, string>,
    related: (label: string) => `Items related to ${label}`,
    noRelated: "No related items found.",
    fullText: "Full text",
    buttons: { full: "Full text", related: "Related items", departments: "Departments" },
    viaNote: (from: string) => ` (by the standing note in ${from})`,
    filtered: " (filtered by the date asked)",
    allPassed: (today: string) => `Today is ${today}; all of these deadlines have passed.`,
    noTasks: (names: string) => `${names}: no tasks in the documents loaded.`,
    documentsTitle: "Documents loaded",
    docName: (name: string) => name,
  },
} as const;

const OUTCOME_MARK: Record<Outcome, string> = { applies: "✅", does_not_apply: "⛔", need_more_info: "❓" };

const sep = (lang: Lang) => (lang === "zh" ? "：" : ": ");
const list = (lang: Lang) => (lang === "zh" ? "、" : "; ");

/** The buttons under an answer about one item: full text, related items, departments. */
export function itemButtons(doc: string, id: string, lang: Lang): TelegramButton[][] {
  const b = WORDS[lang].buttons;
  return [
    [
      { text: b.full, action: { kind: "full", doc, id } },
      { text: b.related, action: { kind: "related", doc, id } },
      { text: b.departments, action: { kind: "departments", doc, id } },
    ],
  ];
}

/** Buttons opening each of several items, `perRow` to a row; the document is named when they differ. */
export function itemLinkButtons(links: readonly ItemLink[], perRow = 3): TelegramButton[][] {
  const docs = new Set(links.map((l) => l.doc));
  const buttons = links.map((l) => ({
    text: docs.size > 1 ? truncate(`${l.label} · ${l.docName}`, 30) : l.label,
    action: { kind: "full" as const, doc: l.doc, id: l.id },
  }));
  const per = docs.size > 1 ? 1 : perRow;
  const rows: TelegramButton[][] = [];
  for (let i = 0; i < buttons.length; i += per) rows.push(buttons.slice(i, i + per));
  return rows;
}

/** Departments one line per role, the standing note's after them; null when the item names none. */
function departmentsBlock(
  departments: readonly DepartmentRole[],
  c: Citation | null,
  lang: Lang,
): string | null {
  const w = WORDS[lang];
  const lines = ROLES.flatMap((role) => {
    const names = departments.filter((d) => d.role === role).map((d) => esc(departmentName(d, lang)));
    return names.length > 0 ? [`${esc(w.roles[role])}${sep(lang)}${names.join(list(lang))}`] : [];
  });
  const note = c?.standingNote;
  if (note && note.departments.length > 0)
    lines.push(
      `<i>${esc(
        w.standingNote(note.departments.map((d) => departmentName(d, lang)).join(list(lang)), note.from),
      )}</i>`,
    );
  return lines.length > 0 ? lines.join("\n") : null;
}

/** One deadline: ⏰ when it has passed (by the engine's clock at answer time), 🕒 while open. */
function deadlineLine(d: DeadlineView, lang: Lang): string {
  return `${d.passed ? "⏰" : "🕒"} ${esc(deadlineText(d, lang))}`;
}

/** "出处：《name》六(五)" and, for a local item, the national item it implements. */
function sourceLines(c: Citation, lang: Lang): string {
  const w = WORDS[lang];
  const where = lang === "zh" ? `《${c.docName}》${c.label}` : `${c.docName}, item ${c.label} (${c.id})`;
  const lines = [`<i>${esc(w.source)}${sep(lang)}${esc(where)}</i>`];
  if (c.implements) {
    const i = c.implements;
    const what =
      lang === "zh" ? `《${i.docName}》${i.label} ${i.title}` : `${i.docName}, item ${i.label} ${i.title}`;
    lines.push(`<i>${esc(w.implements)}${sep(lang)}${esc(what)}</i>`);
  }
  return lines.join("\n");
}

/** Wraps text as a quote: no blank line inside, so the splitter never cuts it in two. */
function quoteBlock(text: string): string {
  return `<blockquote>${esc(text.replace(/\n\s*\n+/g, "\n").trim())}</blockquote>`;
}

function heading(c: Pick<Citation, "label" | "title">): string {
  return `<b>${esc(c.label)} ${esc(c.title)}</b>`;
}

/**
 * One cited item: label and title in bold, the quoted sentence, departments by role, deadlines
 * passed/open, the document's name and the item it implements. `details: false` leaves out
 * departments and deadlines (a check's verdict has said what matters).
 */
export function citationHtml(c: Citation, lang: Lang, details = true): string {
  const quoted = `${heading(c)}\n${quoteBlock(c.quote)}`;
  return [quoted, ...(details ? detailBlocks(c, lang) : []), sourceLines(c, lang)].join("\n\n");
}

/** An item's departments by role and its deadlines, each block under its heading (none when empty). */
function detailBlocks(c: Citation, lang: Lang): string[] {
  const w = WORDS[lang];
  const blocks: string[] = [];
  const depts = departmentsBlock(c.departments, c, lang);
  if (depts) blocks.push(`<b>${esc(w.departments)}</b>\n${depts}`);
  if (c.deadlines.length > 0)
    blocks.push(`<b>${esc(w.deadlines)}</b>\n${c.deadlines.map((d) => deadlineLine(d, lang)).join("\n")}`);
  const periods = periodsLine(c, lang);
  if (periods) blocks.push(esc(periods));
  const covered = coveringLine(c, lang);
  if (covered) blocks.push(`<i>${esc(covered)}</i>`);
  return blocks;
}

/** The item's whole text, the quoted sentence underlined where it stands, then its details. */
export function fullItemHtml(c: Citation, lang: Lang): string {
  const start = c.quoteStart;
  const end = start + c.quote.length;
  const verbatim = c.text.slice(start, end) === c.quote;
  const body = verbatim
    ? `${esc(c.text.slice(0, start))}<u>${esc(c.quote)}</u>${esc(c.text.slice(end))}`
    : esc(c.text);
  const text = `${heading(c)}\n<blockquote>${body.replace(/\n\s*\n+/g, "\n").trim()}</blockquote>`;
  return [text, ...detailBlocks(c, lang), sourceLines(c, lang)].join("\n\n");
}

/** An item's departments alone (the "departments" button). */
export function itemDepartmentsHtml(c: Citation, lang: Lang): string {
  const w = WORDS[lang];
  const depts = departmentsBlock(c.departments, c, lang);
  return [
    `<b>${esc(w.departmentsOf(c.label))}</b> ${esc(c.title)}`,
    depts ?? esc(w.noDepartments(c.label)),
    sourceLines(c, lang),
  ].join("\n\n");
}

/** Items related to one, each a button. */
export function relatedReply(
  of: Pick<Citation, "label">,
  links: readonly ItemLink[],
  lang: Lang,
): TelegramReply {
  const w = WORDS[lang];
  if (links.length === 0) return { html: esc(w.noRelated), buttons: [] };
  const rows = links.map((l) => `• <b>${esc(l.label)}</b> ${esc(truncate(l.title, 80))}`);
  return {
    html: [`<b>${esc(w.related(of.label))}</b>`, ...rows].join("\n"),
    buttons: itemLinkButtons(links, 1).map((row) =>
      row.map((b) => {
        const link = links.find((l) => l.doc === b.action.doc && l.id === b.action.id);
        return link ? { ...b, text: truncate(`${link.label} ${link.title}`, 40) } : b;
      }),
    ),
  };
}

/** What a who/when question asked for, before the item. */
function focusBlock(c: Citation, focus: "departments" | "deadlines" | null, lang: Lang): string | null {
  const w = WORDS[lang];
  if (focus === "departments") {
    const depts = departmentsBlock(c.departments, c, lang);
    return depts ? `<b>${esc(w.departmentsOf(c.label))}</b>\n${depts}` : esc(w.noDepartments(c.label));
  }
  if (focus === "deadlines") {
    const periods = periodsLine(c, lang);
    const said = periods ? `\n${esc(periods)}` : "";
    if (c.deadlines.length === 0) return `${esc(w.noDeadlines(c.label))}${said}`;
    return `<b>${esc(w.deadlinesOf(c.label))}</b>\n${c.deadlines.map((d) => deadlineLine(d, lang)).join("\n")}${said}`;
  }
  return null;
}

/** The citations after the first, naming their document where it differs from the first's. */
function seeAlso(citations: readonly Citation[], lang: Lang): string | null {
  const [first, ...rest] = citations;
  const others = rest.filter((c) => !(first && c.doc === first.doc && c.id === first.id)).slice(0, 5);
  if (!first || others.length === 0) return null;
  const w = WORDS[lang];
  const rows = others.map((c) => {
    const from = c.doc === first.doc ? "" : ` <i>${esc(w.docName(c.docName))}</i>`;
    return `• <b>${esc(c.label)}</b> ${esc(truncate(c.title, 80))}${from}`;
  });
  return [`<b>${esc(w.alsoSee)}</b>`, ...rows].join("\n");
}

/** One verdict: its outcome mark and sentence in bold, the comparison, what is missing, its deadline. */
function verdictBlock(v: Verdict, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [`<b>${OUTCOME_MARK[v.check.outcome]} ${esc(v.verdict)}</b>`];
  if (v.check.explanation) lines.push(esc(v.check.explanation));
  if (v.check.missing.length > 0)
    lines.push(`${esc(w.stillNeeded)}${sep(lang)}${esc(v.check.missing.join(list(lang)))}`);
  if (v.deadline) lines.push(`${esc(w.deadlineApplies)}${sep(lang)}${deadlineLine(v.deadline, lang)}`);
  return lines.join("\n");
}

/** A check: the verdict first (every verdict, after the overall outcome, when several), then the item. */
function checkReply(r: Response, p: CheckPayload): TelegramReply {
  const lang = r.lang;
  const w = WORDS[lang];
  const [first] = r.citations;
  const blocks: string[] = [];
  if (p.verdicts.length > 1)
    blocks.push(
      `<b>${OUTCOME_MARK[p.outcome]} ${esc(w.overall)}${sep(lang)}${esc(w.outcome[p.outcome])}</b>`,
    );
  for (const v of p.verdicts) blocks.push(verdictBlock(v, lang));
  if (first && p.asksWho) {
    const depts = departmentsBlock(first.departments, first, lang);
    blocks.push(`<b>${esc(w.whom)}</b>\n${depts ?? "—"}`);
  }
  if (first) blocks.push(citationHtml(first, lang));
  const also = seeAlso(r.citations, lang);
  if (also) blocks.push(also);
  return { html: blocks.join("\n\n"), buttons: first ? itemButtons(first.doc, first.id, lang) : [] };
}

/** A department's items: by document when there are several, by role within each, the asked role first. */
export function departmentListingReply(p: DepartmentListingPayload, lang: Lang): TelegramReply {
  const w = WORDS[lang];
  const names = p.departments.map((d) => departmentName(d, lang)).join(list(lang));
  if (p.total === 0 || p.groups.length === 0) return { html: esc(w.noTasks(names)), buttons: [] };
  const head =
    lang === "zh"
      ? `${names}${p.groups.length === 1 ? `在《${p.groups[0]?.docName}》中` : "在已收录文件中"}涉及${p.total}项任务`
      : `${names} ${p.departments.length > 1 ? "are" : "is"} named in ${p.total} item${p.total === 1 ? "" : "s"}`;
  const blocks = [`<b>${esc(head)}</b>${p.deadline ? esc(w.filtered) : ""}`];
  const order = p.role ? [p.role, ...ROLES.filter((r) => r !== p.role)] : ROLES;
  const links: ItemLink[] = [];
  for (const g of p.groups) {
    if (p.groups.length > 1) blocks.push(`<b>${esc(w.docName(g.docName))}</b>`);
    for (const role of order) {
      const entries = g.entries.filter((e) => e.role === role);
      if (entries.length === 0) continue;
      const rows = entries.map((e) => {
        const who = p.departments.length > 1 ? ` — ${esc(departmentName({ name: e.department }, lang))}` : "";
        const note = e.viaStandingNote ? ` <i>${esc(w.viaNote(e.noteFrom ?? ""))}</i>` : "";
        if (!links.some((l) => l.doc === g.doc && l.id === e.id))
          links.push({ doc: g.doc, docName: g.docName, id: e.id, label: e.label, title: e.title });
        return `• <b>${esc(e.label)}</b> ${esc(e.title)}${who}${note}`;
      });
      blocks.push([`<b>${esc(w.roles[role])}</b> (${entries.length})`, ...rows].join("\n"));
    }
  }
  return { html: blocks.join("\n\n"), buttons: itemLinkButtons(links.slice(0, 12)) };
}

/** A timeline of deadlines by document, each with its sentence; says so when all have passed. */
export function deadlineListingReply(p: DeadlineListingPayload, lang: Lang): TelegramReply {
  const w = WORDS[lang];
  if (p.total === 0) {
    const none =
      lang === "zh"
        ? `没有${p.description}的任务（今天是${p.today}）。`
        : `No tasks ${p.description} (today is ${p.today}).`;
    return { html: esc(none), buttons: [] };
  }
  const head =
    lang === "zh"
      ? `${p.description}的任务共${p.total}项`
      : `${p.total} task${p.total === 1 ? "" : "s"} ${p.description}`;
  const blocks = [`<b>${esc(head)}</b> — ${esc(p.today)}`];
  const links: ItemLink[] = [];
  for (const g of p.groups) {
    const rows = g.entries.map((e) => {
      if (!links.some((l) => l.doc === g.doc && l.id === e.id))
        links.push({ doc: g.doc, docName: g.docName, id: e.id, label: e.label, title: e.title });
      return `${deadlineLine(e.deadline, lang)}\n<b>${esc(e.label)}</b> ${esc(e.title)}：“${esc(truncate(e.deadline.sentence, 200))}”`;
    });
    blocks.push(
      [...(p.groups.length > 1 ? [`<b>${esc(w.docName(g.docName))}</b>`] : []), ...rows].join("\n"),
    );
  }
  const all = p.groups.flatMap((g) => g.entries);
  if (all.every((e) => e.deadline.passed)) blocks.push(`<i>${esc(w.allPassed(p.today))}</i>`);
  return { html: blocks.join("\n\n"), buttons: itemLinkButtons(links.slice(0, 12)) };
}

/** The loaded documents: name, issuer, number, dates, what each implements, its size. */
export function documentsHtml(docs: readonly DocumentInfo[], lang: Lang): string {
  const w = WORDS[lang];
  const blocks = docs.map((d, i) => {
    const facts =
      lang === "zh"
        ? [
            d.issuer ? `发文机关：${d.issuer}` : null,
            d.docNumber ? `文号：${d.docNumber}` : null,
            d.signed ? `成文日期：${d.signed}` : null,
            d.published ? `发布日期：${d.published}` : null,
            d.effective ? `生效日期：${d.effective}` : null,
            d.implements.length > 0 ? `贯彻落实：${d.implements.map((x) => x.number).join("、")}` : null,
            d.sourceOffice ? `来源：${d.sourceOffice}` : null,
            `共${d.sections}部分${d.items}项任务`,
          ]
        : [
            d.issuer ? `Issued by ${d.issuer}` : null,
            d.docNumber ? `Number: ${d.docNumber}` : null,
            d.signed ? `Signed ${d.signed}` : null,
            d.published ? `Published ${d.published}` : null,
            d.effective ? `Effective ${d.effective}` : null,
            d.implements.length > 0 ? `Implements ${d.implements.map((x) => x.number).join(", ")}` : null,
            d.sourceOffice ? `Source: ${d.sourceOffice}` : null,
            `${d.sections} sections, ${d.items} items`,
          ];
    const title = `${i + 1}. <b>${esc(w.docName(d.name))}</b>`;
    const id = `<code>${esc(d.doc)}</code>`;
    return [title, id, ...facts.filter((f): f is string => f !== null).map(esc)].join("\n");
  });
  return [`<b>${esc(w.documentsTitle)}</b>`, ...blocks].join("\n\n");
}

/** Not covered, a missing item or an ambiguous one: the message, and the candidates as buttons. */
function notCoveredReply(p: NotCoveredPayload, lang: Lang): TelegramReply {
  const names = documentsNamed(
    p.documents.map((d) => WORDS[lang].docName(d.name)),
    lang,
    list(lang),
  );
  const buttons = itemLinkButtons(p.candidates.slice(0, 12));
  if (p.reason === "no_such_item") {
    const first = p.candidates[0];
    const range = first ? `${first.label}–${p.candidates.at(-1)?.label}` : "";
    const html =
      lang === "zh"
        ? `没有“${esc(p.written ?? "")}”${first ? `：《${esc(first.docName)}》这一部分只有${p.candidates.length}项（${esc(range)}）` : ""}。`
        : `There is no “${esc(p.written ?? "")}”${first ? `: that part of ${esc(first.docName)} has ${p.candidates.length} items (${esc(range)})` : ""}.`;
    return { html, buttons };
  }
  if (p.reason === "ambiguous_item") {
    const rows = p.candidates.map(
      (c) => `• <b>${esc(c.label)}</b> ${esc(c.title)} <i>${esc(WORDS[lang].docName(c.docName))}</i>`,
    );
    const head =
      lang === "zh"
        ? `“${esc(p.written ?? "")}”在多个文件中都有，请选择：`
        : `“${esc(p.written ?? "")}” is in several documents; which one?`;
    return { html: [head, ...rows].join("\n"), buttons };
  }
  return { html: esc(refusalText(p, names, lang)), buttons: [] };
}

/** The reply to a question, from its Response: the kind decides the layout. */
export function renderTelegram(r: Response): TelegramReply {
  const lang = r.lang;
  const p = r.payload;
  const [first] = r.citations;
  switch (p.kind) {
    case "invalid_input":
      return { html: esc(invalidInputText(p.reason, lang)), buttons: [] };
    case "not_covered":
      return notCoveredReply(p, lang);
    case "department_listing":
      return departmentListingReply(p, lang);
    case "deadline_listing":
      return deadlineListingReply(p, lang);
    case "document":
      return { html: documentsHtml(p.documents, lang), buttons: [] };
    case "check":
      return checkReply(r, p);
    case "item": {
      if (!first) return { html: esc(r.answer), buttons: [] };
      const focus = focusBlocks(r.citations, p.focus, (c) => focusBlock(c, p.focus, lang));
      const blocks = [focus, citationHtml(first, lang), seeAlso(r.citations, lang)];
      return {
        html: blocks.filter((b): b is string => b !== null).join("\n\n"),
        buttons: itemButtons(first.doc, first.id, lang),
      };
    }
  }
}
