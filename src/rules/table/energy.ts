/**
 * 三、优化能源结构,加快能源绿色低碳发展 — energy structure. Encodes:
 * - 三(二) 积极开展燃煤锅炉关停整合: coal boiler shutdown and consolidation;
 * - 三(三) 实施工业炉窑清洁能源替代: gas producers and industrial furnaces;
 * - 三(四) 持续推进清洁取暖: the loose-coal ban in clean-heating areas.
 */
import { z } from "zod";
import { amountOf, type Bi, bi, compareText, defineRule, has, type Rule, T } from "../rule.js";

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
// 三(四) clean heating

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

/** The rules of this section, in the order of the plan's items. */
export const ENERGY_RULES: readonly Rule[] = [coalBoiler, gasProducer, industrialFurnace, looseCoal];
