/**
 * 四、优化交通运输结构,大力发展绿色运输体系 — transport structure. Encodes:
 * - 四(二) 加强移动源污染管控: new-energy vehicles, the diesel-truck phase-out and official cars;
 * - 四(三) 强化非道路移动源综合治理: the stage-1 machinery phase-out and the banned zone;
 * - 四(四) 全面保障成品油质量: illegal fuel outlets.
 */
import { z } from "zod";
import { type Bi, bi, compareText, defineRule, has, type Rule, T } from "../rule.js";

/** 2 → 二: a stage or standard number as a Chinese numeral (国二, 第一阶段); 7 and above stay digits. */
function stageZh(n: number): string {
  return "零一二三四五六"[n] ?? String(n);
}

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
// 四(四) fuel

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

/** The rules of this section, in the order of the plan's items. */
export const TRANSPORT_RULES: readonly Rule[] = [
  newEnergyVehicles,
  dieselTrucks,
  officialCars,
  nonroadStage1,
  nonroadZone,
  fuelStations,
];
