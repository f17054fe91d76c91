/**
 * The one citation factory: an item of a plan → the {@link Citation} every channel shows. Deadlines
 * get `passed` here, from the engine's clock at answer time — never from a flag stored at load time.
 */
import {
  dueDate,
  englishDepartment,
  type IsoDate,
  type Item,
  isPassed,
  type Plan,
  type Section,
} from "../corpus/index.js";
import type { Lang } from "../understand/index.js";
import type { Citation, DeadlineView, DepartmentRole, ItemLink } from "./schema.js";

/** What the factory needs besides the item. */
export interface CitationContext {
  lang: Lang;
  today: IsoDate;
  /** The plan an item belongs to. */
  planOf(item: Item): Plan;
  /** The item of a higher-level plan this one implements, if any. */
  implementedBy?(item: Item): Item | null;
}

/** A document's display name in a language. */
export function documentName(plan: Plan, lang: Lang): string {
  return lang === "zh" ? plan.profile.name.zh : plan.profile.name.en;
}

/** Departments with their English names. */
export function departmentRoles(
  list: ReadonlyArray<{ name: string; role: DepartmentRole["role"]; written?: string }>,
): DepartmentRole[] {
  return list.map(({ name, role, written }) => ({
    name,
    role,
    en: englishDepartment(name) ?? null,
    // A plan's own short name (生态环境 for 省生态环境厅), when it writes the department so.
    ...(written && isShortName(written, name) ? { written } : {}),
  }));
}

/** Whether a plan writes a department by a short name of its own (生态环境 for 省生态环境厅). */
const isShortName = (written: string, name: string) =>
  written !== name && written.length < name.length && name.includes(written);

/** A deadline with `passed` decided by `today`; a yearly one shows its next date and never passes. */
export function deadlineView(d: Item["deadlines"][number], today: IsoDate): DeadlineView {
  const view = { text: d.text, date: dueDate(d, today), approximate: d.approximate };
  return d.recurring
    ? { ...view, passed: false, recurring: true }
    : { ...view, passed: isPassed(d.date, today) };
}

/** A short pointer to an item. */
export function itemLink(item: Item, c: Pick<CitationContext, "lang" | "planOf">): ItemLink {
  return {
    doc: item.doc,
    docName: documentName(c.planOf(item), c.lang),
    id: item.id,
    label: item.label,
    title: item.title,
  };
}

/** The citation of a section asked as a whole: its heading, which its items follow. */
export function citeSection(plan: Plan, section: Section, c: Pick<CitationContext, "lang">): Citation {
  const heading = plan.source.slice(section.span.start, section.span.end).trim();
  return {
    doc: plan.doc,
    docName: documentName(plan, c.lang),
    id: String(section.number),
    label: section.label,
    title: section.title,
    quote: heading,
    quoteStart: 0,
    text: heading,
    score: 1,
    departments: [],
    deadlines: [],
    standingNote: null,
    implements: null,
    covering: null,
    coveringDeadlines: true,
    section: true,
  };
}

/** The citation of `item` quoting `quote` (a verbatim slice of its text). */
export function citeItem(item: Item, quote: string, score: number, c: CitationContext): Citation {
  const plan = c.planOf(item);
  const at = item.text.indexOf(quote);
  if (at < 0) throw new Error(`quote is not verbatim in ${item.doc} ${item.id}`);
  const note = item.standingNote;
  const implemented = c.implementedBy?.(item) ?? null;
  const covering = coveringItem(item, plan);
  const assigned = covering ?? item;
  // A point naming its own units but no time is due when the item it is part of is (本条期限 after its points);
  // one naming its own time keeps it, whoever the item above names.
  const dated =
    item.deadlines.length > 0
      ? item
      : assigned.deadlines.length > 0
        ? assigned
        : (datedAbove(assigned, plan) ?? assigned);
  return {
    doc: item.doc,
    docName: documentName(plan, c.lang),
    id: item.id,
    label: item.label,
    title: item.title,
    quote,
    quoteStart: at,
    text: item.text,
    score,
    departments: departmentRoles(assigned.departments),
    deadlines: dated.deadlines.map((d) => deadlineView(d, c.today)),
    ...(item.periods?.length ? { periods: item.periods } : {}),
    standingNote: note
      ? {
          text: note.text,
          from:
            plan.items.find((i) => i.id === note.from)?.label ??
            (note.from === "" ? (c.lang === "zh" ? "文首说明" : "the opening note") : note.from),
          departments: departmentRoles(note.departments),
        }
      : null,
    implements: implemented ? itemLink(implemented, c) : null,
    covering: covering ? itemLink(covering, c) : null,
    coveringDeadlines: covering !== null && dated === covering,
  };
}

/** The items above a point, nearest first. */
function* itemsAbove(item: Item, plan: Plan): Generator<Item> {
  for (let id = item.parent; id !== null; ) {
    const above = plan.items.find((i) => i.id === id);
    if (!above) return;
    yield above;
    id = above.parent;
  }
}

/** The nearest item above a point that names a deadline, or null. */
function datedAbove(item: Item, plan: Plan): Item | null {
  for (const above of itemsAbove(item, plan)) if (above.deadlines.length > 0) return above;
  return null;
}

/**
 * The item above a point whose clause covers it: the nearest one naming departments or a deadline,
 * when the point names neither of its own, or the nearest naming departments when it names only a time
 * (departments it took from the item above are the item's). Null for an item with a clause of its own.
 */
function coveringItem(item: Item, plan: Plan): Item | null {
  const own = item.departments.filter((d) => d.from === undefined || d.from === item.id);
  if (own.length > 0) return null;
  const dated = item.deadlines.length > 0;
  for (const above of itemsAbove(item, plan))
    if (above.departments.length > 0 || (!dated && above.deadlines.length > 0)) return above;
  return null;
}
