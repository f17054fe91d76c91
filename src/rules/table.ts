/**
 * The rule table: every quantified or categorical obligation and prohibition of the Shangqiu plan
 * that a question about one business or thing can be checked against. Each rule cites its item id and
 * the verbatim phrases it encodes (each a substring of that item's text), declares a zod schema for the
 * facts it reads, and names the deadline phrases it relies on; departments and deadline dates are
 * taken from the parsed item at run time, never written here.
 *
 * Semantics of thresholds (by analogy with 民法典 第1259条 and 刑法 第99条): 以上/以下/以内 include the
 * figure, 不满/超过/以外 exclude it, 大于等于/不低于/不小于 as written.
 */
import { z } from "zod";
import type { Comparator } from "../corpus/schema.js";
import type { Amount, QuestionFacts, Unit } from "./facts.js";
import type { Outcome } from "./schema.js";

/** A text in both languages. */
export interface Bi {
  zh: string;
  en: string;
}
const bi = (zh: string, en: string): Bi => ({ zh, en });

/** What a rule concludes for one question's facts. */
export interface Evaluation {
  outcome: Outcome;
  /** One of the rule's `phrases`: the words of the plan that decide this case. */
  phrase: string;
  /** The deadline phrase of the item that governs this case (one of the rule's `deadlines`). */
  deadline?: string;
  verdict: Bi;
  explanation: Bi;
  missing?: Bi[];
}

/** A rule with its facts type erased: what the runner and the tests see. */
export interface Rule {
  id: string;
  itemId: string;
  title: Bi;
  /** Every phrase the rule may cite, the main one first; each is verbatim in the item's text. */
  phrases: readonly string[];
  /** Deadline phrases (as the parsed item writes them) the rule may cite. */
  deadlines: readonly string[];
  schema: z.ZodType<Record<string, unknown>>;
  /** How strongly the question is about this rule; 0 = not at all. */
  relevance(q: QuestionFacts): number;
  /** Normalised facts (validated by `schema`) and the evaluation. */
  run(q: QuestionFacts): { facts: Record<string, unknown>; evaluation: Evaluation };
}

interface RuleSpec<S extends z.ZodType<Record<string, unknown>>> {
  id: string;
  itemId: string;
  title: Bi;
  phrases: readonly string[];
  deadlines?: readonly string[];
  schema: S;
  relevance(q: QuestionFacts): number;
  extract(q: QuestionFacts): z.input<S>;
  evaluate(facts: z.output<S>, q: QuestionFacts): Evaluation;
}

