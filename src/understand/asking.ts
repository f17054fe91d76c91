/**
 * How a question asks: the genre's question words (data/asking.yaml), compiled once, and the small
 * readers built on them — the role a department question singles out, the deadlines a question asks
 * for, the phrase of a source question, the words that ask about the document itself.
 */
import { join } from "node:path";
import { z } from "zod";
import { escapeRegExp, isoDate, projectPaths, type Role, readYamlFile } from "../corpus/index.js";
import type { DeadlineAsk } from "./schema.js";

const AskingFile = z.object({
  departmentAsk: z.string(),
  setAside: z.string(),
  listingFiller: z.string(),
  measureWords: z.string(),
  roles: z.object({
    lead: z.string(),
    support: z.string(),
    responsible: z.string(),
    responsibleUnit: z.string(),
    any: z.string(),
  }),
  deadlineAsk: z.string(),
  deadlineListing: z.string(),
  singleDeadline: z.string(),
  pluralAsk: z.string(),
  deadlinePassed: z.string(),
  deadlineOpen: z.string(),
  heatingSeason: z.string(),
  sourceAsk: z.string(),
  sourceWords: z.string(),
  documentAsk: z.string(),
  documentFraming: z.string(),
  planNickname: z.string(),
  goalAsk: z.string(),
  goalTitle: z.string(),
  goalGeneral: z.string(),
  measureAsk: z.string(),
  framingTitle: z.string(),
  whoAsk: z.string(),
  whenAsk: z.string(),
  nameAsk: z.string(),
  obligationTopics: z.string(),
  ownCase: z.string(),
  askedOfAsker: z.string(),
  rulesAsk: z.string(),
  intentAsk: z.string(),
  contentAsk: z.string(),
  clauseAsk: z.string(),
  factChange: z.string(),
  singlePointer: z.string(),
  pointingBack: z.string(),
  aroundDocument: z.string(),
  whatPlansSay: z.string(),
  interjections: z.string(),
  codeLike: z.string(),
  questionWord: z.string(),
  offTopicAsk: z.string(),
  otherJurisdictions: z.string(),
  instruction: z.string(),
  compose: z.string(),
  remark: z.string(),
  turningBack: z.string(),
  counterpartAsk: z.string(),
  reportedRule: z.string(),
  documentTitle: z.string(),
  subordinatePlan: z.string(),
  englishNeutral: z.string(),
  answerTypes: z
    .record(
      z.string(),
      z.object({
        ask: z.string(),
        evidence: z.string(),
        near: z.boolean().default(false),
        shared: z.boolean().default(false),
        verdict: z.boolean().default(false),
        leads: z.boolean().default(false),
      }),
    )
    .default({}),
  dialect: z.object({ markers: z.string(), words: z.record(z.string(), z.string()) }).optional(),
});

/**
 * A kind of answer a question may ask for, with the text an item needs to give one. An `ask` with a
 * group named `measure` reads what is measured (碘值); its `evidence` is then built from that measure's
 * head, which stands for `{measure}` in the data.
 */
export interface AnswerType {
  ask: RegExp;
  evidence: (measure: string | null) => RegExp;
  /** The evidence counts only beside a word of the question (a share, a count: items give many of them). */
  near: boolean;
  /** The evidence counts only in an item that shares a word of the question (a subsidy of the item beside it is another thing's). */
  shared: boolean;
  /** A rule's verdict on the asker's case gives it too (还能拿到奖补吗 of a kiln closing in 2026). */
  verdict: boolean;
  /** Only ranks: the item found that gives it comes first, but no item giving it refuses nothing (会有什么后果). */
  leads: boolean;
}

/**
 * The kinds of answer asked that refuse a question when no item found gives them: all but those that only rank
 * (`leads`: 会有什么后果 is answered by the task's own item when no item says what follows).
 */
export function refusingKinds(asked: readonly string[]): string[] {
  const types = askingWords().answerTypes;
  return asked.filter((name) => !types[name]?.leads);
}

/** The head of a measure (活性炭碘值 → 碘值, 去除效率 → 效率): what an item calls it, however it is qualified. */
export function measureHead(measure: string): string {
  return measure.slice(-2);
}

