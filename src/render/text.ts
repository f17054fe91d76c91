/**
 * Plain text, in Chinese or English, rendered from a resolved answer's payload and citations — what
 * the CLI prints, the terminal chat shows and the Response's `answer` carries. Every quote is the
 * citation's verbatim slice; nothing here reads a document.
 */
import type {
  Citation,
  DeadlineListingPayload,
  DeadlineView,
  DepartmentListingPayload,
  DepartmentRole,
  DocumentInfo,
  NotCoveredPayload,
  Resolved,
  Verdict,
} from "../answer/index.js";
import type { Role } from "../corpus/index.js";
import type { Lang } from "../understand/index.js";
import { exampleQuestions } from "./examples.js";
import { absentSentence, documentsNamed, focusBlocks, ROLE_WORDS } from "./words.js";

const ROLE_ZH = ROLE_WORDS.zh;
const ROLE_EN = ROLE_WORDS.en;
const ROLES: readonly Role[] = ["lead", "responsible", "support"];

/** 市生态环境局 → "Municipal Ecology and Environment Bureau (市生态环境局)" in English, as is in Chinese. */
export function departmentName(d: { name: string; en?: string | null }, lang: Lang): string {
  return lang === "en" && d.en ? `${d.en} (${d.name})` : d.name;
}

/** "牵头：A；负责：B、C" / "Lead: A; Responsible: B, C". Empty when there are none. */
export function departmentsLine(departments: readonly DepartmentRole[], lang: Lang): string {
  return ROLES.flatMap((role) => {
    const names = departments.filter((d) => d.role === role).map((d) => departmentName(d, lang));
    if (names.length === 0) return [];
    return lang === "zh"
      ? [`${ROLE_ZH[role]}：${names.join("、")}`]
      : [`${ROLE_EN[role]}: ${names.join(", ")}`];
  }).join(lang === "zh" ? "；" : "; ");
}

/** "2024年年底前（2024-12-31，已过期）" / "2024年年底前 → 2024-12-31 (passed)". */
export function deadlineText(d: DeadlineView, lang: Lang): string {
  const approx = d.approximate ? (lang === "zh" ? "约" : "about ") : "";
  // A yearly deadline never passes: its date is the next occurrence.
  if (d.recurring)
    return lang === "zh" ? `${d.text}（${d.date}，每年重复）` : `${d.text} → ${d.date} (yearly)`;
  if (lang === "zh") return `${d.text}（${approx}${d.date}，${d.passed ? "已过期" : "未到期"}）`;
  return `${d.text} → ${approx}${d.date} (${d.passed ? "passed" : "still open"})`;
}

/** The standing note line: "另：各县(市、区)政府负责落实（见二(一)）". */
function standingNoteLine(c: Citation, lang: Lang): string | null {
  const note = c.standingNote;
  if (!note) return null;
  const names = note.departments.map((d) => departmentName(d, lang));
  return lang === "zh"
    ? `另：${names.join("、")}负责落实（见${note.from}）`
    : `Also carried out by: ${names.join(", ")} (standing note in ${note.from})`;
}

/** Where a point's departments and deadlines come from when its item's clause covers it. */
export function coveringLine(c: Citation, lang: Lang): string | null {
  if (!c.covering || (c.departments.length === 0 && c.deadlines.length === 0)) return null;
  if (!c.coveringDeadlines)
    return lang === "zh"
      ? `（本点未单列分工，以上责任部门为${c.covering.label}的，适用于其各点）`
      : `(This point names no departments of its own: those above are ${c.covering.label}'s, for all its points.)`;
  return lang === "zh"
    ? `（本点未单列分工和期限，以上为${c.covering.label}的，适用于其各点）`
    : `(This point names no departments or deadline of its own: those above are ${c.covering.label}'s, for all its points.)`;
}

/**
 * The block for one cited item: label, title, quote, departments, deadlines, source and the item it
 * implements. `details: false` leaves out departments and deadlines (a check's lead has said them).
 */
