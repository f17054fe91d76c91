/**
 * The rules stage: deterministic obligation checks over the rule table. `runRules` reads the facts of
 * one question, picks the rule the question is about, and evaluates it against the parsed plan: the
 * cited item, its verbatim phrase, its departments and deadline all come from the Plan.
 */

import { englishDepartment } from "../corpus/departments.js";
import type { Deadline, IsoDate, Item, Plan, Role } from "../corpus/schema.js";
import { extractFacts, type QuestionFacts } from "./facts.js";
import { type Evaluation, fmtEn, type Rule } from "./rule.js";
import { Check } from "./schema.js";
import { RULES } from "./table.js";

export { extractFacts } from "./facts.js";
export { RULES, ruleById } from "./table.js";

/** The result of running the rule table on one question. */
export interface RuleResult {
  /** From ./schema.ts; check.clause is the item id; explanation in the question's language. */
  check: Check;
  /** The cited item (becomes the answer's first citation). */
  itemId: string;
  /** The verbatim phrase of the item the rule encodes (a substring of the item text). */
  phrase: string;
  /** One sentence leading the answer, in the question's language. */
  verdict: string;
  /** Departments of the cited item (its own parenthesis, then the standing note's), canonical names. */
  departments: Array<{ name: string; role: Role }>;
  /** The item's deadline this case depends on, as parsed from the plan; null when none. */
  deadline: Deadline | null;
}

/** Guided checks for the Telegram bot's /check dialog: the facts a rule needs, asked one step at a time. */
export interface GuidedCheck {
  /** e.g. "ammonia-pilot" */
  id: string;
  title: { zh: string; en: string };
  steps: Array<{
    fact: string;
    prompt: { zh: string; en: string };
    /** value ≤ 20 ASCII chars */
    options: Array<{ value: string; label: { zh: string; en: string } }>;
  }>;
  /** Builds the question text that runRules/answer() will evaluate from the chosen values. */
  toQuestion(values: Record<string, string>, lang: "zh" | "en"): string;
}

/** Whether the question describes a business or thing of its own, rather than naming a topic. */
function describesEntity(q: QuestionFacts): boolean {
  if (q.animalCounts.length > 0) return true;
  if (q.things.size === 0 && q.animal === null && q.industries.length === 0) return false;
  const measured = q.amounts.some((a) => a.unit !== null && a.unit !== "piece");
  return measured || q.standard !== null || q.self;
}

/** Departments of an item: its own, then those of a standing note that covers it, without repeats. */
export function itemDepartments(item: Item): Array<{ name: string; role: Role }> {
  const out: Array<{ name: string; role: Role }> = [];
  for (const d of [...item.departments, ...(item.standingNote?.departments ?? [])]) {
    if (!out.some((o) => o.name === d.name)) out.push({ name: d.name, role: d.role });
  }
  return out;
}

const ROLE_ZH: Readonly<Record<Role, string>> = { lead: "牵头", responsible: "负责", support: "配合" };

function departmentsText(deps: ReadonlyArray<{ name: string; role: Role }>, lang: "zh" | "en"): string {
  if (deps.length === 0) return "";
  if (lang === "zh") return `责任部门：${deps.map((d) => `${d.name}（${ROLE_ZH[d.role]}）`).join("、")}。`;
  return `Responsible: ${deps.map((d) => `${englishDepartment(d.name) ?? d.name} (${d.role})`).join("; ")}.`;
}

function deadlineText(d: Deadline, lang: "zh" | "en", today: IsoDate): string {
  const passed = d.date < today;
  return lang === "zh"
    ? `期限：${d.text}（${d.date}${d.approximate ? "，约" : ""}${passed ? "，已过" : ""}）。`
    : `Deadline: ${d.text} (${d.date}${d.approximate ? ", approximate" : ""}${passed ? ", passed" : ""}).`;
}