/** The compiled question words. */
export interface AskingWords {
  departmentAsk: RegExp;
  /** Words just before a department that set it aside (不是, 除了): it is not asked about. */
  setAside: RegExp;
  /** Global: every filler word is taken out. */
  listingFiller: RegExp;
  /** Words that say what kind of figure, not of what (浓度, 目标, 比例), ending a word: no word of the thing a figure is asked of. */
  measureWords: RegExp;
  roles: Record<Role, RegExp>;
  /** Words asking what a department takes part in at all, whatever its role (参与). */
  anyRole: RegExp;
  /** A department asked as a responsible unit (作为责任单位, 是哪些任务的责任单位): that role, where 负责 alone asks any. */
  responsibleUnit: RegExp;
  deadlineAsk: RegExp;
  deadlineListing: RegExp;
  /** One thing's deadline asked (…那项任务的时限是哪天): no listing, unless {@link pluralAsk} asks several. */
  singleDeadline: RegExp;
  /** Asking for several (哪些, 所有, which tasks). */
  pluralAsk: RegExp;
  deadlinePassed: RegExp;
  deadlineOpen: RegExp;
  heatingSeason: RegExp;
  sourceAsk: RegExp;
  sourceWords: RegExp;
  documentAsk: RegExp;
  /** In a question about a document, words that say which document it is (国务院, 省政府, 文件), not a topic. */
  documentFraming: RegExp;
  /** The name people give a plan of the genre (蓝天方案, 治霾方案): which document, no topic. */
  planNickname: RegExp;
  /** Asking a plan's goals (目标是啥, 什么目标). */
  goalAsk: RegExp;
  /** The title of the entry a plan gives its goals in (主要目标, 工作目标). */
  goalTitle: RegExp;
  /** A word of what every plan's goals are about (空气质量): no particular goal's. */
  goalGeneral: RegExp;
  /** Asking what is done about a thing (怎么管, 如何防, 有什么措施): a measure, which a plan's framing does not hold. */
  measureAsk: RegExp;
  /** The title of a section that frames a plan rather than orders a measure (总体要求, 指导思想, 工作目标). */
  framingTitle: RegExp;
  whoAsk: RegExp;
  whenAsk: RegExp;
  /** Asking what something is called (那个工程叫啥来着, what is it called): a name the clause gives, no verdict. */
  nameAsk: RegExp;
  /** Global: words naming an obligation as a topic, which a who-question does not ask about. */
  obligationTopics: RegExp;
  /** The asker describes a case of their own. */
  ownCase: RegExp;
  /** What is required of the asker (对我有啥要求): a verdict on the case, not the clause. */
  askedOfAsker: RegExp;
  /** Asking what the rules say about a topic, not whether they apply to one's own case. */
  rulesAsk: RegExp;
  /** Asking what the plan means to do or backs (有没有打算…, 市里支持这种做法吗): its content, not a verdict on a case. */
  intentAsk: RegExp;
  /** A wh-question: how much, which, where, what. */
  contentAsk: RegExp;
  /** A follow-up asking what the clause itself requires or gives (要降多少, 要干些啥), not a verdict. */
  clauseAsk: RegExp;
  /** A follow-up putting another case (换成…, 要是…, what if …): a new fact to judge, not a question of the clause. */
  factChange: RegExp;
  /** A follow-up pointing at one thing of the previous answer (这一点, that item): that thing alone is meant. */
  singlePointer: RegExp;
  /** Global: words that only point back or fill a short turn (这事, 那些, 弄好): no topic of their own. */
  pointingBack: RegExp;
  /** Global: words around another document a follow-up names (国家计划里对…): where in it, no topic. */
  aroundDocument: RegExp;
  /** Global: words for what a plan says in general (规定, 要求, 说法), no topic of their own. */
  whatPlansSay: RegExp;
  /** A whole token that is only a sound or a filler (啊, 嗯, haha). */
  interjections: RegExp;
  /** Global: a piece of code or an injection payload (;, --, {{, ${, DROP, NULL). */
  codeLike: RegExp;
  /** An English question word or a question mark. */
  questionWord: RegExp;
  /** Asking for what no policy document gives (a recommendation, a price, the weather). */
  offTopicAsk: RegExp;
  /** Places no mainland plan governs (香港, 澳门, 台湾): asked of alone, their own rules are asked. */
  otherJurisdictions: RegExp;
  /** A sentence addressed to the assistant rather than asking (ignore previous instructions, SYSTEM:). */
  instruction: RegExp;
  /** Asking for a text to be written (a poem, a joke): nothing a document gives. */
  compose: RegExp;
  /** Words that set off a remark after the question (顺便说一句, 说句题外话): what follows asks nothing. */
  remark: RegExp;
  /** Words that turn a conversation back to what it was about before the last answer (回到市里的, back to). */
  turningBack: RegExp;
  /** Asking which item of another document answers to the one just given (国家计划里对应的是哪条). */
  counterpartAsk: RegExp;
  /** What the asker reports a document says, before the case (听说市里规定…都要…，): see data/asking.yaml. */
  reportedRule: RegExp;
  /** A document's title as a question names it (…行动计划, …条例). */
  documentTitle: RegExp;
  /** Words before a title that make it a plan the document asks its own places for (各县区自己的…方案). */
  subordinatePlan: RegExp;
  /** A whole English word that carries no topic of its own (plan, city, require …). */
  englishNeutral: RegExp;
  /**
   * Kinds of answer a question may ask for (an amount of money, a time of day, today's reading), each
   * with the text an item needs to give one: asked for and given by none of the items found, the
   * documents do not answer the question even when they share its topic.
   */
  answerTypes: Record<string, AnswerType>;
  /** Cantonese as it is typed (我哋喺…系咪…), read as Mandarin: see {@link fromDialect}. */
  dialect: Dialect;
}