export function itemBlock(c: Citation, lang: Lang, details = true): string {
  const lines = [`${c.label} ${c.title}`, lang === "zh" ? `原文：“${c.quote}”` : `Quote: “${c.quote}”`];
  const depts = details ? departmentsLine(c.departments, lang) : "";
  if (depts) lines.push(lang === "zh" ? `责任部门：${depts}` : `Departments: ${depts}`);
  const note = details ? standingNoteLine(c, lang) : null;
  if (note) lines.push(note);
  if (details && c.deadlines.length > 0) {
    const dl = c.deadlines.map((d) => deadlineText(d, lang));
    lines.push(lang === "zh" ? `期限：${dl.join("；")}` : `Deadlines: ${dl.join("; ")}`);
  }
  const periods = details ? periodsLine(c, lang) : null;
  if (periods) lines.push(periods);
  const covered = details ? coveringLine(c, lang) : null;
  if (covered) lines.push(covered);
  lines.push(
    lang === "zh" ? `出处：《${c.docName}》${c.label}` : `Source: ${c.docName}, item ${c.label} (${c.id})`,
  );
  if (c.implements) {
    const i = c.implements;
    lines.push(
      lang === "zh"
        ? `落实：《${i.docName}》${i.label} ${i.title}`
        : `Implements: ${i.docName}, item ${i.label} ${i.title}`,
    );
  }
  return lines.join("\n");
}

/** "时段：10月1日至12月31日（2025-10-01至2025-12-31）": the periods an item sets for its work, or null. */
export function periodsLine(c: Citation, lang: Lang): string | null {
  if (!c.periods?.length) return null;
  const list = c.periods.map((p) =>
    lang === "zh" ? `${p.text}（${p.start}至${p.end}）` : `${p.start} to ${p.end} (${p.text})`,
  );
  return lang === "zh" ? `时段：${list.join("；")}` : `Periods: ${list.join("; ")}`;
}

/** "相关条款：…" for the citations after the first, naming the document where it differs. */
function seeAlso(citations: readonly Citation[], lang: Lang): string | null {
  const [first, ...rest] = citations;
  if (!first || rest.length === 0) return null;
  const from = (c: Citation) =>
    c.doc === first.doc ? "" : lang === "zh" ? `（《${c.docName}》）` : ` (${c.docName})`;
  const list = rest.map((c) => `${c.label} ${c.title}${from(c)}`).join(lang === "zh" ? "；" : "; ");
  return lang === "zh" ? `相关条款：${list}` : `Related items: ${list}`;
}

/** The departments or deadlines a who/when question asked for, put before the item. */
function focusLine(c: Citation, focus: "departments" | "deadlines" | null, lang: Lang): string | null {
  if (focus === "departments") {
    const line = departmentsLine(c.departments, lang);
    const note = standingNoteLine(c, lang);
    if (!line && !note)
      return lang === "zh" ? `${c.label}没有写明责任部门。` : `${c.label} names no department.`;
    return [
      lang === "zh" ? `${c.label}的责任部门：${line || "—"}` : `Departments for ${c.label}: ${line || "—"}`,
      note,
      coveringLine(c, lang),
    ]
      .filter(Boolean)
      .join("\n");
  }
  if (focus === "deadlines") {
    const periods = periodsLine(c, lang);
    if (c.deadlines.length === 0)
      return [lang === "zh" ? `${c.label}没有写明期限。` : `${c.label} sets no deadline.`, periods]
        .filter(Boolean)
        .join("\n");
    const dl = c.deadlines.map((d) => deadlineText(d, lang)).join(lang === "zh" ? "；" : "; ");
    const covered = coveringLine(c, lang);
    return [lang === "zh" ? `${c.label}的期限：${dl}` : `Deadlines of ${c.label}: ${dl}`, periods, covered]
      .filter(Boolean)
      .join("\n");
  }
  return null;
}

