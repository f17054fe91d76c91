import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDeadlines } from "../src/corpus/deadlines.js";
import { englishDepartment, findDepartmentMentions, isDepartmentWord } from "../src/corpus/departments.js";
import { loadCorpus, loadGenreData, parsePlan, readProfileFile } from "../src/corpus/index.js";
import { parsePeriods } from "../src/corpus/periods.js";
import { tempDir } from "./temp-dir.js";

const genre = loadGenreData("data");

import type { Item, Plan } from "../src/corpus/schema.js";

const SOURCE = readFileSync("corpus/shangqiu-air-quality-2024.txt", "utf8");
// As loadCorpus reads it: with the profile file beside it (its own spellings of department names).
const profile = readProfileFile("corpus", "shangqiu-air-quality-2024");
const plan = parsePlan("shangqiu-air-quality-2024", SOURCE, { genre, profile });
const item = (id: string, p: Plan = plan): Item => {
  const found = p.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const roles = (id: string) => Object.fromEntries(item(id).departments.map((d) => [d.name, d.role]));

describe("Shangqiu plan: metadata and structure", () => {
  it("reads the metadata from the page and the notice", () => {
    expect(plan.meta).toEqual({
      title: "商丘市人民政府关于印发商丘市空气质量持续改善行动计划的通知",
      planTitle: "商丘市空气质量持续改善行动计划",
      issuer: "商丘市人民政府",
      signed: "2024-07-31",
      published: "2024-08-01",
      effective: "2024-08-19",
      docNumber: null,
      indexNumber: "3070211020000013000000/2024081500000058",
      sourceOffice: "市政府办公室",
      implements: ["国发〔2023〕24号", "豫政〔2024〕12号"],
      implementsTitles: [],
      issuedWith: [],
    });
  });

  it("has 10 sections and 35 items with S.I ids and labels as people cite them", () => {
    expect(plan.sections.map((s) => s.label)).toEqual([
      "一",
      "二",
      "三",
      "四",
      "五",
      "六",
      "七",
      "八",
      "九",
      "十",
    ]);
    expect(plan.items).toHaveLength(35);
    const perSection = [2, 3, 4, 4, 4, 6, 4, 3, 2, 3];
    expect(plan.sections.map((s) => plan.items.filter((i) => i.section === s.number).length)).toEqual(
      perSection,
    );
    expect(item("6.5")).toMatchObject({
      label: "六(五)",
      title: "开展畜禽养殖业氨排放控制试点",
      section: 6,
      number: 5,
    });
    expect(item("10.3").label).toBe("十(三)");
  });

  it("keeps every item's text verbatim", () => {
    for (const i of plan.items) {
      expect(SOURCE.slice(i.span.start, i.span.end)).toBe(i.text);
      expect(i.text.startsWith(`(${i.label.slice(i.label.indexOf("(") + 1)}`)).toBe(true);
    }
  });

  it("loses nothing: the parts tile the body exactly, and no page chrome is in it", () => {
    const body = SOURCE.slice(plan.body.start, plan.body.end);
    let at = plan.body.start;
    for (const part of plan.parts) {
      expect(part.span.start).toBe(at);
      expect(part.span.end).toBeGreaterThan(part.span.start);
      at = part.span.end;
    }
    expect(at).toBe(plan.body.end);
    expect(plan.parts.map((p) => SOURCE.slice(p.span.start, p.span.end)).join("")).toBe(body);
    expect(plan.parts.filter((p) => p.kind === "item")).toHaveLength(35);
    expect(plan.parts.filter((p) => p.kind === "heading")).toHaveLength(10);
    for (const chrome of [
      "站群导航",
      "加入收藏",
      "设为首页",
      "用户登录",
      "打印正文",
      "分享到",
      "浏览次数",
      "索引号",
      "您的位置",
    ]) {
      expect(SOURCE).toContain(chrome);
      expect(body).not.toContain(chrome);
    }
    expect(body.startsWith("各县(市、区)人民政府")).toBe(true);
    expect(body.endsWith("推动形成简约适度、绿色低碳、文明健康的生活方式。")).toBe(true);
  });
});

describe("departments and roles", () => {
  it("maps 牵头 to lead, 配合 to support, 负责 and 按职责分工负责 to responsible", () => {
    expect(roles("5.1")).toEqual({
      市城市管理局: "lead",
      市住房城乡建设局: "support",
      市交通运输局: "support",
      市公路事业发展中心: "support",
      市水利局: "support",
    });
    expect(roles("3.1")).toEqual({ 市发展改革委: "responsible", 市生态环境局: "support" });
    expect(roles("6.4")).toEqual({ 市生态环境局: "responsible" });
    expect(roles("6.5")).toEqual({ 市农业农村局: "responsible", 市生态环境局: "responsible" });
  });

  it("counts 牵头负责 as lead", () => {
    for (const id of ["6.2", "7.1", "7.2", "7.3"]) expect(roles(id)).toEqual({ 市生态环境局: "lead" });
  });

  it("reads 〈市、区〉 inside a department parenthesis as part of a name, and (市、区) in the text as no department", () => {
    const written = item("2.1").departments.map((d) => d.written);
    expect(written).toContain("各县〈市、区〉政府");
    expect(item("2.1").departments.map((d) => d.name)).toContain("各县(市、区)政府");
    expect(item("2.3").text).toContain("县(市、区)");
    expect(item("2.3").departments.map((d) => d.name)).not.toContain("县(市、区)");
    expect(item("10.1").departments).toEqual([]);
  });

  it("keeps 二(一)'s standing note as data on every later item", () => {
    expect(plan.standingNotes).toHaveLength(1);
    const note = plan.standingNotes[0];
    expect(note?.text).toBe("以下各项任务均需各县〈市、区〉政府和示范区管委会负责落实,不再列出");
    expect(note?.departments.map((d) => d.name)).toEqual(["各县(市、区)政府", "市城乡一体化示范区管委会"]);
    expect(item("2.1").standingNote).toBeNull();
    for (const i of plan.items.filter((x) => x.id !== "2.1" && x.section >= 2))
      expect(i.standingNote).toEqual(note);
  });

  it("knows the aliases and English names people use", () => {
    const names = (q: string) => findDepartmentMentions(q).flatMap((m) => m.names);
    expect(names("环保局牵头哪些任务")).toEqual(["市生态环境局"]);
    expect(names("城管局")).toEqual(["市城市管理局"]);
    expect(names("铁路公司要做什么")).toEqual(["中国铁路商丘公司", "中国铁路商丘分公司"]);
    expect(names("What is the Public Security Bureau responsible for?")).toEqual(["市公安局"]);
    expect(names("市场监管局")).toEqual(["市市场监管局"]);
    expect(englishDepartment("市生态环境局")).toBe("Municipal Ecology and Environment Bureau");
    const named = new Set(plan.items.flatMap((i) => i.departments.map((d) => d.name)));
    for (const name of named) expect(englishDepartment(name), name).toBeDefined();
  });
});

describe("deadlines and quantities", () => {
  const dates = (id: string) => item(id).deadlines.map((d) => [d.text, d.date, d.approximate]);

  it("resolves every deadline form to a date", () => {
    expect(dates("2.2")).toEqual([["2024年年底前", "2024-12-31", false]]);
    expect(dates("6.3")).toEqual([
      ["2024年年底前", "2024-12-31", false],
      ["2025年8月底前", "2025-08-31", false],
      ["2025年年底前", "2025-12-31", false],
    ]);
    expect(dates("6.4")).toEqual([
      ["2024年7月底前", "2024-07-31", false],
      ["2024年10月底前", "2024-10-31", false],
    ]);
    expect(dates("6.5")).toEqual([["到2025年", "2025-12-31", false]]);
    expect(dates("7.4")).toEqual([["到2025年年底", "2025-12-31", false]]);
    expect(dates("3.4")).toEqual([["2024年采暖季前", "2024-11-15", true]]);
    for (const i of plan.items) for (const d of i.deadlines) expect(i.text).toContain(d.sentence);
  });

  it("reads a solar term as its day in the year (立冬前, 2026年“雨水”前), not one written as 前后", () => {
    const dates = (t: string, year?: number) =>
      parseDeadlines(t, { heatingSeason: { month: 11, day: 15 }, year }).map((d) => d.date);
    // Days as the almanac gives them, the formula's corrected years among them (2021 冬至, 2026 雨水).
    expect(dates("2024年立春前、2024年清明前、2024年立冬前")).toEqual([
      "2024-02-04",
      "2024-04-04",
      "2024-11-07",
    ]);
    expect(dates("立秋前完成，芒种前验收", 2025)).toEqual(["2025-08-07", "2025-06-05"]);
    expect(dates("2021年冬至前")).toEqual(["2021-12-21"]);
    expect(dates("2026年“雨水”前")).toEqual(["2026-02-18"]);
    expect(dates("冬至前后加强巡查", 2025)).toEqual([]);
  });

  it("reads the genre's other deadline forms: halves, quarters, 年内, 月底 without 前", () => {
    const dates = (t: string) =>
      parseDeadlines(t, { heatingSeason: { month: 11, day: 15 } }).map((d) => d.date);
    expect(dates("2025年上半年完成")).toEqual(["2025-06-30"]);
    expect(dates("2024年第三季度末前完成，2025年一季度前验收")).toEqual(["2024-09-30", "2025-03-31"]);
    expect(dates("2024年年内完成")).toEqual(["2024-12-31"]);
    expect(dates("2024年6月底完成")).toEqual(["2024-06-30"]);
    // Not deadlines: 内容, a month that recurs.
    expect(dates("2024年内容更新，每月底前报送")).toEqual([]);
  });

  it("reads the periods an item sets for its work — days, months, across the year's end — and no deadline as one", () => {
    const periods = (t: string, year?: number) =>
      parsePeriods(t, { year }).map((p) => [p.text, p.start, p.end]);
    // As the genre's plans write them.
    expect(periods("2025年，10月1日至12月31日开展秋冬季大气污染防治攻坚")).toEqual([
      ["10月1日至12月31日", "2025-10-01", "2025-12-31"],
    ]);
    expect(periods("攻坚期为2025年10月1日至2026年3月31日")).toEqual([
      ["2025年10月1日至2026年3月31日", "2025-10-01", "2026-03-31"],
    ]);
    expect(periods("每年5—9月开展臭氧污染防控", 2025)).toEqual([["5—9月", "2025-05-01", "2025-09-30"]]);
    expect(periods("11月至次年3月实施错峰生产", 2024)).toEqual([
      ["11月至次年3月", "2024-11-01", "2025-03-31"],
    ]);
    expect(periods("十月一日至十二月三十一日", 2025)).toEqual([
      ["十月一日至十二月三十一日", "2025-10-01", "2025-12-31"],
    ]);
    // Deadlines, a year-less span in a plan of no year, a baseline: none.
    expect(periods("2025年10月底前完成，9月30日前验收")).toEqual([]);
    expect(periods("5月至9月加强巡查")).toEqual([]);
    expect(periods("PM2.5浓度较2020年下降10%")).toEqual([]);
    // On a plan: the Shangqiu plan sets none of its items a period, so its deadlines stand alone.
    expect(plan.items.flatMap((i) => i.periods)).toEqual([]);
  });

  it("reads months and days written in Chinese numerals, and quotes them as written", () => {
    const read = (t: string) =>
      parseDeadlines(t, { year: 2025, heatingSeason: { month: 11, day: 15 } }).map((d) => [d.text, d.date]);
    expect(read("（县工信局牵头，县发改局协助；十月底前）")).toEqual([["十月底前", "2025-10-31"]]);
    expect(read("十一月一日前完成，2025年6月底前验收")).toEqual([
      ["十一月一日前", "2025-11-01"],
      ["2025年6月底前", "2025-06-30"],
    ]);
    // A numeral inside a word (统一月度调度) is no month.
    expect(read("统一月度调度")).toEqual([]);
  });

  it("reads thresholds with their comparators", () => {
    const q = (id: string) => item(id).quantities.map((x) => [x.value, x.unit, x.comparator, x.word]);
    expect(q("6.5").slice(0, 3)).toEqual([
      [10000, "头", "gte", "以上"],
      [200000, "羽", "gte", "以上"],
      [1000000, "羽", "gte", "以上"],
    ]);
    expect(q("3.2")[0]).toEqual([35, "蒸吨/小时", "lte", "以下"]);
    expect(q("6.2")).toEqual([
      [0.3, "米/秒", "gte", "不低于"],
      [1000, "个", "gte", "大于等于"],
    ]);
    expect(q("2.2")).toContainEqual([60000000, "标砖/年", "lte", "以下"]);
    expect(item("6.5").quantities[1]?.phrase).toBe("蛋鸡设计存栏量20万羽以上");
    // The national plan: passengers a year, and 内 (within) includes the figure.
    const national = loadCorpus("corpus").plans.find((p) => p.doc === "state-council-2023-24");
    const nq = (id: string) =>
      national?.items.find((i) => i.id === id)?.quantities.map((x) => [x.value, x.unit, x.comparator]);
    expect(nq("4.16")?.[0]).toEqual([5000000, "人次", "gte"]);
    expect(nq("7.26")).toEqual([[20, "公里", "lte"]]);
  });
});

describe("a generic parser", () => {
  it("parses the same plan written with full-width punctuation", () => {
    const full = SOURCE.replace(/\(/g, "（")
      .replace(/\)/g, "）")
      .replace(/,/g, "，")
      .replace(/:/g, "：")
      .replace(/;/g, "；");
    const p = parsePlan("full", full, { genre, profile });
    expect(p.items.map((i) => i.id)).toEqual(plan.items.map((i) => i.id));
    expect(p.items.map((i) => i.departments.map((d) => `${d.name}:${d.role}`))).toEqual(
      plan.items.map((i) => i.departments.map((d) => `${d.name}:${d.role}`)),
    );
    expect(p.items.map((i) => i.deadlines.map((d) => d.date))).toEqual(
      plan.items.map((i) => i.deadlines.map((d) => d.date)),
    );
  });

  it("parses the State Council plan: items numbered across sections, several paragraphs, no departments", () => {
    const sc = parsePlan("state-council-2023-24", readFileSync("corpus/state-council-2023-24.txt", "utf8"), {
      genre,
    });
    expect(sc.meta).toMatchObject({ issuer: "国务院", docNumber: "国发〔2023〕24号", signed: "2023-11-30" });
    expect(sc.sections).toHaveLength(10);
    expect(sc.items).toHaveLength(39);
    expect(sc.items.map((i) => i.number)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    expect(sc.items.find((i) => i.number === 11)).toMatchObject({
      id: "3.11",
      label: "三(十一)",
      title: "积极开展燃煤锅炉关停整合",
    });
    const regions = sc.items.find((i) => i.number === 2);
    expect(regions?.title).toBe("重点区域");
    expect(regions?.text).toContain("汾渭平原");
    expect(sc.items.every((i) => i.departments.length === 0)).toBe(true);
  });

  it("loads every document in corpus/, in file-name order", () => {
    const corpus = loadCorpus("corpus");
    expect(corpus.plans.map((p) => p.doc)).toEqual(["shangqiu-air-quality-2024", "state-council-2023-24"]);
    expect(corpus.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rejects a text that is not a plan", () => {
    expect(() => parsePlan("x", "今天天气很好。\n没有章节。", { genre })).toThrow(/no/);
  });
});

describe("parsed plans kept between runs", () => {
  it("reads a plan back from the cache as parsed, and parses again when its text changes", () => {
    const docs = tempDir("plans-docs");
    const cache = tempDir("plans-cache");
    cpSync("corpus/shangqiu-air-quality-2024.txt", join(docs, "shangqiu-air-quality-2024.txt"));
    const first = loadCorpus(docs, { cacheDir: cache });
    const files = readdirSync(join(cache, "plans"));
    expect(files).toHaveLength(1);
    const again = loadCorpus(docs, { cacheDir: cache });
    expect(again.plans).toEqual(first.plans);
    expect(again.hash).toBe(first.hash);
    // A changed text is parsed afresh; the old text's plan is removed.
    const text = readFileSync(join(docs, "shangqiu-air-quality-2024.txt"), "utf8");
    writeFileSync(
      join(docs, "shangqiu-air-quality-2024.txt"),
      text.replace("禁止掺烧煤炭", "禁止掺烧煤炭和秸秆"),
    );
    const changed = loadCorpus(docs, { cacheDir: cache });
    expect(changed.plans[0]?.items.some((i) => i.text.includes("禁止掺烧煤炭和秸秆"))).toBe(true);
    const now = readdirSync(join(cache, "plans"));
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(files[0]);
  });

  it("parses again when the genre data changes, in its maps too (an English place name)", () => {
    const docs = tempDir("plans-docs");
    const cache = tempDir("plans-cache");
    cpSync("corpus/shangqiu-air-quality-2024.txt", join(docs, "shangqiu-air-quality-2024.txt"));
    const genre = loadGenreData("data");
    expect(loadCorpus(docs, { cacheDir: cache, genre }).plans[0]?.profile.place?.en).toBe("Shangqiu");
    const renamed = {
      ...genre,
      englishPlaceNames: new Map([...genre.englishPlaceNames, ["商丘", "Shang-ch'iu"]]),
    };
    const again = loadCorpus(docs, { cacheDir: cache, genre: renamed });
    expect(again.plans[0]?.profile.place?.en).toBe("Shang-ch'iu");
  });

  it("makes a cached plan's departments known to the questions, as a parsed one's are", () => {
    const docs = tempDir("plans-docs");
    const cache = tempDir("plans-cache");
    cpSync("corpus/shangqiu-air-quality-2024.txt", join(docs, "shangqiu-air-quality-2024.txt"));
    loadCorpus(docs, { cacheDir: cache });
    // What another process wrote: the same plan, one of its departments named as no parse here names it.
    const [file] = readdirSync(join(cache, "plans"));
    const path = join(cache, "plans", file as string);
    writeFileSync(path, readFileSync(path, "utf8").replaceAll("市城市管理局", "市城市管理和综合执法测试局"));
    expect(isDepartmentWord("市城市管理和综合执法测试局")).toBe(false);
    const read = loadCorpus(docs, { cacheDir: cache });
    expect(
      read.plans[0]?.items.some((i) => i.departments.some((d) => d.name === "市城市管理和综合执法测试局")),
    ).toBe(true);
    expect(isDepartmentWord("市城市管理和综合执法测试局")).toBe(true);
  });

  it("parses as usual when the cache cannot be written", () => {
    const blocked = join(tempDir("plans-blocked"), "file");
    writeFileSync(blocked, "not a folder");
    const c = loadCorpus("corpus", { cacheDir: blocked });
    expect(c.plans.map((p) => p.doc)).toEqual(["shangqiu-air-quality-2024", "state-council-2023-24"]);
    expect(c.warnings).toEqual([]);
  });
});