/** A dialect's words in Mandarin, read only in a question that holds one of its own characters. */
export interface Dialect {
  /** Characters only the dialect writes (喺, 嘅, 唔): a question with none is Mandarin already. */
  markers: RegExp;
  /** Global: every dialect word, longest first. */
  words: RegExp;
  /** Each dialect word's Mandarin. */
  mandarin: ReadonlyMap<string, string>;
}

/** Reads and compiles a question-words file; throws naming the file and the entry that is wrong. */
export function loadAskingWords(file = join(projectPaths().data, "asking.yaml")): AskingWords {
  const parsed = AskingFile.safeParse(readYamlFile(file));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  const d = parsed.data;
  const re = (name: string, source: string, flags = "i") => {
    try {
      return new RegExp(source.trim(), flags);
    } catch (error) {
      throw new Error(`${file}: ${name}: ${(error as Error).message}`);
    }
  };
  return {
    departmentAsk: re("departmentAsk", d.departmentAsk),
    setAside: re("setAside", `(?:${d.setAside})$`),
    listingFiller: re("listingFiller", d.listingFiller, "gi"),
    measureWords: re("measureWords", `(?:${d.measureWords})$`, "i"),
    roles: {
      lead: re("roles.lead", d.roles.lead),
      support: re("roles.support", d.roles.support),
      responsible: re("roles.responsible", d.roles.responsible),
    },
    anyRole: re("roles.any", d.roles.any),
    responsibleUnit: re("roles.responsibleUnit", d.roles.responsibleUnit),
    deadlineAsk: re("deadlineAsk", d.deadlineAsk),
    deadlineListing: re("deadlineListing", d.deadlineListing),
    singleDeadline: re("singleDeadline", d.singleDeadline),
    pluralAsk: re("pluralAsk", d.pluralAsk),
    deadlinePassed: re("deadlinePassed", d.deadlinePassed),
    deadlineOpen: re("deadlineOpen", d.deadlineOpen),
    heatingSeason: re("heatingSeason", d.heatingSeason),
    sourceAsk: re("sourceAsk", d.sourceAsk),
    sourceWords: re("sourceWords", d.sourceWords, "gi"),
    documentAsk: re("documentAsk", d.documentAsk, "gi"),
    documentFraming: re("documentFraming", d.documentFraming, "gi"),
    planNickname: re("planNickname", d.planNickname, "gi"),
    goalAsk: re("goalAsk", d.goalAsk),
    goalTitle: re("goalTitle", d.goalTitle),
    goalGeneral: re("goalGeneral", d.goalGeneral),
    measureAsk: re("measureAsk", d.measureAsk),
    framingTitle: re("framingTitle", d.framingTitle),
    whoAsk: re("whoAsk", d.whoAsk),
    whenAsk: re("whenAsk", d.whenAsk),
    nameAsk: re("nameAsk", d.nameAsk),
    obligationTopics: re("obligationTopics", d.obligationTopics, "g"),
    ownCase: re("ownCase", d.ownCase),
    askedOfAsker: re("askedOfAsker", d.askedOfAsker),
    rulesAsk: re("rulesAsk", d.rulesAsk),
    intentAsk: re("intentAsk", d.intentAsk),
    contentAsk: re("contentAsk", d.contentAsk),
    clauseAsk: re("clauseAsk", d.clauseAsk),
    factChange: re("factChange", d.factChange),
    singlePointer: re("singlePointer", d.singlePointer),
    pointingBack: re("pointingBack", d.pointingBack, "g"),
    aroundDocument: re("aroundDocument", d.aroundDocument, "gi"),
    whatPlansSay: re("whatPlansSay", d.whatPlansSay, "gi"),
    interjections: re("interjections", d.interjections),
    codeLike: re("codeLike", d.codeLike, "gi"),
    questionWord: re("questionWord", d.questionWord),
    offTopicAsk: re("offTopicAsk", d.offTopicAsk),
    otherJurisdictions: re("otherJurisdictions", d.otherJurisdictions),
    instruction: re("instruction", d.instruction),
    compose: re("compose", d.compose),
    remark: re("remark", d.remark),
    turningBack: re("turningBack", d.turningBack),
    counterpartAsk: re("counterpartAsk", d.counterpartAsk),
    reportedRule: re("reportedRule", d.reportedRule, "g"),
    documentTitle: re("documentTitle", d.documentTitle, "giu"),
    subordinatePlan: re("subordinatePlan", d.subordinatePlan, "u"),
    englishNeutral: re("englishNeutral", d.englishNeutral),
    answerTypes: Object.fromEntries(
      Object.entries(d.answerTypes).map(([name, t]) => [name, answerType(name, t, re)]),
    ),
    dialect: compileDialect(d.dialect ?? { markers: "(?!)", words: {} }, re),
  };
}