/** One verdict's lines: the verdict, the comparison, the deadline it falls under. */
function verdictLines(v: Verdict, lang: Lang, several: boolean): string[] {
  const lines = [v.verdict, v.check.explanation].filter((t) => t.length > 0);
  if (several) lines[0] = `• ${lines[0]}`;
  if (v.deadline) {
    const which = deadlineText(v.deadline, lang);
    lines.push(lang === "zh" ? `适用的期限：${which}` : `The deadline that applies: ${which}`);
  }
  return lines;
}

/** Whom to turn to, for a check that also asked it. */
function whomLine(c: Citation, lang: Lang): string {
  const line = departmentsLine(c.departments, lang) || (c.standingNote ? "" : "—");
  const note = standingNoteLine(c, lang);
  return [lang === "zh" ? `可找：${line}` : `Whom to ask: ${line}`, note].filter(Boolean).join("\n");
}

/** A department's items grouped by role (and by document when there are several), the asked role first. */
function departmentListingText(p: DepartmentListingPayload, lang: Lang): string {
  const names = p.departments.map((d) => departmentName(d, lang));
  const focused = p.role ? p.groups.flatMap((g) => g.entries).filter((e) => e.role === p.role) : [];
  const focusedItems = new Set(focused.map((e) => `${e.id}`)).size;
  const total = p.total;
  const inDocs = p.groups.length === 1 ? (lang === "zh" ? `在《${p.groups[0]?.docName}》中` : "") : "";
  const head =
    lang === "zh"
      ? `${names.join("、")}${inDocs || "在已收录文件中"}涉及${total}项任务${p.role ? `，其中${ROLE_ZH[p.role]}${focusedItems}项` : ""}：`
      : `${names.join(", ")} ${p.departments.length > 1 ? "are" : "is"} named in ${total} items${p.role ? `, ${focusedItems} of them as ${p.role}` : ""}:`;
  const order = p.role ? [p.role, ...ROLES.filter((r) => r !== p.role)] : ROLES;
  const blocks = p.groups.flatMap((g) => {
    const roleBlocks = order.flatMap((role) => {
      const entries = g.entries.filter((e) => e.role === role);
      if (entries.length === 0) return [];
      const title = lang === "zh" ? `【${ROLE_ZH[role]}】` : `${ROLE_EN[role]}:`;
      const rows = entries.map((e) => {
        const who = p.departments.length > 1 ? ` — ${e.department}` : "";
        const note = e.viaStandingNote
          ? lang === "zh"
            ? `（据${e.noteFrom ?? ""}总括规定）`
            : ` (by the standing note in ${e.noteFrom ?? "the plan"})`
          : "";
        return `- ${e.label} ${e.title}${who}${note}`;
      });
      return [[title, ...rows].join("\n")];
    });
    return p.groups.length > 1 ? [`《${g.docName}》`, ...roleBlocks] : roleBlocks;
  });
  const filter = p.deadline
    ? lang === "zh"
      ? "（按问题中的期限筛选）"
      : " (filtered by the date asked)"
    : "";
  return [head + filter, ...blocks].join("\n");
}

/** "今天是2026-11-28，以上期限均已过。" when every deadline shown has passed. */
function allPassedNote(p: DeadlineListingPayload, lang: Lang): string | null {
  const all = p.groups.flatMap((g) => g.entries);
  if (all.length === 0 || all.some((e) => !e.deadline.passed)) return null;
  return lang === "zh"
    ? `（今天是${p.today}，以上期限均已过。）`
    : `(Today is ${p.today}; all of these deadlines have passed.)`;
}

