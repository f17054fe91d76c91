import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine, Response } from "../src/answer/index.js";
import { loadGold, questionOf } from "../src/eval/gold.js";

let engine: Engine;
const cacheDir = mkdtempSync(join(tmpdir(), "policy-bot-answer-"));
beforeAll(async () => {
  engine = await createEngine({ cacheDir, now: () => new Date("2026-11-28T09:00:00") });
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const itemText = (doc: string, id: string) =>
  engine.plans.find((p) => p.doc === doc)?.items.find((i) => i.id === id)?.text ?? "";

describe("answer()", () => {
  it("answers a citation with the item, its departments and its deadline", async () => {
    const r = await engine.answer("六(五)");
    expect(Response.parse(r)).toEqual(r);
    expect(r).toMatchObject({ status: "answered", lang: "zh", check: null });
    expect(r.citations[0]).toMatchObject({
      doc: "shangqiu-air-quality-2024",
      id: "6.5",
      label: "六(五)",
      title: "开展畜禽养殖业氨排放控制试点",
      departments: [
        { name: "市农业农村局", role: "responsible" },
        { name: "市生态环境局", role: "responsible" },
      ],
      deadlines: [{ text: "到2025年", date: "2025-12-31", passed: true }],
    });
    expect(r.answer).toContain("已过期");
  });

  it("lists every item of a department with its role, by alias and in English", async () => {
    const r = await engine.answer("城管局牵头哪些任务");
    const expected = engine.plans[0]?.items
      .filter((i) => i.departments.some((d) => d.name === "市城市管理局"))
      .map((i) => `${i.id}:${i.departments.find((d) => d.name === "市城市管理局")?.role}`);
    const got = r.citations.map(
      (c) => `${c.id}:${c.departments.find((d) => d.name === "市城市管理局")?.role}`,
    );
    expect(got.sort()).toEqual(expected?.sort());
    expect(r.citations[0]?.id).toBe("5.1"); // the lead item first
    const en = await engine.answer("What is the Public Security Bureau responsible for?");
    expect(en.lang).toBe("en");
    expect(en.citations.map((c) => c.id)).toEqual(["3.4", "4.2", "4.4", "5.4", "6.1"]);
    expect(en.answer).toContain("Municipal Public Security Bureau");
  });

  it("lists every item with a deadline on a date, and says they have passed", async () => {
    const r = await engine.answer("哪些任务要在2024年年底前完成");
    expect(r.citations.map((c) => c.id)).toEqual(["2.2", "3.3", "6.3"]);
    expect(r.answer).toContain("均已过");
    const en = await engine.answer("What must be done by the end of 2024?");
    expect(en.citations.map((c) => c.id)).toEqual(["2.2", "3.3", "6.3"]);
  });

  it("lists every deadline, the open ones, and a standing note's departments", async () => {
    const all = await engine.answer("哪些任务有期限?");
    const deadlines = engine.plans[0]?.items.flatMap((i) => i.deadlines) ?? [];
    expect(all.answer).toContain(`共${deadlines.length}项`);
    const open = await engine.answer("What deadlines are still open?");
    expect(open).toMatchObject({ status: "answered", citations: [] });
    expect(open.answer).toContain("every deadline of the plan has passed");
    const county = await engine.answer("各县政府负责哪些任务?");
    expect(county.citations).toHaveLength(33);
  });

  it("finds the item that holds a quoted phrase, quotation marks aside", async () => {
    for (const [q, id] of [
      ["653工程出自哪条", "4.1"],
      ["废气“应收尽收”出自哪条", "6.2"],
      ["量价互保在哪条提到", "9.1"],
    ] as const) {
      const r = await engine.answer(q);
      expect(r.citations[0]?.id, q).toBe(id);
    }
  });

  it("puts the role a department question asks about first", async () => {
    const r = await engine.answer("环保局配合哪些任务");
    expect(r.citations.slice(0, 2).map((c) => c.id)).toEqual(["3.1", "5.3"]);
    expect(r.citations).toHaveLength(29);
    expect(r.answer).toContain("其中配合2项");
  });

  it("answers questions about the document itself from its metadata", async () => {
    const zh = await engine.answer("这个计划是什么时候生效的？");
    expect(zh).toMatchObject({ status: "answered", citations: [] });
    expect(zh.answer).toContain("2024-08-19生效");
    expect(zh.answer).toContain("国发〔2023〕24号、豫政〔2024〕12号");
    const en = await engine.answer("Who issued the State Council plan, and under which number?");
    expect(en.answer).toContain("国发〔2023〕24号");
    expect(en.answer).toContain("39 items");
    // A topic question that mentions publishing is still about its topic.
    expect((await engine.answer("燃煤锅炉淘汰的要求是什么时候发布的")).citations[0]?.id).toBe("3.2");
  });

  it("follows the injected clock for passed/open", async () => {
    const early = await createEngine({ cacheDir, now: () => new Date("2025-03-01T09:00:00") });
    const r = await early.answer("六(三)");
    expect(r.citations[0]?.deadlines.map((d) => d.passed)).toEqual([true, false, false]);
    expect(r.answer).toContain("未到期");
  });

  it("cites 一(二) for the PM2.5 target", async () => {
    expect((await engine.answer("PM2.5目标")).citations[0]?.id).toBe("1.2");
  });

  it("answers a question wrapped in chatter when both rankers agree on its item", async () => {
    const r = await engine.answer("下午开会要用：到2025年全市PM2.5浓度要降到多少？");
    expect(r.status).toBe("answered");
    expect(r.citations[0]?.id).toBe("1.2");
  });

  it("does not answer what the plans do not cover", async () => {
    for (const q of [
      "明天天气怎么样",
      "how do I get a business licence",
      "北京房价",
      "市第一人民医院怎么网上挂号",
      "公租房怎么申请，需要什么条件",
    ]) {
      const r = await engine.answer(q);
      expect(r.status, q).toBe("not_covered");
      expect(r.citations).toEqual([]);
    }
  });

  it("turns away empty input with help, and survives hostile input", async () => {
    for (const q of ["", "   \n\t ", "？？？"]) {
      const r = await engine.answer(q);
      expect(r.status).toBe("invalid_input");
      expect(r.answer).toContain("六(五)");
    }
    const weird = [
      "燃煤锅炉\u0000\u0007\u001b[31m",
      "<script>alert(1)</script>烟花爆竹",
      "🔥🔥 放鞭炮 🎆",
      "燃煤锅炉".repeat(2500),
      "\uD800 lone surrogate 锅炉",
    ];
    for (const q of weird) {
      const r = await engine.answer(q);
      expect(() => Response.parse(r)).not.toThrow();
      expect(r.status).toBe("answered");
    }
    expect((await engine.answer(null as unknown as string)).status).toBe("invalid_input");
  });

  it("quotes only verbatim text, for every gold and held-out question", async () => {
    for (const c of [...loadGold("eval"), ...loadGold("eval/holdout")]) {
      const r = await engine.answer(questionOf(c));
      for (const cit of r.citations)
        expect(itemText(cit.doc, cit.id), `${c.id} ${cit.id}`).toContain(cit.quote);
    }
  });

  it("has a gold set that asks about every item at least twice, in every category the product serves", () => {
    const gold = loadGold("eval");
    expect(gold.length).toBeGreaterThanOrEqual(150);
    const firsts = new Map<string, number>();
    for (const c of gold)
      if (c.expect.first) firsts.set(c.expect.first, (firsts.get(c.expect.first) ?? 0) + 1);
    for (const item of engine.plans[0]?.items ?? [])
      expect(firsts.get(item.id) ?? 0, item.id).toBeGreaterThanOrEqual(2);
    const categories = new Set(gold.map((c) => c.category));
    for (const cat of [
      "citation",
      "department",
      "deadline",
      "target",
      "english",
      "colloquial",
      "not_covered",
      "invalid",
      "check",
    ])
      expect(categories.has(cat), cat).toBe(true);
    expect(gold.filter((c) => c.category === "check").length).toBeGreaterThanOrEqual(40);
  });

  it("finds items, related items and departments for the bot", () => {
    expect(engine.findItem("六（五）")?.id).toBe("6.5");
    expect(engine.findItem("燃煤锅炉")).toBeNull();
    const six5 = engine.findItem("6.5");
    expect(six5 && engine.related(six5, 3).length).toBe(3);
    expect(engine.departmentItems("铁路公司")?.departments).toEqual([
      "中国铁路商丘公司",
      "中国铁路商丘分公司",
    ]);
    expect(engine.departmentItems("示范区管委会")?.entries.length).toBe(33); // 二(一) and every later item
    expect(engine.deadlineItems({ year: 2024 }).map((e) => e.deadline.date)).toEqual([
      "2024-07-31",
      "2024-10-31",
      "2024-11-15",
      "2024-12-31",
      "2024-12-31",
      "2024-12-31",
    ]);
  });
});