/** An answer type as data → compiled; an evidence with `{measure}` is compiled per question, from the measure's head. */
function answerType(
  name: string,
  t: { ask: string; evidence: string; near: boolean; shared: boolean; verdict: boolean; leads: boolean },
  re: (name: string, source: string, flags?: string) => RegExp,
): AnswerType {
  const ask = re(`answerTypes.${name}.ask`, t.ask);
  const { near, shared, verdict, leads } = t;
  if (!t.evidence.includes("{measure}")) {
    const evidence = re(`answerTypes.${name}.evidence`, t.evidence);
    return { ask, evidence: () => evidence, near, shared, verdict, leads };
  }
  re(`answerTypes.${name}.evidence`, t.evidence.replaceAll("{measure}", "测量"));
  return {
    ask,
    near,
    shared,
    verdict,
    leads,
    evidence: (measure) =>
      new RegExp(t.evidence.trim().replaceAll("{measure}", escapeRegExp(measureHead(measure ?? ""))), "i"),
  };
}

function compileDialect(
  d: { markers: string; words: Record<string, string> },
  re: (name: string, source: string, flags?: string) => RegExp,
): Dialect {
  const words = Object.keys(d.words).sort((a, b) => b.length - a.length);
  return {
    markers: re("dialect.markers", d.markers),
    words: words.length > 0 ? new RegExp(words.map(escapeRegExp).join("|"), "g") : /(?!)/g,
    mandarin: new Map(Object.entries(d.words)),
  };
}

/**
 * A question typed in Cantonese (佢哋喺厂里烧紧煤，系咪要改…) in Mandarin words (他们在厂里正在烧煤，是不是要改…),
 * so the question words and the facts of a case read it. Text without the dialect's own characters is
 * returned as it is: some of its words (系, 点) are Mandarin too.
 */
