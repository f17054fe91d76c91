/**
 * Every fixed string the bot sends, in Chinese and English. Strings here are HTML-safe templates:
 * anything interpolated from users or the document must be escaped by the caller.
 */
import type { Role } from "../../corpus/schema.js";

export type Lang = "zh" | "en";

const zh = {
  roles: { lead: "牵头", responsible: "负责", support: "配合" } satisfies Record<Role, string>,
  departments: "责任部门",
  deadlines: "时限",
  passed: "已过期",
  open: "未到期",
  approximate: "约",
  source: "来源",
  viaStandingNote: "依据总体说明",
  buttons: { full: "全文", related: "相关条款", departments: "负责部门", check: "开始核查" },
  verdict: {
    applies: "✅ 结论:适用",
    does_not_apply: "⛔ 结论:不适用",
    need_more_info: "❓ 结论:需要补充信息",
  },
  stillNeeded: "还需要",
  alsoSee: "另见",
  noCitation: "未找到相关条款。",
  itemNotFound: (ref: string) => `没有找到条款“${ref}”。请试试 /clause 六(五) 或 /clause 6.5。`,
  clauseUsage: "用法:/clause 六(五) 或 /clause 6.5",
  deptUsage: "用法:/dept 城管局(也可以用全称、简称或英文名)",
  deptUnknown: (name: string) =>
    `不认识部门“${name}”。请试试 /dept 生态环境局、/dept 城管局 或 /dept 发改委。`,
  deptNone: "该部门在行动计划中没有列出任务。",
  deptTitle: (names: string) => `${names} 的任务`,
  deadlinesUsage: "用法:/deadlines [2024 | 2025 | overdue | open]",
  deadlinesTitle: (what: string) => `时限一览${what}`,
  deadlinesNone: "没有符合条件的时限。",
  deadlineFilter: { year: (y: number) => `(${y}年)`, passed: "(已过期)", open: "(未到期)", all: "" },
  relatedTitle: (label: string) => `与 ${label} 相关的条款`,
  relatedNone: "没有找到相关条款。",
  deptOfItem: (label: string) => `${label} 的责任部门`,
  deptOfItemNone: "该条款没有列出责任部门。",
  checkChoose: "请选择要核查的义务:",
  checkNone: "暂时没有可用的引导式核查。",
  checkStep: (n: number, total: number) => `第 ${n}/${total} 步`,
  checkExpired: "这个核查已失效,请重新发送 /check。",
  checkDone: "核查完成。",
  unknownButton: "这个按钮已失效,请重新提问。",
  unknownCommand: "没有这个命令。可用的命令:",
  textOnly: "我只能读文字消息。请用文字提问,例如:“氨排放控制试点由哪个部门负责?”或发送 /help。",
  emptyQuestion: "请输入问题,例如:“六(五)的内容是什么?”",
  tooLong: (max: number) => `问题太长了(超过 ${max} 个字符),请缩短后再问。`,
  notAllowed: "抱歉,本机器人未对此聊天开放。",
  rateLimited: "提问太频繁了,请稍等几秒再试。",
  error: "抱歉,处理这条消息时出错了,请稍后再试。",
  inlineNone: "没有找到匹配的条款",
  inlineHint: "输入条款号或关键词,例如 六(五) 或 氨排放",
  openInBot: "在机器人中查看",
  start: (name: string) =>
    `你好,${name}!我可以解答《商丘市空气质量持续改善行动计划》(2024)的问题,给出原文条款、责任部门和时限。所有回答都引用原文。\n\n直接提问即可,或发送 /help 查看示例。`,
  help: [
    "<b>可以这样问</b>",
    "• 氨排放控制试点由哪个部门负责?",
    "• 城管局要做哪些事?",
    "• 2024年年底前要完成什么?",
    "• 蛋鸡存栏25万羽的养殖场要开展氨排放控制吗?",
    "",
    "<b>命令</b>",
    "/clause 六(五) 或 /clause 6.5 — 查看条款全文",
    "/dept 城管局 — 某部门的全部任务(按牵头/负责/配合分组)",
    "/deadlines [2024 | 2025 | overdue | open] — 时限一览",
    "/check — 引导式义务核查",
    "/about — 文件信息与来源",
    "",
    "在任意聊天中输入 @机器人用户名 六(五) 或 @机器人用户名 氨排放 可以插入条款引用。在群组中,请 @ 我或回复我的消息。",
  ].join("\n"),
  about: "文件信息",
  aboutFields: {
    title: "标题",
    planTitle: "计划名称",
    issuer: "发文机关",
    docNumber: "文号",
    signed: "成文日期",
    published: "发布日期",
    effective: "生效日期",
    indexNumber: "索引号",
    sourceOffice: "来源",
    implements: "贯彻文件",
    items: "条款数",
    others: "其他文件",
  },
  aboutNote: "回答完全离线生成,只引用原文。",
  commands: {
    start: "开始使用",
    help: "可以问什么(含示例)",
    clause: "查看条款,如 /clause 六(五)",
    dept: "部门任务,如 /dept 城管局",
    deadlines: "时限一览 [2024|2025|overdue|open]",
    check: "引导式义务核查",
    about: "文件信息与来源",
  },
};

