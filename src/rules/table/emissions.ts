/**
 * 六、强化多污染物减排,切实降低排放强度 — multi-pollutant emission cuts. Encodes:
 * - 六(一) 加快实施低VOCs含量原辅材料替代: solvent-based projects and low-VOCs substitution;
 * - 六(二) 深化VOCs无组织排放整治: LDAR and hood capture speed;
 * - 六(三) 加快工业炉窑和锅炉深度治理: ultra-low emission, gas-boiler low-NOx, biomass boilers;
 * - 六(四) 开展低效失效污染治理设施排查整治: inefficient treatment facilities;
 * - 六(五) 开展畜禽养殖业氨排放控制试点: the livestock ammonia pilot;
 * - 六(六) 开展餐饮油烟、恶臭异味专项治理: restaurant and canteen fume purifiers.
 */
import { z } from "zod";
import { type Bi, bi, compareText, defineRule, fmtEn, fmtZh, has, type Rule, T } from "../rule.js";

// ---------------------------------------------------------------------------------------------
// 六(一) low-VOCs

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

/** The rules of this section, in the order of the plan's items. */
export const EMISSION_RULES: readonly Rule[] = [
  solvent,
  lowVocs,
  ldar,
  hood,
  ultraLow,
  gasBoiler,
  biomassBoiler,
  inefficient,
  ammonia,
  restaurant,
  canteen,
];