/** Rules the question is about, most relevant first (ties keep table order). */
export function rankRules(q: QuestionFacts): Array<{ rule: Rule; score: number }> {
  return RULES.map((rule, order) => ({ rule, score: rule.relevance(q), order }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ rule, score }) => ({ rule, score }));
}

/** Evaluates one rule on a question against a plan; null when the plan lacks the rule's item or phrase. */
export function evaluateRule(rule: Rule, q: QuestionFacts, plan: Plan, today: IsoDate): RuleResult | null {
  const item = plan.items.find((i) => i.id === rule.itemId);
  if (!item || !rule.phrases.every((p) => item.text.includes(p))) return null;
  const { facts, evaluation } = rule.run(q);
  return assemble(rule, item, facts, evaluation, q.lang, today);
}

function assemble(
  rule: Rule,
  item: Item,
  facts: Record<string, unknown>,
  e: Evaluation,
  lang: "zh" | "en",
  today: IsoDate,
): RuleResult {
  if (!rule.phrases.includes(e.phrase)) throw new Error(`${rule.id}: phrase not declared: ${e.phrase}`);
  const deadline = e.deadline ? (item.deadlines.find((d) => d.text === e.deadline) ?? null) : null;
  if (e.deadline && !deadline) throw new Error(`${rule.id}: deadline ${e.deadline} not in item ${item.id}`);
  const departments = itemDepartments(item);
  const explanation = [
    e.explanation[lang],
    deadline ? deadlineText(deadline, lang, today) : "",
    departmentsText(departments, lang),
  ]
    .filter(Boolean)
    .join(lang === "zh" ? "" : " ");
  const check = Check.parse({
    rule: rule.id,
    clause: item.id,
    outcome: e.outcome,
    facts,
    missing: (e.missing ?? []).map((m) => m[lang]),
    explanation,
  });
  return { check, itemId: item.id, phrase: e.phrase, verdict: e.verdict[lang], departments, deadline };
}

/**
 * Runs the rule table on one question. `question` is already NFKC-normalised and in simplified
 * Chinese where Chinese; English questions come as written. Returns null when no rule is about this
 * question (a topic without an obligation question or an entity of its own goes to retrieval).
 */
