/**
 * The words a person reads, in Chinese or English, composed only from cited items and rule results.
 * Plain text: the CLI prints it as is; the bot formats the structured Response itself.
 */
import { englishDepartment } from "../corpus/departments.js";
import type { Deadline, Item, Plan, Role, StandingNote } from "../corpus/schema.js";
import type { DepartmentListing } from "./engine.js";
import type { Citation, Lang } from "./schema.js";

const ROLE_ZH: Record<Role, string> = { lead: "牵头", responsible: "负责", support: "配合" };
const ROLE_EN: Record<Role, string> = { lead: "Lead", responsible: "Responsible", support: "Support" };
const ROLES: readonly Role[] = ["lead", "responsible", "support"];

/** 市生态环境局 → "Municipal Ecology and Environment Bureau (市生态环境局)" in English, as is in Chinese. */
export function departmentName(name: string, lang: Lang): string {
  const en = lang === "en" ? englishDepartment(name) : undefined;
  return en ? `${en} (${name})` : name;
}

/** "牵头：A；负责：B、C" / "Lead: A; Responsible: B, C". Empty when there are none. */
export function departmentsLine(departments: Citation["departments"], lang: Lang): string {
  return ROLES.flatMap((role) => {
    const names = departments.filter((d) => d.role === role).map((d) => departmentName(d.name, lang));
    if (names.length === 0) return [];
    return lang === "zh"
      ? [`${ROLE_ZH[role]}：${names.join("、")}`]
      : [`${ROLE_EN[role]}: ${names.join(", ")}`];
  }).join(lang === "zh" ? "；" : "; ");
}

/** "2024年年底前（2024-12-31，已过期）" / "2024年年底前 → 2024-12-31 (passed)". */
export function deadlineText(
  d: Pick<Deadline, "text" | "date"> & { passed: boolean; approximate?: boolean },
  lang: Lang,
) {
  const approx = d.approximate ? (lang === "zh" ? "约" : "about ") : "";
  if (lang === "zh") return `${d.text}（${approx}${d.date}，${d.passed ? "已过期" : "未到期"}）`;
  return `${d.text} → ${approx}${d.date} (${d.passed ? "passed" : "still open"})`;
}

/** The standing note line, e.g. "另：各县(市、区)政府和示范区管委会负责落实（见二(一)）". */
export function standingNoteLine(note: StandingNote, plan: Plan, lang: Lang): string {
  const from = plan.items.find((i) => i.id === note.from)?.label ?? note.from;
  const names = note.departments.map((d) => departmentName(d.name, lang));
  return lang === "zh"
    ? `另：${names.join("、")}负责落实（见${from}）`
    : `Also carried out by: ${names.join(", ")} (standing note in ${from})`;
}

/** The plan's short name for source lines. */
export function planName(plan: Plan, lang: Lang): string {
  if (lang === "zh") {
    // 《商丘市空气质量…》 names its issuer already; the national plan's title does not.
    const place = (plan.meta.issuer ?? "").replace(/(?:市|省|县|区)?人民政府$/, "");
    return plan.meta.planTitle.includes(place)
      ? `《${plan.meta.planTitle}》`
      : `${plan.meta.issuer}《${plan.meta.planTitle}》`;
  }
  return plan.meta.issuer === "国务院"
    ? "State Council Air Quality Action Plan"
    : `${plan.meta.planTitle} (Shangqiu plan)`;
}

/**
 * The block for one cited item: label, title, quote, departments, deadlines, source. `details: false`
 * leaves out departments and deadlines where a rule's explanation has already given them.
 */
export function itemBlock(
  c: Citation,
  item: Item,
  plan: Plan,
  lang: Lang,
  today: string,
  details = true,
): string {
  const lines = [`${c.label} ${c.title}`, lang === "zh" ? `原文：“${c.quote}”` : `Quote: “${c.quote}”`];
  const depts = details ? departmentsLine(c.departments, lang) : "";
  if (depts) lines.push(lang === "zh" ? `责任部门：${depts}` : `Departments: ${depts}`);
  if (details && item.standingNote) lines.push(standingNoteLine(item.standingNote, plan, lang));
  if (details && item.deadlines.length > 0) {
    const dl = item.deadlines.map((d) => deadlineText({ ...d, passed: d.date < today }, lang));
    lines.push(lang === "zh" ? `期限：${dl.join("；")}` : `Deadlines: ${dl.join("; ")}`);
  }
  lines.push(
    lang === "zh"
      ? `出处：${planName(plan, "zh")}${c.label}`
      : `Source: ${planName(plan, "en")}, item ${c.label} (${c.id})`,
  );
  return lines.join("\n");
}

/** "今天是2026-11-28，以上期限均已过。" when every deadline shown has passed. */
export function allPassedNote(
  deadlines: ReadonlyArray<{ passed: boolean }>,
  today: string,
  lang: Lang,
): string | null {
  if (deadlines.length === 0 || deadlines.some((d) => !d.passed)) return null;
  return lang === "zh"
    ? `（今天是${today}，以上期限均已过。）`
    : `(Today is ${today}; all of these deadlines have passed.)`;
}

