/**
 * Renders the engine's answers, items and listings as Telegram HTML. Everything that comes from a
 * user or the document goes through {@link escapeHtml}; paragraphs are separated by blank lines so
 * long replies split cleanly.
 */
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { departmentName as renderDepartmentName } from "../../render/index.js";

const departmentName = (name: string, lang: "zh" | "en") => renderDepartmentName({ name }, lang);

import type { Citation, Response } from "../../answer/schema.js";
import type { Deadline, Item, Plan, Role } from "../../corpus/schema.js";
import type { Check } from "../../rules/schema.js";
import { itemData } from "./callbacks.js";
import { escapeHtml as esc, truncate } from "./html.js";
import { type Lang, t } from "./i18n.js";

const ROLES: readonly Role[] = ["lead", "responsible", "support"];

// A department's name for a reply is the same as in the plain-text answer.
export { departmentName };

export interface DeptRole {
  name: string;
  role: Role;
  viaStandingNote?: boolean;
}

/** Departments grouped by role, one line a role: 牵头:A、B. */
export function renderDepartments(depts: readonly DeptRole[], lang: Lang): string | null {
  if (depts.length === 0) return null;
  const s = t(lang);
  const lines = [`<b>${esc(s.departments)}</b>`];
  for (const role of ROLES) {
    const names: string[] = [];
    for (const d of depts) {
      if (d.role !== role) continue;
      const shown =
        esc(departmentName(d.name, lang)) + (d.viaStandingNote ? ` <i>(${esc(s.viaStandingNote)})</i>` : "");
      if (!names.includes(shown)) names.push(shown);
    }
    if (names.length > 0)
      lines.push(
        `${esc(s.roles[role])}${lang === "zh" ? ":" : ": "}${names.join(lang === "zh" ? "、" : "; ")}`,
      );
  }
  return lines.join("\n");
}

type DeadlineLike = Pick<Deadline, "text" | "date"> & { passed: boolean; approximate?: boolean };

