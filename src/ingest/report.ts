/**
 * The report on an ingested plan: what the parser found (metadata, sections, entries per level,
 * departments and their roles, deadlines) and what looks wrong — and its text for people.
 */
import type { Item, Plan } from "../corpus/index.js";
import type { Conversion, DepartmentSummary, IngestReport, IngestWarning } from "./schema.js";

/** Web-page furniture that has no place inside a plan's last item. */
const CHROME =
  /ICP备|公网安备|网站标识码|主办单位|承办单位[:：]\s*\S*(?:网站|信息中心|大数据|数据局|数据中心|电子政务|融媒体)|打印本页|打印正文|关闭窗口|【打印|分享到|相关链接|相关文件|相关稿件|扫一扫|网站地图|联系我们|版权所有|技术支持|浏览次数|阅读次数|上一篇|下一篇|\s\|\s/;

/** A leading section or item number: 一、 (一) （一） 1. 1、 （1）. */
const LEADING_NUMBER =
  /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、]|[(（]\d+[)）])\s*/;

/** A line that opens like a section or an item written in Chinese numerals. */
const CHINESE_NUMBERED = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/;

const label = (items: Item[]) => items.map((i) => i.label).join("、");

/** The warnings a parsed plan deserves on its own (the corpus-level ones are added by the caller). */
export function planWarnings(plan: Plan): IngestWarning[] {
  const warnings: IngestWarning[] = [];
  if (plan.items.every((i) => i.departments.length === 0 && !i.standingNote))
    warnings.push({
      code: "no-departments",
      message:
        "no item names a responsible department (usual for national documents; in a local plan the department parentheses were not read)",
    });
  const empty = plan.items.filter((i) => i.text.replace(LEADING_NUMBER, "").trim() === "");
  if (empty.length > 0)
    warnings.push({
      code: "empty-items",
      message: `${empty.length} item(s) have no text after the number: ${label(empty)}`,
    });
  const last = plan.items.at(-1);
  const chrome =
    last?.text
      .split("\n")
      .slice(1)
      .filter((l) => CHROME.test(l)) ?? [];
  if (last && chrome.length > 0)
    warnings.push({
      code: "chrome-in-last-item",
      message: `the last item ${last.label} ends with ${chrome.length} line(s) of page chrome, e.g. “${(chrome[0] as string).trim().slice(0, 40)}”: the answers will quote it`,
    });
  for (const item of plan.items) {
    const stray = item.text
      .split("\n")
      .slice(1)
      .map((l) => l.trim())
      .find((l) => CHINESE_NUMBERED.test(l));
    if (stray)
      warnings.push({
        code: "unread-numbering",
        message: `${item.label} contains a line starting “${stray.slice(0, 12)}” that was not read as a section or item (numbering out of sequence?)`,
      });
  }
  return warnings;
}

function departmentSummaries(plan: Plan): DepartmentSummary[] {
  const byName = new Map<string, DepartmentSummary>();
  for (const item of plan.items) {
    for (const d of item.departments) {
      const summary = byName.get(d.name) ?? { name: d.name, lead: 0, responsible: 0, support: 0, items: [] };
      byName.set(d.name, summary);
      if (summary.items.some((i) => i.id === item.id && i.role === d.role)) continue;
      summary[d.role]++;
      summary.items.push({ id: item.id, label: item.label, role: d.role });
    }
  }
  return [...byName.values()].sort(
    (a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name, "zh"),
  );
}

