/**
 * What is due when (2024年年底前, overdue, 采暖季前): every deadline matching the
 * question, across the documents in scope, grouped by document and in date order. 采暖季前 is each
 * document's own heating-season date.
 */
import type { Deadline, IsoDate, Plan } from "../../corpus/index.js";
import { isPassed } from "../../corpus/index.js";
import type { DeadlineAsk, Query } from "../../understand/index.js";
import { citeItem, deadlineView, documentName } from "../citation.js";
import { citing, type Handler, resolved } from "../deps.js";
import { headQuote } from "../quote.js";
import { scopeOf } from "../retrieval.js";
import type { Citation, DeadlineListingPayload } from "../schema.js";
import { specificFirst } from "./order.js";

/**
 * Items quoted in full at most: the listing itself names every entry, but a question that names no
 * document among hundreds would otherwise carry each matching item's whole text.
 */
export const MAX_CITED = 50;

/** Whether a date falls on a month and day ("02-28" stands for February's end, 29th too). */
function sameMonthDay(date: IsoDate, monthDay: string): boolean {
  const own = date.slice(5);
  return own === monthDay || (monthDay === "02-28" && own === "02-29");
}

/**
 * Whether a deadline of a plan falls under what a question asks. A yearly one (每年9月底前) falls in
 * every year from its first, on its month and day, and is never overdue.
 */
export function deadlineMatches(d: Deadline, ask: DeadlineAsk | null, plan: Plan, today: IsoDate): boolean {
  if (!ask) return true;
  if (d.recurring) {
    if (ask.heatingSeason || ask.state === "passed") return false;
    if (ask.year !== null && ask.year < Number(d.date.slice(0, 4))) return false;
    if (ask.date && (ask.date.slice(4) !== d.date.slice(4) || ask.date < d.date)) return false;
    if (ask.monthDay && !sameMonthDay(d.date, ask.monthDay)) return false;
    return true;
  }
  if (ask.heatingSeason) {
    if (!d.approximate) return false;
    const { month, day } = plan.profile.heatingSeason;
    if (!d.date.endsWith(`-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`)) return false;
    if (ask.year !== null && !d.date.startsWith(String(ask.year))) return false;
  } else {
    if (ask.date && d.date !== ask.date) return false;
    if (ask.monthDay && !sameMonthDay(d.date, ask.monthDay)) return false;
    if (ask.year !== null && !d.date.startsWith(String(ask.year))) return false;
  }
  if (ask.state === "passed" && !isPassed(d.date, today)) return false;
  if (ask.state === "open" && isPassed(d.date, today)) return false;
  return true;
}

/** "2024年年底前" / "due by 2024-12-31": the filter in words. */
export function describeDeadlineAsk(ask: DeadlineAsk, lang: Query["lang"]): string {
  const parts: string[] = [];
  if (lang === "zh") {
    if (ask.heatingSeason) parts.push(ask.year !== null ? `${ask.year}年采暖季前` : "采暖季前");
    else if (ask.date) parts.push(`期限为${ask.date}`);
    else if (ask.monthDay)
      parts.push(`期限为${Number(ask.monthDay.slice(0, 2))}月${Number(ask.monthDay.slice(3))}日`);
    else if (ask.year !== null) parts.push(`${ask.year}年到期`);
    if (ask.state === "passed") parts.push("已过期");
    if (ask.state === "open") parts.push("尚未到期");
    return parts.join("、") || "有期限";
  }
  if (ask.heatingSeason) parts.push("due before the heating season");
  else if (ask.date) parts.push(`due by ${ask.date}`);
  else if (ask.monthDay) parts.push(`due on ${ask.monthDay} of the year`);
  else if (ask.year !== null) parts.push(`due in ${ask.year}`);
  if (ask.state === "passed") parts.push("already overdue");
  if (ask.state === "open") parts.push("still open");
  return parts.join(", ") || "with deadlines";
}

/** A year's end in words (2025年底, 年末, end of 2025), not its last month. */
const YEAR_END = /年底|年末|年终|end of \d{4}|year-end/;

/** The listing for a deadline filter (also used by the API and the bot's /deadlines). */
export function deadlineListing(
  query: Query,
  ask: DeadlineAsk,
  deps: Parameters<Handler>[1],
): { payload: DeadlineListingPayload; citations: Citation[] } {
  const plans = specificFirst(scopeOf(query, deps.plans) ?? deps.plans);
  const c = citing(query, deps);
  const groups: DeadlineListingPayload["groups"] = [];
  const citations: Citation[] = [];
  const cited = new Set<unknown>();
  for (const plan of plans) {
    const entries = plan.items
      .flatMap((item) =>
        item.deadlines.filter((d) => deadlineMatches(d, ask, plan, deps.today)).map((d) => ({ item, d })),
      )
      .sort((a, b) => a.d.date.localeCompare(b.d.date));
    if (entries.length === 0) continue;
    groups.push({
      doc: plan.doc,
      docName: documentName(plan, query.lang),
      entries: entries.map(({ item, d }) => ({
        id: item.id,
        label: item.label,
        title: item.title,
        deadline: { ...deadlineView(d, deps.today), sentence: d.sentence },
      })),
    });
    for (const { item, d } of entries) {
      if (citations.length >= MAX_CITED || cited.has(item)) continue;
      cited.add(item);
      // A date a division table gives is quoted from the table, not the item: the item's head then.
      citations.push(citeItem(item, item.text.includes(d.sentence) ? d.sentence : headQuote(item), 1, c));
    }
  }
  const payload: DeadlineListingPayload = {
    kind: "deadline_listing",
    filter: ask,
    description: describeDeadlineAsk(ask, query.lang),
    today: deps.today,
    total: groups.reduce((n, g) => n + g.entries.length, 0),
    groups,
  };
  return { payload, citations };
}

/**
 * Resolves a deadline question. With nothing due it declines — except for "still open", where an
 * empty list is the true answer (every deadline has passed).
 */
export const deadlines: Handler = (query, deps) => {
  const ask = query.deadline;
  if (!ask) return null;
  let { payload, citations } = deadlineListing(query, ask, deps);
  // 某年底前 where no task is due on the year's last day — a plan that dates its months' tasks to a day it
  // sets (每月25日前) — asks what is due by then: that year's tasks, said as such.
  const yearEnd = ask.date?.endsWith("-12-31") ? Number(ask.date.slice(0, 4)) : null;
  // (Only the year's end said so: a month — the plan of December 2022 — is that month.)
  const saidYearEnd = ask.matched.some((m) => YEAR_END.test(m));
  if (payload.total === 0 && yearEnd !== null && saidYearEnd)
    ({ payload, citations } = deadlineListing(query, { ...ask, date: null, year: yearEnd }, deps));
  if (payload.total === 0 && ask.state !== "open") return null;
  return resolved(query, "answered", payload, citations);
};
