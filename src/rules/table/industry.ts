/**
 * 二、优化产业结构,促进产业产品绿色升级 — industrial structure. Encodes:
 * - 二(一) 严格环境准入: the ban on new capacity in listed industries, clean transport (≥80%) and
 *   A-level performance for new projects;
 * - 二(二) 加快淘汰落后低效产能: steel equipment upgrades, the exit of small brick lines and the
 *   year-by-year brick-exit subsidy.
 */
import { z } from "zod";
import { type Bi, bi, compareText, defineRule, type Evaluation, has, type Rule, T } from "../rule.js";

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

/** The rules of this section, in the order of the plan's items. */
export const INDUSTRY_RULES: readonly Rule[] = [
  newCapacityBan,
  cleanTransport,
  aLevel,
  steelEquipment,
  brickLine,
  brickSubsidy,
];
