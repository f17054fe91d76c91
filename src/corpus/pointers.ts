/**
 * Sections that list, apart from the tasks, who does which task and its due date, pointing to the tasks by part
 * and number: a 职责分工 section of lines 县发改局：牵头第二部分第（一）项；配合第三部分第（三）项, and a
 * 进度安排 section of lines 2025年6月底前完成：第二部分第（二）项第1点、第（五）项第1点. Each line gives
 * the tasks it points to a department with its role, or a deadline.
 */
import { type DeadlineOptions, parseDeadlines, SAME_TIME_AS } from "./deadlines.js";
import { parseSmallNumeral } from "./numerals.js";
import { type Canonicalise, isDepartmentName, roleOfVerb, strongestRoles } from "./responsibility.js";
import type { Deadline, DepartmentRef, Item, Role, Section } from "./schema.js";

/** A section that assigns tasks to departments by pointing to them. */
const ASSIGNING_SECTION = /^(?:部门)?(?:职责|任务|责任|部门)分工$|^分工安排$|^(?:责任|分工)清单$/;
/** A section that dates tasks by pointing to them. */
const DATING_SECTION = /^(?:进度安排|时间安排|进度要求|时间进度|推进步骤|进度计划|时限清单|进度清单)$/;

/** 任务12 / 任务15至任务20 — the head of a 责任清单 line: the tasks it speaks of, by their printed numbers. */
const TASKS_HEAD = /^任务\s*(\d{1,3})(?:\s*(?:至|到|[-—～~])\s*(?:任务)?\s*(\d{1,3}))?$/;
/**
 * 牵头单位为X / 配合单位均为Y、Z / 任务28配合单位为A / 其中任务19增加B为配合单位 — a part of such a line:
 * the names, their role, and the one task it is for when it names one.
 */
const LISTED_ROLE =
  /^(?:其中)?(?:任务\s*(\d{1,3})\s*)?(?:(牵头|配合|责任|协办|参与)(?:单位|部门)(?:均)?为(.+)|增加(.+?)为(牵头|配合|责任|协办|参与)(?:单位|部门))$/;

/**
 * 任务15至任务20：牵头单位均为X；配合单位均为Y，其中任务19增加Z为配合单位 — the departments a 责任清单
 * line gives each task it names, by number; empty when it is no such line.
 */
function listedTaskRoles(head: string, rest: string): Map<number, Array<{ written: string; role: Role }>> {
  const out = new Map<number, Array<{ written: string; role: Role }>>();
  const m = TASKS_HEAD.exec(head.trim());
  if (!m) return out;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (to < from || to - from > 50) return out;
  for (const part of rest.split(/[；;，,。]/)) {
    const said = LISTED_ROLE.exec(part.trim());
    if (!said) continue;
    // 牵头 leads, 配合/协办/参与 support; 责任 (no role verb) is responsible.
    const role = roleOfVerb((said[2] ?? said[5]) as string) ?? "responsible";
    const names = ((said[3] ?? said[4]) as string)
      .split("、")
      .map((n) => n.trim())
      .filter(isDepartmentName);
    const tasks = said[1] ? [Number(said[1])] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
    for (const n of tasks)
      out.set(n, [...(out.get(n) ?? []), ...names.map((written) => ({ written, role }))]);
  }
  return out;
}

/** 任务18于2025年5月31日前完成排查建档，2025年9月30日前完成分类整治 — a task dated in stages in a 时限清单. */
const STAGED_TASK = /任务\s*(\d{1,3})\s*于([^；;。]+)/g;

/** 第二部分, 第（一）（四）项, 第1点 — a part, the items of the part, the points of an item. */
const POINTER =
  /第([一二三四五六七八九十]{1,3})部分|第((?:\s*[(（][一二三四五六七八九十]{1,3}[)）])+)\s*项|第(\d{1,2})点/g;

/**
 * The ids a list of pointers names, a part holding for the pointers after it: 第二部分第（一）（四）项、
 * 第（五）项第1点和第3点 → 2.1, 2.4, 2.5.1, 2.5.3.
 */