/** Builds the report of a parsed plan. */
export function buildReport(input: {
  file: string;
  slug: string;
  output: string;
  written: boolean;
  plan: Plan;
  conversion: Conversion;
  warnings: IngestWarning[];
  milliseconds: number;
}): IngestReport {
  const { plan } = input;
  const deadlines = plan.items.flatMap((i) => i.deadlines);
  const dates = deadlines.map((d) => d.date).sort();
  const entriesPerLevel = { "1": 0, "2": 0, "3": 0, "4": 0 };
  for (const item of plan.items) entriesPerLevel[String(item.level) as keyof typeof entriesPerLevel]++;
  const withDepartments = plan.items.filter((i) => i.departments.length > 0).length;
  const list = departmentSummaries(plan);
  return {
    file: input.file,
    slug: input.slug,
    output: input.output,
    written: input.written,
    conversion: input.conversion,
    document: {
      title: plan.meta.title,
      planTitle: plan.meta.planTitle,
      issuer: plan.meta.issuer,
      docNumber: plan.meta.docNumber,
      signed: plan.meta.signed,
      published: plan.meta.published,
      effective: plan.meta.effective,
    },
    sections: plan.sections.map((s) => ({
      number: s.number,
      label: s.label,
      title: s.title,
      entries: plan.items.filter((i) => i.section === s.number).length,
    })),
    entriesPerLevel,
    departments: {
      count: list.length,
      itemsWithDepartments: withDepartments,
      itemsWithoutDepartments: plan.items.length - withDepartments,
      list,
    },
    deadlines: {
      count: deadlines.length,
      earliest: dates[0] ?? null,
      latest: dates.at(-1) ?? null,
      approximate: deadlines.filter((d) => d.approximate).length,
      yearFromContext: deadlines.filter((d) => d.yearFromContext).length,
    },
    warnings: input.warnings,
    milliseconds: input.milliseconds,
  };
}

const ROLE_NAMES = { lead: "牵头", responsible: "负责", support: "配合" } as const;

/** The report as people read it in a terminal. */
export function formatReport(report: IngestReport): string {
  const c = report.conversion;
  const d = report.document;
  const out: string[] = [];
  const state = report.written ? "written" : "not written";
  out.push(`${report.file} → ${report.output} (${state})`);
  out.push(
    `  ${c.format}${c.encoding ? `, ${c.encoding}` : ""}${c.pages !== null ? `, ${c.pages} pages` : ""}, ${c.paragraphs} paragraphs, ${c.characters} characters, ${report.milliseconds} ms`,
  );
  for (const note of c.notes) out.push(`  note: ${note}`);
  out.push("");
  out.push(`Title:     ${d.title ?? "—"}`);
  if (d.planTitle !== d.title) out.push(`Plan:      ${d.planTitle}`);
  out.push(`Issuer:    ${d.issuer ?? "—"}`);
  out.push(`Number:    ${d.docNumber ?? "—"}`);
  out.push(
    `Dates:     signed ${d.signed ?? "—"}, published ${d.published ?? "—"}, effective ${d.effective ?? "—"}`,
  );
  out.push("");
  out.push(`Sections (${report.sections.length}):`);
  for (const s of report.sections) out.push(`  ${s.label}、${s.title} — ${s.entries} entries`);
  const levels = Object.entries(report.entriesPerLevel)
    .map(([level, n]) => `level ${level}: ${n}`)
    .join(", ");
  out.push(`Entries:   ${levels}`);
  out.push("");
  const dep = report.departments;
  out.push(
    `Departments (${dep.count}; ${dep.itemsWithDepartments} items name departments, ${dep.itemsWithoutDepartments} do not):`,
  );
  for (const s of dep.list) {
    const counts = (["lead", "responsible", "support"] as const)
      .filter((r) => s[r] > 0)
      .map((r) => `${ROLE_NAMES[r]} ${s[r]}`)
      .join(", ");
    const items = s.items.map((i) => `${i.label}${ROLE_NAMES[i.role]}`).join(" ");
    out.push(`  ${s.name} — ${counts}: ${items}`);
  }
  out.push("");
  const dl = report.deadlines;
  out.push(
    dl.count === 0
      ? "Deadlines: none"
      : `Deadlines: ${dl.count}, ${dl.earliest} … ${dl.latest}; ${dl.approximate} approximate, ${dl.yearFromContext} with the year from context`,
  );
  out.push("");
  if (report.warnings.length === 0) out.push("Warnings:  none");
  else {
    out.push(`Warnings (${report.warnings.length}):`);
    for (const w of report.warnings) out.push(`  ! ${w.code}: ${w.message}`);
  }
  return `${out.join("\n")}\n`;
}
