/**
 * A department's tasks (what 城管局 leads): every item that names the department — in its own
 * parenthesis or through a standing note — grouped by document, the asked role first. A deadline in
 * the question ("城管局2024年底前要完成什么") keeps only the items due then.
 */
import { englishDepartment, findDepartmentMentions, type Item, type Plan } from "../../corpus/index.js";
import { lexicalTerms } from "../../search/index.js";
import { askingWords, type Query } from "../../understand/index.js";
import { citeItem, deadlineView, documentName } from "../citation.js";
import { citing, type Handler, resolved } from "../deps.js";
import { headQuote } from "../quote.js";
import { scopeOf } from "../retrieval.js";
import type { Citation, DepartmentListingPayload } from "../schema.js";
import { deadlineMatches, MAX_CITED } from "./deadline.js";
import { specificFirst } from "./order.js";

type Role = DepartmentListingPayload["groups"][number]["entries"][number]["role"];
const ROLE_ORDER: Readonly<Record<Role, number>> = { lead: 1, responsible: 0.9, support: 0.8 };
/** What standing first in a list of responsible units adds: less than a role's step. */
const FIRST_LISTED = 0.05;
/** What a task titled by the topic the question names beside the department adds: more than any role. */
const TOPIC_TITLED = 0.5;

/**
 * The words of a topic a department question names beside the department (财政局在资金保障上要做什么 →
 * 资金, 保障): what is left without the department, the place, the words that ask for a listing, a year,
 * and the words of the plans' titles (在2025年大气攻坚方案里 names the plan, not a topic).
 */
function topicWords(query: Query, plans: readonly Plan[]): string[] {
  const w = askingWords();
  const spans = findDepartmentMentions(query.text);
  let rest = spans.reduceRight((t, m) => `${t.slice(0, m.start)} ${t.slice(m.end)}`, query.text);
  for (const f of query.framing) rest = rest.replaceAll(f, " ");
  rest = rest.replace(w.listingFiller, " ").replace(new RegExp(w.departmentAsk.source, "gi"), " ");
  return lexicalTerms(rest).filter(
    (t) =>
      !t.startsWith("~") &&
      [...t].length >= 2 &&
      !/^\d+$/.test(t) &&
      !plans.some((p) => p.meta.planTitle.includes(t)),
  );
}

/** The entries naming any of `names` in one item. */
function entriesOf(item: Item, plan: Plan, names: readonly string[]) {
  return names.flatMap((name) => {
    // Listed where it is named: an action's tasks that take it from the action's 责任单位 entry are not.
    const own = item.departments.find((d) => d.name === name && d.from === undefined);
    const note = item.standingNote?.departments.find((d) => d.name === name);
    // A group whose every task names the department is listed through its tasks.
    const tasks = own ? plan.items.filter((i) => i.parent === item.id) : [];
    if (
      tasks.length > 0 &&
      tasks.every((t) => t.departments.some((x) => x.name === name && x.from === undefined))
    )
      return [];
    const d = own ?? note;
    const noteFrom = own ? null : (plan.items.find((i) => i.id === item.standingNote?.from)?.label ?? null);
    return d ? [{ department: name, role: d.role, viaStandingNote: !own, noteFrom }] : [];
  });
}

/** The listing for the departments a query names (also used by the API and the bot's /dept). */
export function departmentListing(
  query: Query,
  deps: Parameters<Handler>[1],
): { payload: DepartmentListingPayload; citations: Citation[] } {
  const names = query.departments;
  const plans = specificFirst(scopeOf(query, deps.plans) ?? deps.plans);
  const focus = query.role;
  const score = (role: Role) => (role === focus ? 1.1 : ROLE_ORDER[role]);
  const c = citing(query, deps);
  const groups: DepartmentListingPayload["groups"] = [];
  // Items with their best role's score, cited in full afterwards (only the best MAX_CITED).
  const scored = new Map<Item, number>();
  const topic = topicWords(query, plans);
  const titled = (item: Item) => (topic.some((t) => item.title.includes(t)) ? TOPIC_TITLED : 0);
  for (const plan of plans) {
    const entries: DepartmentListingPayload["groups"][number]["entries"] = [];
    for (const item of plan.items) {
      if (query.deadline && !item.deadlines.some((d) => deadlineMatches(d, query.deadline, plan, deps.today)))
        continue;
      for (const e of entriesOf(item, plan, names)) {
        entries.push({
          id: item.id,
          label: item.label,
          title: item.title,
          ...e,
          deadlines: item.deadlines.map((d) => deadlineView(d, deps.today)),
        });
        // Asked what it leads, of a list of equally responsible units the first is the one that leads by
        // custom: those tasks come first (the roles stay as written).
        const first =
          focus === "lead" &&
          e.role === "responsible" &&
          !e.viaStandingNote &&
          item.departments[0]?.name === e.department;
        if (!scored.has(item)) scored.set(item, score(e.role) + (first ? FIRST_LISTED : 0) + titled(item));
      }
    }
    if (entries.length > 0) groups.push({ doc: plan.doc, docName: documentName(plan, query.lang), entries });
  }
  // Stable sort: document order within a role.
  const citations = [...scored]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CITED)
    .map(([item, s]) => citeItem(item, headQuote(item), s, c));
  // Named as the listing's departments: those its documents use (交通运输局 asked in English stands for every
  // level's; the plan asked names one of them). None listed, the names asked.
  const listed = new Set(groups.flatMap((g) => g.entries.map((e) => e.department)));
  const shown = names.some((name) => listed.has(name)) ? names.filter((name) => listed.has(name)) : names;
  return {
    payload: {
      kind: "department_listing",
      departments: shown.map((name) => ({ name, en: englishDepartment(name) ?? null })),
      role: focus,
      deadline: query.deadline,
      total: scored.size,
      groups,
    },
    citations,
  };
}

/** Resolves a department question; declines when no loaded document names the department. */
export const departments: Handler = (query, deps) => {
  if (query.departments.length === 0) return null;
  const { payload, citations } = departmentListing(query, deps);
  if (citations.length === 0) return null;
  return resolved(query, "answered", payload, citations);
};