export function runRules(input: {
  question: string;
  lang: "zh" | "en";
  plan: Plan;
  today: IsoDate;
}): RuleResult | null {
  const q = extractFacts(input.question, input.lang);
  if (!q.asks && !describesEntity(q)) return null;
  for (const { rule } of rankRules(q)) {
    const result = evaluateRule(rule, q, input.plan, input.today);
    if (result) return result;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Guided checks

const o = (value: string, zh: string, en: string) => ({ value, label: { zh, en } });

const PILOT_FIGURES: Readonly<
  Record<
    string,
    { below: number; at: number; above: number; zh: string; en: string; unitZh: string; annual: boolean }
  >
> = {
  pig: { below: 8000, at: 10000, above: 15000, zh: "生猪", en: "pigs", unitZh: "头", annual: true },
  layer: {
    below: 150000,
    at: 200000,
    above: 300000,
    zh: "蛋鸡",
    en: "laying hens",
    unitZh: "羽",
    annual: false,
  },
  broiler: {
    below: 800000,
    at: 1000000,
    above: 1500000,
    zh: "肉鸡",
    en: "broilers",
    unitZh: "羽",
    annual: true,
  },
  cattle: { below: 500, at: 1000, above: 2000, zh: "肉牛", en: "beef cattle", unitZh: "头", annual: true },
};

const zhCount = (n: number) => (n >= 1e4 && n % 1e3 === 0 ? `${n / 1e4}万` : String(n));

export const GUIDED_CHECKS: readonly GuidedCheck[] = [
  {
    id: "ammonia-pilot",
    title: { zh: "畜禽养殖场是否纳入氨排放控制试点", en: "Is my farm in the ammonia-control pilot?" },
    steps: [
      {
        fact: "animal",
        prompt: { zh: "养殖什么？", en: "Which animals?" },
        options: [
          o("pig", "生猪", "Pigs"),
          o("layer", "蛋鸡", "Laying hens"),
          o("broiler", "肉鸡", "Broilers"),
          o("cattle", "牛（其他）", "Cattle (other)"),
        ],
      },
      {
        fact: "basis",
        prompt: {
          zh: "下面的数量是设计能力还是实际数量？",
          en: "Is the number the design capacity or the current number?",
        },
        options: [o("design", "设计能力", "Design capacity"), o("current", "实际数量", "Current number")],
      },
      {
        fact: "count",
        prompt: {
          zh: "规模（生猪、肉鸡按年出栏量，蛋鸡按存栏量；门槛：生猪1万头、蛋鸡20万羽、肉鸡100万羽）",
          en: "Size (pigs and broilers by annual output, laying hens by stock; thresholds: 10,000 pigs, 200,000 hens, 1,000,000 broilers)",
        },
        options: [
          o("below", "低于门槛", "Below the threshold"),
          o("exactly", "正好等于门槛", "Exactly the threshold"),
          o("above", "高于门槛", "Above the threshold"),
        ],
      },
    ],
    toQuestion(values, lang) {
      const a =
        PILOT_FIGURES[values.animal ?? ""] ??
        (PILOT_FIGURES.layer as NonNullable<(typeof PILOT_FIGURES)["layer"]>);
      const n = values.count === "below" ? a.below : values.count === "above" ? a.above : a.at;
      const current = values.basis === "current";
      if (lang === "zh") {
        const measure = `${current ? "实际" : "设计"}${a.annual ? "年出栏量" : "存栏量"}`;
        return `我的养殖场${a.zh}${measure}${zhCount(n)}${a.unitZh}，需要纳入氨排放控制试点吗？`;
      }
      const measure = `${current ? "current" : "design"} ${a.annual ? "annual output" : "stock"}`;
      return `My farm has a ${measure} of ${fmtEn(n)} ${a.en}. Is it in the ammonia-control pilot?`;
    },
  },
  {
    id: "coal-boiler",
    title: { zh: "锅炉是否要淘汰、关停或改造", en: "Must my boiler be eliminated, shut or retrofitted?" },
    steps: [
      {
        fact: "fuel",
        prompt: { zh: "锅炉燃料？", en: "Boiler fuel?" },
        options: [o("coal", "燃煤", "Coal"), o("gas", "燃气", "Gas"), o("biomass", "生物质", "Biomass")],
      },
      {
        fact: "size",
        prompt: { zh: "锅炉容量？", en: "Boiler capacity?" },
        options: [
          o("20", "20蒸吨/小时", "20 t/h"),
          o("35", "35蒸吨/小时", "35 t/h"),
          o("50", "50蒸吨/小时", "50 t/h"),
        ],
      },
      {
        fact: "location",
        prompt: {
          zh: "是否在30万千瓦以上热电联产电厂供热半径30公里范围内？",
          en: "Within 30 km of a combined heat and power plant of 300 MW or more?",
        },
        options: [
          o("inside", "是（20公里）", "Yes (20 km)"),
          o("outside", "否（50公里）", "No (50 km)"),
          o("unknown", "不清楚", "Not sure"),
        ],
      },
    ],
    toQuestion(values, lang) {
      const size = ["20", "35", "50"].includes(values.size ?? "") ? (values.size as string) : "35";
      const fuel = values.fuel === "gas" || values.fuel === "biomass" ? values.fuel : "coal";
      if (lang === "zh") {
        const f = { coal: "燃煤", gas: "燃气", biomass: "生物质" }[fuel];
        const loc =
          values.location === "inside"
            ? "距30万千瓦热电联产电厂20公里，"
            : values.location === "outside"
              ? "距最近的30万千瓦热电联产电厂50公里，"
              : "";
        return `我们有一台${size}蒸吨/小时的${f}锅炉，${loc}需要淘汰、关停或改造吗？`;
      }
      const loc =
        values.location === "inside"
          ? ", 20 km from a 300 MW combined heat and power plant"
          : values.location === "outside"
            ? ", 50 km from the nearest 300 MW combined heat and power plant"
            : "";
      return `We run a ${size} t/h ${fuel}-fired boiler${loc}. Must it be eliminated, shut down or retrofitted?`;
    },
  },
  {
    id: "construction-site",
    title: {
      zh: "建筑工地是否要装在线监测和视频监控",
      en: "Does my construction site need online monitoring?",
    },
    steps: [
      {
        fact: "area",
        prompt: { zh: "工地面积？", en: "Site area?" },
        options: [
          o("3000", "3000平方米", "3,000 m²"),
          o("5000", "5000平方米", "5,000 m²"),
          o("8000", "8000平方米", "8,000 m²"),
        ],
      },
    ],
    toQuestion(values, lang) {
      const n = ["3000", "5000", "8000"].includes(values.area ?? "") ? Number(values.area) : 5000;
      return lang === "zh"
        ? `我们的建筑工地面积${n}平方米，需要安装在线监测和视频监控设施吗？`
        : `Our construction site covers ${fmtEn(n)} square metres. Do we need online monitoring and video surveillance?`;
    },
  },
  {
    id: "vocs-ldar",
    title: {
      zh: "企业是否要开展LDAR（泄漏检测与修复）",
      en: "Does my plant need LDAR (leak detection and repair)?",
    },
    steps: [
      {
        fact: "points",
        prompt: {
          zh: "载有VOCs物料的设备与管线组件密封点数量？",
          en: "Sealing points on equipment and piping carrying VOCs?",
        },
        options: [o("999", "999个", "999"), o("1000", "1000个", "1,000"), o("1500", "1500个", "1,500")],
      },
    ],
    toQuestion(values, lang) {
      const n = ["999", "1000", "1500"].includes(values.points ?? "") ? Number(values.points) : 1000;
      return lang === "zh"
        ? `我们企业载有VOCs物料的设备与管线组件密封点有${n}个，需要开展LDAR吗？`
        : `Our plant has ${fmtEn(n)} sealing points on equipment carrying VOCs. Do we need to run LDAR?`;
    },
  },
  {
    id: "nonroad-machinery",
    title: { zh: "非道路移动机械能否进入禁用区", en: "May my non-road machine enter the banned zone?" },
    steps: [
      {
        fact: "stage",
        prompt: { zh: "排放标准？", en: "Emission standard?" },
        options: [
          o("1", "第一阶段（国一）", "Stage I"),
          o("2", "第二阶段（国二）", "Stage II"),
          o("3", "第三阶段（国三）", "Stage III"),
        ],
      },
      {
        fact: "place",
        prompt: { zh: "在哪里使用？", en: "Where is it used?" },
        options: [
          o("site", "施工工地", "Construction site"),
          o("logistics", "物流园区", "Logistics park"),
          o("rail", "铁路货场", "Rail freight yard"),
          o("outside", "禁用区外", "Outside the banned zone"),
        ],
      },
    ],
    toQuestion(values, lang) {
      const stage = ["1", "2", "3"].includes(values.stage ?? "") ? Number(values.stage) : 2;
      const zhStage = ["", "一", "二", "三"][stage];
      const places: Record<string, [string, string]> = {
        site: ["施工工地", "a construction site"],
        logistics: ["物流园区", "a logistics park"],
        rail: ["铁路货场", "a rail freight yard"],
        outside: ["禁用区外", "outside the banned zone"],
      };
      const [pz, pe] = places[values.place ?? ""] ?? places.site ?? ["施工工地", "a construction site"];
      return lang === "zh"
        ? `我有一台国${zhStage}排放标准的挖掘机，要在${pz}使用，可以吗？`
        : `I have a Stage ${["", "I", "II", "III"][stage]} excavator to use ${values.place === "outside" ? pe : `at ${pe}`}. Is it allowed?`;
    },
  },
];