export function fromDialect(text: string, dialect: Dialect): string {
  if (!dialect.markers.test(text)) return text;
  return text.replace(dialect.words, (word) => dialect.mandarin.get(word) ?? word);
}

let cached: AskingWords | undefined;
/** The project's question words, loaded on first use. */
export function askingWords(): AskingWords {
  cached ??= loadAskingWords();
  return cached;
}

/** The role a department question singles out (牵头哪些 → lead, 配合 → support); 负责 alone is generic. */
export function askedRole(text: string, w: AskingWords = askingWords()): Role | null {
  const lead = w.roles.lead.test(text);
  const support = w.roles.support.test(text);
  const responsible = w.roles.responsible.test(text);
  // "配合或负责" asks about both: no single role to put first; so does "是主体还是协助" (which one is
  // it), whatever words the plan uses for its roles.
  if (/还是/.test(text)) return null;
  // "牵头或者参与" asks for every task it has a part in, led or not.
  if (lead && w.anyRole.test(text)) return null;
  if (lead && !support && !responsible) return "lead";
  if (support && !lead && !responsible) return "support";
  // (负责 alone asks what a department has any part in; the plans' own name for the role asks that role.)
  if (!lead && !support && w.responsibleUnit.test(text)) return "responsible";
  return null;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const monthNumber = (name: string) => {
  const full = MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));
  return full >= 0 ? full + 1 : null;
};
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The deadlines a question asks about: 2024年年底前, 2025年8月底前, 到2025年, 2024年采暖季前, "end of
 * 2024", "by August 2025", a bare year with 到期/deadline, overdue or still open. Null when the
 * question names no date and asks for no deadlines. A dated phrase alone (到2025年PM2.5目标) is not a
 * listing request: `listing` says whether listing words come with it.
 */
