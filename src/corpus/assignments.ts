/**
 * Departments and dates a plan gives its tasks apart from the tasks themselves: a section's closing
 * paragraph that assigns them by number (责任分工：第1项由X牵头，Y配合；第2、3项由Z负责), a group heading
 * whose 牵头单位/配合单位 cover every task under it, and a deadline line that dates a task's points by
 * number (时间节点：第⑴项…；第⑵项…), and dispatch lines after a section's tasks (派单1　（二）　承办：…).
 */
import { type DeadlineOptions, parseDeadlines } from "./deadlines.js";
import { type Line, trimmed } from "./lines.js";
import { formatSmallNumeral, parseSmallNumeral } from "./numerals.js";
import { pointedIds } from "./pointers.js";
import { findBrackets, isDepartmentName, strongestRoles } from "./responsibility.js";
import type { DepartmentRef, Item } from "./schema.js";
import { ASSIGNMENT_LINE, type Draft } from "./structure.js";

/** A closing paragraph that assigns a section's tasks by their printed numbers. */
export interface NumberedAssignment {
  /** The section it closes. */
  section: number;
  text: string;
}

/** 责任分工：第1项由… / 以上第4、5项工作由… */
const ASSIGNS_BY_NUMBER =
  /^(?:(?:责任分工|职责分工|任务分工|分工)\s*[:：]\s*)?(?:以上)?第\s*\d+(?:\s*[、，,和及至到\-—～~]\s*\d+)*\s*项(?:工作|任务)?(?:均)?由/;

/** One clause of such a paragraph: the numbers, and what is said of them. */
const CLAUSE = /^(?:以上)?第\s*([\d、，,和及至到\-—～~\s]+?)\s*项(?:工作|任务)?(?:均)?由(.+)$/;

/**
 * Takes the assigning paragraphs off the end of the entries they were read into (they are no part of
 * the last task's text) and returns them with their sections.
 */
export function takeNumberedAssignments(
  entries: readonly Draft[],
  alsoTakes: (line: string) => boolean = () => false,
): NumberedAssignment[] {
  const found: NumberedAssignment[] = [];
  for (const d of entries) {
    const taken: NumberedAssignment[] = [];
    const takes = (line: string) =>
      assignsByNumber(line) || dispatched(line) !== null || POINTS_IN_PART.test(line) || alsoTakes(line);
    while (d.lines.length > 1 && takes(trimmed(d.lines.at(-1) as Line)))
      taken.unshift({ section: d.path?.[0] ?? 0, text: trimmed(d.lines.pop() as Line) });
    // 本部分派单 over dispatch lines (分工标注 over marked lists): their heading, no part of the task either.
    while (d.lines.length > 1 && trimmed(d.lines.at(-1) as Line) === "") d.lines.pop();
    if (
      taken.some((t) => dispatched(t.text) !== null || alsoTakes(t.text)) &&
      d.lines.length > 1 &&
      LIST_HEADING.test(trimmed(d.lines.at(-1) as Line))
    )
      d.lines.pop();
    found.push(...taken);
  }
  return found;
}

/**
 * 派单3　（二）2　承办：X　分办：Y　协办：Z　回单时限：… — a line after a section's tasks that gives one of them, by
 * its number (and its point's), its units in labelled fields and its time limit; or one of a block under the section's
 * heading that does so before them (本部分分工 over （一）经办：X　协理：Y　结项：…).
 */
