/** What the DingTalk bot says itself (help, hints, the guided check), in Chinese and English. */
import type { Lang } from "../../understand/index.js";

/** The bot's own texts. */
export const STRINGS = {
  zh: {
    help: (examples: readonly string[]) =>
      [
        "### 政策条款助手",
        "直接提问即可，例如：",
        ...examples.map((e) => `- ${e}`),
        "",
        "命令：",
        "- **/dept 部门名** 某部门的全部任务（如 /dept 城管局）",
        "- **/deadlines** 全部期限；**/deadlines 2025**、**/deadlines 未到期**、**/deadlines 已过期**",
        "- **/check** 逐步判断一项要求是否适用于您的企业",
        "- **/help** 本说明",
        "",
        "回答后回复 👍 或 👎 评价上一条回答；在群里请先 @我。",
      ].join("\n"),
    deptUsage: "请写明部门，例如：/dept 城管局",
    deptUnknown: (name: string) =>
      `没有找到“${name}”。请用文件中的部门名或常用简称，例如“市生态环境局”或“环保局”。`,
    deadlinesUsage: "用法：/deadlines、/deadlines 2025、/deadlines 未到期 或 /deadlines 已过期",
    textOnly: "目前只能回答文字问题，请把问题打出来。",
    thanks: { up: "已记录：👍 有用。谢谢！", down: "已记录：👎 没用。维护人员会查看这条回答，谢谢！" },
    nothingToRate: "还没有可以评价的回答：先问一个问题，再回复 👍 或 👎。",
    groupVoteHint: "评价这条回答：@我 并回复 👍 或 👎",
    checkChoose: "### 要判断哪一项？\n回复序号：",
    checkNone: "目前没有可逐步判断的事项。",
    checkStep: (n: number, of: number, prompt: string) =>
      `第${n}/${of}步：${prompt}\n\n回复序号（或“取消”）：`,
    checkCancelled: "已取消。",
    checkInvalid: "请回复列表中的序号，或回复“取消”。",
    error: "抱歉，处理这条消息时出错了，请稍后再试。",
    tooLong: "问题太长了，请只问一个问题。",
  },
  en: {
    help: (examples: readonly string[]) =>
      [
        "### Policy clause assistant",
        "Just ask, for example:",
        ...examples.map((e) => `- ${e}`),
        "",
        "Commands:",
        "- **/dept name** a department's tasks",
        "- **/deadlines** every deadline; **/deadlines 2025**, **/deadlines open**, **/deadlines passed**",
        "- **/check** a step-by-step check whether a rule applies to your business",
        "- **/help** this help",
        "",
        "Reply 👍 or 👎 to rate the last answer; in a group, @-mention me first.",
      ].join("\n"),
    deptUsage: "Please name the department, e.g. /dept Urban Management Bureau",
    deptUnknown: (name: string) => `"${name}" is not a department of the documents I hold.`,
    deadlinesUsage: "Usage: /deadlines, /deadlines 2025, /deadlines open or /deadlines passed",
    textOnly: "I can only answer text questions; please type yours.",
    thanks: {
      up: "Noted: 👍 helpful. Thank you!",
      down: "Noted: 👎 not helpful. A maintainer will look at it. Thank you!",
    },
    nothingToRate: "There is no answer to rate yet: ask a question, then reply 👍 or 👎.",
    groupVoteHint: "Rate this answer: @-mention me and reply 👍 or 👎",
    checkChoose: "### What should I check?\nReply with a number:",
    checkNone: "There is no step-by-step check yet.",
    checkStep: (n: number, of: number, prompt: string) =>
      `Step ${n} of ${of}: ${prompt}\n\nReply with a number (or "cancel"):`,
    checkCancelled: "Cancelled.",
    checkInvalid: 'Please reply with a number from the list, or "cancel".',
    error: "Sorry, something went wrong with this message. Please try again later.",
    tooLong: "That is too long; please ask one question at a time.",
  },
} as const satisfies Record<Lang, unknown>;

/** The language of a text the bot reads: English when it has Latin letters and no Chinese. */
export function langOf(text: string): Lang {
  return /\p{Script=Han}/u.test(text) || !/[A-Za-z]/.test(text) ? "zh" : "en";
}
