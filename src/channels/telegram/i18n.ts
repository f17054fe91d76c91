/**
 * The bot's own fixed strings (commands, usage, refusals, errors), in Chinese and English. Answers
 * are rendered by src/render/telegram.ts; these are what the channel says around them. Strings are
 * plain text except `help`, which is HTML: the caller escapes anything it interpolates.
 */
import type { Lang } from "../../understand/index.js";

export type { Lang };

/** The commands, in the order the menus list them. */
export const COMMANDS = ["start", "help", "clause", "dept", "deadlines", "check", "about"] as const;
/** One of the bot's commands. */
export type CommandName = (typeof COMMANDS)[number];

const zh = {
  commands: {
    start: "开始使用",
    help: "可以问什么（含示例）",
    clause: "查看条款，如 /clause 六(五)",
    dept: "部门任务，如 /dept 城管局 [文件]",
    deadlines: "期限一览 [2024|2025|overdue|open] [文件]",
    check: "引导式义务核查",
    about: "已收录的文件",
  } satisfies Record<CommandName, string>,
  start: (name: string, docs: string) =>
    `你好，${name}！我解答这些文件的问题：${docs}。回答给出原文条款、责任部门和期限，全部引用原文。\n\n直接提问即可，或发送 /help 查看示例。`,
  help: [
    "<b>可以这样问</b>",
    "• 氨排放控制试点由哪个部门负责？",
    "• 城管局要做哪些事？",
    "• 2024年年底前要完成什么？",
    "• 某项要求是否适用于我的企业？（说出规模，如蛋鸡存栏量、锅炉蒸吨数）",
    "• 回答之后接着问：谁牵头？什么时候到期？",
    "",
    "<b>命令</b>",
    "/clause 六(五) — 条款",
    "/dept 城管局 [文件] — 某部门的全部任务（按牵头/负责/配合）",
    "/deadlines [2024 | 2025 | overdue | open] [文件] — 期限一览",
    "/check — 引导式义务核查",
    "/about — 已收录的文件（文件可写名称、地名或编号）",
    "",
    "在任意聊天中输入 @机器人用户名 六(五) 可以插入条款引用。在群组中，请 @ 我或回复我的消息。",
  ].join("\n"),
  clauseUsage: "用法：/clause 六(五) 或 /clause 6.5",
  deptUsage: "用法：/dept 城管局（全称、简称或英文名都可以；可加地名或文件简称缩小范围）",
  deptUnknown: (name: string) =>
    `不认识部门“${name}”。请试试 /dept 生态环境局、/dept 城管局 或 /dept 发改委。`,
  deadlinesUsage: "用法：/deadlines [2024 | 2025 | overdue | open] [文件]",
  unknownDocument: (text: string) => `没有找到文件“${text}”。发送 /about 查看已收录的文件。`,
  itemGone: "这个条款已不在已收录的文件中。",
  checkChoose: "请选择要核查的义务：",
  checkNone: "暂时没有可用的引导式核查。",
  checkStep: (n: number, total: number) => `第 ${n}/${total} 步`,
  checkExpired: "这个核查已失效，请重新发送 /check。",
  checkDone: "核查完成。",
  unknownButton: "这个按钮已失效，请重新提问。",
  unknownCommand: "没有这个命令。可用的命令：",
  textOnly: "我只能读文字消息。请用文字提问，例如“氨排放控制试点由哪个部门负责？”，或发送 /help。",
  tooLong: (max: number) => `问题太长了（超过 ${max} 个字符），请缩短后再问。`,
  notAllowed: "抱歉，本机器人未对此聊天开放。",
  rateLimited: "提问太频繁了，请稍等几秒再试。",
  error: "抱歉，处理这条消息时出错了，请稍后再试。",
  notDelivered: "抱歉，Telegram 暂时没能送达回答，请稍后再问一次。",
  thanks: { up: "谢谢！已记录：有帮助。", down: "谢谢！已记录：没帮助。", unknown: "这条回答已无法评价。" },
  inlineNone: "没有找到匹配的条款",
  inlineHint: "输入条款号或关键词，例如 六(五) 或 氨排放",
  openInBot: "在机器人中查看",
};

type Strings = typeof zh;

const en: Strings = {
  commands: {
    start: "Start",
    help: "What to ask, with examples",
    clause: "Show an item, e.g. /clause 6.5",
    dept: "A department's tasks, e.g. /dept 城管局 [document]",
    deadlines: "Deadlines [2024|2025|overdue|open] [document]",
    check: "Guided obligation check",
    about: "The documents loaded",
  },
  start: (name: string, docs: string) =>
    `Hello, ${name}! I answer questions about these documents: ${docs} — with the exact clause, departments and deadlines, always quoting the text.\n\nJust ask, or send /help for examples.`,
  help: [
    "<b>What you can ask</b>",
    "• Which department leads the ammonia emission pilot?",
    "• What must the urban management bureau do?",
    "• What is due by the end of 2024?",
    "• Does a requirement apply to my business? (give its size: hens, boiler tonnage…)",
    "• After an answer: who leads it? when is it due?",
    "",
    "<b>Commands</b>",
    "/clause 6.5 — an item",
    "/dept urban management [document] — every task of a department, by role",
    "/deadlines [2024 | 2025 | overdue | open] [document] — a timeline",
    "/check — a guided obligation check",
    "/about — the documents loaded (name a document by its title, place or number)",
    "",
    "In any chat, type @botusername 6.5 to insert a citation. In groups, mention me or reply to my message.",
  ].join("\n"),
  clauseUsage: "Usage: /clause 6.5 or /clause 六(五)",
  deptUsage:
    "Usage: /dept urban management (Chinese, short or English names; add a place or a document's short name to narrow it)",
  deptUnknown: (name: string) =>
    `I don't know the department “${name}”. Try /dept ecology and environment, /dept 城管局 or /dept drc.`,
  deadlinesUsage: "Usage: /deadlines [2024 | 2025 | overdue | open] [document]",
  unknownDocument: (text: string) => `No document “${text}” is loaded. Send /about for the list.`,
  itemGone: "This item is no longer in the documents loaded.",
  checkChoose: "Which obligation do you want to check?",
  checkNone: "No guided checks are available yet.",
  checkStep: (n: number, total: number) => `Step ${n}/${total}`,
  checkExpired: "This check has expired; send /check again.",
  checkDone: "Check complete.",
  unknownButton: "This button is no longer valid; please ask again.",
  unknownCommand: "I don't know that command. Available commands:",
  textOnly:
    "I can only read text messages. Please ask in words, e.g. “Which department leads the ammonia pilot?”, or send /help.",
  tooLong: (max: number) => `That question is too long (over ${max} characters); please shorten it.`,
  notAllowed: "Sorry, this bot is not available in this chat.",
  rateLimited: "You're asking very quickly; please wait a few seconds and try again.",
  error: "Sorry, something went wrong while handling that message. Please try again later.",
  notDelivered: "Sorry, Telegram could not deliver the answer just now; please ask again in a moment.",
  thanks: {
    up: "Thanks! Recorded as helpful.",
    down: "Thanks! Recorded as not helpful.",
    unknown: "This answer can no longer be rated.",
  },
  inlineNone: "No matching items",
  inlineHint: "Type an item number or keywords, e.g. 6.5 or 氨排放",
  openInBot: "Open in the bot",
};

/** Every string, per language. */
export const STRINGS: Record<Lang, Strings> = { zh, en };

/** The strings of one language. */
export function t(lang: Lang): Strings {
  return STRINGS[lang];
}

/** A text's language by its script: any Han character makes it Chinese; null when it has no letters. */
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