const DISPATCH =
  /^[^\s（(：:。，]{0,8}[\s\u3000]*[（(]([一二三四五六七八九十]{1,3})[）)]\s*(?:(\d{1,2})[.．]?)?[\s\u3000]+(?=\p{Script=Han}{2,6}\s*[:：])/u;

/** A dispatch line or a line of a 本部分分工 block ({@link ASSIGNMENT_LINE}): its task's number, its point's, and its fields. */
function dispatched(text: string): { task: string; point: string | undefined; fields: string } | null {
  const m = DISPATCH.exec(text) ?? ASSIGNMENT_LINE.exec(text);
  return m ? { task: m[1] as string, point: m[2], fields: text.slice(m[0].length) } : null;
}
/** 本部分派单 / 派单清单 / 任务分工表: a short heading over such lines. */
const LIST_HEADING = /^[\p{Script=Han}]{2,10}$/u;

/**
 * Gives each task a dispatch line points to (（二） in its section, or （二）2, its point) the units the line's
 * fields name (`read`) and the line's time limit. Returns the items dispatched as a whole: their points
 * are their parts.
 */
export function applyDispatchLines(
  items: readonly Item[],
  assignments: readonly NumberedAssignment[],
  read: (fields: string) => DepartmentRef[],
  options: DeadlineOptions,
): Set<string> {
  const whole = new Set<string>();
  for (const { section, text } of assignments) {
    const line = dispatched(text);
    if (!line) continue;
    const n = parseSmallNumeral(line.task);
    const item = items.find((i) => i.section === section && i.level === 2 && i.number === n);
    const target = line.point
      ? items.find((i) => i.parent === item?.id && i.number === Number(line.point))
      : item;
    if (!target) continue;
    const { fields } = line;
    target.departments = strongestRoles([...target.departments, ...read(fields)]);
    const known = new Set(target.deadlines.map((d) => d.date));
    target.deadlines.push(...parseDeadlines(fields, options).filter((d) => !known.has(d.date)));
    if (target === item) whole.add(item.id);
  }
  return whole;
}

/** A paragraph giving tasks their departments (第1项由…) or their dates (时限要求：第1项…) by number. */
const assignsByNumber = (line: string) => ASSIGNS_BY_NUMBER.test(line) || datesByNumber(line);

/** 时限要求：第1项长期坚持；第2项2025年9月底前完成 — tasks (not a task's points ⑴⑵) dated by number. */
const datesByNumber = (line: string) =>
  DEADLINE_LINE.test(line) && TASK_CLAUSE.test(line.replace(DEADLINE_LINE, "").trim());

/** 12、13 → [12, 13]; 3至5 → [3, 4, 5]. */
function taskNumbers(list: string): number[] {
  const out: number[] = [];
  for (const part of list.split(/[、，,和及]/)) {
    const range = /^\s*(\d+)\s*[至到\-—～~]\s*(\d+)\s*$/.exec(part);
    if (range) {
      for (let n = Number(range[1]); n <= Number(range[2]) && n - Number(range[1]) < 50; n++) out.push(n);
    } else if (/^\s*\d+\s*$/.test(part)) out.push(Number(part));
  }
  return out;
}

/**
 * Gives each task a paragraph names its departments. A number is the task printed so directly under
 * the paragraph's section (numbers that restart per section), else the one task printed so in the
 * whole plan. `read` parses what the paragraph says of a number (X牵头，Y配合).
 */
export function applyNumberedAssignments(
  items: readonly Item[],
  assignments: readonly NumberedAssignment[],
  read: (clause: string) => DepartmentRef[] | null,
): void {
  for (const { section, text } of assignments) {
    for (const clause of text.replace(/^[^第]*/, "").split(/[；;。]/)) {
      const m = CLAUSE.exec(clause.trim());
      if (!m) continue;
      const departments = read(m[2] as string);
      if (!departments) continue;
      for (const n of taskNumbers(m[1] as string)) {
        const inSection = items.filter((i) => i.section === section && i.level === 2 && i.number === n);
        const across = items.filter((i) => i.number === n && /\d+[.．]$/.test(i.label));
        const task = inSection.length === 1 ? inSection[0] : across.length === 1 ? across[0] : undefined;
        if (task) task.departments = strongestRoles([...task.departments, ...departments]);
      }
    }
  }
}

/** 协同配合：本部分任务中，X配合第（一）项第1点和第（三）项；… — a paragraph closing a part that points into it. */
const POINTS_IN_PART = /^[\p{Script=Han}]{2,6}\s*[:：]\s*本部分(?:任务|各项任务)?中?\s*[，,]/u;
/** One unit's clause of such a paragraph: the names and their verb, then the tasks they are for. */
const POINTING_CLAUSE =
  /^(.+?)((?:牵头|负责|配合|参与|协同|协助|实施|落实)(?:负责|落实|实施)?)\s*((?:第\s*[(（][一二三四五六七八九十]{1,3}[)）]\s*项|第\s*\d{1,2}\s*点|[和及、，,\s])+)$/;

/**
 * Gives the tasks of a part what its closing paragraph says of them by number (市发改委配合第（一）项第1点和第
 * （三）项): a point named is its own, an item named the whole item's. `read` parses the names and their verb.
 */
export function applyPartPointers(
  items: readonly Item[],
  assignments: readonly NumberedAssignment[],
  read: (clause: string) => DepartmentRef[] | null,
): void {
  for (const { section, text } of assignments) {
    if (!POINTS_IN_PART.test(text)) continue;
    for (const clause of text.replace(POINTS_IN_PART, "").split(/[；;。]/)) {
      const m = POINTING_CLAUSE.exec(clause.trim());
      const departments = m ? read(`${m[1]}${m[2]}`) : null;
      if (!m || !departments) continue;
      // 第（一）项第1点和第（三）项 in this part → its item 1's point 1 and its item 3.
      for (const id of pointedIds(`第${formatSmallNumeral(section)}部分${m[3]}`)) {
        const task = items.find((i) => i.id === id);
        if (task)
          task.departments = strongestRoles([...task.departments, ...departments.map((d) => ({ ...d }))]);
      }
    }
  }
}

/** A task naming only units that support (参与：X、Y): someone it does not name leads it. */
function onlySupport(departments: readonly DepartmentRef[]): boolean {
  return departments.length > 0 && departments.every((d) => d.role === "support");
}

/**
 * A task that names only its supporting units is led by the lead its section or group heading names
 * (二、深化产业结构调整（由X牵头）; 总牵头单位：X under an area's heading), as such plans' notices say
 * (标题后括号内所注单位为该部分各项任务的牵头单位). A task naming a lead of its own (改由Y牵头) keeps it.
 */
function withGroupLead(own: readonly DepartmentRef[], heading: readonly DepartmentRef[]): DepartmentRef[] {
  return strongestRoles([...headingLeads(own, heading), ...own]);
}

/** The heading's leads a task does not name itself, copied. */
function headingLeads(own: readonly DepartmentRef[], heading: readonly DepartmentRef[]): DepartmentRef[] {
  return heading
    .filter((d) => d.role === "lead" && !own.some((o) => o.name === d.name))
    .map((d) => ({ ...d }));
}

/** A task with a lead of its own, where the plan says the heading's lead then supports it. */
function withOverriddenLead(
  own: readonly DepartmentRef[],
  heading: readonly DepartmentRef[],
): DepartmentRef[] {
  return [...own, ...headingLeads(own, heading).map((d) => ({ ...d, role: "support" as const }))];
}

/**
 * A group heading's departments (（一）… 牵头单位：X 配合单位：Y) are every task's under it: a task naming
 * none takes them all; a task naming only its own lead (本项由Z牵头) keeps it, and the group's lead
 * supports. A task with a clause of its own keeps that.
 */
export function inheritGroupDepartments(
  items: readonly Item[],
  owed: ReadonlySet<string>,
  overriddenLeadSupports = false,
  pointsFollowTask = false,
  /** Groups given their departments as a whole from outside their text (a dispatch line for （二）). */
  wholeGroups: ReadonlySet<string> = new Set(),
  /** A task naming some roles keeps the group's units for the others (the notice says so). */
  unlistedRolesFollow = false,
  /** A task's own bracket is all it has, as the notice says (该分项按其括注执行): no lead alone takes more. */
  ownBracketOnly = false,
  /** A task with no bracket of its own has its group's closing one (分点末尾没有括号的，适用所属任务末尾括号的标注). */
  takeClosingBracket = false,
): void {
  // Departments a clause closing the group's points gave it are the group's alone (its points are
  // the parts of one task).
  for (const group of items.filter((i) => i.level === 2 && i.departments.length > 0)) {
    // (…but where the notice says a point's unlisted roles stay its task's, a point naming some keeps the rest.)
    const closedByClause = owed.has(group.id);
    // (…or that points without a bracket of their own take their task's closing one: they have it.)
    if (closedByClause && !unlistedRolesFollow && !takeClosingBracket) continue;
    // Named in a bracket of the group's own ((X牵头，Y参与) on its title line), the departments stay the
    // group's: its tasks take them from it, and a listing shows the group. Labelled lines under a group
    // heading (牵头单位：X) are its tasks' own.
    // So are those of a group that is a task itself, its sentences under the title, when they name
    // them in a sentence or in lines under that task (…。由X负责实施。 / 责任单位：X) — or of any group
    // where the notice says points without their own follow their task: its points are its parts.
    const bracketed =
      wholeGroups.has(group.id) ||
      findBrackets(group.text).some((b) => group.departments.some((d) => b.inner.includes(d.written))) ||
      // …or after a dash on its heading line (（三）开展产业集群升级改造——X领跑，Y并跑).
      group.departments.some((d) => headingDashClause(group).includes(d.written)) ||
      pointsFollowTask ||
      (isTaskItself(group) && group.departments.some((d) => group.text.includes(d.written)));
    // Tasks 1. 2. under a group heading; points （1）（2） are parts of the group's one task.
    for (const task of items.filter((i) => i.parent === group.id && /\d+[.．]$/.test(i.label))) {
      const own = task.departments;
      if (closedByClause) {
        if (own.length > 0 && unlistedRolesFollow) task.departments = withUnlistedRoles(own, group);
        else if (own.length === 0 && takeClosingBracket)
          task.departments = group.departments.map((d) => ({ ...d, from: group.id }));
        continue;
      }
      // (The notice's word that a point's unlisted roles stay its task's comes first.)
      if (unlistedRolesFollow && own.length > 0) {
        task.departments = withUnlistedRoles(own, group);
        continue;
      }
      if (onlySupport(own)) {
        task.departments = withGroupLead(own, group.departments);
        continue;
      }
      if (overriddenLeadSupports && own.some((d) => d.role === "lead")) {
        task.departments = withOverriddenLead(own, group.departments);
        continue;
      }
      if (own.length > 0 && (ownBracketOnly || !own.every((d) => d.role === "lead"))) continue;
      const inherited = group.departments
        .filter((d) => !own.some((o) => o.name === d.name))
        .map((d) => (own.length > 0 && d.role === "lead" ? { ...d, role: "support" as const } : d))
        .map((d) =>
          (own.length === 0 || wholeGroups.has(group.id)) && bracketed ? { ...d, from: group.id } : d,
        );
      task.departments = strongestRoles([...own, ...inherited]);
    }
  }
}

/** A task's own units with its group's for the roles it does not name (the notice says they stay the group's). */
function withUnlistedRoles(own: readonly DepartmentRef[], group: Item): DepartmentRef[] {
  const named = new Set(own.map((d) => d.role));
  const kept = group.departments
    .filter((d) => !named.has(d.role) && !own.some((o) => o.name === d.name))
    .map((d) => ({ ...d, from: group.id }));
  return strongestRoles([...own, ...kept]);
}

/** What follows a dash on a group's heading line (——X领跑，Y并跑): empty when it has none. */
function headingDashClause(group: Item): string {
  const line = group.text.split("\n")[0] ?? "";
  const dash = line.indexOf("——");
  return dash >= 0 ? line.slice(dash) : "";
}

/** Whether a group item says a task of its own beside its title (（三）扩大清洁取暖。城区新增…). */
function isTaskItself(group: Item): boolean {
  const first = (group.text.split("\n")[0] ?? "").replace(
    /^[\s\u3000]*[(（][一二三四五六七八九十]+[)）]/,
    "",
  );
  const title = first.indexOf(group.title);
  return title >= 0 && first.slice(title + group.title.length).replace(/^[。.；;\s]+/, "").length >= 20;
}

/**
 * A bracket marked 下同 (（X牵头，Y参与；下同）) is every later task's in its section that names none of
 * its own, as the plan's notice says; a task with its own bracket keeps that, and the tasks after it
 * go on taking the marked one, until another bracket marked 下同 takes its place. Tasks are the items
 * of one level with the marked one; points under a task take their task's. The departments are the
 * task's own, as the notice says, not merely shown beside it.
 */
export function applySameBelow(items: readonly Item[], marked: ReadonlySet<string>): void {
  for (const source of items.filter((i) => marked.has(i.id))) {
    const at = items.indexOf(source);
    for (const task of items.slice(at + 1)) {
      if (task.section !== source.section) break;
      if (task.level !== source.level) continue;
      if (marked.has(task.id)) break;
      if (task.departments.length === 0) task.departments = source.departments.map((d) => ({ ...d }));
    }
  }
}

/** 时间节点：… / 完成时限：… opening a line. */
const DEADLINE_LINE = /^(?:时间节点|完成时限|完成时间|时限要求|时限)\s*[:：]/;
/** 第⑴项… / 第(2)点… / 第⑶、⑷项…: the points a clause dates. */
const POINT_CLAUSE =
  /^第\s*((?:[\u2474-\u2487\u2460-\u2473]|[(（]\d{1,2}[)）]|\d{1,2})(?:\s*[、，,和及]\s*(?:[\u2474-\u2487\u2460-\u2473]|[(（]\d{1,2}[)）]|\d{1,2}))*)\s*[项点]/;

/** ⑴ / (1) / 1 → 1. */
function pointNumber(mark: string): number | null {
  const c = mark.replace(/[(（)）\s]/g, "");
  if (/^[\u2474-\u2487]$/.test(c)) return (c.codePointAt(0) as number) - 0x2474 + 1;
  return parseSmallNumeral(c);
}

/**
 * A deadline line after a task's last point that dates each point by number: each point takes the
 * dates of its own clause (the line was read into the last point, which keeps only its own).
 */
export function datePointsByNumber(items: readonly Item[], options: DeadlineOptions): void {
  for (const holder of items) {
    if (holder.parent === null) continue;
    const line = holder.text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => DEADLINE_LINE.test(l) && /第\s*[(（]?[\u2474-\u2487\u2460-\u2473\d]/.test(l));
    if (!line) continue;
    const points = items.filter((i) => i.parent === holder.parent);
    const dated = new Map<Item, ReturnType<typeof parseDeadlines>>();
    for (const clause of line.replace(DEADLINE_LINE, "").split(/[；;]/)) {
      const m = POINT_CLAUSE.exec(clause.trim());
      if (!m) continue;
      const dates = parseDeadlines(clause, options);
      for (const mark of (m[1] as string).split(/[、，,和及]/)) {
        const point = points.find((p) => p.number === pointNumber(mark));
        if (point) dated.set(point, [...(dated.get(point) ?? []), ...dates]);
      }
    }
    if (dated.size === 0) continue;
    holder.deadlines = [];
    for (const [point, dates] of dated) {
      const known = new Set(point.deadlines.map((d) => d.date));
      point.deadlines = [...point.deadlines, ...dates.filter((d) => !known.has(d.date))];
    }
  }
}

/** 第9项… / 第9项第（1）目…: the task (and its point) a clause of a section's deadline line dates. */
const TASK_CLAUSE = /^第\s*(\d{1,3})\s*项(?:\s*第\s*[(（]?(\d{1,2})[)）]?\s*[目点])?/;

/**
 * A deadline line closing a section that dates its tasks by number (时限要求：第1项长期坚持；第2项
 * 2025年9月底前完成；第9项第（1）目…): each task (or point) takes the dates of its clause. Tasks are
 * those printed with the number under the line's section, else the one so printed in the whole plan
 * (numbers that run across sections).
 */
export function dateTasksByNumber(
  items: readonly Item[],
  assignments: readonly NumberedAssignment[],
  options: DeadlineOptions,
): void {
  for (const { section, text } of assignments) {
    if (!datesByNumber(text)) continue;
    const task = (n: number) => {
      const printed = (i: Item) => i.number === n && /\d+[.．]$/.test(i.label);
      const inSection = items.filter((i) => i.section === section && printed(i));
      const across = items.filter(printed);
      return inSection.length === 1 ? inSection[0] : across.length === 1 ? across[0] : undefined;
    };
    for (const clause of text.replace(DEADLINE_LINE, "").split(/[；;]/)) {
      // 第9项第（1）目…，第（2）目…: a clause may go on to the task's next point.
      const parts = clause.trim().split(/[，,](?=第\s*[(（]?\d{1,2}[)）]?\s*[目点])/);
      const m = TASK_CLAUSE.exec(parts[0] as string);
      const t = m ? task(Number(m[1])) : undefined;
      if (!m || !t) continue;
      for (const part of parts) {
        const point =
          /^第\s*[(（]?(\d{1,2})[)）]?\s*[目点]/.exec(part.trim())?.[1] ??
          (part === parts[0] ? m[2] : undefined);
        const target = point ? (items.find((i) => i.parent === t.id && i.number === Number(point)) ?? t) : t;
        const known = new Set(target.deadlines.map((d) => d.date));
        target.deadlines.push(...parseDeadlines(part, options).filter((d) => !known.has(d.date)));
      }
    }
  }
}

/** 另由X配合: a unit added to the section's own. */
const ALSO = /^另(?:由|请)(.+?)(配合|参与|协助|协同)$/;
/** X牵头，本部分其他单位配合: the section's units support a lead of the task's own. */
const OTHERS_OF_SECTION = /^(.+?)[，,]\s*本部分(?:其他|其余)(?:单位|部门)(配合|参与)$/;
/** 责任单位同上 / 同本部分第（二）项 / 同第二部分（四）1, and what is added after a comma. */
const SAME_AS =
  /^(?:责任单位|责任分工|牵头单位、配合单位|牵头单位和配合单位|分工)?\s*同\s*(?:(上)|本部分\s*(?:第)?\s*[（(]([一二三四五六七八九十]{1,3})[)）]\s*(?:项)?\s*(\d{1,2})?|第([一二三四五六七八九十]{1,3})部分\s*(?:第)?\s*[（(]([一二三四五六七八九十]{1,3})[)）]\s*(?:项)?\s*(\d{1,2})?)(?:[，,]\s*(.+))?$/;

/** Reads a clause into departments (X牵头，Y配合), or null. */
type ReadClause = (clause: string) => DepartmentRef[] | null;

/**
 * A section whose heading names its departments (三、深化工业污染治理（X牵头，Y配合）) gives them to its
 * tasks that name none; 另由Z配合 adds to them, and Z牵头，本部分其他单位配合 makes the section's units
 * support Z. A task that points to another (责任单位同上) is left to {@link followReferences}.
 */
export function applySectionDefaults(
  items: readonly Item[],
  sections: ReadonlyArray<{ number: number; title: string }>,
  read: ReadClause,
  overriddenLeadSupports = false,
): void {
  for (const section of sections) {
    const heading = findBrackets(section.title).at(-1);
    const defaults = heading ? read(heading.inner) : null;
    if (!defaults || defaults.length === 0) continue;
    for (const task of items.filter((i) => i.section === section.number && i.level >= 2)) {
      const inners = findBrackets(task.text).map((b) => b.inner.trim());
      if (inners.some((b) => SAME_AS.test(b))) continue;
      const also = inners.map((b) => ALSO.exec(b)).find((m) => m !== null);
      const others = inners.map((b) => OTHERS_OF_SECTION.exec(b)).find((m) => m !== null);
      if (also) {
        const added = read(`${also[1]}${also[2]}`) ?? [];
        task.departments = strongestRoles([...defaults.map((d) => ({ ...d })), ...added]);
      } else if (others) {
        const lead = read(others[1] as string) ?? [];
        const rest = defaults
          .filter((d) => !lead.some((l) => l.name === d.name))
          .map((d) => ({ ...d, role: "support" as const }));
        task.departments = strongestRoles([...lead, ...rest]);
      } else if (task.departments.length === 0) task.departments = defaults.map((d) => ({ ...d }));
      else if (onlySupport(task.departments)) task.departments = withGroupLead(task.departments, defaults);
      else if (overriddenLeadSupports && task.departments.some((d) => d.role === "lead"))
        task.departments = withOverriddenLead(task.departments, defaults);
    }
  }
}

/**
 * Tasks whose departments are another's (责任单位同上, 同本部分第（二）项, 同第二部分（四）1), in document order,
 * with any unit added after a comma (…，国网某供电公司参与).
 */
export function followReferences(items: readonly Item[], read: ReadClause): void {
  for (const [at, task] of items.entries()) {
    const m = findBrackets(task.text)
      .map((b) => SAME_AS.exec(b.inner.trim()))
      .find((x) => x !== null);
    if (!m) continue;
    const n = (s: string | undefined) => (s ? parseSmallNumeral(s) : null);
    let source: Item | undefined;
    if (m[1])
      source = items
        .slice(0, at)
        .reverse()
        .find((i) => i.level === task.level && i.departments.length > 0);
    else {
      const path = m[2]
        ? [task.section, n(m[2]), m[3] ? Number(m[3]) : null]
        : [n(m[4]), n(m[5]), m[6] ? Number(m[6]) : null];
      const id = path.filter((x): x is number => x !== null).join(".");
      source = items.find((i) => i.id === id);
    }
    if (!source) continue;
    const added = m[7] ? (read(m[7]) ?? []) : [];
    task.departments = strongestRoles([...source.departments.map((d) => ({ ...d })), ...added]);
  }
}

/** 区经济促进局：推动企业…; 乐从镇、龙江镇：督促… — a line of a task naming a unit and its duty. */
const DUTY_LINE = /^([^：:，,。；;]{2,40})[：:]\s*\S/;
/** Towns and sub-districts named in a duty line: where the task is carried out. */
const LOCAL_UNIT = /^(?:各镇[（(]街道[)）]|各?[\u4e00-\u9fa5]{0,8}(?:镇|乡|街道|街道办事处))$/;

/**
 * The departments of a task that lists them on lines of their own under it, each with its duty
 * (区经济促进局：推动企业实施技术改造。): in the order written, the first leading when the plan says so
 * (排在首位的为牵头单位，其余为配合单位 — `othersAfterLead` is the others' role), else each responsible.
 * Towns and sub-districts carry the task out where they are. None unless two or more lines read so.
 */
export function dutyLineDepartments(
  lines: readonly string[],
  canonical: (written: string) => string,
  othersAfterLead: DepartmentRef["role"] | null,
): DepartmentRef[] {
  const refs: DepartmentRef[] = [];
  let units = 0;
  let leadNamed = false;
  for (const line of lines) {
    const m = DUTY_LINE.exec(line.trim());
    if (!m) continue;
    const names = (m[1] as string).split("、").map((n) => n.trim());
    if (names.every((n) => LOCAL_UNIT.test(n))) {
      refs.push(...names.map((n) => ({ name: canonical(n), role: "responsible" as const, written: n })));
      units++;
      continue;
    }
    // 第一阶段：… is a phase, not a unit (车务段 is one).
    if (names.length !== 1 || !isDepartmentName(names[0] as string) || /阶段|时段/.test(names[0] as string))
      continue;
    const written = names[0] as string;
    const role = othersAfterLead ? (leadNamed ? othersAfterLead : "lead") : "responsible";
    leadNamed = true;
    refs.push({ name: canonical(written), role, written });
    units++;
  }
  return units >= 2 ? strongestRoles(refs) : [];
}

/** A point that is its item's division of labour (4. 责任分工。第1点由…；第2点由…). */
const DIVISION_POINT = /^(?:责任分工|职责分工|任务分工|分工安排|分工)$/;
/** 第1点由… / 第2、3点由… / 本项各点由… / 其中第3点另由…: a clause of such a point and whom it covers. */
const POINT_ASSIGNMENT =
  /^(?:其中)?(?:第\s*([\d、，,和及至到\-—～~\s]+?)\s*点|本项各点|本条各点|各点)(?:工作|任务)?(?:均)?(另)?由(.+)$/;

/**
 * An item whose last point assigns its other points by number (4. 责任分工。第1点由X牵头，Y协同，2025年10月
 * 底前完成；第3点由Z负责…): each point takes its clause's departments and dates, a clause for every
 * point (本项各点由…) is the item's own (its points take it from the item), and 其中第3点另由W负责 adds W
 * to that point. The assigning point names no one of its own. `read` parses a clause (X牵头，Y协同)
 * without its times. Run after the points have taken their groups' departments; returns the assigning
 * points (no sentence of theirs names a department of their own).
 */
export function applyDivisionPoints(
  items: readonly Item[],
  read: (clause: string) => DepartmentRef[] | null,
  options: DeadlineOptions,
): Set<Item> {
  const divisions = new Set<Item>();
  for (const division of items.filter((i) => i.parent !== null && DIVISION_POINT.test(i.title))) {
    const parent = items.find((i) => i.id === division.parent);
    const points = items.filter((i) => i.parent === division.parent && i !== division);
    if (!parent || points.length === 0) continue;
    const body = division.text.slice(division.text.indexOf(division.title) + division.title.length);
    let assigned = false;
    for (const clause of body.split(/[；;。]/)) {
      const m = POINT_ASSIGNMENT.exec(clause.trim());
      if (!m) continue;
      const said = m[3] as string;
      const who = said
        .split(/[，,]/)
        .filter(
          (piece) =>
            parseDeadlines(piece, options).length === 0 && !/^(?:持续推进|长期坚持|常态化?推进)$/.test(piece),
        )
        .join("，");
      const departments = read(who);
      if (!departments) continue;
      const dates = parseDeadlines(said, options);
      const targets = m[1]
        ? taskNumbers(m[1]).flatMap((n) => points.filter((p) => p.number === n))
        : [parent];
      for (const target of targets) {
        // 另由 adds a unit; else the clause is the point's (or the item's) division.
        target.departments = strongestRoles(m[2] ? [...target.departments, ...departments] : departments);
        const known = new Set(target.deadlines.map((d) => d.date));
        target.deadlines = [...target.deadlines, ...dates.filter((d) => !known.has(d.date))];
      }
      // The item's division is its points', shown as the item's.
      if (!m[1])
        for (const point of points)
          if (point.departments.every((d) => d.from === parent.id))
            point.departments = departments.map((d) => ({ ...d, from: parent.id }));
      assigned = true;
    }
    if (assigned) {
      division.departments = [];
      division.deadlines = [];
      divisions.add(division);
    }
  }
  return divisions;
}

/**
 * A paragraph closing an item that divides it among its points: 本条第1、2、3点分别由A、B、C牵头，D配合，E负责落实
 * (each point its own lead, the rest the item's); 分别于d1、d2、d3完成 (each point its date); 第1点另由F配合
 * (added to that point); 第2点于…完成 / 第1点长期坚持; 本条由X牵头… and 本条各点均由X牵头… (the item's, its points
 * taking them from it). `rewrite` gives a clause with the words its notice defines (本项以X为主体 → 本项由X牵头) to
 * match; its dates are read as written.
 */
export function applyItemParagraphs(
  item: Item,
  items: readonly Item[],
  paragraphs: readonly string[],
  read: (clause: string) => DepartmentRef[] | null,
  options: DeadlineOptions,
  rewrite: (clause: string) => string = (clause) => clause,
): void {
  const points = items.filter((i) => i.parent === item.id);
  const point = (n: number) => points.find((p) => p.number === n);
  const addTo = (target: Item | undefined, departments: readonly DepartmentRef[]) => {
    if (target) target.departments = strongestRoles([...target.departments, ...departments]);
  };
  const dateTo = (target: Item | undefined, text: string) => {
    if (!target) return;
    const known = new Set(target.deadlines.map((d) => d.date));
    target.deadlines.push(...parseDeadlines(text, options).filter((d) => !known.has(d.date)));
  };
  let numbers: number[] = [];
  for (const written of paragraphs.flatMap((p) => p.split(/[；;。]/)).map((p) => p.trim())) {
    // 本项分解：X统筹本项 — the label over the clauses says no one.
    const part = rewrite(written).replace(/^(?:本条|本项)[\u4e00-\u9fa5]{0,4}[:：]\s*/, "");
    // X负责第1点 / Y配合第1、2点 / Z统筹本项: a unit's role for the points named, or for the whole item.
    const forPoints = /^(.+?)第\s*([\d、，,和及\s]+?)\s*点$/.exec(part);
    const forItem = /^(.+?)(?:本项|本条)$/.exec(part);
    const each = /^(?:本条|本项)第\s*([\d、，,和及至到\-—～~\s]+?)\s*点分别由(.+)$/.exec(part);
    const whole = /^(?:本条|本项)(?:各点)?均?由(.+)$/.exec(part);
    const added = /^第\s*(\d{1,2})\s*点另由(.+)$/.exec(part);
    const dated = /^分别于(.+?)(?:完成|办结)?$/.exec(part);
    const pointsRead = forPoints ? read(forPoints[1] as string) : null;
    const itemRead = forItem ? read(forItem[1] as string) : null;
    if (forPoints && pointsRead) {
      for (const n of taskNumbers(forPoints[2] as string)) addTo(point(n), pointsRead);
    } else if (itemRead) {
      addTo(item, itemRead);
    } else if (each) {
      numbers = taskNumbers(each[1] as string);
      const [first = "", ...rest] = splitClauses(each[2] as string);
      // A、B、C牵头: the names in order, one to each point.
      for (const [k, d] of (read(first) ?? []).entries()) addTo(point(numbers[k] ?? -1), [d]);
      addTo(item, read(rest.join("，")) ?? []);
    } else if (whole) {
      const clauses = splitClauses(whole[1] as string);
      addTo(item, read(clauses.filter((c) => parseDeadlines(c, options).length === 0).join("，")) ?? []);
      dateTo(item, written);
    } else if (added) {
      addTo(point(Number(added[1])), read(added[2] as string) ?? []);
    } else if (dated) {
      for (const [k, d] of (dated[1] as string).split(/[、，,]/).entries())
        dateTo(point(numbers[k] ?? -1), d);
    } else {
      // 第1点长期坚持，第2点于2025年10月31日前完成
      for (const said of part.split(/[，,]/))
        for (const m of said.matchAll(/第\s*(\d{1,2})\s*点(.+)/g))
          dateTo(point(Number(m[1])), m[2] as string);
    }
  }
  // (The item's own units reach its points, as the item's, through inheritGroupDepartments.)
}

/** X牵头，Y配合，Z负责落实 → its clauses, a bracket's commas kept. */
const splitClauses = (text: string) =>
  text
    .split(/[，,](?![^（(]*[）)])/)
    .map((c) => c.trim())
    .filter(Boolean);

/** 甲（1、3）: a name with the numbers of the points it is for. */
const NAME_FOR_POINTS = /([^\s、，,；;：:（）()]{2,30}?)[（(]((?:\d{1,2}\s*[、，,]\s*)*\d{1,2})[)）]/gu;

/**
 * 协同单位：甲（1、3、4）、乙 on a line closing an item's points: a name with numbers is the numbered points'
 * alone, in the role its list gives it; a name without stays the whole item's.
 */
export function applyNamesForPoints(items: readonly Item[]): void {
  for (const item of items) {
    const points = items.filter((i) => i.parent === item.id);
    const last = points.at(-1);
    if (!last || item.departments.length === 0) continue;
    const closing = last.text.split("\n").slice(1).join("\n");
    for (const m of closing.matchAll(NAME_FOR_POINTS)) {
      const written = m[1] as string;
      const ref = item.departments.find((d) => d.written.startsWith(written) || d.name === written);
      if (!ref) continue;
      const numbers = (m[2] as string).split(/\s*[、，,]\s*/).map(Number);
      const targets = points.filter((p) => numbers.includes(p.number));
      if (targets.length !== numbers.length) continue;
      item.departments = item.departments.filter((d) => d !== ref);
      const own: DepartmentRef = { name: ref.name, role: ref.role, written };
      for (const point of targets) point.departments = strongestRoles([...point.departments, own]);
    }
  }
}
