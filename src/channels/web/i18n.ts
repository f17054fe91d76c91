/**
 * The page's own words in Chinese and English. Answers come in the language of the question; these
 * are the labels around them, in the language the reader chose (中文 by default).
 */
import type { Lang } from "../../answer/index.js";

const WORDS = {
  title: ["政策问答", "Policy Q&A"],
  tagline: ["原文条款、责任部门与期限，离线可用", "The exact clause, departments and deadlines — offline"],
  tabAsk: ["问答", "Ask"],
  tabDepartments: ["部门", "Departments"],
  tabDeadlines: ["期限", "Deadlines"],
  placeholder: [
    "输入问题：条款、部门、期限，或您的企业是否适用",
    "Ask about a clause, a department, a deadline or your business",
  ],
  send: ["提问", "Ask"],
  newChat: ["新对话", "New chat"],
  examples: ["可以这样问：", "Try:"],
  thinking: ["正在查找…", "Looking it up…"],
  today: ["今天", "Today"],
  lead: ["牵头", "Lead"],
  responsible: ["负责", "Responsible"],
  support: ["配合", "Support"],
  standingNote: ["另见", "Also, per"],
  passed: ["已过期", "passed"],
  open: ["未到期", "open"],
  yearly: ["每年重复", "yearly"],
  approx: ["约", "about "],
  fullText: ["展开全文", "Show full text"],
  quote: ["原文", "Quote"],
  copy: ["复制引用", "Copy citation"],
  copied: ["已复制", "Copied"],
  implements: ["落实", "Implements"],
  related: ["相关条款", "Related items"],
  moreItems: ["其他相关条款", "Other matching items"],
  source: ["出处", "Source"],
  outcome_applies: ["适用", "Applies"],
  outcome_does_not_apply: ["不适用", "Does not apply"],
  outcome_need_more_info: ["还需要更多信息", "More information needed"],
  missing: ["还需要说明：", "Please add:"],
  clause: ["依据条款", "Clause"],
  departmentsOf: ["责任部门", "Departments"],
  deadlinesOf: ["期限", "Deadlines"],
  periods: ["时段", "Periods"],
  items: ["项", " items"],
  chooseDepartment: ["选择部门，查看其任务", "Choose a department to see its tasks"],
  filterDepartments: ["筛选部门", "Filter departments"],
  year: ["年份", "Year"],
  allYears: ["全部年份", "All years"],
  state: ["状态", "State"],
  allStates: ["全部", "All"],
  todayMarker: ["今天", "today"],
  noDeadlines: ["没有符合条件的期限。", "No deadlines match."],
  helpful: ["有帮助", "Helpful"],
  notHelpful: ["没帮助", "Not helpful"],
  thanks: ["谢谢反馈", "Thanks for the feedback"],
  keyNeeded: ["此服务器需要访问密钥：", "This server needs an access key:"],
  keySave: ["保存", "Save"],
  error: ["出错了：", "Something went wrong: "],
  rateLimited: ["请求太频繁，请稍后再试。", "Too many requests; try again shortly."],
  offline: ["无法连接服务器。", "Cannot reach the server."],
  issuer: ["发文机关", "Issuer"],
  docNumber: ["文号", "Number"],
  published: ["发布日期", "Published"],
  itemCount: ["条款数", "Items"],
  viaNote: ["（依二(一)）", " (standing note)"],
  lookedUp: ["查看条款", "Item"],
} as const;

/** A word's key. */
export type Word = keyof typeof WORDS;

let current: Lang = "zh";

/** The reader's language. */
export function uiLang(): Lang {
  return current;
}

/** Sets the reader's language (and the page's `lang`). */
export function setUiLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
}

/** A word in the reader's language, or in `lang` when given (labels inside an answer follow its language). */
export function t(word: Word, lang: Lang = current): string {
  return WORDS[word][lang === "zh" ? 0 : 1];
}

/** A document's name as a title: 《…》 in Chinese, the plain name in English. */
export function docTitle(name: string, lang: Lang = current): string {
  return lang === "zh" ? `《${name}》` : name;
}
