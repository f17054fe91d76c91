/**
 * Guided checks for the bot's /check dialog: the facts a rule needs, asked one step at a time, and
 * the question that runRules/answer() then evaluates from the chosen values.
 */
import { fmtEn } from "./rule.js";

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
