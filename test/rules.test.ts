import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/corpus/index.js";
import type { Plan } from "../src/corpus/schema.js";
import { extractFacts, findAmounts, findStandard } from "../src/rules/facts.js";
import { GUIDED_CHECKS, itemDepartments, type RuleResult, runRules } from "../src/rules/index.js";
import { Check } from "../src/rules/schema.js";
import { compareText, RULES } from "../src/rules/table.js";

const TODAY = "2025-06-01";
const plan: Plan = loadCorpus("corpus").plans.find((p) => p.doc === "shangqiu-air-quality-2024") as Plan;
const isEn = (q: string) => /^[\x20-\x7e’]+$/.test(q);

function run(question: string, p: Plan = plan, today = TODAY): RuleResult | null {
  return runRules({
    question: question.normalize("NFKC"),
    lang: isEn(question) ? "en" : "zh",
    plan: p,
    today,
  });
}
function item(id: string) {
  const found = plan.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe("numbers in questions", () => {
  it.each([
    ["20万羽", 200000, "animal"],
    ["二十五万只", 250000, "animal"],
    ["1.2万头", 12000, "animal"],
    ["一百万羽", 1000000, "animal"],
    ["两万头", 20000, "animal"],
    ["200,000 hens", 200000, "animal"],
    ["250 thousand laying hens", 250000, "animal"],
    ["35蒸吨/小时", 35, "t/h"],
    ["35 t/h", 35, "t/h"],
    ["1,500 sealing points", 1500, "point"],
    ["一千五百个密封点", 1500, "point"],
    ["8000平方米", 8000, "m2"],
    ["8000平米", 8000, "m2"],
    ["8000㎡".normalize("NFKC"), 8000, "m2"],
    ["5000万标砖/年", 5e7, "brick/yr"],
    ["1000立方米", 1000, "m3"],
    ["100吨", 100, "t"],
    ["0.25米/秒", 0.25, "m/s"],
    ["300 MW", 300000, "kW"],
  ])("%s → %d %s", (text, value, unit) => {
    const [a] = findAmounts(text);
    expect(a?.value).toBe(value);
    expect(a?.unit).toBe(unit);
  });

  it("cuts the numeral span out before reading it: 二十万千瓦 is 200000 kW, not 201000", () => {
    const amounts = findAmounts("距二十万千瓦热电厂30公里");
    expect(amounts.map((a) => [a.value, a.unit])).toEqual([
      [200000, "kW"],
      [30, "km"],
    ]);
  });

  it("skips years, standards and words that only contain numeral characters", () => {
    expect(findAmounts("2025年年底前一般要完成国四第一阶段")).toEqual([]);
  });

  it("reads 百分之七十五 once as 75%", () => {
    const f = extractFacts("清洁运输比例百分之七十五", "zh");
    expect(f.amounts.map((a) => [a.value, a.unit])).toEqual([[75, "%"]]);
  });

  it.each([
    ["国四柴油货车", "national", 4],
    ["国Ⅳ柴油车".normalize("NFKC"), "national", 4],
    ["国4货车", "national", 4],
    ["China IV truck", "national", 4],
    ["第一阶段挖掘机", "stage", 1],
    ["第二阶段装载机", "stage", 2],
    ["Stage II loader", "stage", 2],
    ["国二挖掘机", "national", 2],
  ])("standard %s", (text, scheme, level) => {
    expect(findStandard(text)).toMatchObject({ scheme, level });
  });

  it("reads what a count measures from its own clause", () => {
    const f = extractFacts("生猪设计存栏5000头，设计年出栏1.2万头，要纳入试点吗", "zh");
    expect(f.animalCounts).toEqual([
      expect.objectContaining({ value: 5000, period: "stock", basis: "design" }),
      expect.objectContaining({ value: 12000, period: "annual", basis: "design" }),
    ]);
  });
});

describe("the rule table against the parsed plan", () => {
  it("has unique rule ids", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it.each(RULES.map((r) => [r.id, r] as const))("%s: every phrase is verbatim in its item", (_id, rule) => {
    const text = item(rule.itemId).text;
    expect(rule.phrases.length).toBeGreaterThan(0);
    for (const phrase of rule.phrases) expect(text).toContain(phrase);
  });

  it.each(RULES.filter((r) => r.deadlines.length > 0).map((r) => [r.id, r] as const))(
    "%s: every deadline it cites is parsed from its item",
    (_id, rule) => {
      const texts = item(rule.itemId).deadlines.map((d) => d.text);
      for (const d of rule.deadlines) expect(texts).toContain(d);
    },
  );

  it.each([
    ["6.5", 10000, "头", "gte"],
    ["6.5", 200000, "羽", "gte"],
    ["6.5", 1000000, "羽", "gte"],
    ["3.2", 35, "蒸吨/小时", "lte"],
    ["2.2", 1200, "立方米", "lte"],
    ["2.2", 100, "吨", "lte"],
    ["2.2", 60000000, "标砖/年", "lte"],
    ["5.1", 5000, "平方米", "gte"],
    ["6.2", 1000, "个", "gte"],
    ["6.2", 0.3, "米/秒", "gte"],
    ["2.1", 80, "%", "gte"],
  ])("threshold %s %d %s %s is the one the parser reads from the plan", (id, value, unit, comparator) => {
    expect(item(id).quantities).toContainEqual(expect.objectContaining({ value, unit, comparator }));
  });
});

/** [question, rule id, cited item, outcome] */
type Case = readonly [string, string, string, "applies" | "does_not_apply" | "need_more_info"];

const CASES: Record<string, readonly Case[]> = {
  "ammonia pilot (六(五))": [
    ["我的蛋鸡场设计存栏20万羽，要纳入试点吗？", "ammonia-pilot", "6.5", "applies"],
    ["蛋鸡设计存栏量199999羽，需要纳入试点吗", "ammonia-pilot", "6.5", "does_not_apply"],
    ["蛋鸡设计存栏二十万零一羽，要不要纳入试点", "ammonia-pilot", "6.5", "applies"],
    ["我家养了二十五万只蛋鸡，要纳入试点吗", "ammonia-pilot", "6.5", "applies"],
    ["蛋鸡存栏19万羽，需要纳入氨排放试点吗", "ammonia-pilot", "6.5", "does_not_apply"],
    ["My farm has 200,000 laying hens. Is it in the pilot?", "ammonia-pilot", "6.5", "applies"],
    ["We keep 250 thousand hens, do we need to join the ammonia pilot?", "ammonia-pilot", "6.5", "applies"],
    [
      "Our layer farm has a design capacity of 190,000 hens. Are we in the pilot?",
      "ammonia-pilot",
      "6.5",
      "does_not_apply",
    ],
    ["生猪设计年出栏量1万头，要纳入试点吗", "ammonia-pilot", "6.5", "applies"],
    ["生猪年出栏9999头需要纳入试点吗", "ammonia-pilot", "6.5", "does_not_apply"],
    ["生猪年出栏1.2万头需要纳入试点吗", "ammonia-pilot", "6.5", "applies"],
    ["生猪存栏2万头需要纳入试点吗", "ammonia-pilot", "6.5", "need_more_info"],
    ["养猪两万头，要纳入试点吗", "ammonia-pilot", "6.5", "need_more_info"],
    ["肉鸡年出栏一百万羽要纳入试点吗", "ammonia-pilot", "6.5", "applies"],
    ["肉鸡年出栏99万羽要纳入试点吗", "ammonia-pilot", "6.5", "does_not_apply"],
    [
      "Our broiler farm sells 1.2 million birds a year. Must we join the pilot?",
      "ammonia-pilot",
      "6.5",
      "applies",
    ],
    ["我家养了30万只鸡，要不要纳入试点？", "ammonia-pilot", "6.5", "need_more_info"],
    ["养牛场存栏5000头要纳入氨排放试点吗", "ammonia-pilot", "6.5", "does_not_apply"],
    ["I raise 3,000 sheep. Is my farm in the ammonia pilot?", "ammonia-pilot", "6.5", "does_not_apply"],
    ["实际存栏15万羽蛋鸡，要纳入试点吗", "ammonia-pilot", "6.5", "need_more_info"],
    ["蛋鸡实际存栏15万羽，设计存栏25万羽，要纳入试点吗", "ammonia-pilot", "6.5", "applies"],
    ["大型养殖场氨排放到2025年要下降多少", "ammonia-pilot", "6.5", "applies"],
  ],
  "coal boilers (三(二))": [
    ["35蒸吨/小时的燃煤锅炉要淘汰吗", "coal-boiler", "3.2", "applies"],
    ["34蒸吨的燃煤锅炉要淘汰吗", "coal-boiler", "3.2", "applies"],
    ["三十五蒸吨燃煤锅炉需要淘汰吗", "coal-boiler", "3.2", "applies"],
    ["Must our 35 t/h coal-fired boiler be eliminated?", "coal-boiler", "3.2", "applies"],
    ["36蒸吨/小时的燃煤锅炉要淘汰吗", "coal-boiler", "3.2", "need_more_info"],
    ["50蒸吨燃煤锅炉，距30万千瓦热电厂20公里，要关停吗", "coal-boiler", "3.2", "applies"],
    ["50蒸吨燃煤锅炉，距30万千瓦热电厂30公里，要关停吗", "coal-boiler", "3.2", "applies"],
    ["50蒸吨燃煤锅炉，距30万千瓦热电厂31公里，要关停吗", "coal-boiler", "3.2", "does_not_apply"],
    ["50蒸吨燃煤锅炉，距二十万千瓦热电厂10公里，要关停吗", "coal-boiler", "3.2", "does_not_apply"],
    ["A 50 t/h coal boiler 20 km from a 300 MW CHP plant: must it shut?", "coal-boiler", "3.2", "applies"],
    ["燃煤锅炉要淘汰吗", "coal-boiler", "3.2", "need_more_info"],
    ["锅炉要淘汰吗", "coal-boiler", "3.2", "need_more_info"],
    ["能不能新建燃煤锅炉", "coal-boiler", "3.2", "applies"],
    ["集中供暖可以新建燃煤锅炉吗", "coal-boiler", "3.2", "does_not_apply"],
    ["饭店的茶水炉要淘汰吗", "coal-boiler", "3.2", "applies"],
    ["燃煤的经营性炉灶还能用吗？要淘汰吗", "coal-boiler", "3.2", "applies"],
    ["储粮烘干设备烧煤，要淘汰吗", "coal-boiler", "3.2", "applies"],
  ],
  "environmental access (二(一))": [
    ["新建水泥熟料项目可以吗", "new-capacity-ban", "2.1", "applies"],
    ["Can we build a new flat glass plant?", "new-capacity-ban", "2.1", "applies"],
    ["想新上一个铅锌冶炼项目，可以吗", "new-capacity-ban", "2.1", "applies"],
    ["新建家具厂项目可以吗", "new-capacity-ban", "2.1", "does_not_apply"],
    ["新建水泥项目可以吗", "new-capacity-ban", "2.1", "need_more_info"],
    ["新建项目清洁运输比例75%可以吗", "new-project-clean-transport", "2.1", "applies"],
    ["新建项目清洁运输比例80%满足要求吗", "new-project-clean-transport", "2.1", "applies"],
    ["新建涉及锅炉的项目绩效要达到什么等级？必须A级吗", "new-project-a-level", "2.1", "applies"],
  ],
  "outdated capacity (二(二))": [
    ["1200立方米的高炉要改造吗", "steel-equipment-upgrade", "2.2", "applies"],
    ["1300立方米的高炉要改造吗", "steel-equipment-upgrade", "2.2", "does_not_apply"],
    ["100吨转炉要大型化改造吗", "steel-equipment-upgrade", "2.2", "applies"],
    ["Does a 120 t electric arc furnace need upsizing?", "steel-equipment-upgrade", "2.2", "does_not_apply"],
    ["高炉要改造吗", "steel-equipment-upgrade", "2.2", "need_more_info"],
    ["6000万标砖/年的烧结砖生产线要退出吗", "brick-line-exit", "2.2", "applies"],
    ["8000万标砖/年的砖厂在城市规划区外，要退出吗", "brick-line-exit", "2.2", "does_not_apply"],
    ["8000万标砖/年的砖厂在城市规划区内，要退出吗", "brick-line-exit", "2.2", "applies"],
    ["8000万标砖/年的砖厂要退出吗", "brick-line-exit", "2.2", "need_more_info"],
    ["2026年关停砖厂还有奖补吗", "brick-exit-subsidy", "2.2", "does_not_apply"],
    ["2025年关停砖厂还有奖补吗", "brick-exit-subsidy", "2.2", "applies"],
  ],
  "industrial furnaces (三(三))": [
    ["能新建煤气发生炉吗", "gas-producer", "3.3", "applies"],
    ["现有燃料类煤气发生炉要怎么办", "gas-producer", "3.3", "applies"],
    ["燃煤加热炉要改吗", "industrial-furnace-fuel", "3.3", "applies"],
    ["以重油为燃料的工业窑炉要淘汰吗", "industrial-furnace-fuel", "3.3", "applies"],
    ["天然气熔化炉需要改造吗", "industrial-furnace-fuel", "3.3", "does_not_apply"],
    ["干燥炉要改用清洁能源吗", "industrial-furnace-fuel", "3.3", "need_more_info"],
  ],
  "vehicles (四(二))": [
    ["城市建成区的渣土车要换新能源吗", "new-energy-vehicles", "4.2", "applies"],
    ["渣土车要换新能源吗", "new-energy-vehicles", "4.2", "need_more_info"],
    ["农村跑的物流车要新能源化吗", "new-energy-vehicles", "4.2", "does_not_apply"],
    ["出租车必须是新能源吗", "new-energy-vehicles", "4.2", "applies"],
    ["Do ride-hailing cars have to be electric by 2025?", "new-energy-vehicles", "4.2", "applies"],
    ["救护车要新能源化吗", "new-energy-vehicles", "4.2", "does_not_apply"],
    ["国四柴油货车要淘汰吗", "diesel-truck-phaseout", "4.2", "applies"],
    ["国三柴油货车要淘汰吗", "diesel-truck-phaseout", "4.2", "applies"],
    ["国五柴油货车要淘汰吗", "diesel-truck-phaseout", "4.2", "does_not_apply"],
    ["Must my China IV diesel truck be phased out?", "diesel-truck-phaseout", "4.2", "applies"],
    ["柴油货车要淘汰吗", "diesel-truck-phaseout", "4.2", "need_more_info"],
    ["稀薄燃烧的燃气货车要淘汰吗", "diesel-truck-phaseout", "4.2", "applies"],
    ["机关新买公务车必须是新能源吗", "official-cars", "4.2", "applies"],
  ],
  "non-road machinery (四(三))": [
    ["第一阶段挖掘机要淘汰吗", "nonroad-stage1-phaseout", "4.3", "applies"],
    ["第二阶段装载机要淘汰吗", "nonroad-stage1-phaseout", "4.3", "does_not_apply"],
    ["挖掘机要淘汰吗", "nonroad-stage1-phaseout", "4.3", "need_more_info"],
    ["国二挖掘机能进施工工地吗", "nonroad-banned-zone", "4.3", "applies"],
    ["国二叉车能在物流园区用吗", "nonroad-banned-zone", "4.3", "applies"],
    ["Can a Stage II loader work in a rail freight yard?", "nonroad-banned-zone", "4.3", "applies"],
    ["国三装载机能进物流园区吗", "nonroad-banned-zone", "4.3", "does_not_apply"],
    ["挖掘机能进工地吗", "nonroad-banned-zone", "4.3", "need_more_info"],
  ],
  "construction sites (五(一))": [
    ["工地5000平米要安装视频监控吗", "construction-site-monitoring", "5.1", "applies"],
    ["工地4999平方米要装在线监测吗", "construction-site-monitoring", "5.1", "does_not_apply"],
    ["8000㎡的建筑工地需要装在线监测吗", "construction-site-monitoring", "5.1", "applies"],
    [
      "Our building site is 6,000 square metres. Do we need online monitoring?",
      "construction-site-monitoring",
      "5.1",
      "applies",
    ],
    ["工地要装在线监测吗", "construction-site-monitoring", "5.1", "need_more_info"],
  ],
  "VOCs (六(二))": [
    ["密封点1000个要做LDAR吗", "vocs-ldar", "6.2", "applies"],
    ["we have 999 sealing points, do we need LDAR?", "vocs-ldar", "6.2", "does_not_apply"],
    ["Our plant has 1,500 sealing points. Is LDAR required?", "vocs-ldar", "6.2", "applies"],
    ["要不要开展LDAR？", "vocs-ldar", "6.2", "need_more_info"],
    ["集气罩风速0.25米/秒达标吗", "vocs-hood-speed", "6.2", "applies"],
  ],
  "furnaces and boilers (六(三))": [
    ["水泥厂超低排放改造什么时候完成", "ultra-low-emission", "6.3", "applies"],
    ["钢铁企业清洁运输超低排放改造要什么时候完成", "ultra-low-emission", "6.3", "applies"],
    ["燃气锅炉要改造吗", "gas-boiler-low-nox", "6.3", "applies"],
    ["Does our gas-fired boiler need a low-NOx retrofit?", "gas-boiler-low-nox", "6.3", "applies"],
    ["生物质锅炉可以掺烧煤吗", "biomass-boiler", "6.3", "applies"],
  ],
  "other items": [
    ["企业没有配套高效脱硫设施要怎么办", "inefficient-treatment-upgrade", "6.4", "applies"],
    ["饭店要装油烟净化器吗", "restaurant-fume-purifier", "6.6", "applies"],
    ["奶茶店不产生油烟，要装油烟净化器吗", "restaurant-fume-purifier", "6.6", "does_not_apply"],
    ["学校大食堂要装在线监控吗", "canteen-purifier", "6.6", "applies"],
    ["单位食堂要装高效油烟净化器吗", "canteen-purifier", "6.6", "need_more_info"],
    ["我们企业绩效C级，秋冬季要限产吗", "seasonal-production-control", "7.4", "applies"],
    ["我们企业绩效B级，秋冬季要限产吗", "seasonal-production-control", "7.4", "does_not_apply"],
    ["水泥厂要错峰生产吗", "staggered-production", "7.3", "applies"],
    ["春节能在广场放烟花吗", "fireworks-ban", "5.4", "applies"],
    ["过年能放鞭炮吗", "fireworks-ban", "5.4", "need_more_info"],
    ["已经完成煤改气的村子还能烧散煤吗", "loose-coal-ban", "3.4", "applies"],
    ["可以烧秸秆吗", "straw-burning-ban", "5.3", "applies"],
    ["在城市建成区新建使用溶剂型涂料的项目可以吗", "solvent-coating-projects", "6.1", "applies"],
    ["家具厂要用低VOCs涂料替代吗", "low-vocs-substitution", "6.1", "applies"],
    ["流动加油车允许经营吗", "illegal-fuel-outlets", "4.4", "applies"],
  ],
};

describe.each(Object.entries(CASES))("%s", (_name, cases) => {
  it.each(cases.map((c) => [...c]))("%s → %s %s %s", (question, rule, itemId, outcome) => {
    const r = run(question);
    expect(r, question).not.toBeNull();
    expect(r?.check.rule).toBe(rule);
    expect(r?.itemId).toBe(itemId);
    expect(r?.check.clause).toBe(itemId);
    expect(r?.check.outcome).toBe(outcome);
    // The cited phrase is verbatim in the cited item, the check is schema-valid, missing only when needed.
    expect(item(itemId).text).toContain(r?.phrase);
    expect(() => Check.parse(r?.check)).not.toThrow();
    if (outcome === "need_more_info") expect(r?.check.missing.length).toBeGreaterThan(0);
    else expect(r?.check.missing).toEqual([]);
    expect(r?.verdict.length).toBeGreaterThan(0);
    // Explanation and verdict are in the question's language.
    if (isEn(question)) expect(r?.verdict).not.toMatch(/[\u4e00-\u9fa5]{4}/);
    else expect(r?.verdict).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe("threshold semantics", () => {
  it("以上/以下/大于等于 include the figure, and the explanation says so", () => {
    const zh = run("我的蛋鸡场设计存栏20万羽，要纳入试点吗？");
    expect(zh?.check.explanation).toContain("20万羽 = 20万羽：“以上”含本数，属于试点对象");
    expect(zh?.verdict).toBe("是的，需要纳入试点。");
    const en = run("My farm has a design stock of 200,000 laying hens. Is it in the pilot?");
    expect(en?.check.explanation).toContain(
      "200,000 birds = 200,000 birds: 以上 includes the figure itself, so the farm is in the pilot",
    );
    expect(en?.verdict).toBe("Yes — your farm is in the pilot.");
    expect(run("35蒸吨/小时的燃煤锅炉要淘汰吗")?.check.explanation).toContain("“以下”含本数");
    expect(run("密封点1000个要做LDAR吗")?.check.explanation).toContain("“大于等于”含本数");
  });

  it("超过/不满 exclude the figure", () => {
    const unit = { zh: "个", en: "" };
    const yes = { zh: "是", en: "yes" };
    const no = { zh: "否", en: "no" };
    expect(compareText(10, 10, "gt", "超过", unit, yes, no)).toMatchObject({ holds: false });
    expect(compareText(10, 10, "gt", "超过", unit, yes, no).text.zh).toContain("“超过”不含本数，否");
    expect(compareText(10, 10, "lt", "不满", unit, yes, no).holds).toBe(false);
    expect(compareText(9, 10, "lt", "不满", unit, yes, no).holds).toBe(true);
    expect(compareText(10, 10, "lte", "以内", unit, yes, no).holds).toBe(true);
  });

  it("normalises facts: animal, count, unit, basis, period", () => {
    expect(run("生猪设计年出栏量1.2万头，要纳入试点吗")?.check.facts).toMatchObject({
      animal: "pig",
      count: 12000,
      unit: "头",
      basis: "design",
      period: "annual",
    });
    expect(
      run("We keep 250 thousand hens, do we need to join the ammonia pilot?")?.check.facts,
    ).toMatchObject({
      animal: "layer",
      count: 250000,
      period: "stock",
    });
  });

  it("design capacity decides: a current figure below the threshold asks for the design figure", () => {
    const r = run("实际存栏15万羽蛋鸡，要纳入试点吗");
    expect(r?.check.outcome).toBe("need_more_info");
    expect(r?.check.missing.join()).toContain("设计存栏量");
    expect(run("蛋鸡实际存栏15万羽，设计存栏25万羽，要纳入试点吗")?.check.facts).toMatchObject({
      count: 250000,
      basis: "design",
    });
  });

  it("stock vs annual output: a pig stock figure is not compared with an annual-output threshold", () => {
    const r = run("生猪存栏2万头需要纳入试点吗");
    expect(r?.check.facts).toMatchObject({ period: "stock" });
    expect(r?.check.missing.join()).toContain("年出栏");
  });

  it("names the choices when facts are missing", () => {
    const chicken = run("我家养了30万只鸡，要不要纳入试点？");
    expect(chicken?.check.missing.join()).toMatch(/蛋鸡.*肉鸡/);
    expect(chicken?.check.missing.join()).toMatch(/存栏.*年出栏/);
    const en = run("I have 300,000 chickens. Am I in the pilot?");
    expect(en?.check.missing.join()).toMatch(/laying hens.*broilers/);
    const boiler = run("50蒸吨/小时的燃煤锅炉要关停吗");
    expect(boiler?.check.outcome).toBe("need_more_info");
    expect(boiler?.check.missing.join()).toContain("30公里");
  });
});

describe("departments and deadlines come from the plan", () => {
  it("uses the item's own departments and its standing note", () => {
    const r = run("我的蛋鸡场设计存栏20万羽，要纳入试点吗？");
    expect(r?.departments).toEqual(itemDepartments(item("6.5")));
    expect(r?.departments.map((d) => d.name)).toEqual(
      expect.arrayContaining(["市农业农村局", "市生态环境局", "各县(市、区)政府"]),
    );
    expect(r?.check.explanation).not.toContain("市农业农村局"); // departments are data, rendered once
  });

  it("takes the deadline from the item", () => {
    const before = run("1000立方米的高炉要改造吗", plan, "2024-06-01");
    expect(before?.deadline).toMatchObject({ text: "2024年年底前", date: "2024-12-31" });
    expect(run("城市建成区的渣土车要换新能源吗")?.deadline?.date).toBe("2025-12-31");
    expect(run("钢铁企业清洁运输超低排放改造要什么时候完成")?.deadline?.date).toBe("2025-08-31");
  });

  it("follows a changed plan rather than hard-coded values", () => {
    const altered: Plan = structuredClone(plan);
    const six5 = altered.items.find((i) => i.id === "6.5");
    if (!six5) throw new Error("no 6.5");
    six5.departments = [{ name: "市测试局", role: "lead", written: "市测试局" }];
    six5.standingNote = null;
    const d = six5.deadlines[0];
    if (d) six5.deadlines[0] = { ...d, date: "2030-12-31" };
    const r = run("我的蛋鸡场设计存栏20万羽，要纳入试点吗？", altered);
    expect(r?.departments).toEqual([{ name: "市测试局", role: "lead" }]);
    expect(r?.deadline?.date).toBe("2030-12-31");
    expect(r?.deadline?.text).toBe(six5.deadlines[0]?.text);
  });

  it("does not fire a rule when the plan lacks its phrase", () => {
    const altered: Plan = structuredClone(plan);
    const six2 = altered.items.find((i) => i.id === "6.2");
    if (!six2) throw new Error("no 6.2");
    six2.text = six2.text.replace("大于等于1000个", "大于等于2000个");
    expect(run("密封点1000个要做LDAR吗", altered)).toBeNull();
  });
});

describe("questions without a rule go to retrieval", () => {
  it.each([
    "PM2.5目标",
    "城管局负责哪些任务",
    "六(五)",
    "燃煤锅炉",
    "六(五)的试点对象有哪些？",
    "What is the PM2.5 target for 2025?",
    "Which departments lead 六(三)?",
    "蛋鸡",
  ])("%s → null", (q) => {
    expect(run(q)).toBeNull();
  });
});

describe("guided checks", () => {
  it("covers the required checks with short ASCII option values", () => {
    expect(GUIDED_CHECKS.map((g) => g.id)).toEqual(
      expect.arrayContaining(["ammonia-pilot", "coal-boiler", "construction-site", "vocs-ldar"]),
    );
    for (const g of GUIDED_CHECKS)
      for (const s of g.steps) for (const o of s.options) expect(o.value).toMatch(/^[\x21-\x7e]{1,20}$/);
    const pilot = GUIDED_CHECKS.find((g) => g.id === "ammonia-pilot");
    expect(pilot?.steps.map((s) => s.fact)).toEqual(["animal", "basis", "count"]);
    expect(pilot?.steps[2]?.options.map((o) => o.value)).toContain("exactly");
  });

  const combos = (steps: (typeof GUIDED_CHECKS)[number]["steps"]): Array<Record<string, string>> =>
    steps.reduce<Array<Record<string, string>>>(
      (acc, step) => acc.flatMap((v) => step.options.map((o) => ({ ...v, [step.fact]: o.value }))),
      [{}],
    );

  it.each(GUIDED_CHECKS.flatMap((g) => (["zh", "en"] as const).map((lang) => [g.id, lang] as const)))(
    "%s (%s): every combination of answers builds a question a rule answers",
    (id, lang) => {
      const g = GUIDED_CHECKS.find((c) => c.id === id);
      if (!g) throw new Error(id);
      for (const values of combos(g.steps)) {
        const q = g.toQuestion(values, lang);
        const r = runRules({ question: q.normalize("NFKC"), lang, plan, today: TODAY });
        expect(r, q).not.toBeNull();
      }
    },
  );

  it.each([
    [{ animal: "layer", basis: "design", count: "exactly" }, "applies"],
    [{ animal: "layer", basis: "design", count: "below" }, "does_not_apply"],
    [{ animal: "pig", basis: "design", count: "exactly" }, "applies"],
    [{ animal: "broiler", basis: "current", count: "below" }, "need_more_info"],
    [{ animal: "cattle", basis: "design", count: "above" }, "does_not_apply"],
  ] as const)("ammonia pilot %o → %s in both languages", (values, outcome) => {
    const g = GUIDED_CHECKS.find((c) => c.id === "ammonia-pilot");
    for (const lang of ["zh", "en"] as const) {
      const r = runRules({ question: g?.toQuestion({ ...values }, lang) ?? "", lang, plan, today: TODAY });
      expect(r?.check.rule).toBe("ammonia-pilot");
      expect(r?.check.outcome).toBe(outcome);
    }
  });

  it.each([
    ["coal-boiler", { fuel: "coal", size: "35", location: "unknown" }, "coal-boiler", "applies"],
    ["coal-boiler", { fuel: "coal", size: "50", location: "unknown" }, "coal-boiler", "need_more_info"],
    ["coal-boiler", { fuel: "coal", size: "50", location: "inside" }, "coal-boiler", "applies"],
    ["coal-boiler", { fuel: "coal", size: "50", location: "outside" }, "coal-boiler", "does_not_apply"],
    ["coal-boiler", { fuel: "gas", size: "50", location: "unknown" }, "gas-boiler-low-nox", "applies"],
    ["construction-site", { area: "5000" }, "construction-site-monitoring", "applies"],
    ["construction-site", { area: "3000" }, "construction-site-monitoring", "does_not_apply"],
    ["vocs-ldar", { points: "999" }, "vocs-ldar", "does_not_apply"],
    ["vocs-ldar", { points: "1000" }, "vocs-ldar", "applies"],
    ["nonroad-machinery", { stage: "2", place: "site" }, "nonroad-banned-zone", "applies"],
    ["nonroad-machinery", { stage: "3", place: "rail" }, "nonroad-banned-zone", "does_not_apply"],
  ] as const)("%s %o → %s %s", (id, values, rule, outcome) => {
    const g = GUIDED_CHECKS.find((c) => c.id === id);
    for (const lang of ["zh", "en"] as const) {
      const r = runRules({ question: g?.toQuestion({ ...values }, lang) ?? "", lang, plan, today: TODAY });
      expect(r?.check.rule).toBe(rule);
      expect(r?.check.outcome).toBe(outcome);
    }
  });
});