/** Deadlines with their date and whether they have passed. */
export function renderDeadlines(deadlines: readonly DeadlineLike[], lang: Lang): string | null {
  if (deadlines.length === 0) return null;
  const s = t(lang);
  const lines = [`<b>${esc(s.deadlines)}</b>`];
  const seen = new Set<string>();
  for (const d of deadlines) {
    const key = `${d.date}|${d.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const state = d.passed ? `⏰ ${s.passed}` : `🕒 ${s.open}`;
    const approx = d.approximate ? `${s.approximate} ` : "";
    lines.push(`• ${esc(d.text)} (${approx}${esc(d.date)}) — ${esc(state)}`);
  }
  return lines.join("\n");
}

/** The verdict of a deterministic check, first in a reply. */
export function renderVerdict(check: Check, lang: Lang): string {
  const s = t(lang);
  const lines = [`<b>${esc(s.verdict[check.outcome])}</b>`];
  if (check.explanation) lines.push(esc(check.explanation));
  if (check.missing.length > 0)
    lines.push(`${esc(s.stillNeeded)}: ${esc(check.missing.join(lang === "zh" ? "、" : ", "))}`);
  return lines.join("\n");
}

export function planTitle(plans: readonly Plan[], doc: string): string {
  const plan = plans.find((p) => p.doc === doc);
  return plan ? plan.meta.planTitle : doc;
}

export function docIndex(plans: readonly Plan[], doc: string): number {
  return Math.max(
    0,
    plans.findIndex((p) => p.doc === doc),
  );
}

function heading(label: string, title: string, lang: Lang): string {
  return lang === "zh" ? `<b>${esc(label)} ${esc(title)}</b>` : `<b>Item ${esc(label)}: ${esc(title)}</b>`;
}

function docName(plans: readonly Plan[], doc: string, lang: Lang): string {
  return lang === "zh" ? `《${planTitle(plans, doc)}》` : planTitle(plans, doc);
}

function sourceLine(plans: readonly Plan[], doc: string, label: string, lang: Lang): string {
  const s = t(lang);
  const sep = lang === "zh" ? ":" : ": ";
  const where = lang === "zh" ? label : `item ${label}`;
  return `<i>${esc(s.source)}${sep}${esc(docName(plans, doc, lang))}${lang === "zh" ? "" : ", "}${esc(where)}</i>`;
}

/** Normalises a quote for a blockquote: no blank lines inside, so paragraph splitting never cuts it. */
function quoteBlock(text: string): string {
  return `<blockquote>${esc(text.replace(/\n\s*\n+/g, "\n").trim())}</blockquote>`;
}

/** What rendering needs from the engine: the documents and today's date. */
export interface RenderContext {
  plans: readonly Plan[];
  today: string;
}

function lookupItem(plans: readonly Plan[], doc: string, id: string): Item | undefined {
  return plans.find((p) => p.doc === doc)?.items.find((i) => i.id === id);
}

/**
 * One cited item: label and title in bold, the verbatim quote, departments (with those a standing
 * note attaches), deadlines with passed/open, source.
 */
export function renderCitation(c: Citation, rc: RenderContext, lang: Lang): string {
  const item = lookupItem(rc.plans, c.doc, c.id);
  const depts: DeptRole[] = [...c.departments];
  if (item)
    for (const d of itemDepartments(item))
      if (!depts.some((o) => o.name === d.name && o.role === d.role)) depts.push(d);
  const deadlines = item ? item.deadlines.map((d) => ({ ...d, passed: d.date < rc.today })) : c.deadlines;
  return [
    heading(c.label, c.title, lang),
    quoteBlock(c.quote),
    renderDepartments(depts, lang),
    renderDeadlines(deadlines, lang),
    sourceLine(rc.plans, c.doc, c.label, lang),
  ]
    .filter((x): x is string => x !== null)
    .join("\n\n");
}

/** Departments of an item, including those a standing note attaches. */
export function itemDepartments(item: Item): DeptRole[] {
  const own: DeptRole[] = item.departments.map((d) => ({ name: d.name, role: d.role }));
  const note = item.standingNote?.departments ?? [];
  for (const d of note)
    if (!own.some((o) => o.name === d.name && o.role === d.role))
      own.push({ name: d.name, role: d.role, viaStandingNote: true });
  return own;
}

/** The whole item verbatim. */
export function renderItem(item: Item, rc: RenderContext, lang: Lang): string {
  return [
    heading(item.label, item.title, lang),
    quoteBlock(item.text),
    renderDepartments(itemDepartments(item), lang),
    renderDeadlines(
      item.deadlines.map((d) => ({ ...d, passed: d.date < rc.today })),
      lang,
    ),
    sourceLine(rc.plans, item.doc, item.label, lang),
  ]
    .filter((x): x is string => x !== null)
    .join("\n\n");
}

/** Buttons laid out `perRow` to a row, without an empty trailing row. */
export function grid(buttons: InlineKeyboardButton[], perRow: number): InlineKeyboard {
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return InlineKeyboard.from(rows);
}

/** The buttons under an answer or item: full text, related items, departments. */
export function itemKeyboard(doc: number, id: string, lang: Lang): InlineKeyboard {
  const s = t(lang);
  return new InlineKeyboard()
    .text(s.buttons.full, itemData("f", doc, id, lang))
    .text(s.buttons.related, itemData("r", doc, id, lang))
    .text(s.buttons.departments, itemData("d", doc, id, lang));
}

export interface Rendered {
  html: string;
  keyboard?: InlineKeyboard;
}

/**
 * Whether a response lists many items (a department's tasks, a deadline timeline) rather than
 * answering with one item: its text then does not open with the first item's label and title.
 */
export function isListing(r: Response): boolean {
  const first = r.citations[0];
  if (!first || r.check || r.citations.length < 2) return false;
  return (r.answer.split("\n")[0] ?? "").trim() !== `${first.label} ${first.title}`;
}

/** A listing's text with its heading and group titles in bold and its rows as bullets. */
function renderListingText(answer: string): string {
  const lines = answer.trim().split("\n");
  return lines
    .map((line, i) => {
      const trimmed = line.trim();
      if (i === 0 || /^【.+】$/.test(trimmed) || /^[A-Z][A-Za-z ]{0,30}:$/.test(trimmed))
        return `<b>${esc(trimmed)}</b>`;
      const row = /^[-•]\s*(.*)$/.exec(trimmed);
      return row ? `• ${esc(row[1] ?? "")}` : esc(trimmed);
    })
    .join("\n")
    .replace(/\n(<b>)/g, "\n\n$1");
}

/** A reply to a question: verdict first, then the best citation (or the listing), then pointers. */
export function renderResponse(r: Response, rc: RenderContext): Rendered {
  const lang = r.lang;
  const s = t(lang);
  const blocks: string[] = [];
  if (r.check) blocks.push(renderVerdict(r.check, lang));
  const [best, ...rest] = r.status === "answered" ? r.citations : [];
  if (!best) {
    blocks.push(esc(r.answer.trim() || s.noCitation));
    return { html: blocks.join("\n\n") };
  }
  if (isListing(r)) {
    blocks.push(renderListingText(r.answer));
    const docs = [...new Set(r.citations.map((c) => c.doc))];
    blocks.push(
      `<i>${esc(s.source)}${lang === "zh" ? ":" : ": "}${esc(docs.map((d) => docName(rc.plans, d, lang)).join(", "))}</i>`,
    );
    const keyboard = grid(
      r.citations
        .slice(0, 9)
        .map((c) => InlineKeyboard.text(c.label, itemData("f", docIndex(rc.plans, c.doc), c.id, lang))),
      3,
    );
    return { html: blocks.join("\n\n"), keyboard };
  }
  blocks.push(renderCitation(best, rc, lang));
  const others = rest.filter((c) => !(c.doc === best.doc && c.id === best.id)).slice(0, 3);
  if (others.length > 0)
    blocks.push(
      [
        `<b>${esc(s.alsoSee)}</b>`,
        ...others.map((c) => `• <b>${esc(c.label)}</b> ${esc(truncate(c.title, 80))}`),
      ].join("\n"),
    );
  return { html: blocks.join("\n\n"), keyboard: itemKeyboard(docIndex(rc.plans, best.doc), best.id, lang) };
}

/** A list of items, one line each: label and title. */
export function itemLine(item: Pick<Item, "label" | "title">): string {
  return `• <b>${esc(item.label)}</b> ${esc(truncate(item.title, 120))}`;
}