function defineRule<S extends z.ZodType<Record<string, unknown>>>(spec: RuleSpec<S>): Rule {
  return {
    id: spec.id,
    itemId: spec.itemId,
    title: spec.title,
    phrases: spec.phrases,
    deadlines: spec.deadlines ?? [],
    schema: spec.schema,
    relevance: spec.relevance,
    run(q) {
      const facts = spec.schema.parse(spec.extract(q));
      return { facts, evaluation: spec.evaluate(facts, q) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Thresholds

/** Whether `value` meets a threshold under the comparator. */
export function meets(value: number, threshold: number, comparator: Comparator): boolean {
  switch (comparator) {
    case "gte":
      return value >= threshold;
    case "gt":
      return value > threshold;
    case "lte":
      return value <= threshold;
    case "lt":
      return value < threshold;
    case "eq":
      return value === threshold;
  }
}

const INCLUSIVE: Readonly<Record<Comparator, boolean>> = {
  gte: true,
  lte: true,
  eq: true,
  gt: false,
  lt: false,
};

/** 200000 → 20万; 35 → 35; 0.3 → 0.3. */
export function fmtZh(n: number): string {
  if (n >= 1e4 && Math.round(n) % 100 === 0) return `${Number((n / 1e4).toFixed(4))}万`;
  return String(Number(n.toFixed(4)));
}
/** 200000 → 200,000. */
export function fmtEn(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

/** A unit in both languages. */
type UnitWords = Bi;

/**
 * The comparison in words. On the threshold it is called out:
 * "20万羽 = 20万羽：“以上”含本数，属于试点对象" / "200,000 = 200,000: 以上 includes the figure itself, so …".
 */
export function compareText(
  value: number,
  threshold: number,
  comparator: Comparator,
  word: string,
  unit: UnitWords,
  inside: Bi,
  outside: Bi,
): { holds: boolean; text: Bi } {
  const holds = meets(value, threshold, comparator);
  const vz = `${fmtZh(value)}${unit.zh}`;
  const tz = `${fmtZh(threshold)}${unit.zh}`;
  const ve = `${fmtEn(value)}${unit.en ? ` ${unit.en}` : ""}`;
  const te = `${fmtEn(threshold)}${unit.en ? ` ${unit.en}` : ""}`;
  const wordEn = `${word} (${comparatorGloss(comparator)})`;
  if (value === threshold) {
    const inc = INCLUSIVE[comparator];
    return {
      holds,
      text: {
        zh: `${vz} = ${tz}：“${word}”${inc ? "含本数" : "不含本数"}，${holds ? inside.zh : outside.zh}`,
        en: `${ve} = ${te}: ${word} ${inc ? "includes the figure itself" : "excludes the figure itself"}, ${holds ? inside.en : outside.en}`,
      },
    };
  }
  const op = value > threshold ? ">" : "<";
  return {
    holds,
    text: {
      zh: `${vz} ${op} ${tz}（“${LEADING_WORDS.has(word) ? `${word}${fmtZh(threshold)}${unit.zh}` : `${fmtZh(threshold)}${unit.zh}${word}`}”），${holds ? inside.zh : outside.zh}`,
      en: `${ve} ${op} ${te} (threshold: ${wordEn} ${te}), ${holds ? inside.en : outside.en}`,
    },
  };
}

/** Comparator words written before the figure (不小于80%), not after it (20万羽以上). */
const LEADING_WORDS = new Set([
  "大于等于",
  "不小于",
  "不低于",
  "不少于",
  "超过",
  "不满",
  "低于",
  "大于",
  "小于",
]);

function comparatorGloss(c: Comparator): string {
  return { gte: "or more", gt: "more than", lte: "or less", lt: "less than", eq: "exactly" }[c];
}

/** The first amount with one of the units, preferring one whose clause mentions `near`. */
function amountOf(q: QuestionFacts, units: readonly Unit[], near?: RegExp): Amount | undefined {
  const candidates = q.amounts.filter((a) => a.unit !== null && units.includes(a.unit));
  return (near && candidates.find((a) => near.test(a.clause))) ?? candidates[0];
}

const has = (q: QuestionFacts, ...things: Parameters<QuestionFacts["things"]["has"]>[0][]) =>
  things.some((t) => q.things.has(t));

const T = (zh: string, en: string) => bi(zh, en);

// ---------------------------------------------------------------------------------------------
// 六(五) ammonia pilot

const PILOT_PHRASE =
  "将生猪设计年出栏量1万头以上、蛋鸡设计存栏量20万羽以上、肉鸡设计年出栏量100万羽以上的大型规模化畜禽养殖场纳入试点对象";

const PILOT_THRESHOLDS = {
  pig: {
    value: 1e4,
    period: "annual",
    unit: bi("头", "head"),
    phrase: "生猪设计年出栏量1万头以上",
    name: bi("生猪", "pigs"),
    measure: bi("设计年出栏量", "design annual output"),
  },
  layer: {
    value: 2e5,
    period: "stock",
    unit: bi("羽", "birds"),
    phrase: "蛋鸡设计存栏量20万羽以上",
    name: bi("蛋鸡", "laying hens"),
    measure: bi("设计存栏量", "design stock (flock capacity)"),
  },
  broiler: {
    value: 1e6,
    period: "annual",
    unit: bi("羽", "birds"),
    phrase: "肉鸡设计年出栏量100万羽以上",
    name: bi("肉鸡", "broilers"),
    measure: bi("设计年出栏量", "design annual output"),
  },
} as const;

const ANIMAL_NAMES: Readonly<Record<string, Bi>> = {
  pig: bi("生猪", "pigs"),
  layer: bi("蛋鸡", "laying hens"),
  broiler: bi("肉鸡", "broilers"),
  chicken: bi("鸡", "chickens"),
  cattle: bi("牛", "cattle"),
  sheep: bi("羊", "sheep/goats"),
  duck: bi("鸭", "ducks"),
  goose: bi("鹅", "geese"),
  rabbit: bi("兔", "rabbits"),
  other: bi("其他畜禽", "other livestock"),
};

const ammonia = defineRule({
  id: "ammonia-pilot",
  itemId: "6.5",
  title: bi("畜禽养殖业氨排放控制试点", "Livestock ammonia-control pilot"),
  phrases: [
    PILOT_PHRASE,
    PILOT_THRESHOLDS.pig.phrase,
    PILOT_THRESHOLDS.layer.phrase,
    PILOT_THRESHOLDS.broiler.phrase,
    "到2025年,大型规模化养殖场大气氨排放总量比2020年下降5%",
  ],
  deadlines: ["到2025年"],
  schema: z.object({
    animal: z
      .enum(["pig", "layer", "broiler", "chicken", "cattle", "sheep", "duck", "goose", "rabbit", "other"])
      .nullable(),
    count: z.number().nonnegative().nullable(),
    unit: z.string().nullable(),
    basis: z.enum(["design", "current"]).nullable(),
    period: z.enum(["stock", "annual"]).nullable(),
    target: z.boolean(),
  }),
  relevance(q) {
    const pilotWords = /试点|氨|pilot|ammonia/i.test(q.text);
    if (q.animal !== null && (q.animalCounts.length > 0 || has(q, "farm") || pilotWords)) return 10;
    if (q.animal !== null && !has(q, "restaurant", "canteen")) return 4;
    if (has(q, "ammonia") || (has(q, "farm") && pilotWords)) return 8;
    return 0;
  },
  extract(q) {
    const animal = q.animal;
    const t =
      animal && animal in PILOT_THRESHOLDS ? PILOT_THRESHOLDS[animal as keyof typeof PILOT_THRESHOLDS] : null;
    const counts = q.animalCounts;
    const pick =
      (t &&
        (counts.find((c) => c.period === t.period && c.basis === "design") ??
          counts.find((c) => c.period === t.period && c.basis !== "current") ??
          counts.find((c) => c.period === t.period) ??
          counts.find((c) => c.period === null && c.basis === "design") ??
          counts.find((c) => c.period === null))) ??
      counts[0] ??
      null;
    return {
      animal,
      count: pick?.value ?? null,
      unit: pick ? (t?.unit.zh ?? (/头/.test(pick.text) ? "头" : /羽/.test(pick.text) ? "羽" : "只")) : null,
      basis: pick?.basis ?? null,
      period: pick?.period ?? (animal === "layer" && pick ? "stock" : null),
      target: has(q, "ammonia") && /下降|减少|削减|目标|多少|reduc|cut|target|decrease/i.test(q.text),
    };
  },
  evaluate(f) {
    if (f.target && f.count === null) {
      return {
        outcome: "applies",
        phrase: "到2025年,大型规模化养殖场大气氨排放总量比2020年下降5%",
        deadline: "到2025年",
        verdict: T(
          "大型规模化养殖场到2025年大气氨排放总量要比2020年下降5%。",
          "Large-scale farms must cut total ammonia emissions by 5% from 2020 by 2025.",
        ),
        explanation: T(
          "六(五)的目标：到2025年，大型规模化养殖场大气氨排放总量比2020年下降5%。",
          "Target of 六(五): by 2025, total atmospheric ammonia emissions of large-scale farms 5% below 2020.",
        ),
      };
    }
    const named = "生猪、蛋鸡、肉鸡";
    if (f.animal === null) {
      return {
        outcome: "need_more_info",
        phrase: PILOT_PHRASE,
        verdict: T(
          "需要更多信息：养殖的是哪种畜禽？",
          "Need more information: which animals does the farm keep?",
        ),
        explanation: T(
          `六(五)只把${named}三类大型规模化养殖场纳入试点对象。`,
          "六(五) puts only three kinds of large farms in the pilot: pigs, laying hens and broilers.",
        ),
        missing: [T("畜禽种类：生猪、蛋鸡、肉鸡，还是其他", "animal: pigs, laying hens, broilers, or other")],
      };
    }
    if (!(f.animal in PILOT_THRESHOLDS) && f.animal !== "chicken") {
      const name = ANIMAL_NAMES[f.animal] as Bi;
      return {
        outcome: "does_not_apply",
        phrase: PILOT_PHRASE,
        verdict: T(
          `不需要：六(五)的试点对象不包括${name.zh}养殖场。`,
          `No — the pilot does not cover ${name.en} farms.`,
        ),
        explanation: T(
          `六(五)只点名${named}三类（生猪设计年出栏量1万头以上、蛋鸡设计存栏量20万羽以上、肉鸡设计年出栏量100万羽以上），${name.zh}不在其中，规模多大都不属于试点对象。`,
          `六(五) names only pigs (design annual output ≥ 10,000 head), laying hens (design stock ≥ 200,000) and broilers (design annual output ≥ 1,000,000); ${name.en} are not named, so the pilot does not apply whatever the size.`,
        ),
      };
    }
    if (f.animal === "chicken") {
      const missing = [T("鸡的类型：蛋鸡还是肉鸡", "kind of chicken: laying hens (蛋鸡) or broilers (肉鸡)")];
      if (f.period === null)
        missing.push(
          T("数量口径：存栏量还是年出栏量", "what the number counts: stock (存栏) or annual output (年出栏)"),
        );
      return {
        outcome: "need_more_info",
        phrase: PILOT_PHRASE,
        verdict: T("需要更多信息：是蛋鸡还是肉鸡？", "Need more information: laying hens or broilers?"),
        explanation: T(
          `蛋鸡按设计存栏量20万羽以上、肉鸡按设计年出栏量100万羽以上纳入试点${f.count !== null ? `；你给出的是${fmtZh(f.count)}只` : ""}。`,
          `Laying hens count by design stock (≥ 200,000), broilers by design annual output (≥ 1,000,000)${f.count !== null ? `; you gave ${fmtEn(f.count)}` : ""}.`,
        ),
        missing,
      };
    }
    const t = PILOT_THRESHOLDS[f.animal as keyof typeof PILOT_THRESHOLDS];
    if (f.count === null) {
      return {
        outcome: "need_more_info",
        phrase: t.phrase,
        verdict: T(
          `需要更多信息：${t.name.zh}的${t.measure.zh}是多少？`,
          `Need more information: the ${t.measure.en}.`,
        ),
        explanation: T(
          `${t.name.zh}按“${t.phrase}”纳入试点。`,
          `${t.name.en} farms are in the pilot at a ${t.measure.en} of ${fmtEn(t.value)} ${t.unit.en} or more (${t.phrase}).`,
        ),
        missing: [
          T(
            `${t.measure.zh}（${t.unit.zh}）：${fmtZh(t.value)}${t.unit.zh}以上还是以下`,
            `${t.measure.en}: at least ${fmtEn(t.value)} ${t.unit.en}, or fewer`,
          ),
        ],
      };
    }
    const countZh = `${fmtZh(f.count)}${t.unit.zh}`;
    const countEn = `${fmtEn(f.count)} ${t.unit.en}`;
    if (f.period !== t.period) {
      const wrong =
        f.period === null
          ? null
          : f.period === "stock"
            ? bi("存栏量", "stock")
            : bi("年出栏量", "annual output");
      return {
        outcome: "need_more_info",
        phrase: t.phrase,
        verdict: T(
          `需要更多信息：${t.name.zh}按${t.measure.zh}计，${countZh}是${wrong ? wrong.zh : "存栏量还是年出栏量"}？`,
          `Need more information: ${t.name.en} count by ${t.measure.en}; is ${countEn} ${wrong ? `the ${wrong.en}` : "the stock or the annual output"}?`,
        ),
        explanation: T(
          `试点标准是“${t.phrase}”，比较的是${t.measure.zh}；${wrong ? `你给出的${countZh}是${wrong.zh}，不能直接比较` : `${countZh}没有说明是存栏还是年出栏`}。`,
          `The pilot threshold (${t.phrase}) is on the ${t.measure.en}; ${wrong ? `${countEn} is the ${wrong.en}, which cannot be compared directly` : `${countEn} does not say whether it is stock or annual output`}.`,
        ),
        missing: [
          T(
            `${t.measure.zh}${f.period === null ? "（存栏量还是年出栏量？）" : ""}`,
            `${t.measure.en}${f.period === null ? " (stock or annual output?)" : ""}`,
          ),
        ],
      };
    }
    const cmp = compareText(
      f.count,
      t.value,
      "gte",
      "以上",
      t.unit,
      bi("属于试点对象", "so the farm is in the pilot"),
      bi("不属于试点对象", "so the farm is not in the pilot"),
    );
    if (f.basis === "current" && !cmp.holds) {
      return {
        outcome: "need_more_info",
        phrase: t.phrase,
        verdict: T(
          `需要更多信息：试点按${t.measure.zh}计，不按实际数量。`,
          `Need more information: the pilot counts the ${t.measure.en}, not the current number.`,
        ),
        explanation: T(
          `实际数量${countZh}低于${fmtZh(t.value)}${t.unit.zh}，但“${t.phrase}”比较的是设计能力；设计能力达到${fmtZh(t.value)}${t.unit.zh}的仍属于试点对象。`,
          `The current ${countEn} is below ${fmtEn(t.value)}, but the threshold (${t.phrase}) is on design capacity; a farm designed for ${fmtEn(t.value)} or more is in the pilot.`,
        ),
        missing: [
          T(
            `${t.measure.zh}：是否达到${fmtZh(t.value)}${t.unit.zh}`,
            `${t.measure.en}: ${fmtEn(t.value)} ${t.unit.en} or more?`,
          ),
        ],
      };
    }
    const basisNote =
      f.basis === "current"
        ? T(
            "（给出的是实际数量；设计能力不低于实际数量，故设计能力同样达到标准。）",
            " (This is the current number; design capacity is at least the current number, so it meets the threshold too.)",
          )
        : f.basis === null
          ? T(
              "（试点按设计能力计，以上按设计能力理解。）",
              " (The pilot counts design capacity; the figure is read as such.)",
            )
          : T("", "");
    return {
      outcome: cmp.holds ? "applies" : "does_not_apply",
      phrase: t.phrase,
      deadline: "到2025年",
      verdict: cmp.holds
        ? T("是的，需要纳入试点。", `Yes — your farm is in the pilot.`)
        : T("不需要：未达到试点规模。", "No — the farm is below the pilot threshold."),
      explanation: T(
        `${t.name.zh}${t.measure.zh}：${cmp.text.zh}。${basisNote.zh}`,
        `${t.name.en}, ${t.measure.en}: ${cmp.text.en}.${basisNote.en}`,
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 三(二) coal boilers

const COAL_SMALL = "全面淘汰35蒸吨/小时以下的燃煤锅炉及茶水炉、经营性炉灶";
const COAL_DRYERS = "基本淘汰储粮烘干设备、农产品加工等燃煤设施";
const COAL_NEW = "不再新建除集中供暖外的燃煤锅炉";
const COAL_UNITS = "全市原则上不再新增自备燃煤机组";
const COAL_CHP =
  "对30万千瓦以上热电联产电厂供热半径30公里范围内具备供热替代条件的燃煤锅炉和落后燃煤小热电机组(含自备电厂)进行关停或整合";

const coalBoiler = defineRule({
  id: "coal-boiler",
  itemId: "3.2",
  title: bi("燃煤锅炉关停整合", "Coal boiler shutdown and consolidation"),
  phrases: [COAL_SMALL, COAL_DRYERS, COAL_NEW, COAL_UNITS, COAL_CHP],
  deadlines: ["2025年年底前"],
  schema: z.object({
    equipment: z.enum([
      "boiler",
      "tea-stove",
      "business-stove",
      "grain-dryer",
      "agri-processing",
      "self-owned-unit",
    ]),
    fuel: z.enum(["coal", "gas", "biomass", "electric", "heavy-oil", "diesel"]).nullable(),
    capacityTph: z.number().nonnegative().nullable(),
    newBuild: z.boolean(),
    centralHeating: z.boolean(),
    chp: z.enum(["inside", "outside"]).nullable(),
    chpCapacityKw: z.number().nullable(),
    distanceKm: z.number().nullable(),
  }),
  relevance(q) {
    const fuel = q.fuels[0] ?? null;
    if (has(q, "coal-boiler", "tea-stove", "business-stove", "self-owned-coal-unit")) return 10;
    if (has(q, "grain-dryer", "agri-processing") && (fuel === null || fuel === "coal")) return 9;
    if (has(q, "boiler") && !has(q, "gas-boiler", "biomass-boiler") && (fuel === null || fuel === "coal"))
      return 7;
    return 0;
  },
  extract(q) {
    const equipment = (
      has(q, "tea-stove")
        ? "tea-stove"
        : has(q, "business-stove")
          ? "business-stove"
          : has(q, "coal-boiler") || has(q, "boiler")
            ? "boiler"
            : has(q, "grain-dryer")
              ? "grain-dryer"
              : has(q, "agri-processing")
                ? "agri-processing"
                : "self-owned-unit"
    ) as "boiler" | "tea-stove" | "business-stove" | "grain-dryer" | "agri-processing" | "self-owned-unit";
    const fuel = has(q, "coal-boiler") ? "coal" : (q.fuels.find((f) => f !== "diesel") ?? null);
    const cap = amountOf(q, ["t/h", "t"], /锅炉|boiler|蒸吨|t\/h/i);
    const kw = q.amounts.find((a) => a.unit === "kW");
    const km = q.amounts.find((a) => a.unit === "km");
    let chp: "inside" | "outside" | null = null;
    if (q.places.has("not-chp-radius")) chp = "outside";
    else if (km && km.value > 30) chp = "outside";
    else if (kw && kw.value < 3e5) chp = "outside";
    else if (km && kw) chp = "inside";
    else if (q.places.has("chp-radius") && (!kw || kw.value >= 3e5) && (!km || km.value <= 30))
      chp = kw ? "inside" : null;
    return {
      equipment,
      fuel,
      capacityTph: cap?.value ?? null,
      newBuild: q.newBuild,
      centralHeating: q.places.has("central-heating"),
      chp,
      chpCapacityKw: kw?.value ?? null,
      distanceKm: km?.value ?? null,
    };
  },
  evaluate(f) {
    const nonCoal = f.fuel !== null && f.fuel !== "coal";
    if (f.equipment === "tea-stove" || f.equipment === "business-stove") {
      const name =
        f.equipment === "tea-stove"
          ? bi("茶水炉", "tea-water stoves")
          : bi("经营性炉灶", "commercial stoves");
      if (nonCoal)
        return {
          outcome: "does_not_apply",
          phrase: COAL_SMALL,
          verdict: T(
            `不需要：三(二)淘汰的是燃煤${name.zh}。`,
            `No — 三(二) eliminates coal-fired ${name.en} only.`,
          ),
          explanation: T(
            `“${COAL_SMALL}”针对燃煤设施；不烧煤的${name.zh}不在淘汰之列。`,
            `The elimination (${COAL_SMALL}) concerns coal-fired equipment; ${name.en} not burning coal are not covered.`,
          ),
        };
      return {
        outcome: "applies",
        phrase: COAL_SMALL,
        verdict: T(
          `是的，燃煤${name.zh}要全面淘汰。`,
          `Yes — coal-fired ${name.en} are to be eliminated entirely.`,
        ),
        explanation: T(
          `三(二)：“${COAL_SMALL}”，${name.zh}不论规模均在全面淘汰之列。`,
          `三(二) eliminates all coal boilers of 35 t/h or less and all coal ${name.en} (${COAL_SMALL}), whatever their size.`,
        ),
      };
    }
    if (f.equipment === "grain-dryer" || f.equipment === "agri-processing") {
      const name =
        f.equipment === "grain-dryer"
          ? bi("储粮烘干设备", "grain dryers")
          : bi("农产品加工燃煤设施", "coal-fired farm-produce processing equipment");
      if (nonCoal)
        return {
          outcome: "does_not_apply",
          phrase: COAL_DRYERS,
          verdict: T("不需要：这一条针对燃煤设施。", "No — this applies to coal-fired equipment only."),
          explanation: T(
            `“${COAL_DRYERS}”只涉及燃煤设施。`,
            `The phase-out (${COAL_DRYERS}) covers coal-fired equipment only.`,
          ),
        };
      return {
        outcome: "applies",
        phrase: COAL_DRYERS,
        verdict: T(
          `是的，燃煤${name.zh}要基本淘汰。`,
          `Yes — coal-fired ${name.en} are to be basically eliminated.`,
        ),
        explanation: T(
          `三(二)：“${COAL_DRYERS}”。`,
          `三(二): ${COAL_DRYERS} (coal-fired grain drying and farm-produce processing equipment to be basically eliminated).`,
        ),
      };
    }
    if (f.equipment === "self-owned-unit") {
      return {
        outcome: "applies",
        phrase: COAL_UNITS,
        verdict: T(
          "原则上不能新增自备燃煤机组。",
          "In principle no new captive coal-fired units may be added.",
        ),
        explanation: T(
          `三(二)：“${COAL_UNITS}”，并鼓励现有自备燃煤机组实施清洁能源替代。`,
          `三(二): no new captive coal-fired units in principle (${COAL_UNITS}); existing ones are encouraged to switch to clean energy.`,
        ),
      };
    }
    if (f.fuel === null) {
      return {
        outcome: "need_more_info",
        phrase: COAL_SMALL,
        verdict: T(
          "需要更多信息：锅炉烧什么燃料？",
          "Need more information: what fuel does the boiler burn?",
        ),
        explanation: T(
          "三(二)的淘汰和关停整合针对燃煤锅炉；燃气锅炉、生物质锅炉适用六(三)。",
          "三(二)'s phase-out and shutdowns concern coal boilers; gas and biomass boilers fall under 六(三).",
        ),
        missing: [T("燃料：燃煤、燃气还是生物质", "fuel: coal, gas or biomass")],
      };
    }
    if (f.newBuild) {
      if (f.centralHeating)
        return {
          outcome: "does_not_apply",
          phrase: COAL_NEW,
          verdict: T(
            "可以：集中供暖用的燃煤锅炉不在新建禁止之列。",
            "Not banned — coal boilers for central heating are the exception.",
          ),
          explanation: T(
            `三(二)：“${COAL_NEW}”——集中供暖是明文例外（新项目仍须煤炭等量或减量替代，见三(一)）。`,
            `三(二): ${COAL_NEW} — central heating is the stated exception (new coal use still needs equal or reduced coal replacement, 三(一)).`,
          ),
        };
      return {
        outcome: "applies",
        phrase: COAL_NEW,
        verdict: T(
          "不可以：不再新建燃煤锅炉（集中供暖除外）。",
          "No — new coal boilers are not allowed (except for central heating).",
        ),
        explanation: T(
          `三(二)：“${COAL_NEW}”，除集中供暖外一律不再新建。`,
          `三(二): no new coal boilers except for central heating (${COAL_NEW}).`,
        ),
      };
    }
    if (f.capacityTph === null) {
      return {
        outcome: "need_more_info",
        phrase: COAL_SMALL,
        verdict: T(
          "需要更多信息：锅炉多少蒸吨/小时？",
          "Need more information: the boiler's capacity in t/h.",
        ),
        explanation: T(
          "35蒸吨/小时以下的燃煤锅炉全面淘汰；更大的锅炉在30万千瓦以上热电联产电厂供热半径30公里范围内、具备供热替代条件的，2025年年底前关停或整合。",
          "Coal boilers of 35 t/h or less are eliminated; larger ones within 30 km of a CHP plant of 300 MW (30万千瓦) or more, where heat can be substituted, are shut or integrated by the end of 2025.",
        ),
        missing: [
          T("锅炉容量：35蒸吨/小时以下还是以上", "capacity: 35 t/h or less, or more"),
          T(
            "位置：是否在30万千瓦以上热电联产电厂供热半径30公里范围内",
            "location: within 30 km of a CHP plant of ≥ 300 MW?",
          ),
        ],
      };
    }
    const small = compareText(
      f.capacityTph,
      35,
      "lte",
      "以下",
      bi("蒸吨/小时", "t/h"),
      bi("属于全面淘汰范围", "so it is to be eliminated"),
      bi("不在“35蒸吨/小时以下”全面淘汰之列", "so it is above the 35 t/h elimination threshold"),
    );
    if (small.holds) {
      return {
        outcome: "applies",
        phrase: COAL_SMALL,
        verdict: T("是的，要淘汰。", "Yes — it must be eliminated."),
        explanation: T(`燃煤锅炉容量：${small.text.zh}。`, `Coal boiler capacity: ${small.text.en}.`),
      };
    }
    if (f.chp === null) {
      return {
        outcome: "need_more_info",
        phrase: COAL_CHP,
        verdict: T(
          "需要更多信息：锅炉是否在30万千瓦以上热电联产电厂供热半径30公里范围内？",
          "Need more information: is the boiler within 30 km of a CHP plant of 300 MW (30万千瓦) or more?",
        ),
        explanation: T(
          `${small.text.zh}；这类锅炉如在30万千瓦以上热电联产电厂供热半径30公里范围内且具备供热替代条件，2025年年底前关停或整合。`,
          `${small.text.en}; such a boiler is shut or integrated by the end of 2025 if it lies within 30 km of a CHP plant of ≥ 300 MW and heat can be substituted.`,
        ),
        missing: [
          T(
            "位置：距30万千瓦以上热电联产电厂多少公里（30公里以内还是以外）",
            "location: distance to a CHP plant of ≥ 300 MW (within 30 km or beyond)",
          ),
        ],
      };
    }
    const where: Bi =
      f.distanceKm !== null
        ? compareText(
            f.distanceKm,
            30,
            "lte",
            "范围内",
            bi("公里", "km"),
            bi("在供热半径内", "so it is inside the heating radius"),
            bi("在供热半径外", "so it is outside the heating radius"),
          ).text
        : f.chp === "inside"
          ? bi("位于供热半径30公里范围内", "inside the 30 km heating radius")
          : bi(
              "不在30万千瓦以上热电联产电厂供热半径30公里范围内",
              "not within 30 km of a CHP plant of ≥ 300 MW",
            );
    const plant: Bi | null =
      f.chpCapacityKw !== null
        ? compareText(
            f.chpCapacityKw,
            3e5,
            "gte",
            "以上",
            bi("千瓦", "kW"),
            bi("电厂符合条件", "so the plant qualifies"),
            bi("电厂规模不够", "so the plant is too small to count"),
          ).text
        : null;
    if (f.chp === "inside") {
      return {
        outcome: "applies",
        phrase: COAL_CHP,
        deadline: "2025年年底前",
        verdict: T(
          "是的，具备供热替代条件的，2025年年底前要关停或整合。",
          "Yes — where heat can be substituted, it must be shut or integrated by the end of 2025.",
        ),
        explanation: T(
          `${small.text.zh}；热电联产电厂：${plant ? `${plant.zh}，` : ""}距离：${where.zh}。按“${COAL_CHP}”处理（以具备供热替代条件为前提）。`,
          `${small.text.en}; CHP plant: ${plant ? `${plant.en}; ` : ""}distance: ${where.en}. 三(二) requires such boilers to be shut or integrated (if heat substitution is available).`,
        ),
      };
    }
    return {
      outcome: "does_not_apply",
      phrase: COAL_CHP,
      verdict: T(
        "不在三(二)的淘汰或关停整合范围内。",
        "No — it is outside both the elimination and the CHP shutdown of 三(二).",
      ),
      explanation: T(
        `${small.text.zh}；${plant ? `${plant.zh}；` : ""}${where.zh}。仍须达标排放（六(三)），不能稳定达标的燃煤锅炉2025年年底前淘汰（三(三)）。`,
        `${small.text.en}; ${plant ? `${plant.en}; ` : ""}${where.en}. It must still meet emission standards (六(三)); coal boilers that cannot do so reliably are eliminated by the end of 2025 (三(三)).`,
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 二(一) environmental access

const BAN_PHRASE =
  "禁止新增钢铁、焦化、水泥熟料、平板玻璃、电解铝、氧化铝、煤化工、铝用炭素、烧结砖瓦、铅锌冶炼等行业产能";
const BANNED_INDUSTRIES: Readonly<Record<string, Bi>> = {
  steel: bi("钢铁", "steel"),
  coking: bi("焦化", "coking"),
  "cement-clinker": bi("水泥熟料", "cement clinker"),
  "flat-glass": bi("平板玻璃", "flat glass"),
  "electrolytic-aluminium": bi("电解铝", "electrolytic aluminium"),
  alumina: bi("氧化铝", "alumina"),
  "coal-chemical": bi("煤化工", "coal chemicals"),
  "aluminium-carbon": bi("铝用炭素", "carbon for aluminium"),
  brick: bi("烧结砖瓦", "sintered bricks and tiles"),
  "lead-zinc": bi("铅锌冶炼", "lead-zinc smelting"),
};
const CLEAN_TRANSPORT = "原则上采用清洁运输方式(清洁运输比例不小于80%)";
const A_LEVEL =
  "重点行业以及涉及锅炉炉窑的其他行业,新改扩建项目一般应达到大气污染防治绩效A级(引领性)水平或国内清洁生产先进水平";

const newCapacityBan = defineRule({
  id: "new-capacity-ban",
  itemId: "2.1",
  title: bi("禁止新增十类行业产能", "No new capacity in ten listed industries"),
  phrases: [BAN_PHRASE],
  schema: z.object({ industry: z.string().nullable(), newBuild: z.boolean() }),
  relevance(q) {
    if (!q.newBuild || q.industries.length === 0) return 0;
    if (has(q, "clean-transport")) return 5;
    if (q.industries.every((i) => i === "thermal-power")) return 0;
    return q.industries.some((i) => i in BANNED_INDUSTRIES || i === "cement") ? 9 : 6;
  },
  extract(q) {
    const industry = q.industries.find((i) => i in BANNED_INDUSTRIES) ?? q.industries[0] ?? null;
    return { industry, newBuild: q.newBuild };
  },
  evaluate(f) {
    const name = f.industry ? BANNED_INDUSTRIES[f.industry] : undefined;
    if (name) {
      return {
        outcome: "applies",
        phrase: BAN_PHRASE,
        verdict: T(`不可以：禁止新增${name.zh}行业产能。`, `No — new ${name.en} capacity is prohibited.`),
        explanation: T(
          `二(一)：“${BAN_PHRASE}”，${name.zh}在列。`,
          `二(一) prohibits new capacity in steel, coking, cement clinker, flat glass, electrolytic aluminium, alumina, coal chemicals, carbon for aluminium, sintered bricks and tiles, and lead-zinc smelting; ${name.en} is on the list.`,
        ),
      };
    }
    if (f.industry === "cement") {
      return {
        outcome: "need_more_info",
        phrase: BAN_PHRASE,
        verdict: T(
          "需要更多信息：是否新增水泥熟料产能？",
          "Need more information: does the project add cement clinker capacity?",
        ),
        explanation: T(
          "二(一)禁止新增的是“水泥熟料”产能；不含熟料生产的水泥项目（如粉磨站）不在禁止清单上，但须满足清洁运输、绩效A级等要求。",
          "二(一) bans new cement *clinker* capacity; a cement project without clinker production (e.g. grinding) is not on the list but must meet the clean-transport and A-level requirements.",
        ),
        missing: [
          T("项目类型：水泥熟料生产还是水泥粉磨", "project: clinker production or cement grinding only"),
        ],
      };
    }
    return {
      outcome: "does_not_apply",
      phrase: BAN_PHRASE,
      verdict: T(
        "不在禁止新增产能的行业清单上。",
        "No — the industry is not on the list of banned new capacity.",
      ),
      explanation: T(
        "二(一)禁止新增产能的十类行业不含该行业；新(改、扩)建项目仍须落实产能置换、总量控制等要求，原则上采用清洁运输方式(清洁运输比例不小于80%)，重点行业和涉及锅炉炉窑的项目一般应达到绩效A级(引领性)水平。",
        "二(一)'s ten banned industries do not include it; new projects still face capacity replacement and total-emission controls, clean transport of at least 80% in principle, and A-level (leading) performance for key industries and projects with boilers or furnaces.",
      ),
    };
  },
});

const cleanTransport = defineRule({
  id: "new-project-clean-transport",
  itemId: "2.1",
  title: bi("新建项目清洁运输比例", "Clean-transport share of new projects"),
  phrases: [CLEAN_TRANSPORT],
  schema: z.object({ sharePercent: z.number().nullable() }),
  relevance(q) {
    return has(q, "clean-transport") &&
      (q.newBuild || q.amounts.some((a) => a.unit === "%") || /项目|project/i.test(q.text))
      ? 9
      : 0;
  },
  extract(q) {
    return { sharePercent: q.amounts.find((a) => a.unit === "%")?.value ?? null };
  },
  evaluate(f) {
    if (f.sharePercent === null)
      return {
        outcome: "applies",
        phrase: CLEAN_TRANSPORT,
        verdict: T(
          "新(改、扩)建项目原则上清洁运输比例不小于80%。",
          "New projects must in principle reach a clean-transport share of at least 80%.",
        ),
        explanation: T(
          `二(一)：“${CLEAN_TRANSPORT}”。`,
          `二(一): ${CLEAN_TRANSPORT} — clean transport of at least 80%.`,
        ),
      };
    const c = compareText(
      f.sharePercent,
      80,
      "gte",
      "不小于",
      bi("%", "%"),
      bi("满足要求", "so the requirement is met"),
      bi("不满足要求", "so the requirement is not met"),
    );
    return {
      outcome: "applies",
      phrase: CLEAN_TRANSPORT,
      verdict: c.holds
        ? T("满足：清洁运输比例达到要求。", "Yes — the clean-transport share meets the requirement.")
        : T("不满足：清洁运输比例低于80%。", "No — the clean-transport share is below 80%."),
      explanation: T(`清洁运输比例：${c.text.zh}。`, `Clean-transport share: ${c.text.en}.`),
    };
  },
});

const aLevel = defineRule({
  id: "new-project-a-level",
  itemId: "2.1",
  title: bi("新改扩建项目绩效A级", "A-level performance for new projects"),
  phrases: [A_LEVEL],
  schema: z.object({
    grade: z.enum(["A", "B", "C", "D", "lead", "none"]).nullable(),
    withBoilerOrFurnace: z.boolean(),
  }),
  relevance(q) {
    if (!q.newBuild) return 0;
    if (has(q, "performance-level")) return 9;
    return 0;
  },
  extract(q) {
    return { grade: q.grade, withBoilerOrFurnace: has(q, "boiler", "industrial-furnace") };
  },
  evaluate(f) {
    const ok = f.grade === "A" || f.grade === "lead";
    const known = f.grade !== null && f.grade !== "none";
    return {
      outcome: "applies",
      phrase: A_LEVEL,
      verdict: !known
        ? T(
            "新改扩建项目一般应达到绩效A级(引领性)水平。",
            "New projects should generally reach A-level (leading) performance.",
          )
        : ok
          ? T("满足：达到A级(引领性)水平。", "Yes — A-level (leading) performance meets the requirement.")
          : T(`不满足：${f.grade}级低于A级要求。`, `No — grade ${f.grade} is below the A-level requirement.`),
      explanation: T(
        `二(一)：“${A_LEVEL}”。`,
        "二(一): new, rebuilt or expanded projects in key industries, or in other industries with boilers or furnaces, should generally reach A-level (leading) air-pollution performance or the domestic advanced level of cleaner production.",
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 二(二) outdated capacity

const STEEL_PHRASE =
  "完成闽源钢铁有限公司1200立方米以下炼铁高炉、100吨以下炼钢转炉、100吨以下炼钢电弧炉装备大型化改造";
const steelEquipment = defineRule({
  id: "steel-equipment-upgrade",
  itemId: "2.2",
  title: bi("高炉、转炉、电弧炉大型化改造", "Upsizing of blast furnaces, converters and electric furnaces"),
  phrases: [STEEL_PHRASE, "1200立方米以下炼铁高炉", "100吨以下炼钢转炉", "100吨以下炼钢电弧炉"],
  deadlines: ["2024年年底前"],
  schema: z.object({
    equipment: z.enum(["blast-furnace", "converter", "electric-furnace"]),
    size: z.number().nullable(),
    unit: z.enum(["m3", "t"]),
  }),
  relevance(q) {
    if (has(q, "blast-furnace", "converter", "electric-furnace")) return 10;
    return /闽源/.test(q.text) ? 8 : 0;
  },
  extract(q) {
    const equipment: "blast-furnace" | "converter" | "electric-furnace" = has(q, "blast-furnace")
      ? "blast-furnace"
      : has(q, "converter")
        ? "converter"
        : "electric-furnace";
    const unit: "m3" | "t" = equipment === "blast-furnace" ? "m3" : "t";
    return { equipment, unit, size: q.amounts.find((a) => a.unit === unit)?.value ?? null };
  },
  evaluate(f) {
    const spec = {
      "blast-furnace": {
        t: 1200,
        phrase: "1200立方米以下炼铁高炉",
        u: bi("立方米", "m³"),
        n: bi("炼铁高炉", "blast furnace"),
      },
      converter: { t: 100, phrase: "100吨以下炼钢转炉", u: bi("吨", "t"), n: bi("炼钢转炉", "converter") },
      "electric-furnace": {
        t: 100,
        phrase: "100吨以下炼钢电弧炉",
        u: bi("吨", "t"),
        n: bi("炼钢电弧炉", "electric arc furnace"),
      },
    }[f.equipment];
    if (f.size === null)
      return {
        outcome: "need_more_info",
        phrase: STEEL_PHRASE,
        verdict: T(`需要更多信息：${spec.n.zh}多大？`, `Need more information: the ${spec.n.en}'s size.`),
        explanation: T(
          `二(二)：2024年年底前，“${STEEL_PHRASE}”。`,
          `二(二): by the end of 2024, ${spec.n.en}s of ${spec.t} ${spec.u.en} or less at 闽源钢铁 are to be upsized.`,
        ),
        missing: [
          T(`容量：${spec.t}${spec.u.zh}以下还是以上`, `size: ${spec.t} ${spec.u.en} or less, or more`),
        ],
      };
    const c = compareText(
      f.size,
      spec.t,
      "lte",
      "以下",
      spec.u,
      bi("属于大型化改造范围", "so it is due for upsizing"),
      bi("不在改造范围内", "so it is not covered"),
    );
    return {
      outcome: c.holds ? "applies" : "does_not_apply",
      phrase: spec.phrase,
      deadline: "2024年年底前",
      verdict: c.holds
        ? T("是的，2024年年底前要完成装备大型化改造。", "Yes — it must be upsized by the end of 2024.")
        : T("不需要：不在大型化改造范围内。", "No — it is above the upsizing threshold."),
      explanation: T(
        `${spec.n.zh}：${c.text.zh}。本条点名闽源钢铁有限公司。`,
        `${spec.n.en}: ${c.text.en}. The item names 闽源钢铁有限公司 (Minyuan Steel).`,
      ),
    };
  },
});

const BRICK_PHRASE = "推动33条6000万标砖/年以下和城市规划区内的烧结砖及烧结空心砌块生产线有序退出";
const brickLine = defineRule({
  id: "brick-line-exit",
  itemId: "2.2",
  title: bi("烧结砖生产线退出", "Exit of sintered-brick lines"),
  phrases: [BRICK_PHRASE],
  deadlines: ["2024年年底前"],
  schema: z.object({ capacityBricksPerYear: z.number().nullable(), inPlanningArea: z.boolean().nullable() }),
  relevance(q) {
    if (!has(q, "brick-line") || q.newBuild) return 0;
    if (has(q, "subsidy")) return 5;
    return 9;
  },
  extract(q) {
    const cap = q.amounts.find((a) => a.unit === "brick/yr");
    return {
      capacityBricksPerYear: cap?.value ?? null,
      inPlanningArea: q.places.has("planning-area") ? true : q.places.has("not-planning-area") ? false : null,
    };
  },
  evaluate(f) {
    const c =
      f.capacityBricksPerYear === null
        ? null
        : compareText(
            f.capacityBricksPerYear,
            6e7,
            "lte",
            "以下",
            bi("标砖/年", "standard bricks/year"),
            bi("属于退出范围", "so the line is to exit"),
            bi("产能不在“6000万标砖/年以下”范围", "so capacity alone does not put it in scope"),
          );
    const exit = (why: Bi): Evaluation => ({
      outcome: "applies",
      phrase: BRICK_PHRASE,
      deadline: "2024年年底前",
      verdict: T("是的，2024年年底前要有序退出。", "Yes — the line is to exit by the end of 2024."),
      explanation: why,
    });
    if (c?.holds) return exit(T(`产能：${c.text.zh}。`, `Capacity: ${c.text.en}.`));
    if (f.inPlanningArea === true)
      return exit(
        T(
          `位于城市规划区内，不论产能均属退出范围${c ? `（${c.text.zh}）` : ""}。`,
          `It is inside the urban planning area, which puts it in scope whatever its capacity${c ? ` (${c.text.en})` : ""}.`,
        ),
      );
    if (c && f.inPlanningArea === false)
      return {
        outcome: "does_not_apply",
        phrase: BRICK_PHRASE,
        verdict: T(
          "不在2024年年底前退出的范围内。",
          "No — it is not among the lines to exit by the end of 2024.",
        ),
        explanation: T(
          `产能：${c.text.zh}；且不在城市规划区内。`,
          `Capacity: ${c.text.en}; and it is outside the urban planning area.`,
        ),
      };
    const missing: Bi[] = [];
    if (!c)
      missing.push(
        T("产能：6000万标砖/年以下还是以上", "capacity: 60 million standard bricks/year or less, or more"),
      );
    if (f.inPlanningArea === null)
      missing.push(T("位置：是否在城市规划区内", "location: inside the urban planning area?"));
    return {
      outcome: "need_more_info",
      phrase: BRICK_PHRASE,
      verdict: T(
        "需要更多信息：生产线的产能和位置。",
        "Need more information: the line's capacity and location.",
      ),
      explanation: T(
        `二(二)：2024年年底前，${BRICK_PHRASE}。${c ? `产能：${c.text.zh}。` : ""}`,
        `二(二): by the end of 2024, sintered-brick lines of 60 million standard bricks/year or less, and those inside the urban planning area, exit.${c ? ` Capacity: ${c.text.en}.` : ""}`,
      ),
      missing,
    };
  },
});

const SUBSIDY_PHRASE = "对烧结砖瓦企业关停退出实施逐年递减的资金奖补方式,对2025年之后完成的,不再给予资金奖补";
const brickSubsidy = defineRule({
  id: "brick-exit-subsidy",
  itemId: "2.2",
  title: bi("砖瓦企业退出奖补", "Exit subsidy for brick works"),
  phrases: [SUBSIDY_PHRASE],
  schema: z.object({ completionYear: z.number().int().nullable() }),
  relevance(q) {
    return has(q, "brick-line") && has(q, "subsidy") ? 10 : 0;
  },
  extract(q) {
    return { completionYear: q.year };
  },
  evaluate(f) {
    if (f.completionYear === null)
      return {
        outcome: "applies",
        phrase: SUBSIDY_PHRASE,
        verdict: T(
          "有奖补，但逐年递减，2025年之后完成的不再给予。",
          "Yes, but it declines each year and none is paid for exits completed after 2025.",
        ),
        explanation: T(
          `二(二)：“${SUBSIDY_PHRASE}”。`,
          "二(二): exit subsidies for sintered brick and tile works decline year by year; exits completed after 2025 get none.",
        ),
      };
    if (f.completionYear > 2025)
      return {
        outcome: "does_not_apply",
        phrase: SUBSIDY_PHRASE,
        verdict: T(
          "没有奖补：2025年之后完成的不再给予资金奖补。",
          "No — exits completed after 2025 get no subsidy.",
        ),
        explanation: T(
          `${f.completionYear}年 > 2025年：“2025年之后完成的，不再给予资金奖补”。`,
          `${f.completionYear} > 2025: no subsidy for exits completed after 2025.`,
        ),
      };
    return {
      outcome: "applies",
      phrase: SUBSIDY_PHRASE,
      verdict: T(
        "有奖补，但逐年递减，越早退出越多。",
        "Yes — a subsidy is paid, declining year by year, so earlier exits get more.",
      ),
      explanation: T(
        `${f.completionYear}年${f.completionYear === 2025 ? " = 2025年：“之后”不含本数，2025年内完成的仍有奖补" : "在2025年之前"}；奖补逐年递减。`,
        `${f.completionYear}${f.completionYear === 2025 ? " = 2025: “之后” (after) excludes 2025 itself, so completing within 2025 still qualifies" : " is before 2025"}; the subsidy declines year by year.`,
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 三(三) industrial furnaces

const GAS_PRODUCER_NEW = "全市不再新增燃料类煤气发生炉";
const GAS_PRODUCER_SWITCH =
  "2024年年底前,采取园区(集群)集中供气、分散使用等方式,推进燃料类煤气发生炉清洁能源替代";
const GAS_PRODUCER_FIXED = "完成固定床间歇式煤气发生炉新型煤气化工艺改造";
const gasProducer = defineRule({
  id: "gas-producer",
  itemId: "3.3",
  title: bi("燃料类煤气发生炉", "Fuel gas producers"),
  phrases: [GAS_PRODUCER_NEW, GAS_PRODUCER_SWITCH, GAS_PRODUCER_FIXED],
  deadlines: ["2024年年底前"],
  schema: z.object({ newBuild: z.boolean(), fixedBedIntermittent: z.boolean() }),
  relevance(q) {
    return has(q, "gas-producer") ? 10 : 0;
  },
  extract(q) {
    return {
      newBuild: q.newBuild,
      fixedBedIntermittent: /固定床|间歇式|fixed[- ]bed|intermittent/i.test(q.text),
    };
  },
  evaluate(f) {
    if (f.newBuild)
      return {
        outcome: "applies",
        phrase: GAS_PRODUCER_NEW,
        verdict: T(
          "不可以：全市不再新增燃料类煤气发生炉。",
          "No — no new fuel gas producers are allowed in the city.",
        ),
        explanation: T(
          `三(三)：“${GAS_PRODUCER_NEW}”。`,
          `三(三): ${GAS_PRODUCER_NEW} (no new fuel-type gas producers).`,
        ),
      };
    if (f.fixedBedIntermittent)
      return {
        outcome: "applies",
        phrase: GAS_PRODUCER_FIXED,
        verdict: T(
          "是的，要完成新型煤气化工艺改造。",
          "Yes — it must be converted to a new gasification process.",
        ),
        explanation: T(
          `三(三)：“${GAS_PRODUCER_FIXED}”。`,
          `三(三): fixed-bed intermittent gas producers are to be converted (${GAS_PRODUCER_FIXED}).`,
        ),
      };
    return {
      outcome: "applies",
      phrase: GAS_PRODUCER_SWITCH,
      deadline: "2024年年底前",
      verdict: T(
        "是的，2024年年底前推进清洁能源替代。",
        "Yes — it is to be replaced by clean energy by the end of 2024.",
      ),
      explanation: T(
        `三(三)：“${GAS_PRODUCER_SWITCH}”。`,
        "三(三): by the end of 2024, fuel gas producers are replaced by clean energy, e.g. through centralised gas supply in parks (clusters).",
      ),
    };
  },
});

const FURNACE_SWITCH = "2025年年底前,使用高污染燃料的加热炉、热处理炉、干燥炉、熔化炉改用清洁低碳能源";
const KILN_ELIMINATE = "淘汰不能稳定达标的燃煤锅炉和以煤、石油焦、渣油、重油等为燃料的工业窑炉";
const FURNACE_NEW = "新(改、扩)建加热炉、热处理炉、干燥炉、熔化炉原则上采用清洁低碳能源";
const industrialFurnace = defineRule({
  id: "industrial-furnace-fuel",
  itemId: "3.3",
  title: bi("工业炉窑清洁能源替代", "Clean energy for industrial furnaces"),
  phrases: [FURNACE_SWITCH, KILN_ELIMINATE, FURNACE_NEW],
  deadlines: ["2025年年底前"],
  schema: z.object({
    kind: z.enum(["furnace", "kiln"]),
    fuel: z.enum(["coal", "gas", "biomass", "electric", "heavy-oil", "diesel"]).nullable(),
    newBuild: z.boolean(),
  }),
  relevance(q) {
    if (!has(q, "industrial-furnace") || has(q, "gas-producer")) return 0;
    return 8;
  },
  extract(q) {
    return {
      kind: (/加热炉|热处理炉|干燥炉|熔化炉|heating|melting|drying|heat[- ]treatment/i.test(q.text)
        ? "furnace"
        : "kiln") as "furnace" | "kiln",
      fuel: q.fuels[0] ?? null,
      newBuild: q.newBuild,
    };
  },
  evaluate(f) {
    if (f.newBuild && f.kind === "furnace")
      return {
        outcome: "applies",
        phrase: FURNACE_NEW,
        verdict: T(
          "新建的要原则上采用清洁低碳能源。",
          "New ones should in principle use clean low-carbon energy.",
        ),
        explanation: T(
          `三(三)：“${FURNACE_NEW}”。`,
          `三(三): new heating, heat-treatment, drying and melting furnaces use clean low-carbon energy in principle.`,
        ),
      };
    if (f.fuel === null)
      return {
        outcome: "need_more_info",
        phrase: f.kind === "furnace" ? FURNACE_SWITCH : KILN_ELIMINATE,
        verdict: T("需要更多信息：炉窑用什么燃料？", "Need more information: what fuel does it burn?"),
        explanation: T(
          "使用高污染燃料（煤、石油焦、渣油、重油等）的炉窑2025年年底前改用清洁低碳能源或淘汰。",
          "Furnaces burning high-polluting fuels (coal, petroleum coke, residual or heavy oil) switch to clean energy or are eliminated by the end of 2025.",
        ),
        missing: [
          T(
            "燃料：煤/石油焦/渣油/重油，还是天然气/电",
            "fuel: coal / petcoke / residual or heavy oil, or gas / electricity",
          ),
        ],
      };
    const dirty = f.fuel === "coal" || f.fuel === "heavy-oil";
    if (!dirty)
      return {
        outcome: "does_not_apply",
        phrase: f.kind === "furnace" ? FURNACE_SWITCH : KILN_ELIMINATE,
        verdict: T(
          "不需要：已使用清洁能源，不属于高污染燃料炉窑。",
          "No — it does not burn a high-polluting fuel.",
        ),
        explanation: T(
          "三(三)的替代和淘汰针对使用煤、石油焦、渣油、重油等高污染燃料的炉窑。",
          "三(三) targets furnaces and kilns burning coal, petroleum coke, residual or heavy oil.",
        ),
      };
    const phrase = f.kind === "furnace" ? FURNACE_SWITCH : KILN_ELIMINATE;
    return {
      outcome: "applies",
      phrase,
      deadline: "2025年年底前",
      verdict:
        f.kind === "furnace"
          ? T(
              "是的，2025年年底前要改用清洁低碳能源。",
              "Yes — it must switch to clean low-carbon energy by the end of 2025.",
            )
          : T(
              "是的，以煤、石油焦、渣油、重油等为燃料的工业窑炉2025年年底前淘汰。",
              "Yes — kilns fired with coal, petcoke, residual or heavy oil are eliminated by the end of 2025.",
            ),
      explanation: T(`三(三)：“${phrase}”。`, `三(三): ${phrase}.`),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 四(二) vehicles

const NEV_PHRASE =
  "2025年年底前,除应急车辆外,全市公交车、巡游出租车和城市建成区的载货汽车(含渣土运输车、水泥罐车、物流车)、邮政用车、市政环卫车、网约出租车全部实现新能源化";
const VEHICLES: Readonly<Record<string, { n: Bi; builtUpOnly: boolean }>> = {
  bus: { n: bi("公交车", "buses"), builtUpOnly: false },
  taxi: { n: bi("巡游出租车", "taxis"), builtUpOnly: false },
  "ride-hailing": { n: bi("网约出租车", "ride-hailing cars"), builtUpOnly: false },
  "postal-vehicle": { n: bi("邮政用车", "postal vehicles"), builtUpOnly: false },
  "sanitation-vehicle": { n: bi("市政环卫车", "sanitation vehicles"), builtUpOnly: false },
  "muck-truck": { n: bi("渣土运输车", "muck trucks"), builtUpOnly: true },
  "cement-mixer": { n: bi("水泥罐车", "cement mixer trucks"), builtUpOnly: true },
  "logistics-vehicle": { n: bi("物流车", "logistics vehicles"), builtUpOnly: true },
  truck: { n: bi("载货汽车", "trucks"), builtUpOnly: true },
};
const newEnergyVehicles = defineRule({
  id: "new-energy-vehicles",
  itemId: "4.2",
  title: bi("公共领域车辆新能源化", "New-energy public and urban fleet vehicles"),
  phrases: [NEV_PHRASE],
  deadlines: ["2025年年底前"],
  schema: z.object({
    vehicle: z.string(),
    emergency: z.boolean(),
    builtUp: z.boolean().nullable(),
  }),
  relevance(q) {
    if (has(q, "emergency-vehicle")) return 9;
    const specific = Object.keys(VEHICLES).filter((v) => v !== "truck");
    if (specific.some((v) => q.things.has(v as never))) return 9;
    if (has(q, "truck") && !has(q, "diesel-truck", "lean-burn-gas-truck") && q.standard === null) return 6;
    return 0;
  },
  extract(q) {
    const vehicle = Object.keys(VEHICLES).find((v) => q.things.has(v as never)) ?? "emergency";
    return {
      vehicle,
      emergency: has(q, "emergency-vehicle"),
      builtUp: q.places.has("built-up") ? true : q.places.has("not-built-up") ? false : null,
    };
  },
  evaluate(f) {
    if (f.emergency)
      return {
        outcome: "does_not_apply",
        phrase: NEV_PHRASE,
        verdict: T("不需要：应急车辆除外。", "No — emergency vehicles are exempt."),
        explanation: T(
          "四(二)的新能源化要求明文“除应急车辆外”。",
          "四(二)'s new-energy requirement expressly excepts emergency vehicles (除应急车辆外).",
        ),
      };
    const v = VEHICLES[f.vehicle] ?? { n: bi("车辆", "vehicles"), builtUpOnly: true };
    if (v.builtUpOnly && f.builtUp === null)
      return {
        outcome: "need_more_info",
        phrase: NEV_PHRASE,
        verdict: T(
          "需要更多信息：车辆是否在城市建成区运营？",
          "Need more information: does it operate in the urban built-up area?",
        ),
        explanation: T(
          `载货汽车（含渣土运输车、水泥罐车、物流车）的新能源化要求限于城市建成区，2025年年底前实现。`,
          "For trucks (incl. muck trucks, cement mixers, logistics vehicles) the new-energy requirement covers the urban built-up area, by the end of 2025.",
        ),
        missing: [
          T(
            "运营区域：城市建成区内还是建成区外",
            "where it operates: inside or outside the urban built-up area",
          ),
        ],
      };
    if (v.builtUpOnly && f.builtUp === false)
      return {
        outcome: "does_not_apply",
        phrase: NEV_PHRASE,
        verdict: T(
          "不需要：建成区外的载货汽车不在新能源化要求内。",
          "No — trucks outside the built-up area are not covered.",
        ),
        explanation: T(
          "四(二)要求新能源化的是“城市建成区的载货汽车”；建成区外运营的不在此列（国四及以下柴油货车仍在淘汰之列）。",
          "四(二) requires new-energy trucks in the urban built-up area only; China IV and older diesel trucks are still being phased out.",
        ),
      };
    return {
      outcome: "applies",
      phrase: NEV_PHRASE,
      deadline: "2025年年底前",
      verdict: T(
        `是的，${v.n.zh}2025年年底前要全部实现新能源化。`,
        `Yes — ${v.n.en} must all be new-energy vehicles by the end of 2025.`,
      ),
      explanation: T(
        `四(二)：2025年年底前，除应急车辆外，${v.builtUpOnly ? "城市建成区的" : "全市"}${v.n.zh}全部实现新能源化。`,
        `四(二): by the end of 2025, except emergency vehicles, all ${v.n.en}${v.builtUpOnly ? " in the urban built-up area" : " in the city"} become new-energy vehicles.`,
      ),
    };
  },
});

const DIESEL_PHRASE = "推动国四及以下排放标准柴油货车和采用稀薄燃烧技术的燃气货车淘汰";
const dieselTrucks = defineRule({
  id: "diesel-truck-phaseout",
  itemId: "4.2",
  title: bi("国四及以下柴油货车淘汰", "Phase-out of China IV and older diesel trucks"),
  phrases: [DIESEL_PHRASE],
  schema: z.object({
    fuel: z.enum(["diesel", "gas", "unknown"]),
    standardLevel: z.number().int().nullable(),
    leanBurn: z.boolean(),
  }),
  relevance(q) {
    if (has(q, "lean-burn-gas-truck")) return 10;
    if (has(q, "diesel-truck")) return 10;
    if (has(q, "truck") && q.standard?.scheme === "national") return 10;
    if (has(q, "truck") && q.fuels.includes("gas")) return 8;
    return 0;
  },
  extract(q) {
    return {
      fuel: (has(q, "diesel-truck") || q.fuels.includes("diesel")
        ? "diesel"
        : q.fuels.includes("gas") || has(q, "lean-burn-gas-truck")
          ? "gas"
          : "unknown") as "diesel" | "gas" | "unknown",
      standardLevel: q.standard?.level ?? null,
      leanBurn: has(q, "lean-burn-gas-truck") && !/不是稀薄|非稀薄|not lean|no lean/i.test(q.text),
    };
  },
  evaluate(f) {
    if (f.fuel === "gas") {
      if (f.leanBurn)
        return {
          outcome: "applies",
          phrase: DIESEL_PHRASE,
          verdict: T(
            "是的，采用稀薄燃烧技术的燃气货车在淘汰之列。",
            "Yes — lean-burn gas trucks are being phased out.",
          ),
          explanation: T(
            `四(二)：“${DIESEL_PHRASE}”。`,
            "四(二): China IV and older diesel trucks and lean-burn gas trucks are to be phased out.",
          ),
        };
      return {
        outcome: "need_more_info",
        phrase: DIESEL_PHRASE,
        verdict: T(
          "需要更多信息：这辆燃气货车是否采用稀薄燃烧技术？",
          "Need more information: is it a lean-burn gas truck?",
        ),
        explanation: T(
          "燃气货车只有采用稀薄燃烧技术的在淘汰之列。",
          "Only lean-burn gas trucks are being phased out.",
        ),
        missing: [T("发动机：是否采用稀薄燃烧技术", "engine: lean-burn or not")],
      };
    }
    if (f.standardLevel === null)
      return {
        outcome: "need_more_info",
        phrase: DIESEL_PHRASE,
        verdict: T(
          "需要更多信息：柴油货车是国几排放标准？",
          "Need more information: which China emission standard does the truck meet?",
        ),
        explanation: T(
          "国四及以下排放标准柴油货车在淘汰之列；国五、国六不在其中。",
          "China IV and older diesel trucks are being phased out; China V and VI are not.",
        ),
        missing: [
          T("排放标准：国四及以下还是国五/国六", "emission standard: China IV or older, or China V/VI"),
        ],
      };
    const c = compareText(
      f.standardLevel,
      4,
      "lte",
      "及以下",
      bi("", ""),
      bi("在淘汰之列", "so it is being phased out"),
      bi("不在淘汰之列", "so it is not covered"),
    );
    const roman = ["0", "I", "II", "III", "IV", "V", "VI"];
    const zh = c.text.zh
      .replace(
        /^(\d+) ([=<>]) (\d+)/,
        (_m, a, op, b) => `国${stageZh(Number(a))} ${op} 国${stageZh(Number(b))}`,
      )
      .replace("“4及以下”", "“国四及以下”");
    const en = c.text.en
      .replace(
        /^(\d+) ([=<>]) (\d+)/,
        (_m, a, op, b) => `China ${roman[Number(a)] ?? a} ${op} China ${roman[Number(b)] ?? b}`,
      )
      .replace(/ 4\)/, " China IV)");
    return {
      outcome: c.holds ? "applies" : "does_not_apply",
      phrase: DIESEL_PHRASE,
      verdict: c.holds
        ? T(
            "是的，国四及以下柴油货车在淘汰之列。",
            "Yes — China IV and older diesel trucks are being phased out.",
          )
        : T("不在淘汰之列：排放标准高于国四。", "No — it meets a standard above China IV."),
      explanation: T(
        `排放标准：${zh}。四(二)通过经济补偿、监管执法等措施推动淘汰。`,
        `Emission standard: ${en}. 四(二) drives the phase-out with compensation and enforcement.`,
      ),
    };
  },
});

const OFFICIAL_PHRASE = "除特殊需求的车辆外,全市党政机关新购买公务用车基本实现新能源化";
const officialCars = defineRule({
  id: "official-cars",
  itemId: "4.2",
  title: bi("公务用车新能源化", "New-energy official cars"),
  phrases: [OFFICIAL_PHRASE],
  schema: z.object({ specialNeed: z.boolean() }),
  relevance(q) {
    return has(q, "official-car") ? 10 : 0;
  },
  extract(q) {
    return { specialNeed: /特殊需求|特种|special(?:-purpose)? (?:needs?|purpose|use)/i.test(q.text) };
  },
  evaluate(f) {
    if (f.specialNeed)
      return {
        outcome: "does_not_apply",
        phrase: OFFICIAL_PHRASE,
        verdict: T("不需要：特殊需求的车辆除外。", "No — vehicles for special needs are exempt."),
        explanation: T(
          `四(二)：“${OFFICIAL_PHRASE}”。`,
          "四(二): new official cars of Party and government bodies are basically all new-energy, except vehicles for special needs.",
        ),
      };
    return {
      outcome: "applies",
      phrase: OFFICIAL_PHRASE,
      verdict: T(
        "是的，新购公务用车基本实现新能源化。",
        "Yes — new official cars are to be new-energy vehicles.",
      ),
      explanation: T(
        `四(二)：“${OFFICIAL_PHRASE}”。`,
        "四(二): new official cars of Party and government bodies are basically all new-energy, except vehicles for special needs.",
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 四(三) non-road machinery

const NONROAD_STAGE1 = "到2025年,基本淘汰第一阶段以下排放标准非道路移动机械";
const ZONE_BAN = "禁止国二及以下排放标准以及不符合相关管理要求的机械进入禁用区";
const ZONE_SCOPE = "将铁路货场、物流园区、工矿企业、施工工地等机械高频使用场所全部纳入禁用区范围";
const ZONE_PLACES = [
  "rail-yard",
  "logistics-park",
  "industrial-site",
  "construction-site",
  "banned-zone",
] as const;
const PLACE_NAMES: Readonly<Record<string, Bi>> = {
  "rail-yard": bi("铁路货场", "rail freight yard"),
  "logistics-park": bi("物流园区", "logistics park"),
  "industrial-site": bi("工矿企业", "industrial or mining enterprise"),
  "construction-site": bi("施工工地", "construction site"),
  "banned-zone": bi("禁用区", "banned zone"),
};

const nonroadStage1 = defineRule({
  id: "nonroad-stage1-phaseout",
  itemId: "4.3",
  title: bi("第一阶段以下非道路移动机械淘汰", "Phase-out of Stage I and older non-road machinery"),
  phrases: [NONROAD_STAGE1],
  deadlines: ["到2025年"],
  schema: z.object({ stage: z.number().int().nullable() }),
  relevance(q) {
    if (!has(q, "nonroad")) return 0;
    const inZone = ZONE_PLACES.some((p) => q.places.has(p)) || q.places.has("not-banned-zone");
    if (inZone) return 5;
    if (q.standard !== null && q.standard.level <= 1) return 10;
    if (/淘汰|报废|phase[sd]? out|retire|scrap/i.test(q.text)) return 9;
    return 6;
  },
  extract(q) {
    return { stage: q.standard?.level ?? null };
  },
  evaluate(f) {
    if (f.stage === null)
      return {
        outcome: "need_more_info",
        phrase: NONROAD_STAGE1,
        verdict: T(
          "需要更多信息：机械是第几阶段排放标准？",
          "Need more information: which emission stage does the machine meet?",
        ),
        explanation: T(
          "到2025年基本淘汰第一阶段以下（含第一阶段）排放标准的非道路移动机械；国二及以下的机械禁止进入禁用区。",
          "By 2025, Stage I and older non-road machinery is basically eliminated; Stage II (China II) and older machines may not enter the banned zone.",
        ),
        missing: [
          T(
            "排放标准：第一阶段及以下、第二阶段，还是第三/第四阶段",
            "emission standard: Stage I or older, Stage II, or Stage III/IV",
          ),
        ],
      };
    const c = compareText(
      f.stage,
      1,
      "lte",
      "以下",
      bi("", ""),
      bi("属于淘汰范围", "so it is to be eliminated"),
      bi("不在淘汰范围内", "so it is not covered"),
    );
    const zh = c.text.zh
      .replace(
        /^(\d+) ([=<>]) (\d+)/,
        (_m, a, op, b) => `第${stageZh(Number(a))}阶段 ${op} 第${stageZh(Number(b))}阶段`,
      )
      .replace("“1以下”", "“第一阶段以下”");
    const en = c.text.en.replace(/^(\d+) ([=<>]) (\d+)/, "Stage $1 $2 Stage $3").replace(/ 1\)/, " Stage I)");
    return {
      outcome: c.holds ? "applies" : "does_not_apply",
      phrase: NONROAD_STAGE1,
      deadline: "到2025年",
      verdict: c.holds
        ? T("是的，到2025年基本淘汰。", "Yes — it is to be basically eliminated by 2025.")
        : T(
            "不在淘汰范围内（但国二及以下不得进入禁用区）。",
            "No — it is not in the phase-out (but Stage II and older may not enter the banned zone).",
          ),
      explanation: T(
        `排放标准：${zh}${f.stage === 1 ? "（国发〔2023〕24号写作“第一阶段及以下”）" : ""}。`,
        `Emission standard: ${en}${f.stage === 1 ? " (the State Council plan says “第一阶段及以下”, Stage I and below)" : ""}.`,
      ),
    };
  },
});

function stageZh(n: number): string {
  return "零一二三四五六"[n] ?? String(n);
}

const nonroadZone = defineRule({
  id: "nonroad-banned-zone",
  itemId: "4.3",
  title: bi("高排放非道路移动机械禁用区", "Banned zone for high-emission non-road machinery"),
  phrases: [ZONE_BAN, ZONE_SCOPE],
  schema: z.object({
    stage: z.number().int().nullable(),
    place: z.enum([...ZONE_PLACES, "outside"]).nullable(),
  }),
  relevance(q) {
    if (!has(q, "nonroad")) return 0;
    const zone = ZONE_PLACES.some((p) => q.places.has(p)) || q.places.has("not-banned-zone");
    if (zone) return 9;
    if (q.standard?.level === 2) return 8;
    if (/进入|开进|进场|使用|enter|use|operate|work/i.test(q.text)) return 7;
    return 5;
  },
  extract(q) {
    const place: (typeof ZONE_PLACES)[number] | "outside" | null = q.places.has("not-banned-zone")
      ? "outside"
      : (ZONE_PLACES.find((p) => q.places.has(p)) ?? null);
    return { stage: q.standard?.level ?? null, place };
  },
  evaluate(f) {
    const missing: Bi[] = [];
    if (f.stage === null)
      missing.push(
        T(
          "排放标准：国二及以下还是国三/国四",
          "emission standard: China II (Stage II) or older, or Stage III/IV",
        ),
      );
    if (f.place === null)
      missing.push(
        T(
          "使用地点：是否在禁用区（含铁路货场、物流园区、工矿企业、施工工地）",
          "where it is used: in the banned zone (incl. rail freight yards, logistics parks, industrial and mining enterprises, construction sites)?",
        ),
      );
    const c =
      f.stage === null
        ? null
        : compareText(
            f.stage,
            2,
            "lte",
            "及以下",
            bi("", ""),
            bi("属于禁入机械", "so it may not enter"),
            bi("不属于禁入的排放标准", "so its standard is not banned"),
          );
    const cz = c
      ? c.text.zh
          .replace(
            /^(\d+) ([=<>]) (\d+)/,
            (_m, a, op, b) => `国${stageZh(Number(a))} ${op} 国${stageZh(Number(b))}`,
          )
          .replace("“2及以下”", "“国二及以下”")
      : "";
    const ce = c
      ? c.text.en.replace(/^(\d+) ([=<>]) (\d+)/, "Stage $1 $2 Stage $3").replace(/ 2\)/, " Stage II)")
      : "";
    if (c && !c.holds)
      return {
        outcome: "does_not_apply",
        phrase: ZONE_BAN,
        verdict: T(
          "可以进入（前提是符合相关管理要求）。",
          "It may enter, provided it meets the management requirements.",
        ),
        explanation: T(
          `排放标准：${cz}；但不符合相关管理要求（如未编码登记）的机械同样禁止进入禁用区。`,
          `Emission standard: ${ce}; machines not meeting management requirements (e.g. unregistered) are banned too.`,
        ),
      };
    if (missing.length > 0)
      return {
        outcome: "need_more_info",
        phrase: ZONE_BAN,
        verdict: T(
          "需要更多信息：机械的排放标准和使用地点。",
          "Need more information: the machine's emission standard and where it is used.",
        ),
        explanation: T(
          `四(三)：“${ZONE_BAN}”；${ZONE_SCOPE}。${c ? `排放标准：${cz}。` : ""}`,
          `四(三): China II (Stage II) and older machines, and those not meeting management requirements, may not enter the banned zone, which now includes rail freight yards, logistics parks, industrial and mining enterprises and construction sites.${c ? ` Emission standard: ${ce}.` : ""}`,
        ),
        missing,
      };
    if (f.place === "outside")
      return {
        outcome: "does_not_apply",
        phrase: ZONE_BAN,
        verdict: T("禁入限制只针对禁用区内。", "The entry ban covers the banned zone only."),
        explanation: T(
          `排放标准：${cz}；但使用地点不在禁用区内。`,
          `Emission standard: ${ce}; but it is used outside the banned zone.`,
        ),
      };
    const place = PLACE_NAMES[f.place as string] as Bi;
    return {
      outcome: "applies",
      phrase: f.place === "banned-zone" ? ZONE_BAN : ZONE_SCOPE,
      verdict: T(
        `不可以：禁止进入禁用区，${place.zh}属于禁用区。`,
        `No — it may not enter the banned zone, and a ${place.en} is in it.`,
      ),
      explanation: T(
        `排放标准：${cz}；${f.place === "banned-zone" ? "地点在禁用区内" : `四(三)“${ZONE_SCOPE}”`}，“${ZONE_BAN}”。`,
        `Emission standard: ${ce}; ${f.place === "banned-zone" ? "it is used in the banned zone" : `四(三) puts ${place.en}s in the banned zone`}, and China II (Stage II) and older machines may not enter it.`,
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 五(一) construction sites

const SITE_PHRASE = "逐步推动5000平方米以上建筑工地安装在线监测和视频监控设施并接入监管平台";
const constructionSite = defineRule({
  id: "construction-site-monitoring",
  itemId: "5.1",
  title: bi("建筑工地在线监测和视频监控", "Online monitoring and video at construction sites"),
  phrases: [SITE_PHRASE, "施工工地严格落实“六个百分之百”"],
  schema: z.object({ areaM2: z.number().nonnegative().nullable() }),
  relevance(q) {
    if (!has(q, "construction-site") || has(q, "nonroad")) return 0;
    if (q.amounts.some((a) => a.unit === "m2") || /监测|监控|摄像|视频|monitor|camera|video/i.test(q.text))
      return 10;
    return 6;
  },
  extract(q) {
    return { areaM2: q.amounts.find((a) => a.unit === "m2")?.value ?? null };
  },
  evaluate(f) {
    if (f.areaM2 === null)
      return {
        outcome: "need_more_info",
        phrase: SITE_PHRASE,
        verdict: T(
          "需要更多信息：工地面积多少平方米？",
          "Need more information: the site's area in square metres.",
        ),
        explanation: T(
          "5000平方米以上的建筑工地要安装在线监测和视频监控设施并接入监管平台；所有施工工地都要落实“六个百分之百”。",
          "Construction sites of 5,000 m² or more install online monitoring and video surveillance linked to the supervision platform; every site applies the “six 100%” dust controls.",
        ),
        missing: [T("工地面积：5000平方米以上还是以下", "site area: 5,000 m² or more, or less")],
      };
    const c = compareText(
      Math.round(f.areaM2 * 100) / 100,
      5000,
      "gte",
      "以上",
      bi("平方米", "m²"),
      bi("需要安装并联网", "so it must install and connect them"),
      bi("不在这一要求范围内", "so this requirement does not cover it"),
    );
    return {
      outcome: c.holds ? "applies" : "does_not_apply",
      phrase: SITE_PHRASE,
      verdict: c.holds
        ? T(
            "是的，需要安装在线监测和视频监控设施并接入监管平台。",
            "Yes — the site needs online monitoring and video linked to the platform.",
          )
        : T(
            "不需要安装在线监测（但仍须落实“六个百分之百”）。",
            "No — online monitoring is not required (the “six 100%” dust rules still apply).",
          ),
      explanation: T(
        `工地面积：${c.text.zh}。五(一)为“逐步推动”。`,
        `Site area: ${c.text.en}. 五(一) phases this in progressively (逐步推动).`,
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 六(二) VOCs

const LDAR_PHRASE =
  "载有气态、液态VOCs物料的设备与管线组件密封点大于等于1000个的企业,按照技术规范和检测频次要求,开展LDAR工作";
const ldar = defineRule({
  id: "vocs-ldar",
  itemId: "6.2",
  title: bi("密封点LDAR", "Leak detection and repair (LDAR)"),
  phrases: [LDAR_PHRASE],
  schema: z.object({ sealingPoints: z.number().int().nonnegative().nullable() }),
  relevance(q) {
    if (!has(q, "vocs")) return 0;
    if (q.amounts.some((a) => a.unit === "point") || /密封点|LDAR|泄漏|sealing|seal point|leak/i.test(q.text))
      return 10;
    return 0;
  },
  extract(q) {
    const p =
      q.amounts.find((a) => a.unit === "point") ??
      q.amounts.find((a) => a.unit === null || a.unit === "piece");
    return { sealingPoints: p ? Math.round(p.value) : null };
  },
  evaluate(f) {
    if (f.sealingPoints === null)
      return {
        outcome: "need_more_info",
        phrase: LDAR_PHRASE,
        verdict: T(
          "需要更多信息：企业有多少个密封点？",
          "Need more information: how many sealing points does the plant have?",
        ),
        explanation: T(
          "密封点大于等于1000个的企业要开展LDAR工作并建立电子台账。",
          "Plants with 1,000 or more sealing points must run LDAR and keep electronic records.",
        ),
        missing: [T("密封点数量：1000个以上还是以下", "number of sealing points: 1,000 or more, or fewer")],
      };
    const c = compareText(
      f.sealingPoints,
      1000,
      "gte",
      "大于等于",
      bi("个", "sealing points"),
      bi("需要开展LDAR", "so LDAR is required"),
      bi("不需要开展LDAR", "so LDAR is not required"),
    );
    return {
      outcome: c.holds ? "applies" : "does_not_apply",
      phrase: LDAR_PHRASE,
      verdict: c.holds
        ? T(
            "是的，需要开展LDAR工作并建立电子台账。",
            "Yes — the plant must run LDAR and keep electronic records.",
          )
        : T(
            "不需要开展LDAR（其他VOCs无组织排放要求仍适用）。",
            "No — LDAR is not required (other VOCs fugitive-emission rules still apply).",
          ),
      explanation: T(`密封点数量：${c.text.zh}。`, `Sealing points: ${c.text.en}.`),
    };
  },
});

const HOOD_PHRASE = "距集气罩开口面最远处的控制风速不低于0.3米/秒";
const hood = defineRule({
  id: "vocs-hood-speed",
  itemId: "6.2",
  title: bi("集气罩控制风速", "Capture speed at collection hoods"),
  phrases: [HOOD_PHRASE],
  schema: z.object({ speedMs: z.number().nonnegative().nullable() }),
  relevance(q) {
    if (!has(q, "hood")) return 0;
    return q.amounts.some((a) => a.unit === "m/s") || /集气罩|hood/i.test(q.text) ? 10 : 0;
  },
  extract(q) {
    return { speedMs: q.amounts.find((a) => a.unit === "m/s")?.value ?? null };
  },
  evaluate(f) {
    if (f.speedMs === null)
      return {
        outcome: "applies",
        phrase: HOOD_PHRASE,
        verdict: T(
          "集气罩开口面最远处的控制风速不低于0.3米/秒。",
          "The capture speed at the farthest point of the hood opening must be at least 0.3 m/s.",
        ),
        explanation: T(
          `六(二)：“${HOOD_PHRASE}”。`,
          "六(二): where fugitive gas is captured with hoods or side suction, the control speed at the farthest point of the hood opening is at least 0.3 m/s.",
        ),
      };
    const c = compareText(
      f.speedMs,
      0.3,
      "gte",
      "不低于",
      bi("米/秒", "m/s"),
      bi("达标", "so it complies"),
      bi("不达标", "so it does not comply"),
    );
    return {
      outcome: "applies",
      phrase: HOOD_PHRASE,
      verdict: c.holds
        ? T("达标：控制风速满足要求。", "Yes — the capture speed complies.")
        : T("不达标：控制风速低于0.3米/秒。", "No — the capture speed is below 0.3 m/s."),
      explanation: T(`控制风速：${c.text.zh}。`, `Capture speed: ${c.text.en}.`),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 六(三) ultra-low emission, gas and biomass boilers

const ULE_CEMENT = "2024年年底前,水泥、焦化企业基本完成有组织和无组织超低排放改造";
const ULE_TRANSPORT = "2025年8月底前,钢铁、水泥、焦化企业力争完成清洁运输超低排放改造";
const ULE_NEW = "全市新(改、扩)建火电、钢铁、水泥、焦化项目要达到超低排放水平";
const ultraLow = defineRule({
  id: "ultra-low-emission",
  itemId: "6.3",
  title: bi("超低排放改造", "Ultra-low emission retrofits"),
  phrases: [ULE_CEMENT, ULE_TRANSPORT, ULE_NEW],
  deadlines: ["2024年年底前", "2025年8月底前"],
  schema: z.object({ industry: z.string().nullable(), newBuild: z.boolean(), cleanTransport: z.boolean() }),
  relevance(q) {
    const key = q.industries.some((i) =>
      ["steel", "cement", "cement-clinker", "coking", "thermal-power"].includes(i),
    );
    if (!key || has(q, "blast-furnace", "converter", "electric-furnace")) return 0;
    if (has(q, "clean-transport") && (q.newBuild || q.amounts.some((a) => a.unit === "%"))) return 0;
    if (/超低|ultra[- ]low/i.test(q.text)) return 10;
    if (q.newBuild && q.industries.includes("thermal-power")) return 8;
    if (/错峰|staggered|off-peak/i.test(q.text)) return 0;
    return q.newBuild ? 0 : 6;
  },
  extract(q) {
    const industry =
      q.industries.find((i) =>
        ["cement", "cement-clinker", "coking", "steel", "thermal-power"].includes(i),
      ) ?? null;
    return { industry, newBuild: q.newBuild, cleanTransport: has(q, "clean-transport") };
  },
  evaluate(f) {
    if (f.newBuild)
      return {
        outcome: "applies",
        phrase: ULE_NEW,
        verdict: T(
          "是的，新(改、扩)建项目要达到超低排放水平。",
          "Yes — new projects must reach ultra-low emission levels.",
        ),
        explanation: T(
          `六(三)：“${ULE_NEW}”。`,
          "六(三): new, rebuilt or expanded thermal power, steel, cement and coking projects reach ultra-low emission levels.",
        ),
      };
    if (f.industry === "cement" || f.industry === "cement-clinker" || f.industry === "coking") {
      if (f.cleanTransport)
        return {
          outcome: "applies",
          phrase: ULE_TRANSPORT,
          deadline: "2025年8月底前",
          verdict: T(
            "是的，2025年8月底前力争完成清洁运输超低排放改造。",
            "Yes — clean-transport ultra-low emission retrofit by the end of August 2025.",
          ),
          explanation: T(
            `六(三)：“${ULE_TRANSPORT}”。`,
            "六(三): steel, cement and coking plants strive to complete clean-transport ultra-low emission retrofits by the end of August 2025.",
          ),
        };
      return {
        outcome: "applies",
        phrase: ULE_CEMENT,
        deadline: "2024年年底前",
        verdict: T(
          "是的，2024年年底前基本完成有组织和无组织超低排放改造。",
          "Yes — stack and fugitive ultra-low emission retrofits by the end of 2024.",
        ),
        explanation: T(
          `六(三)：“${ULE_CEMENT}”；另外“${ULE_TRANSPORT}”。`,
          "六(三): cement and coking plants basically complete stack and fugitive ultra-low emission retrofits by the end of 2024, and strive to complete clean-transport ultra-low emission retrofits by the end of August 2025.",
        ),
      };
    }
    if (f.industry === "steel")
      return {
        outcome: "applies",
        phrase: ULE_TRANSPORT,
        deadline: "2025年8月底前",
        verdict: T(
          "是的，2025年8月底前力争完成清洁运输超低排放改造。",
          "Yes — clean-transport ultra-low emission retrofit by the end of August 2025.",
        ),
        explanation: T(
          `六(三)：“${ULE_TRANSPORT}”。`,
          "六(三): steel, cement and coking plants strive to complete clean-transport ultra-low emission retrofits by the end of August 2025.",
        ),
      };
    return {
      outcome: "does_not_apply",
      phrase: ULE_NEW,
      verdict: T(
        "现有火电企业不在这两项改造期限内；新建火电项目须达到超低排放。",
        "Existing thermal power plants are not in these retrofit deadlines; new ones must be ultra-low.",
      ),
      explanation: T(
        `六(三)的2024、2025年改造期限针对水泥、焦化、钢铁企业；“${ULE_NEW}”。`,
        "六(三)'s 2024/2025 retrofit deadlines cover cement, coking and steel plants; new thermal power projects must be ultra-low.",
      ),
    };
  },
});

const GAS_BOILER = "2025年年底前,基本完成燃气锅炉低氮燃烧改造";
const gasBoiler = defineRule({
  id: "gas-boiler-low-nox",
  itemId: "6.3",
  title: bi("燃气锅炉低氮燃烧改造", "Low-NOx retrofit of gas boilers"),
  phrases: [GAS_BOILER],
  deadlines: ["2025年年底前"],
  schema: z.object({ alreadyLowNox: z.boolean() }),
  relevance(q) {
    if (has(q, "gas-boiler")) return 10;
    if (has(q, "boiler") && q.fuels[0] === "gas" && !has(q, "coal-boiler", "biomass-boiler")) return 10;
    return 0;
  },
  extract(q) {
    return {
      alreadyLowNox: /已(?:经)?(?:完成)?低氮|已改造|already (?:low[- ]NOx|retrofitted)/i.test(q.text),
    };
  },
  evaluate(f) {
    if (f.alreadyLowNox)
      return {
        outcome: "does_not_apply",
        phrase: GAS_BOILER,
        verdict: T(
          "已完成低氮燃烧改造的，不再需要改造。",
          "Already retrofitted — nothing further under this clause.",
        ),
        explanation: T(
          `六(三)：“${GAS_BOILER}”。`,
          "六(三): gas boilers complete low-NOx combustion retrofits by the end of 2025.",
        ),
      };
    return {
      outcome: "applies",
      phrase: GAS_BOILER,
      deadline: "2025年年底前",
      verdict: T(
        "是的，2025年年底前要完成低氮燃烧改造。",
        "Yes — a low-NOx combustion retrofit by the end of 2025.",
      ),
      explanation: T(
        `六(三)：“${GAS_BOILER}”。`,
        "六(三): gas boilers basically complete low-NOx combustion retrofits by the end of 2025.",
      ),
    };
  },
});

const BIOMASS = "生物质锅炉全部采用专用炉具,配套布袋等高效除尘设施,禁止掺烧煤炭、生活垃圾等其他物料";
const biomassBoiler = defineRule({
  id: "biomass-boiler",
  itemId: "6.3",
  title: bi("生物质锅炉专用炉具与禁止掺烧", "Biomass boilers: dedicated burners, no co-firing"),
  phrases: [BIOMASS],
  deadlines: ["2025年年底前"],
  schema: z.object({ coFiring: z.boolean() }),
  relevance(q) {
    if (has(q, "biomass-boiler")) return 10;
    if (has(q, "boiler") && q.fuels.includes("biomass")) return 10;
    return 0;
  },
  extract(q) {
    return {
      coFiring:
        /掺烧|混烧|掺(?:点|些)?煤|掺(?:点|些)?垃圾|co-?fir|mix(?:ed|ing)? (?:in )?(?:coal|garbage|waste)|burn (?:some )?(?:coal|garbage)/i.test(
          q.text,
        ),
    };
  },
  evaluate(f) {
    return {
      outcome: "applies",
      phrase: BIOMASS,
      deadline: "2025年年底前",
      verdict: f.coFiring
        ? T(
            "不可以：生物质锅炉禁止掺烧煤炭、生活垃圾等其他物料。",
            "No — biomass boilers may not co-fire coal, household waste or other material.",
          )
        : T(
            "是的，生物质锅炉要采用专用炉具并配套布袋等高效除尘设施。",
            "Yes — biomass boilers must use dedicated burners with bag filters or similar.",
          ),
      explanation: T(
        `六(三)：2025年年底前，“${BIOMASS}”。`,
        "六(三): by the end of 2025, biomass boilers all use dedicated burners with bag filters or other efficient dust removal; co-firing coal, household waste or other material is prohibited.",
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 六(四) inefficient treatment facilities

const INEFFICIENT =
  "2024年7月底前完成排查工作,2024年10月底前未配套高效除尘、脱硫、脱硝设施的企业完成升级改造,未按时完成改造提升的纳入秋冬季生产调控范围";
const inefficient = defineRule({
  id: "inefficient-treatment-upgrade",
  itemId: "6.4",
  title: bi("低效失效治理设施排查整治", "Inefficient pollution-control facilities"),
  phrases: [INEFFICIENT],
  deadlines: ["2024年7月底前", "2024年10月底前"],
  schema: z.object({ listedProcess: z.string().nullable(), efficient: z.boolean() }),
  relevance(q) {
    return has(q, "treatment-facility") ? 9 : 0;
  },
  extract(q) {
    const m =
      /水喷淋脱硫|简易碱法脱硫|简易氨法脱硫脱硝|微生物脱硝|单一水膜(?:\(浴\))?除尘|水膜除尘|湿法除尘脱硫一体化|单一低温等离子|低温等离子|光氧化|光催化|水喷淋|water spray|photo-?oxidation|photocatalytic|plasma/i.exec(
        q.text,
      );
    return {
      listedProcess: m?.[0] ?? null,
      efficient:
        /已(?:经)?配套高效|已有高效|高效(?:除尘|脱硫|脱硝)设施齐全|SCR|布袋除尘|bag filters?|efficient (?:dust|desulph|denitr)/i.test(
          q.text,
        ) && !m,
    };
  },
  evaluate(f) {
    if (f.efficient)
      return {
        outcome: "does_not_apply",
        phrase: INEFFICIENT,
        verdict: T(
          "已配套高效除尘、脱硫、脱硝设施的，不在升级改造之列。",
          "Plants already fitted with efficient dust, SO₂ and NOx controls are not due for the upgrade.",
        ),
        explanation: T(
          `六(四)：“${INEFFICIENT}”。`,
          "六(四): survey by end-July 2024; plants without efficient dust, desulphurisation and denitrification facilities upgrade by end-October 2024, otherwise autumn–winter production control.",
        ),
      };
    return {
      outcome: "applies",
      phrase: INEFFICIENT,
      deadline: "2024年10月底前",
      verdict: T(
        "是的，未配套高效治理设施的要在2024年10月底前完成升级改造，否则纳入秋冬季生产调控。",
        "Yes — plants without efficient treatment must upgrade by the end of October 2024, or face autumn–winter production control.",
      ),
      explanation: T(
        `${f.listedProcess ? `“${f.listedProcess}”属于六(四)重点关注的低效治理工艺。` : ""}六(四)：“${INEFFICIENT}”。`,
        `${f.listedProcess ? `${f.listedProcess} is one of the inefficient processes 六(四) targets. ` : ""}六(四): survey by end-July 2024; plants without efficient dust, desulphurisation and denitrification facilities upgrade by end-October 2024; those that miss it come under autumn–winter production control.`,
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 六(六) restaurants and canteens

const RESTAURANT = "产生油烟的餐饮服务单位全部安装油烟净化装置并定期维护";
const CANTEEN = "推行机关、企业、事业单位、学校、医院、酒店等大中型食堂安装高效油烟净化器";
const restaurant = defineRule({
  id: "restaurant-fume-purifier",
  itemId: "6.6",
  title: bi("餐饮油烟净化装置", "Fume purifiers for restaurants"),
  phrases: [RESTAURANT, "拟开设餐饮服务单位的建筑应设计建设专用烟道"],
  schema: z.object({ producesFumes: z.boolean(), planned: z.boolean() }),
  relevance(q) {
    if (has(q, "canteen")) return 0;
    return has(q, "restaurant") ? 9 : 0;
  },
  extract(q) {
    return {
      producesFumes: !q.noFumes,
      planned: /拟开|准备开|打算开|想开|要开|新开|planning to open|about to open|open a new/i.test(q.text),
    };
  },
  evaluate(f) {
    if (!f.producesFumes)
      return {
        outcome: "does_not_apply",
        phrase: RESTAURANT,
        verdict: T(
          "不需要：要求针对产生油烟的餐饮服务单位。",
          "No — the requirement covers restaurants that produce cooking fumes.",
        ),
        explanation: T(
          `六(六)：“${RESTAURANT}”。不产生油烟的不在此列。`,
          "六(六): every food-service unit producing cooking fumes installs and maintains a fume purifier; one that produces none is not covered.",
        ),
      };
    return {
      outcome: "applies",
      phrase: RESTAURANT,
      verdict: T(
        "是的，要安装油烟净化装置并定期维护。",
        "Yes — it must install a fume purifier and maintain it regularly.",
      ),
      explanation: T(
        `六(六)：“${RESTAURANT}”。${f.planned ? "拟开设餐饮服务单位的建筑还应设计建设专用烟道。" : ""}`,
        `六(六): every food-service unit producing cooking fumes installs a fume purifier and maintains it regularly.${f.planned ? " Buildings for planned restaurants must include a dedicated flue." : ""}`,
      ),
    };
  },
});

const canteen = defineRule({
  id: "canteen-purifier",
  itemId: "6.6",
  title: bi("大中型食堂高效油烟净化", "High-efficiency purifiers for large canteens"),
  phrases: [CANTEEN, "并安装在线监控,联网监管"],
  schema: z.object({ size: z.enum(["large", "small"]).nullable() }),
  relevance(q) {
    return has(q, "canteen") ? 10 : 0;
  },
  extract(q) {
    return { size: q.canteenSize };
  },
  evaluate(f) {
    if (f.size === null)
      return {
        outcome: "need_more_info",
        phrase: CANTEEN,
        verdict: T(
          "需要更多信息：是大中型食堂吗？",
          "Need more information: is it a large or medium-sized canteen?",
        ),
        explanation: T(
          "大中型食堂推行安装高效油烟净化器并安装在线监控、联网监管；所有产生油烟的餐饮服务单位都要安装油烟净化装置。",
          "Large and medium canteens are to install high-efficiency purifiers with online monitoring linked to supervision; every unit producing fumes needs a purifier.",
        ),
        missing: [T("食堂规模：大中型还是小型", "canteen size: large/medium or small")],
      };
    if (f.size === "small")
      return {
        outcome: "does_not_apply",
        phrase: CANTEEN,
        verdict: T(
          "高效净化器和在线监控针对大中型食堂；小食堂产生油烟的仍须安装油烟净化装置。",
          "The high-efficiency and online-monitoring requirement is for large and medium canteens; a small one producing fumes still needs a purifier.",
        ),
        explanation: T(
          `六(六)：“${CANTEEN}”，“${RESTAURANT}”。`,
          "六(六): large and medium canteens install high-efficiency purifiers with online monitoring; all fume-producing units install a purifier.",
        ),
      };
    return {
      outcome: "applies",
      phrase: CANTEEN,
      verdict: T(
        "是的，要安装高效油烟净化器，并安装在线监控、联网监管。",
        "Yes — a high-efficiency fume purifier with online monitoring linked to the authorities.",
      ),
      explanation: T(
        `六(六)：“${CANTEEN}”，“并安装在线监控,联网监管”（“推行”）。`,
        "六(六) promotes (推行) high-efficiency purifiers in large and medium canteens of government bodies, enterprises, institutions, schools, hospitals and hotels, with online monitoring linked to supervision.",
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 七(三), 七(四) performance levels

const SEASONAL = "对达不到A、B级或绩效引领性标准的企业,秋冬季期间依法实施季节性生产调控";
const seasonal = defineRule({
  id: "seasonal-production-control",
  itemId: "7.4",
  title: bi("绩效A、B级以下企业季节性生产调控", "Seasonal production control below A/B"),
  phrases: [SEASONAL],
  schema: z.object({ grade: z.enum(["A", "B", "C", "D", "lead", "none"]).nullable() }),
  relevance(q) {
    if (q.newBuild && has(q, "performance-level")) return 0;
    if (has(q, "performance-level") || q.grade !== null) return 9;
    if (/秋冬季|季节性|autumn|winter/i.test(q.text) && /生产调控|限产|停产|production|curtail/i.test(q.text))
      return 7;
    return 0;
  },
  extract(q) {
    return { grade: q.grade };
  },
  evaluate(f) {
    if (f.grade === null)
      return {
        outcome: "need_more_info",
        phrase: SEASONAL,
        verdict: T(
          "需要更多信息：企业的环保绩效等级是多少？",
          "Need more information: the plant's environmental performance grade.",
        ),
        explanation: T(
          `七(四)：“${SEASONAL}”。`,
          "七(四): plants below grade A/B or the leading standard are under seasonal production control in autumn and winter.",
        ),
        missing: [
          T(
            "绩效等级：A、B、引领性，还是C、D或未评级",
            "performance grade: A, B or leading; or C, D or unrated",
          ),
        ],
      };
    const exempt = f.grade === "A" || f.grade === "B" || f.grade === "lead";
    const g =
      f.grade === "lead"
        ? bi("绩效引领性", "leading")
        : f.grade === "none"
          ? bi("未评级", "unrated")
          : bi(`${f.grade}级`, `grade ${f.grade}`);
    return {
      outcome: exempt ? "does_not_apply" : "applies",
      phrase: SEASONAL,
      verdict: exempt
        ? T(
            `不需要：${g.zh}企业不在季节性生产调控之列。`,
            `No — a ${g.en} plant is not under seasonal production control.`,
          )
        : T(
            "是的，秋冬季期间依法实施季节性生产调控。",
            "Yes — it is under seasonal production control in autumn and winter.",
          ),
      explanation: T(
        `${g.zh}${exempt ? "达到" : "达不到"}A、B级或绩效引领性标准；七(四)：“${SEASONAL}”。`,
        `${g.en} ${exempt ? "meets" : "is below"} grade A/B or the leading standard; 七(四) puts plants below it under seasonal production control in autumn and winter.`,
      ),
    };
  },
});

const STAGGERED = "继续实施水泥、砖瓦窑行业错峰生产";
const staggered = defineRule({
  id: "staggered-production",
  itemId: "7.3",
  title: bi("水泥、砖瓦窑错峰生产", "Staggered production for cement and brick kilns"),
  phrases: [STAGGERED],
  schema: z.object({ industry: z.string().nullable() }),
  relevance(q) {
    const ind = q.industries.some((i) => i === "cement" || i === "cement-clinker" || i === "brick");
    return ind && /错峰|停产|限产|staggered|off-peak|production (?:halt|pause|stop)/i.test(q.text) ? 11 : 0;
  },
  extract(q) {
    return {
      industry: q.industries.find((i) => i === "cement" || i === "cement-clinker" || i === "brick") ?? null,
    };
  },
  evaluate() {
    return {
      outcome: "applies",
      phrase: STAGGERED,
      verdict: T(
        "是的，水泥、砖瓦窑行业继续实施错峰生产。",
        "Yes — cement and brick-kiln plants remain under staggered production.",
      ),
      explanation: T(
        `七(三)：“${STAGGERED}”。`,
        "七(三): staggered (off-peak) production continues for the cement and brick-kiln industries.",
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// 五(四) fireworks, 三(四) clean heating, 五(三) straw, 六(一) low-VOCs, 四(四) fuel

const FIREWORKS =
  "严禁在国家机关驻地、人员密集场所、交通枢纽地区、能源设施安全保护区、重点防火区等城市人民政府禁止的区域和时段内燃放烟花爆竹";
const FIREWORK_PLACES: Readonly<Record<string, Bi>> = {
  "state-organ": bi("国家机关驻地", "a state organ's premises"),
  "crowded-place": bi("人员密集场所", "a crowded place"),
  "transport-hub": bi("交通枢纽地区", "a transport hub"),
  "energy-facility": bi("能源设施安全保护区", "an energy-facility protection zone"),
  "fire-zone": bi("重点防火区", "a key fire-prevention zone"),
};
const fireworks = defineRule({
  id: "fireworks-ban",
  itemId: "5.4",
  title: bi("烟花爆竹禁放", "Fireworks ban"),
  phrases: [FIREWORKS, "强化烟花爆竹批发零售经营许可证的颁发和管理"],
  schema: z.object({ place: z.string().nullable(), selling: z.boolean() }),
  relevance(q) {
    return has(q, "fireworks") ? 10 : 0;
  },
  extract(q) {
    const place = Object.keys(FIREWORK_PLACES).find((p) => q.places.has(p as never)) ?? null;
    return { place, selling: /卖|销售|批发|零售|经营|sell|selling|retail|wholesale/i.test(q.text) };
  },
  evaluate(f) {
    if (f.selling)
      return {
        outcome: "applies",
        phrase: "强化烟花爆竹批发零售经营许可证的颁发和管理",
        verdict: T(
          "销售烟花爆竹须取得批发零售经营许可证。",
          "Selling fireworks requires a wholesale or retail licence.",
        ),
        explanation: T(
          "五(四)：“强化烟花爆竹批发零售经营许可证的颁发和管理”，并加大违规销售打击力度。",
          "五(四): wholesale and retail fireworks licences are tightened and illegal sales are targeted.",
        ),
      };
    if (f.place) {
      const p = FIREWORK_PLACES[f.place] as Bi;
      return {
        outcome: "applies",
        phrase: FIREWORKS,
        verdict: T(
          `不可以：严禁在${p.zh}燃放烟花爆竹。`,
          `No — setting off fireworks in ${p.en} is strictly prohibited.`,
        ),
        explanation: T(
          `五(四)：“${FIREWORKS}”。`,
          "五(四): fireworks are strictly banned at state organs' premises, crowded places, transport hubs, energy-facility protection zones, key fire-prevention zones and other areas and times the city government prohibits.",
        ),
      };
    }
    return {
      outcome: "need_more_info",
      phrase: FIREWORKS,
      verdict: T(
        "需要更多信息：燃放地点和时段是否在城市人民政府划定的禁放范围内？",
        "Need more information: is the place and time within the areas and periods the city government bans?",
      ),
      explanation: T(
        `五(四)：“${FIREWORKS}”。具体禁放范围由城市人民政府确定。`,
        "五(四): fireworks are banned at state organs' premises, crowded places, transport hubs, energy-facility zones, key fire-prevention zones and other areas and times the city government designates.",
      ),
      missing: [
        T(
          "地点与时段：是否属于国家机关驻地、人员密集场所、交通枢纽等禁放区域和时段",
          "place and time: a state organ's premises, crowded place, transport hub or other banned area and period?",
        ),
      ],
    };
  },
});

const LOOSE_COAL = "要依法将整体完成清洁取暖改造的地区划定为高污染燃料禁燃区,严防散煤复烧";
const looseCoal = defineRule({
  id: "loose-coal-ban",
  itemId: "3.4",
  title: bi("清洁取暖地区散煤禁燃", "No loose coal where clean heating is done"),
  phrases: [LOOSE_COAL, "对清洁取暖未覆盖的区域,强化民用散煤质量监管"],
  schema: z.object({ cleanHeatingDone: z.boolean().nullable() }),
  relevance(q) {
    if (has(q, "loose-coal")) return 10;
    if (
      q.fuels.includes("coal") &&
      /取暖|供暖|heating|warm/i.test(q.text) &&
      !has(q, "boiler", "coal-boiler")
    )
      return 8;
    return 0;
  },
  extract(q) {
    return {
      cleanHeatingDone: q.places.has("clean-heating-done")
        ? true
        : q.places.has("clean-heating-not-covered")
          ? false
          : null,
    };
  },
  evaluate(f) {
    if (f.cleanHeatingDone === true)
      return {
        outcome: "applies",
        phrase: LOOSE_COAL,
        verdict: T(
          "不可以：已完成清洁取暖改造的地区划为禁燃区，严防散煤复烧。",
          "No — areas converted to clean heating become no-burn zones; loose coal may not return.",
        ),
        explanation: T(
          `三(四)：“${LOOSE_COAL}”。`,
          "三(四): areas that have completed clean-heating conversion are designated high-polluting-fuel no-burn zones, and loose coal must not come back.",
        ),
      };
    if (f.cleanHeatingDone === false)
      return {
        outcome: "does_not_apply",
        phrase: "对清洁取暖未覆盖的区域,强化民用散煤质量监管",
        verdict: T(
          "未覆盖清洁取暖的区域不属禁燃区，但散煤质量要受监管。",
          "Areas without clean heating are not no-burn zones, but the quality of household coal is supervised.",
        ),
        explanation: T(
          "三(四)：“对清洁取暖未覆盖的区域,强化民用散煤质量监管”。",
          "三(四): where clean heating does not reach, the quality of household loose coal is supervised more strictly.",
        ),
      };
    return {
      outcome: "need_more_info",
      phrase: LOOSE_COAL,
      verdict: T(
        "需要更多信息：所在地区是否已整体完成清洁取暖改造（禁燃区）？",
        "Need more information: has your area completed clean-heating conversion (a no-burn zone)?",
      ),
      explanation: T(
        `三(四)：“${LOOSE_COAL}”；未覆盖的区域强化民用散煤质量监管。`,
        "三(四): converted areas become no-burn zones; elsewhere household coal quality is supervised.",
      ),
      missing: [
        T(
          "所在地区：已完成清洁取暖改造（禁燃区）还是未覆盖",
          "area: converted to clean heating (no-burn zone) or not covered",
        ),
      ],
    };
  },
});

const STRAW = "加强秸秆综合利用和禁烧";
const straw = defineRule({
  id: "straw-burning-ban",
  itemId: "5.3",
  title: bi("秸秆禁烧", "Straw burning ban"),
  phrases: [STRAW, "落实秸秆禁烧目标责任考核和奖惩制度"],
  schema: z.object({ burning: z.boolean() }),
  relevance(q) {
    return has(q, "straw") && /烧|焚|burn|fire/i.test(q.text) ? 10 : 0;
  },
  extract() {
    return { burning: true };
  },
  evaluate() {
    return {
      outcome: "applies",
      phrase: STRAW,
      verdict: T("不可以：秸秆禁烧。", "No — burning straw is banned."),
      explanation: T(
        "五(三)：“加强秸秆综合利用和禁烧”，落实秸秆禁烧目标责任考核和奖惩制度，严格执行经济处罚、行政处罚、约谈问责等措施。",
        "五(三): straw burning is banned (禁烧), enforced with fines, administrative penalties and accountability talks; straw is to be used (returned to fields etc.).",
      ),
    };
  },
});

const SOLVENT = "城市建成区严格控制生产和使用溶剂型涂料、油墨、胶粘剂、清洗剂等建设项目";
const LOW_VOCS =
  "工程机械制造、家具制造、钢结构、包装印刷、制鞋、人造板及其他含涂装工序行业,按照“可替尽替、应代尽代”的原则,完成低VOCs原辅材料替代";
const solvent = defineRule({
  id: "solvent-coating-projects",
  itemId: "6.1",
  title: bi("建成区溶剂型涂料项目", "Solvent-based coating projects in the built-up area"),
  phrases: [SOLVENT],
  schema: z.object({ builtUp: z.boolean().nullable() }),
  relevance(q) {
    return has(q, "solvent-coating") ? 9 : 0;
  },
  extract(q) {
    return { builtUp: q.places.has("built-up") ? true : q.places.has("not-built-up") ? false : null };
  },
  evaluate(f) {
    if (f.builtUp === null)
      return {
        outcome: "need_more_info",
        phrase: SOLVENT,
        verdict: T(
          "需要更多信息：项目是否在城市建成区？",
          "Need more information: is the project in the urban built-up area?",
        ),
        explanation: T(
          `六(一)：“${SOLVENT}”。`,
          "六(一): in the urban built-up area, projects producing or using solvent-based paints, inks, adhesives and cleaners are strictly controlled.",
        ),
        missing: [T("位置：城市建成区内还是建成区外", "location: inside or outside the urban built-up area")],
      };
    return {
      outcome: f.builtUp ? "applies" : "does_not_apply",
      phrase: SOLVENT,
      verdict: f.builtUp
        ? T(
            "在城市建成区内，这类项目受到严格控制。",
            "Yes — in the built-up area such projects are strictly controlled.",
          )
        : T(
            "不在城市建成区内，不受这一严格控制（仍须满足低VOCs含量限值）。",
            "Outside the built-up area this control does not apply (VOCs content limits still do).",
          ),
      explanation: T(
        `六(一)：“${SOLVENT}”。`,
        "六(一): in the urban built-up area, projects producing or using solvent-based paints, inks, adhesives and cleaners are strictly controlled.",
      ),
    };
  },
});

const LOW_VOCS_INDUSTRIES = [
  "machinery-manufacturing",
  "furniture",
  "steel-structure",
  "printing",
  "footwear",
  "wood-panel",
  "coating",
];
const lowVocs = defineRule({
  id: "low-vocs-substitution",
  itemId: "6.1",
  title: bi("低VOCs原辅材料替代", "Low-VOCs raw material substitution"),
  phrases: [LOW_VOCS],
  schema: z.object({ industry: z.string() }),
  relevance(q) {
    if (!q.industries.some((i) => LOW_VOCS_INDUSTRIES.includes(i))) return 0;
    return /涂料|油漆|油墨|胶|原辅材料|VOCs|替代|paint|ink|adhesive|coating|solvent|substitut/i.test(q.text)
      ? 8
      : 0;
  },
  extract(q) {
    return { industry: q.industries.find((i) => LOW_VOCS_INDUSTRIES.includes(i)) ?? "coating" };
  },
  evaluate() {
    return {
      outcome: "applies",
      phrase: LOW_VOCS,
      verdict: T(
        "是的，要完成低VOCs原辅材料替代。",
        "Yes — the plant must switch to low-VOCs raw materials.",
      ),
      explanation: T(
        `六(一)：“${LOW_VOCS}”。`,
        "六(一): construction machinery, furniture, steel structures, packaging printing, footwear, wood panels and other industries with coating processes substitute low-VOCs materials wherever possible.",
      ),
    };
  },
});

const FUEL = "全面清理整顿自建油罐、流动加油车和黑加油站点";
const fuelStations = defineRule({
  id: "illegal-fuel-outlets",
  itemId: "4.4",
  title: bi("自建油罐、流动加油车、黑加油站点整治", "Private tanks, mobile fuel trucks, illegal stations"),
  phrases: [FUEL],
  schema: z.object({ kind: z.string() }),
  relevance(q) {
    return has(q, "fuel-station") ? 10 : 0;
  },
  extract(q) {
    return {
      kind: /流动加油|mobile/i.test(q.text)
        ? "mobile-fuel-truck"
        : /自建油罐|tank/i.test(q.text)
          ? "private-tank"
          : "illegal-station",
    };
  },
  evaluate() {
    return {
      outcome: "applies",
      phrase: FUEL,
      verdict: T("在清理整顿之列。", "Yes — these are being cleaned up."),
      explanation: T(
        `四(四)：“${FUEL}”，坚决打击将非标油品作为发动机燃料销售等行为。`,
        "四(四): private fuel tanks, mobile refuelling trucks and illegal fuel outlets are cleaned up, and selling non-standard fuel is cracked down on.",
      ),
    };
  },
});

/** The whole table, in the order ties are broken (earlier wins). */
export const RULES: readonly Rule[] = [
  ammonia,
  coalBoiler,
  gasBoiler,
  biomassBoiler,
  newCapacityBan,
  cleanTransport,
  aLevel,
  steelEquipment,
  brickSubsidy,
  brickLine,
  gasProducer,
  industrialFurnace,
  dieselTrucks,
  newEnergyVehicles,
  officialCars,
  nonroadZone,
  nonroadStage1,
  constructionSite,
  ldar,
  hood,
  ultraLow,
  inefficient,
  canteen,
  restaurant,
  seasonal,
  staggered,
  fireworks,
  looseCoal,
  straw,
  solvent,
  lowVocs,
  fuelStations,
];

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