/** A timeline of deadlines, by document. */
function deadlineListingText(p: DeadlineListingPayload, lang: Lang): string {
  if (p.total === 0) {
    return lang === "zh"
      ? `没有${p.description}的任务（今天是${p.today}，已收录文件的期限均已过）。`
      : `No tasks ${p.description}: as of today (${p.today}) every deadline of the documents has passed.`;
  }
  const head =
    lang === "zh"
      ? `${p.description}的任务共${p.total}项：`
      : `${p.total} task${p.total === 1 ? "" : "s"} ${p.description}:`;
  const blocks = p.groups.flatMap((g) => {
    const rows = g.entries.map(
      (e) => `- ${deadlineText(e.deadline, lang)} ${e.label} ${e.title}：“${e.deadline.sentence}”`,
    );
    return p.groups.length > 1 ? [`《${g.docName}》`, ...rows] : rows;
  });
  const note = allPassedNote(p, lang);
  return [head, ...blocks, ...(note ? [note] : [])].join("\n");
}

/** What a document says about itself. */
function aboutText(d: DocumentInfo, lang: Lang): string {
  const implemented = d.implements.map((i) => i.number);
  if (lang === "zh") {
    const parts = [
      `《${d.name}》${d.issuer ? `由${d.issuer}印发` : ""}${d.title || d.docNumber ? `（${[d.title, d.docNumber].filter(Boolean).join("，")}）` : ""}`,
      d.signed ? `${d.signed}签发` : "",
      d.published ? `${d.published}发布` : "",
      d.effective ? `${d.effective}生效` : "",
    ].filter(Boolean);
    const more = [
      implemented.length > 0 ? `贯彻落实${implemented.join("、")}` : "",
      d.indexNumber ? `索引号${d.indexNumber}` : "",
      d.sourceOffice ? `来源：${d.sourceOffice}` : "",
      `共${d.sections}部分${d.items}项任务`,
    ].filter(Boolean);
    return `${parts.join("，")}。${more.join("；")}。`;
  }
  const parts = [
    `${d.name}${d.issuer ? ` was issued by ${d.issuer}` : ""}${d.title || d.docNumber ? ` (${[d.title, d.docNumber].filter(Boolean).join(", ")})` : ""}`,
    d.signed ? `signed ${d.signed}` : "",
    d.published ? `published ${d.published}` : "",
    d.effective ? `effective ${d.effective}` : "",
  ].filter(Boolean);
  const more = [
    implemented.length > 0 ? `It implements ${implemented.join(", ")}.` : "",
    d.indexNumber ? `Index number ${d.indexNumber}.` : "",
    d.sourceOffice ? `Source: ${d.sourceOffice}.` : "",
    `${d.sections} sections, ${d.items} items.`,
  ].filter(Boolean);
  return `${parts.join(", ")}. ${more.join(" ")}`;
}

/** The help text shown for empty input, with example questions. */
export function helpText(lang: Lang): string {
  const examples = exampleQuestions(lang).slice(0, 4);
  return lang === "zh"
    ? `请输入一个问题。例如：${examples.map((e) => `“${e}”`).join("、")}`
    : `Please type a question, for example: ${examples.map((e) => `"${e}"`).join(", ")}`;
}

/** The reply when the documents do not cover a question, or a cited item is missing or ambiguous. */
function notCoveredText(p: NotCoveredPayload, lang: Lang): string {
  const names = documentsNamed(
    p.documents.map((d) => (lang === "zh" ? `《${d.name}》` : d.name)),
    lang,
    lang === "zh" ? "、" : "; ",
  );
  const list = (sep: string) =>
    p.candidates
      .map((c) => `${lang === "zh" ? `《${c.docName}》` : `${c.docName} `}${c.label} ${c.title}`)
      .join(sep);
  if (p.reason === "no_such_item") {
    const first = p.candidates[0];
    const range = first ? `${first.label}–${p.candidates.at(-1)?.label}` : "";
    return lang === "zh"
      ? `没有“${p.written}”${first ? `：《${first.docName}》这一部分只有${p.candidates.length}项（${range}）` : ""}。`
      : `There is no "${p.written}"${first ? `: that part of ${first.docName} has ${p.candidates.length} items (${range})` : ""}.`;
  }
  if (p.reason === "ambiguous_item") {
    return lang === "zh"
      ? `“${p.written}”在多个文件中都有：${list("；")}。请说明是哪个文件，例如在编号前加上文件名或地名。`
      : `"${p.written}" is in several documents: ${list("; ")}. Please say which document, e.g. by naming its place before the number.`;
  }
  return refusalText(p, names, lang);
}