export function readDeadlineAsk(
  text: string,
  w: AskingWords = askingWords(),
): { ask: DeadlineAsk; listing: boolean } | null {
  const lower = text.toLowerCase();
  const month =
    "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)";
  const base = { year: null, date: null, monthDay: null, state: null, heatingSeason: false } as const;
  const monthDay = (month: number, day: number) =>
    `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  // First match wins: the most precise forms come first.
  const forms: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => Omit<DeadlineAsk, "matched">]> = [
    [
      /(\d{4})年(\d{1,2})月(\d{1,2})[日号]/,
      (m) => ({ ...base, date: isoDate(Number(m[1]), Number(m[2]), Number(m[3])) }),
    ],
    [
      new RegExp(`${month} (\\d{1,2}),? (\\d{4})`),
      (m) => ({ ...base, date: isoDate(Number(m[3]), monthNumber(m[1] as string) ?? 12, Number(m[2])) }),
    ],
    [
      /(\d{4})年(\d{1,2})月(?:底|末)?/,
      (m) => ({ ...base, date: isoDate(Number(m[1]), Number(m[2]), lastDay(Number(m[1]), Number(m[2]))) }),
    ],
    [
      new RegExp(`(\\d{4})年?(?:${w.heatingSeason.source})`),
      (m) => ({ ...base, year: Number(m[1]), heatingSeason: true }),
    ],
    [w.heatingSeason, () => ({ ...base, heatingSeason: true })],
    [/(?:到)?(\d{4})年(?:年底|底|年末|末)/, (m) => ({ ...base, date: isoDate(Number(m[1]), 12, 31) })],
    // 6月15日前, 6月底前 without a year: that day in the year each plan gives it. (A year in words before the
    // month — 今年10月底 — is no year number; 10月31号 is said as often as 10月31日.)
    [
      /(?<!\d年)(?<!\d)(\d{1,2})月(\d{1,2})[日号]/,
      (m) => ({ ...base, monthDay: monthDay(Number(m[1]), Number(m[2])) }),
    ],
    [
      /(?<!\d年)(?<!\d)(\d{1,2})月(?:底|末)/,
      // February's end differs by year: the 28th stands for it (a 29th is read as the same day).
      (m) => ({ ...base, monthDay: monthDay(Number(m[1]), lastDay(2023, Number(m[1]))) }),
    ],
    [/end of (\d{4})|year-end (\d{4})/, (m) => ({ ...base, date: isoDate(Number(m[1] ?? m[2]), 12, 31) })],
    [
      new RegExp(`${month},? (\\d{4})`),
      (m) => {
        const mo = monthNumber(m[1] as string) ?? 12;
        const y = Number(m[2]);
        return { ...base, date: isoDate(y, mo, lastDay(y, mo)) };
      },
    ],
    [/到(\d{4})年/, (m) => ({ ...base, date: isoDate(Number(m[1]), 12, 31) })],
    // 2025年要完成哪些任务: the tasks due within that year, whatever their month (a year and a list of what
    // is to be finished in it, not a content question about the year's goals).
    [
      /(\d{4})年(?:内|之内|以内|当年)?(?:要|需要?|须|必须|应当?|得)?(?:完成|干完|做完|办完)(?:的)?(?:哪些|什么|啥|那些)/,
      (m) => ({ ...base, year: Number(m[1]) }),
    ],
  ];
  const matched: string[] = [];
  let ask: Omit<DeadlineAsk, "matched"> | null = null;
  for (const [pattern, read] of forms) {
    const m = pattern.exec(lower);
    if (!m) continue;
    matched.push(m[0]);
    ask = read(m);
    break;
  }
  const asksDeadlines = w.deadlineAsk.test(lower);
  const year = /(\d{4})(?:年)?/.exec(lower);
  if (!ask && year && asksDeadlines) {
    matched.push(year[0]);
    ask = { ...base, year: Number(year[1]) };
  }
  if (!ask && asksDeadlines) ask = { ...base }; // every deadline
  if (w.deadlinePassed.test(lower)) {
    ask = { ...(ask ?? base), state: "passed" };
    matched.push(w.deadlinePassed.exec(lower)?.[0] ?? "");
  } else if (w.deadlineOpen.test(lower)) {
    ask = { ...(ask ?? base), state: "open" };
  }
  if (!ask) return null;
  // (某市2025年新增充电桩那项任务的时限是哪天: the year dates that task; its deadline is asked, not the year's.)
  const oneThing = w.singleDeadline.test(lower) && !w.pluralAsk.test(lower);
  const listing = (w.deadlineListing.test(lower) || ask.heatingSeason) && !oneThing;
  return { ask: { ...ask, matched: matched.filter(Boolean) }, listing };
}

/** "出自哪条", "which item says": the person wants the source, not a verdict. */
export function asksForSource(text: string, w: AskingWords = askingWords()): boolean {
  return w.sourceAsk.test(text);
}

/**
 * The phrase a source question quotes: “应收尽收” in quotes, or what is left of "六个百分之百出自哪条"
 * once the asking words are gone. Null when nothing phrase-like remains.
 */
export function quotedPhrase(text: string, w: AskingWords = askingWords()): string | null {
  const quoted = /[“"「『‘']([^”"」』’']{2,40})[”"」』’']/.exec(text);
  if (quoted) return quoted[1] as string;
  const rest = text.replace(w.sourceWords, "").replace(/[?？。!！,，\s]|是什么|的$/g, "");
  return rest.length >= 2 && rest.length <= 30 ? rest : null;
}

/** The words of a question that ask about the document itself (生效, 印发, issued …); empty if none. */
export function documentWords(text: string, w: AskingWords = askingWords()): string[] {
  const found = [
    ...text.matchAll(new RegExp(w.documentAsk.source, `${w.documentAsk.flags.replace("g", "")}g`)),
  ];
  return found
    .filter((m) => !ORDERED_PAPER.test(text.slice(Math.max(0, m.index - 12), m.index)))
    .map((m) => m[0]);
}

/**
 * A paper a plan orders drawn up, just before 发布/印发 (错时生产清单啥时候发布, 施工指引什么时候印发), or a
 * warning it issues (预警提前多久发布): the question asks that task, not about the document itself.
 */
const ORDERED_PAPER =
  /(?:清单|名单|指引|指南|目录|细则|通告|公告|报告|台账|预案|手册|预警|预报|警报)(?:要|需|应)?(?:在)?(?:什么时候|啥时候|何时|几时|哪天|几月|提前(?:多久|多长时间|几天|几个?小时)?)?(?:之?前)?(?:要|需要|必须)?$/;