type Strings = typeof zh;

const en: Strings = {
  roles: { lead: "Lead", responsible: "Responsible", support: "Support" },
  departments: "Departments",
  deadlines: "Deadlines",
  passed: "passed",
  open: "open",
  approximate: "approx.",
  source: "Source",
  viaStandingNote: "by the standing note",
  buttons: { full: "Full text", related: "Related items", departments: "Departments", check: "Start check" },
  verdict: {
    applies: "✅ Verdict: applies",
    does_not_apply: "⛔ Verdict: does not apply",
    need_more_info: "❓ Verdict: more information needed",
  },
  stillNeeded: "Still needed",
  alsoSee: "See also",
  noCitation: "No matching item found.",
  itemNotFound: (ref: string) => `No item “${ref}” found. Try /clause 6.5 or /clause 六(五).`,
  clauseUsage: "Usage: /clause 6.5 or /clause 六(五)",
  deptUsage: "Usage: /dept urban management (Chinese names, short names and English names work)",
  deptUnknown: (name: string) =>
    `I don't know the department “${name}”. Try /dept ecology and environment, /dept 城管局 or /dept drc.`,
  deptNone: "The plan lists no tasks for this department.",
  deptTitle: (names: string) => `Tasks of ${names}`,
  deadlinesUsage: "Usage: /deadlines [2024 | 2025 | overdue | open]",
  deadlinesTitle: (what: string) => `Deadlines${what}`,
  deadlinesNone: "No deadlines match.",
  deadlineFilter: { year: (y: number) => ` in ${y}`, passed: " (passed)", open: " (open)", all: "" },
  relatedTitle: (label: string) => `Items related to ${label}`,
  relatedNone: "No related items found.",
  deptOfItem: (label: string) => `Departments of ${label}`,
  deptOfItemNone: "This item names no department.",
  checkChoose: "Which obligation do you want to check?",
  checkNone: "No guided checks are available yet.",
  checkStep: (n: number, total: number) => `Step ${n}/${total}`,
  checkExpired: "This check has expired; send /check again.",
  checkDone: "Check complete.",
  unknownButton: "This button is no longer valid; please ask again.",
  unknownCommand: "I don't know that command. Available commands:",
  textOnly:
    "I can only read text messages. Please ask in words, e.g. “Which department leads the ammonia pilot?”, or send /help.",
  emptyQuestion: "Please type a question, e.g. “What does item 6.5 say?”",
  tooLong: (max: number) => `That question is too long (over ${max} characters); please shorten it.`,
  notAllowed: "Sorry, this bot is not available in this chat.",
  rateLimited: "You're asking very quickly; please wait a few seconds and try again.",
  error: "Sorry, something went wrong while handling that message. Please try again later.",
  inlineNone: "No matching items",
  inlineHint: "Type an item number or keywords, e.g. 6.5 or 氨排放",
  openInBot: "Open in the bot",
  start: (name: string) =>
    `Hello, ${name}! I answer questions about the Shangqiu air-quality action plan (2024) with the exact clause, departments and deadlines, always quoting the document.\n\nJust ask, or send /help for examples.`,
  help: [
    "<b>What you can ask</b>",
    "• Which department leads the ammonia emission pilot?",
    "• What must the urban management bureau do?",
    "• What is due by the end of 2024?",
    "• Does a farm with 250,000 laying hens need ammonia emission control?",
    "",
    "<b>Commands</b>",
    "/clause 6.5 or /clause 六(五) — the full text of an item",
    "/dept urban management — every task of a department, by role",
    "/deadlines [2024 | 2025 | overdue | open] — a timeline",
    "/check — a guided obligation check",
    "/about — the document and its source",
    "",
    "In any chat, type @botusername 6.5 or @botusername 氨排放 to insert a citation. In groups, mention me or reply to my message.",
  ].join("\n"),
  about: "About the document",
  aboutFields: {
    title: "Title",
    planTitle: "Plan",
    issuer: "Issued by",
    docNumber: "Document number",
    signed: "Signed",
    published: "Published",
    effective: "Effective",
    indexNumber: "Index number",
    sourceOffice: "Source",
    implements: "Implements",
    items: "Items",
    others: "Other documents",
  },
  aboutNote: "Answers are produced fully offline and quote the document verbatim.",
  commands: {
    start: "Start",
    help: "What to ask, with examples",
    clause: "Show an item, e.g. /clause 6.5",
    dept: "A department's tasks, e.g. /dept 城管局",
    deadlines: "Deadlines [2024|2025|overdue|open]",
    check: "Guided obligation check",
    about: "About the document and its source",
  },
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

export function t(lang: Lang): Strings {
  return STRINGS[lang];
}

/** A question's language by its script: any Han character makes it Chinese. */
export function langOfText(text: string): Lang | null {
  if (/\p{Script=Han}/u.test(text)) return "zh";
  if (/[A-Za-z]/.test(text)) return "en";
  return null;
}

/** A user's language from Telegram's language_code: zh-* is Chinese, anything else English, none Chinese. */
export function langOfUser(code: string | undefined): Lang {
  if (!code) return "zh";
  return code.toLowerCase().startsWith("zh") ? "zh" : "en";
}