export function pointedIds(text: string): string[] {
  const out: string[] = [];
  let part: number | null = null;
  let items: string[] = [];
  let pointed = false;
  const flush = () => {
    if (!pointed) out.push(...items);
    items = [];
    pointed = false;
  };
  for (const m of text.matchAll(POINTER)) {
    if (m[1]) {
      flush();
      part = parseSmallNumeral(m[1]);
    } else if (m[2]) {
      flush();
      if (part === null) continue;
      items = [...m[2].matchAll(/[一二三四五六七八九十]{1,3}/g)].map(
        (n) => `${part}.${parseSmallNumeral(n[0])}`,
      );
    } else if (m[3] && items.length === 1) {
      out.push(`${items[0]}.${m[3]}`);
      pointed = true;
    }
  }
  flush();
  return out;
}

/** What a title is compared by: without quotes, brackets and spaces. */
const plain = (text: string) => text.replace(/[“”"'‘’「」《》（）()\s]/g, "");

/**
 * The tasks a clause names by title (牵头负责严把项目准入关、散煤污染治理工作): each name is the title of
 * one task, or the start of one. A name matching no task, or several, names none.
 */
function titledTasks(clause: string, tasks: readonly Item[]): Item[] {
  const names = clause
    .trim()
    .replace(/^(?:牵头负责|牵头|配合做好|配合|参与|协同|协办|具体负责|负责)/, "")
    .replace(/(?:等)?(?:相关)?(?:工作|任务)$/, "")
    .split(/[、，,和及]/)
    .map((n) => plain(n))
    .filter((n) => n.length >= 3);
  const found: Item[] = [];
  for (const name of names) {
    const exact = tasks.filter((t) => plain(t.title) === name);
    const near = tasks.filter((t) => plain(t.title).startsWith(name) || name.startsWith(plain(t.title)));
    const match = exact.length === 1 ? exact : near.length === 1 ? near : [];
    found.push(...match);
  }
  return found;
}

/** 第1、5、10项 → the tasks printed 1. 5. 10. (each once in the plan); none when a number is not. */
function numberedTasks(text: string, items: readonly Item[]): Item[] {
  const m = /第\s*(\d{1,3}(?:\s*[、，,和及]\s*\d{1,3})*)\s*项/.exec(text);
  // 任务7（…）、任务17（…）: tasks named by number one by one.
  const numbers = m
    ? (m[1] as string).split(/[、，,和及]/).map((x) => Number(x.trim()))
    : [...text.matchAll(/任务\s*(\d{1,3})(?!\s*于)/g)].map((t) => Number(t[1]));
  return numbers.map((n) => byPrintedNumber(n, items)).filter((t): t is Item => t !== undefined);
}

/** The one task printed with the number (12.) in the plan; none when no task is, or several are. */
function byPrintedNumber(n: number, items: readonly Item[]): Item | undefined {
  const printed = items.filter((i) => i.number === n && /\d+[.．]$/.test(i.label));
  return printed.length === 1 ? printed[0] : undefined;
}

const ROLE_WORDS: ReadonlyArray<readonly [RegExp, Role]> = [
  [/^牵头/, "lead"],
  [/^(?:配合|参与|协同|协办)/, "support"],
  [/^负责/, "responsible"],
];

/**
 * Applies the plan's pointing sections to the tasks they point to, and returns those sections: their
 * text speaks of other entries, so it names no department and no deadline of its own.
 */
export function applyPointingSections(
  items: readonly Item[],
  sections: readonly Section[],
  canonical: Canonicalise,
  deadlineOptions: DeadlineOptions,
): Set<Item> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const pointing = new Set<Item>();
  for (const { number, title } of sections) {
    const assigning = ASSIGNING_SECTION.test(title);
    const dating = DATING_SECTION.test(title);
    if (!assigning && !dating) continue;
    let applied = 0;
    // The section's own lines, and its entries' ((一)县发改局：牵头负责…): each may be such a line.
    const entries = items.filter((i) => i.section === number);
    const lines = entries.flatMap((e) =>
      e.text.split("\n").map((l) => l.trim().replace(/^[(（][一二三四五六七八九十]{1,3}[)）]\s*/, "")),
    );
    const others = items.filter((i) => i.section !== number && i.level >= 2);
    for (const line of lines) {
      const m = /^([^：:]{2,30})[：:]\s*(.+)$/.exec(line);
      if (!m) continue;
      const [head, rest] = [m[1] as string, m[2] as string];
      const listed: ReturnType<typeof listedTaskRoles> = assigning ? listedTaskRoles(head, rest) : new Map();
      if (listed.size > 0) {
        // 任务N：牵头单位为…；配合单位为…: the tasks printed N. through the plan.
        for (const [n, named] of listed) {
          const task = byPrintedNumber(n, others);
          if (!task) continue;
          task.departments = strongestRoles([
            ...task.departments,
            ...named.map(({ written, role }) => ({ name: canonical(written), role, written })),
          ]);
          applied++;
        }
      } else if (assigning && isDepartmentName(head)) {
        for (const clause of rest.split(/[；;。]/)) {
          const role = ROLE_WORDS.find(([re]) => re.test(clause.trim()))?.[1];
          if (!role) continue;
          const byNumber = pointedIds(clause).map((id) => byId.get(id));
          // 牵头负责严把项目准入关、散煤污染治理工作: tasks named by their titles.
          const tasks = byNumber.length > 0 ? byNumber : titledTasks(clause, others);
          for (const task of tasks) {
            if (!task) continue;
            task.departments = strongestRoles([
              ...task.departments,
              { name: canonical(head), role, written: head },
            ]);
            applied++;
          }
        }
      } else if (dating) {
        const due = parseDeadlines(head, deadlineOptions);
        // 分阶段完成：任务18于…前完成排查，…前完成整治: each task so named takes the dates of its stages.
        for (const staged of due.length === 0 ? rest.matchAll(STAGED_TASK) : []) {
          const task = byPrintedNumber(Number(staged[1]), others);
          const dates = parseDeadlines(staged[2] as string, deadlineOptions);
          if (!task || dates.length === 0) continue;
          task.deadlines = [...task.deadlines, ...dates];
          applied++;
        }
        if (due.length !== 1) continue;
        const pointed = pointedIds(rest).map((id) => byId.get(id));
        // 完成第1、5、10项任务: tasks numbered through the plan, by their printed numbers.
        const tasks = pointed.length > 0 ? pointed : numberedTasks(rest, items);
        for (const task of tasks) {
          if (!task) continue;
          task.deadlines = [...task.deadlines, ...due.map((d) => ({ ...d }))];
          applied++;
        }
      }
    }
    if (applied === 0) continue;
    // The section's own entry speaks of other entries; its entries by department keep their names.
    for (const own of entries.filter((e) => e.level === 1)) {
      own.departments = [];
      own.deadlines = [];
      pointing.add(own);
    }
  }
  return pointing;
}

/** 牵头任务（11项）：二（三）1 推进…；… — a line of a department's list naming its tasks by code. */
const LIST_LINE =
  /^(牵头|参与|配合|协同|负责)(?:的)?(?:任务|工作|事项)(?:\s*[（(]\s*\d+\s*项\s*[)）])?\s*[:：]\s*(.+)$/;
/** 二（三）2 — section, item and point; 三（二） — section and item. */
const TASK_CODE =
  /([一二三四五六七八九十]{1,3})\s*[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(\d{1,2})?/g;

/**
 * A list of departments after the body (附件：责任清单, 按单位排列), each department's name on a line of
 * its own and its tasks under it by code (牵头任务：二（三）1 …；参与任务：…): each task named gets the
 * department with that role. Returns how many tasks were given one.
 */
export function applyDepartmentLists(
  items: readonly Item[],
  tail: readonly string[],
  canonical: Canonicalise,
): number {
  const byId = new Map(items.map((i) => [i.id, i]));
  let department: string | null = null;
  const touched = new Set<Item>();
  for (const raw of tail) {
    const line = raw.trim();
    if (line === "") continue;
    const listed = LIST_LINE.exec(line);
    if (!listed) {
      department = isDepartmentName(line) ? line : null;
      continue;
    }
    if (!department) continue;
    const role = ROLE_WORDS.find(([re]) => re.test(listed[1] as string))?.[1];
    if (!role) continue;
    for (const m of (listed[2] as string).matchAll(TASK_CODE)) {
      const path = [parseSmallNumeral(m[1] as string), parseSmallNumeral(m[2] as string)];
      const id = [...path, ...(m[3] ? [Number(m[3])] : [])].join(".");
      const task = byId.get(id);
      if (!task) continue;
      task.departments = strongestRoles([
        ...task.departments,
        { name: canonical(department), role, written: department },
      ]);
      touched.add(task);
    }
  }
  // Listed by department, a task's lead may come after its supporters: the lead is named first.
  const rank: Record<Role, number> = { lead: 0, responsible: 1, support: 2 };
  for (const task of touched) task.departments.sort((a, b) => rank[a.role] - rank[b.role]);
  return touched.size;
}

/**
 * Gives each task whose time limit is another's (与本方案三（二）同步完成, 与本方案六（二）3同步完成) that task's deadlines,
 * in place of any its own text seemed to give; a pointer to a task that itself points is followed.
 */
export function applySameTimes(items: readonly Item[], text: (item: Item) => string = (i) => i.text): void {
  const byId = new Map(items.map((i) => [i.id, i]));
  const pointing = items.flatMap((item) => {
    const m = SAME_TIME_AS.exec(text(item));
    if (!m) return [];
    const ids = [
      parseSmallNumeral(m[1] as string),
      parseSmallNumeral(m[2] as string),
      m[3] ? Number(m[3]) : null,
    ];
    const target = byId.get(ids.filter((n) => n !== null).join("."));
    return target && target !== item ? [{ item, target }] : [];
  });
  // A pointer to a pointer: as many rounds as there are pointers, at most.
  for (let round = 0; round < pointing.length; round++) {
    let changed = false;
    for (const { item, target } of pointing) {
      const dates = target.deadlines.map((d) => d.date).join();
      if (target.deadlines.length === 0 || item.deadlines.map((d) => d.date).join() === dates) continue;
      item.deadlines = target.deadlines.map((d) => ({ ...d }));
      changed = true;
    }
    if (!changed) break;
  }
}

/**
 * 作业面二（二）1　加快淘汰落后焦炉 — the head of a task's block after the body: a short word, the task's code
 * (section, item and point as the body numbers them), then its title.
 */
const BLOCK_HEAD =
  /^[\p{Script=Han}]{0,4}?([一二三四五六七八九十]{1,3})\s*[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(\d{1,2})?(?:[\s\u3000]+\S.*)?$/u;
/** 主采：市发展改革委、市生态环境局 — a field line of such a block. */
const FIELD_LINE = /^[\p{Script=Han}]{1,6}\s*[:：]\s*\S/u;

/**
 * Blocks after the body that give tasks their units and time by code (附件：重点任务分解表 — 作业面二（二）1　title,
 * then 主采：X / 掘进：Y / 支护：Z / 贯通：date lines, in the words the notice defines): each block's units
 * replace its task's, and its dates join the task's. `read` reads a block's field lines as units, `due` a
 * line's time limit. Returns the tasks so given units.
 */
export function applyTaskBlocks(
  items: readonly Item[],
  tail: readonly string[],
  read: (fields: string) => DepartmentRef[],
  due: (line: string) => Deadline[],
): Set<Item> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const blocks: Array<{ task: Item; fields: string[] }> = [];
  let open: { task: Item; fields: string[] } | null = null;
  for (const raw of tail) {
    const line = raw.trim();
    const head = BLOCK_HEAD.exec(line);
    if (head && !FIELD_LINE.test(line)) {
      const id = [parseSmallNumeral(head[1] as string), parseSmallNumeral(head[2] as string), head[3]]
        .filter((n) => n !== undefined)
        .join(".");
      const task = byId.get(id);
      open = task ? { task, fields: [] } : null;
      if (open) blocks.push(open);
    } else if (open && FIELD_LINE.test(line)) open.fields.push(line);
    else if (line !== "") open = null;
  }
  const given = blocks
    .map(({ task, fields }) => ({ task, units: read(fields.join("\n")), dates: fields.flatMap(due) }))
    .filter((b) => b.units.length > 0);
  // A code or two that happen to open lines is no such table: it takes two blocks with units.
  if (given.length < 2) return new Set();
  for (const { task, units, dates } of given) {
    task.departments = units;
    task.deadlines = [
      ...task.deadlines,
      ...dates.filter((d) => !task.deadlines.some((x) => x.date === d.date)),
    ];
  }
  return new Set(given.map((b) => b.task));
}