/** A department's items grouped by role; the role a question asked about (`focus`) comes first. */
export function departmentListingText(
  listing: DepartmentListing,
  lang: Lang,
  focus: Role | null = null,
): string {
  const names = listing.departments.map((n) => departmentName(n, lang));
  const total = new Set(listing.entries.map((e) => e.item.id)).size;
  const focused = focus ? listing.entries.filter((e) => e.role === focus).length : 0;
  const head =
    lang === "zh"
      ? `${names.join("、")}在本计划中涉及${total}项任务${focus ? `，其中${ROLE_ZH[focus]}${focused}项` : ""}：`
      : `${names.join(", ")} ${listing.departments.length > 1 ? "are" : "is"} named in ${total} items of the plan${focus ? `, ${focused} of them as ${focus}` : ""}:`;
  const order = focus ? [focus, ...ROLES.filter((r) => r !== focus)] : ROLES;
  const groups = order.flatMap((role) => {
    const entries = listing.entries.filter((e) => e.role === role);
    if (entries.length === 0) return [];
    const title = lang === "zh" ? `【${ROLE_ZH[role]}】` : `${ROLE_EN[role]}:`;
    const rows = entries.map((e) => {
      const who = listing.departments.length > 1 ? ` — ${departmentName(e.department, lang)}` : "";
      const note = e.viaStandingNote
        ? lang === "zh"
          ? "（据二(一)总括规定）"
          : " (by the standing note in 二(一))"
        : "";
      return `- ${e.item.label} ${e.item.title}${who}${note}`;
    });
    return [[title, ...rows].join("\n")];
  });
  return [head, ...groups].join("\n");
}

/** A timeline of deadlines. */
export function deadlineListingText(
  entries: ReadonlyArray<{ item: Item; deadline: Deadline }>,
  describe: string,
  today: string,
  lang: Lang,
): string {
  const head =
    lang === "zh"
      ? `${describe}的任务共${entries.length}项：`
      : `${entries.length} task${entries.length === 1 ? "" : "s"} ${describe}:`;
  const rows = entries.map(
    ({ item, deadline }) =>
      `- ${deadlineText({ ...deadline, passed: deadline.date < today }, lang)} ${item.label} ${item.title}：“${deadline.sentence}”`,
  );
  const note = allPassedNote(
    entries.map((e) => ({ passed: e.deadline.date < today })),
    today,
    lang,
  );
  return [head, ...rows, ...(note ? [note] : [])].join("\n");
}

/** "没有尚未到期的任务" when a deadline filter matches nothing. */
export function noDeadlinesText(describe: string, today: string, lang: Lang): string {
  return lang === "zh"
    ? `没有${describe}的任务（今天是${today}，本计划的期限均已过）。`
    : `No tasks ${describe}: as of today (${today}) every deadline of the plan has passed.`;
}

/** What the document says about itself: issuer, dates, numbers, the plans it implements, its size. */
export function aboutText(plan: Plan, lang: Lang): string {
  const m = plan.meta;
  const items = plan.items.length;
  const sections = plan.sections.length;
  if (lang === "zh") {
    const parts = [
      `${planName(plan, "zh")}由${m.issuer}印发（${m.title}${m.docNumber ? `，${m.docNumber}` : ""}）`,
      m.signed ? `${m.signed}签发` : "",
      m.published ? `${m.published}发布` : "",
      m.effective ? `${m.effective}生效` : "",
    ].filter(Boolean);
    const more = [
      m.implements.length > 0 ? `贯彻落实${m.implements.join("、")}` : "",
      m.indexNumber ? `索引号${m.indexNumber}` : "",
      m.sourceOffice ? `来源：${m.sourceOffice}` : "",
      `共${sections}部分${items}项任务`,
    ].filter(Boolean);
    return `${parts.join("，")}。${more.join("；")}。`;
  }
  const parts = [
    `${planName(plan, "en")} was issued by ${m.issuer} (${m.title}${m.docNumber ? `, ${m.docNumber}` : ""})`,
    m.signed ? `signed ${m.signed}` : "",
    m.published ? `published ${m.published}` : "",
    m.effective ? `effective ${m.effective}` : "",
  ].filter(Boolean);
  const more = [
    m.implements.length > 0 ? `It implements ${m.implements.join(", ")}.` : "",
    m.indexNumber ? `Index number ${m.indexNumber}.` : "",
    m.sourceOffice ? `Source: ${m.sourceOffice}.` : "",
    `${sections} sections, ${items} items.`,
  ].filter(Boolean);
  return `${parts.join(", ")}. ${more.join(" ")}`;
}

/** The help text shown for empty input. */
export function invalidInputText(lang: Lang): string {
  return lang === "zh"
    ? "请输入一个问题。例如：“六(五)”、“城管局牵头哪些任务”、“哪些任务要在2024年年底前完成”、“我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗？”"
    : 'Please type a question, for example: "六(五)", "What is the Public Security Bureau responsible for?", "What must be done by the end of 2024?", "Must my 200,000-hen egg farm join the ammonia pilot?"';
}

/** The reply when the plans do not cover a question. */
export function notCoveredText(lang: Lang, plans: readonly Plan[]): string {
  const titles = plans.map((p) => planName(p, lang)).join(lang === "zh" ? "、" : "; ");
  return lang === "zh"
    ? `这个问题不在已收录文件的范围内（${titles}）。可以问条款、责任部门、完成期限或是否适用于您的企业，例如“六(五)”或“城管局负责哪些任务”。`
    : `The documents I hold (${titles}) do not cover this question. Ask about a clause, the responsible departments, deadlines, or whether a rule applies to your business — e.g. "六(五)" or "What is the Urban Management Bureau responsible for?"`;
}

/** The reply for a citation of an item that does not exist, naming the items the section has. */
export function missingItemText(written: string, plan: Plan, section: number, lang: Lang): string {
  const items = plan.items.filter((i) => i.section === section);
  const sectionLabel = plan.sections.find((s) => s.number === section)?.label ?? String(section);
  const range = items.length > 0 ? `${(items[0] as Item).label}–${(items.at(-1) as Item).label}` : "";
  return lang === "zh"
    ? `${planName(plan, "zh")}中没有“${written}”：第${sectionLabel}部分只有${items.length}项（${range}）。`
    : `There is no "${written}" in ${planName(plan, "en")}: section ${sectionLabel} has ${items.length} items (${range}).`;
}
