/**
 * The department directory from data: genre-wide departments in data/departments.yaml, a document's
 * own in its profile file, and clauses as the genre writes them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  canonicalDepartment,
  DepartmentDirectory,
  departmentWords,
  englishDepartment,
  findDepartmentMentions,
  loadCorpus,
  loadDepartmentData,
  placeInPinyin,
} from "../src/corpus/index.js";
import { parseLabelledResponsibility, parseResponsibility } from "../src/corpus/responsibility.js";

const data = loadDepartmentData("data");
const directory = (names: string[]) => {
  const d = new DepartmentDirectory(data);
  d.addDocument([], names);
  return d;
};
const means = (d: DepartmentDirectory, q: string) => d.findMentions(q).flatMap((m) => m.names);

describe("the directory", () => {
  const d = directory([
    "市生态环境局",
    "县生态环境分局",
    "省生态环境厅",
    "市公安局",
    "省公安厅",
    "市城市管理局",
  ]);

  it("matches what people call a department to every level's name of the loaded documents", () => {
    expect(means(d, "环保局牵头哪些任务")).toEqual(["市生态环境局", "县生态环境分局", "省生态环境厅"]);
    expect(means(d, "环境保护局")).toEqual(["市生态环境局", "县生态环境分局", "省生态环境厅"]);
    expect(means(d, "市环保局")).toEqual(["市生态环境局"]);
    expect(means(d, "省环保厅")).toEqual(["省生态环境厅"]);
    expect(means(d, "交警")).toEqual(["市公安局", "省公安厅"]);
    expect(means(d, "城管局")).toEqual(["市城市管理局"]);
    expect(means(d, "What does the provincial public security department do?")).toEqual(["省公安厅"]);
    expect(means(d, "environmental protection bureau")).toEqual([
      "市生态环境局",
      "县生态环境分局",
      "省生态环境厅",
    ]);
  });

  it("reads 州 right after a place as the end of its name (钦州公安局 is a city's bureau), before a department as a prefecture's", () => {
    const d = directory(["市公安局", "州公安局"]);
    expect(means(d, "钦州公安局有哪些任务")).toEqual(["市公安局", "州公安局"]);
    expect(means(d, "州公安局有哪些任务")).toEqual(["州公安局"]);
  });

  it("finds a unit named after a place by its other spellings, never by another unit's", () => {
    const d = directory(["市公安局东岗区分局", "市生态环境局东岗分局", "白岭经济技术开发区管委会"]);
    expect(means(d, "公安东岗分局管什么")).toEqual(["市公安局东岗区分局"]);
    expect(means(d, "东岗公安分局")).toEqual(["市公安局东岗区分局"]);
    expect(means(d, "东岗生态环境分局")).toEqual(["市生态环境局东岗分局"]);
    expect(means(d, "白岭经开区管委会有哪些任务")).toEqual(["白岭经济技术开发区管委会"]);
  });

  it("knows no department of a document that is not loaded", () => {
    expect(means(d, "铁路公司")).toEqual([]);
    expect(means(d, "气象局")).toEqual([]);
  });

  it("gives English names by level, by place and by zone", () => {
    const e = (n: string) => d.english(n);
    expect(e("市生态环境局")).toBe("Municipal Ecology and Environment Bureau");
    expect(e("省生态环境厅")).toBe("Provincial Department of Ecology and Environment");
    expect(e("县生态环境分局")).toBe("County Ecology and Environment Sub-bureau");
    expect(e("市委宣传部")).toBe("Publicity Department of the Municipal Party Committee");
    expect(e("各县(市、区)政府")).toBe("County, City and District Governments");
    expect(e("各县区政府")).toBe("County and District Governments");
    expect(e("长沙县政府")).toBe(`${placeInPinyin("长沙")} County Government`);
    expect(e("国网长沙供电公司")).toBe(`State Grid ${placeInPinyin("长沙")} Power Supply Company`);
    expect(e("人民银行长沙市分行")).toBe(`People's Bank of China ${placeInPinyin("长沙")} Branch`);
    expect(e("经济技术开发区管委会")).toBe(
      "Economic and Technological Development Zone Administrative Committee",
    );
    expect(e("市城乡一体化示范区管委会")).toBe(
      "Urban-Rural Integration Demonstration Zone Administrative Committee",
    );
    // A zone run by an administration (管理局) rather than a committee; departments ending so stay departments.
    expect(e("长沙国际航天城管理局")).toBe(
      `${placeInPinyin("长沙")} International Aerospace City Administration`,
    );
    expect(e("市市场监督管理局")).toBe("Municipal Market Supervision Administration");
    expect(e("市城市管理局")).toBe("Municipal Urban Management Bureau");
    expect(e("县级政府")).toBe("County Governments");
    expect(e("县畜牧兽医服务中心")).toBe("County Animal Husbandry and Veterinary Service Centre");
    expect(e("县委机构编制委员会办公室")).toBe(
      "Office of the Institutional Organization Commission of the County Party Committee",
    );
    // A court is no procuratorate: each has its own name and its own aliases.
    expect(e("县人民法院")).toBe("County People's Court");
    expect(e("县人民检察院")).toBe("County People's Procuratorate");
    expect(e("某某协会")).toBeUndefined();
  });

  it("keeps names as written, in one spelling of brackets, with a document's own folds", () => {
    expect(canonicalDepartment("各县〈市、区〉政府")).toBe("各县(市、区)政府");
    expect(canonicalDepartment("各县（区）政府")).toBe("各县(区)政府");
    expect(canonicalDepartment("市应急管理局")).toBe("市应急管理局");
    expect(canonicalDepartment("示范区管委会", new Map([["示范区管委会", "市某某示范区管委会"]]))).toBe(
      "市某某示范区管委会",
    );
  });
});

describe("the shared directory, from the documents loaded", () => {
  const dev = loadCorpus("eval/genre/dev/docs");

  it("finds 环保局 in every loaded document's names, and the corpus has its own directory", () => {
    expect(
      findDepartmentMentions("环保局")
        .flatMap((m) => m.names)
        .sort(),
    ).toEqual([
      "区生态环境分局",
      "区生态环境局",
      "县生态环境分局",
      "县生态环境局",
      "州生态环境局",
      "市生态环境分局",
      "市生态环境局",
      "旗生态环境分局",
      "省生态环境厅",
      "自治区生态环境厅",
    ]);
    // Every loaded document's central-bank branch, and nothing else.
    const banks = dev.departments.findMentions("人民银行").flatMap((m) => m.names);
    expect(banks).toEqual(
      expect.arrayContaining([
        "人民银行濮阳市分行",
        "人民银行汕头市中心支行",
        "人民银行山西省分行",
        "中国人民银行邢台市分行",
      ]),
    );
    expect(banks.every((b) => /^(?:中国)?(?:人民银行|人行)/.test(b))).toBe(true);
    expect(englishDepartment("中国铁路太原局集团有限公司")).toBe("China Railway Taiyuan Group Co., Ltd.");
    // A city's gas utility, named after the city (某市天然气公司 beside 国网某市供电公司).
    expect(englishDepartment("新密市天然气公司")).toBe("Xinmi Natural Gas Company");
    // The campaign office named in full at county level (县大气污染防治攻坚办公室), as 攻坚办 is.
    expect(englishDepartment("县大气污染防治攻坚办公室")).toBe(
      "County Air Pollution Control Campaign Office",
    );
    // … and shortened to 攻坚办 after its subject.
    expect(englishDepartment("县大气污染防治攻坚办")).toBe("County Air Pollution Control Campaign Office");
    // The establishment office called by its short name after the county Party committee (县委编办), the campaign
    // office named for the environment (县环境攻坚办) and the emergency command's member units.
    expect(englishDepartment("县委编办")).toBe(
      "Office of the Institutional Organization Commission of the County Party Committee",
    );
    expect(englishDepartment("县环境攻坚办")).toBe("County Environmental Campaign Office");
    // … and the office named for pollution prevention as a whole, shortened the same way (县污染防治攻坚办).
    expect(englishDepartment("县污染防治攻坚办")).toBe("County Pollution Prevention Campaign Office");
    expect(englishDepartment("县重污染天气应急指挥部各成员单位")).toBe(
      "Member units of the County Heavy Pollution Weather Emergency Command",
    );
    // The townships' governments where they lie, those named in brackets — not a place called 山区乡.
    expect(englishDepartment("山区乡镇人民政府")).toBe("Township and Town Governments in the mountain areas");
    expect(englishDepartment("西部山区乡镇(黄洞乡、庙口镇)人民政府")).toBe(
      "Township and Town Governments in the western mountain area (Huangdong Township, Miaokou Town)",
    );
    // An auditing department, named by its kind (审计部门要加强…审计监督).
    expect(englishDepartment("审计部门")).toBe("Audit Bureau");
    expect(englishDepartment("县审计局")).toBe("County Audit Bureau");
    // Other names of departments the genre writes: a reserves centre, a bureau without 和, postal departments, and
    // zones by their kind (经济开发区, not a place called 商水经济).
    expect(englishDepartment("县粮食和物资储备中心")).toBe("County Food and Strategic Reserves Centre");
    expect(englishDepartment("县人力资源社会保障局")).toBe(
      "County Human Resources and Social Security Bureau",
    );
    expect(englishDepartment("县邮政管理部门")).toBe("County postal administration");
    // A data centre named as a management centre (县大数据管理中心).
    expect(englishDepartment("县大数据管理中心")).toBe("County Big Data Management Centre");
    // Officials a plan holds responsible in its own words (各级领导干部要切实扛牢…责任).
    expect(englishDepartment("各级领导干部")).toBe("Leading officials at every level");
    // The short 教体局 and a financial regulator's county branch (监管支局), as the genre writes them.
    expect(englishDepartment("县教体局")).toBe("County Education and Sports Bureau");
    expect(englishDepartment("国家金融监督管理总局潢川监管支局")).toBe(
      "National Financial Regulatory Administration Huangchuan Branch",
    );
    // Every township's government along a river, its units written with a bracket (沿黄各乡(镇)人民政府).
    expect(englishDepartment("沿黄各乡(镇)人民政府")).toBe(
      "Township and Town Governments along the Yellow River",
    );
    // A river authority named after the place it serves, a county's post company, its finance centre.
    expect(englishDepartment("某县黄河河务局")).toBe("Mouxian Yellow River Affairs Bureau");
    expect(englishDepartment("县邮政公司")).toBe("County China Post Company");
    expect(englishDepartment("县金融工作服务中心")).toBe("County Financial Work Service Centre");
    expect(englishDepartment("某县经济开发区管委会")).toBe(
      "Mouxian Economic Development Zone Administrative Committee",
    );
    expect(englishDepartment("县先进制造业开发区管委会")).toBe(
      "Advanced Manufacturing Development Zone Administrative Committee",
    );
    // A county's centre for the mushroom it is known for, as for other specialties.
    expect(englishDepartment("县香菇产业发展中心")).toBe("County Shiitake Industry Development Center");
    // A unit of the genre written after its place's name: that place's unit at the level written.
    expect(englishDepartment("铜川市融媒体中心")).toBe("Tongchuan Municipal Media Convergence Center");
    expect(englishDepartment("湘阴县公路建设养护中心")).toBe(
      "Xiangyin County Highway Construction and Maintenance Centre",
    );
    // Units concerned, not a town called 有关乡.
    expect(englishDepartment("有关乡镇")).toBe("The Townships concerned");
    expect(englishDepartment("各有关镇街")).toBe("The Towns and Sub-districts concerned");
    // Governments of the places concerned, not of a place called 有关.
    expect(englishDepartment("有关镇人民政府")).toBe("The Town Governments concerned");
    expect(englishDepartment("有关乡(镇)人民政府")).toBe("The Township and Town Governments concerned");
    expect(departmentWords()).toContain("国网濮阳供电公司");
  });

  it("reads 公安交管大队 as the traffic unit, not the bureau beside it", () => {
    const found = findDepartmentMentions("公安交管大队配合哪些任务");
    expect(found).toHaveLength(1);
    expect(found[0]?.names.every((n) => n.includes("大队"))).toBe(true);
    expect(findDepartmentMentions("公安局和交管大队").map((m) => m.alias)).toHaveLength(2);
  });

  it("finds a plan's name written with an alias (市发改局) when the full form is asked (市发展和改革局)", () => {
    const [mention] = findDepartmentMentions("市发展和改革局牵头哪些任务");
    expect(mention?.names).toContain("市发改局");
    expect(mention?.names).toContain("市发展和改革委员会");
  });

  it("has an English name for every department the development documents name", () => {
    const named = new Set(dev.plans.flatMap((p) => p.items.flatMap((i) => i.departments.map((d) => d.name))));
    for (const name of named) expect(englishDepartment(name), name).toBeDefined();
  });
});

describe("responsibility clauses of the genre", () => {
  it("reads 由…牵头, 督导, and lists closed by 等部门 / 等相关部门", () => {
    const roles = (t: string) => parseResponsibility(t)?.departments.map((d) => [d.name, d.role]);
    expect(roles("由市生态环境局牵头，市发展改革委、市工业和信息化局等部门按职责分工负责")).toEqual([
      ["市生态环境局", "lead"],
      ["市发展改革委", "responsible"],
      ["市工业和信息化局", "responsible"],
    ]);
    expect(roles("各县（市、区）政府负责，市生态环境局等相关部门督导")).toEqual([
      ["各县(市、区)政府", "responsible"],
      ["市生态环境局", "lead"],
    ]);
  });

  it("reads a labelled list and a standing note in one bracket", () => {
    const r = parseResponsibility(
      "责任单位：县发展改革委、县经信局。以下各项任务均需各乡镇人民政府负责落实，不再列出",
    );
    expect(r?.departments.map((d) => [d.name, d.role])).toEqual([
      ["县发展改革委", "responsible"],
      ["县经信局", "responsible"],
    ]);
    expect(r?.standingNote?.departments.map((d) => d.name)).toEqual(["各乡镇人民政府"]);
  });

  it("reads offices and stations (督查室, 监测站) as departments", () => {
    const roles = (t: string) => parseResponsibility(t)?.departments.map((d) => [d.name, d.role]);
    expect(roles("市生态环境局牵头，市委督查室、市政府督查室参与")).toEqual([
      ["市生态环境局", "lead"],
      ["市委督查室", "support"],
      ["市政府督查室", "support"],
    ]);
    expect(roles("县环境监测站负责")).toEqual([["县环境监测站", "responsible"]]);
  });

  it("reads a bureau's own sections (大气生态环境科) as units named without a level, and branches by their county", () => {
    const roles = (t: string) => parseResponsibility(t)?.departments.map((d) => [d.name, d.role]);
    // A section keeps no level from the unit before it: it is the bureau's, not the city's.
    expect(roles("市生态环境综合执法支队牵头，大气生态环境科、法规与标准科配合")).toEqual([
      ["市生态环境综合执法支队", "lead"],
      ["大气生态环境科", "support"],
      ["法规与标准科", "support"],
    ]);
    const e = (n: string) => englishDepartment(n);
    expect(e("大气生态环境科")).toBe("Air and Ecological Environment Section");
    expect(e("市大气生态环境科")).toBeUndefined();
    expect(e("某某分局")).toBe(`${placeInPinyin("某某")} Sub-bureau`);
    // A form of a department at some level is no place's branch (公安分局 is not of a place called 公安).
    expect(e("公安某某分局")).toBe(`${placeInPinyin("某某")} Public Security Sub-bureau`);
    expect(e("市公安局交警支队")).toBe("Municipal Public Security Bureau Traffic Police Detachment");
    // 内科, 学科: words ending in 科 that are no unit.
    expect(roles("内科配合")).toBeUndefined();
  });

  it("reads the role words other plans use: 主责/主导/牵总/领衔 lead, 协作/参加/配合落实 help", () => {
    const read = (clause: string) =>
      parseResponsibility(clause)?.departments.map((d) => [d.name, d.role]) ?? null;
    expect(read("县生态环境分局主导，县工信局参加")).toEqual([
      ["县生态环境分局", "lead"],
      ["县工信局", "support"],
    ]);
    expect(read("县生态环境分局牵总，县工信局配合落实")).toEqual([
      ["县生态环境分局", "lead"],
      ["县工信局", "support"],
    ]);
    expect(read("县生态环境分局领衔，县工信局按职责落实")?.[1]).toEqual(["县工信局", "responsible"]);
  });

  it("reads a label no list names by its role word (县直指导部门 leads, 协作单位 and 参加部门 help)", () => {
    const bracket = parseLabelledResponsibility(
      "开展排查。（县直指导部门：县生态环境分局；协作单位：县工信局；参加部门：县交通运输局）",
    );
    expect(bracket.map((d) => [d.name, d.role])).toEqual([
      ["县生态环境分局", "lead"],
      ["县工信局", "support"],
      ["县交通运输局", "support"],
    ]);
  });

  it("reads labelled lists: 责任单位 with （牵头）, and 牵头单位/配合单位 inside or outside a bracket", () => {
    const line = parseLabelledResponsibility(
      "推进燃气锅炉低氮改造。\n责任单位：县工信局（牵头），县自然资源局、县供电公司，红花集镇、迟营乡人民政府",
    );
    expect(line.map((d) => [d.name, d.role])).toEqual([
      ["县工信局", "lead"],
      ["县自然资源局", "responsible"],
      ["县供电公司", "responsible"],
      ["红花集镇人民政府", "responsible"],
      ["迟营乡人民政府", "responsible"],
    ]);
    const bracket = parseLabelledResponsibility(
      "开展排查。（牵头单位：县发展改革委；配合单位：县工信局、某某车务段、县市场监管局；完成时限：2025年10月底前）",
    );
    expect(bracket.map((d) => [d.name, d.role])).toEqual([
      ["县发展改革委", "lead"],
      ["县工信局", "support"],
      ["某某车务段", "support"],
      ["县市场监管局", "support"],
    ]);
    const sentence = parseLabelledResponsibility(
      "提高铁路货运比例。牵头单位：市交通运输局；配合单位：市商务局、铁路沿线货场；责任单位：各县（市、区）人民政府。",
    );
    expect(sentence.map((d) => [d.name, d.role])).toEqual([
      ["市交通运输局", "lead"],
      ["市商务局", "support"],
      ["各县(市、区)人民政府", "responsible"],
    ]);
    expect(parseLabelledResponsibility("单位食堂油烟净化（含大中型食堂）。")).toEqual([]);
    const roles = (t: string) => parseLabelledResponsibility(t).map((d) => [d.name, d.role]);
    // Two labels on one line; a role marked on any piece of a 、 list; short labels; a mark after
    // places that share one body is the whole list's.
    expect(roles("开展排查。牵头单位：市生态环境局 配合单位：市公安局、市交通运输局")).toEqual([
      ["市生态环境局", "lead"],
      ["市公安局", "support"],
      ["市交通运输局", "support"],
    ]);
    expect(roles("责任单位：市生态环境局（牵头）、市发展改革委、市工业和信息化局（配合）")).toEqual([
      ["市生态环境局", "lead"],
      ["市发展改革委", "responsible"],
      ["市工业和信息化局", "support"],
    ]);
    expect(roles("（牵头：市住房城乡建设局；配合：市城市管理局）")).toEqual([
      ["市住房城乡建设局", "lead"],
      ["市城市管理局", "support"],
    ]);
    expect(roles("【牵头单位】市生态环境局【责任单位】各县（市、区）人民政府")).toEqual([
      ["市生态环境局", "lead"],
      ["各县(市、区)人民政府", "responsible"],
    ]);
    expect(roles("责任单位：红花集镇、迟营乡人民政府（牵头），县工信局")).toEqual([
      ["红花集镇人民政府", "lead"],
      ["迟营乡人民政府", "lead"],
      ["县工信局", "responsible"],
    ]);
  });

  it("gives a department written without its level the level written before it in the bracket", () => {
    const r = parseResponsibility(
      "市生态环境局、市场监管局牵头，市工业和信息化局、自然资源局参与，各县区政府负责",
    );
    expect(r?.departments.map((d) => [d.name, d.role])).toEqual([
      ["市生态环境局", "lead"],
      ["市市场监管局", "lead"],
      ["市工业和信息化局", "support"],
      ["市自然资源局", "support"],
      ["各县区政府", "responsible"],
    ]);
    // Without a level written before it, a name stays as written.
    expect(parseResponsibility("生态环境局牵头")?.departments.map((d) => d.name)).toEqual(["生态环境局"]);
  });

  it("reads 〔〕 content with nested (), 参与, a shared county government and a standing note", () => {
    const r = parseResponsibility(
      "市生态环境局牵头,市发展和改革局、工业和信息化局参与,各县、区人民政府(管委会)负责落实。以下各项工作均需各县、区人民政府(管委会)落实,不再列出。",
    );
    expect(r?.departments.map((d) => [d.name, d.role])).toEqual([
      ["市生态环境局", "lead"],
      ["市发展和改革局", "support"],
      // The level written once is meant for the list (市发展和改革局、工业和信息化局).
      ["市工业和信息化局", "support"],
      ["各县、区人民政府(管委会)", "responsible"],
    ]);
    expect(r?.standingNote?.departments.map((d) => [d.name, d.role])).toEqual([
      ["各县、区人民政府(管委会)", "responsible"],
    ]);
  });

  it("gives a list without a verb the verb of the clause after it, and bare places the body they share", () => {
    const r = parseResponsibility("市生态环境局牵头督导,甲乙县、丙丁县政府,戊己区管委会具体落实");
    expect(r?.departments.map((d) => [d.name, d.role, d.written])).toEqual([
      ["市生态环境局", "lead", "市生态环境局"],
      ["甲乙县政府", "responsible", "甲乙县"],
      ["丙丁县政府", "responsible", "丙丁县政府"],
      ["戊己区管委会", "responsible", "戊己区管委会"],
    ]);
  });

  it("leaves brackets that are not clauses alone", () => {
    for (const inner of ["PM2.5", "市、区", "含渣土运输车、水泥罐车", "以下简称方案", "细颗粒物"])
      expect(parseResponsibility(inner), inner).toBeNull();
  });
});

describe("the source code", () => {
  it("names no place of any loaded document", () => {
    const plans = [...loadCorpus("corpus").plans, ...loadCorpus("eval/genre/dev/docs").plans];
    const places = new Set(
      plans.flatMap((p) => (p.profile.place ? [p.profile.place.zh, ...p.profile.placeAliases] : [])),
    );
    const dir = "src/corpus";
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), "utf8");
      for (const place of places) expect(text.includes(place), `${file} names ${place}`).toBe(false);
    }
    // (Parsing the four hundred and more development documents takes most of the default 30 s on a busy machine.)
  }, 120_000);
});