/**
 * The refusal of an off-topic question, the documents held already named as the channel names them: what is
 * not covered — the question, or the document it asks of that none held is — and what to ask instead.
 */
export function refusalText(p: NotCoveredPayload, names: string, lang: Lang): string {
  const opening = p.absent
    ? absentSentence(p.absent, names, lang)
    : lang === "zh"
      ? `这个问题不在已收录文件的范围内（${names}）。`
      : `The documents I hold (${names}) do not cover this question.`;
  return lang === "zh" ? `${opening}${askAbout(lang)}` : `${opening} ${askAbout(lang)}`;
}

/** What a refusal suggests asking instead, with two of the example questions. */
function askAbout(lang: Lang): string {
  const [first, second] = exampleQuestions(lang);
  return lang === "zh"
    ? `可以问条款、责任部门、完成期限或是否适用于您的企业，例如“${first}”或“${second}”。`
    : `Ask about a clause, the responsible departments, deadlines, or whether a rule applies to your business — e.g. "${first}" or "${second}"`;
}

/** What input that is not a question gets: help, or a request to ask one question at a time. */
export function invalidInputText(reason: string, lang: Lang): string {
  if (reason !== "too_long") return helpText(lang);
  return lang === "zh"
    ? "问题太长了，请只问一个问题。"
    : "That is too long; please ask one question at a time.";
}

/** The plain-text answer of a resolved question. */
export function renderText(r: Resolved): string {
  const lang = r.lang;
  const p = r.payload;
  const [first] = r.citations;
  switch (p.kind) {
    case "invalid_input":
      return invalidInputText(p.reason, lang);
    case "not_covered":
      return notCoveredText(p, lang);
    case "department_listing":
      return departmentListingText(p, lang);
    case "deadline_listing":
      return deadlineListingText(p, lang);
    case "document": {
      const [main, ...others] = p.documents;
      if (!main) return "";
      const rest = others.map((d) => `- ${aboutText(d, lang)}`);
      const title = lang === "zh" ? "另收录：" : "Also loaded:";
      return [aboutText(main, lang), ...(rest.length > 0 ? [title, ...rest] : [])].join("\n");
    }
    case "check": {
      if (!first) return "";
      const several = p.verdicts.length > 1;
      const lead = p.verdicts.flatMap((v) => verdictLines(v, lang, several));
      if (several) {
        const outcome = {
          applies: ["适用", "applies"],
          does_not_apply: ["不适用", "does not apply"],
          need_more_info: ["需补充信息", "needs more information"],
        }[p.outcome];
        lead.unshift(lang === "zh" ? `总的结论：${outcome[0]}。` : `Overall: the obligation ${outcome[1]}.`);
      }
      if (p.asksWho) lead.splice(1, 0, whomLine(first, lang));
      const parts = [...lead, itemBlock(first, lang), seeAlso(r.citations, lang)];
      return parts.filter((x): x is string => !!x).join("\n\n");
    }
    case "item": {
      if (!first) return "";
      const focus = focusBlocks(r.citations, p.focus, (c) => focusLine(c, p.focus, lang));
      // The focus has said where a covered point's departments and deadlines come from.
      const parts = [
        focus,
        itemBlock({ ...first, covering: p.focus ? null : first.covering }, lang),
        seeAlso(r.citations, lang),
      ];
      return parts.filter((x): x is string => !!x).join("\n\n");
    }
  }
}
