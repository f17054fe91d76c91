import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../src/engine/index.js";
import { Card, type CardButton, escapeMarkdown, renderCard, renderMarkdown } from "../src/render/index.js";

let engine: Engine;
const cacheDir = mkdtempSync(join(tmpdir(), "policy-bot-card-"));
beforeAll(async () => {
  engine = await createEngine({ cacheDir, now: () => new Date("2026-11-28T09:00:00") });
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Links shaped like DingTalk's, so the pinned output shows where buttons go. */
const buttonLink = (b: CardButton) =>
  b.action === "ask" ? `ask:${encodeURIComponent(b.text)}` : `vote:${b.vote}`;

async function cardOf(q: string): Promise<Card> {
  const card = renderCard(await engine.answer(q));
  expect(Card.parse(card)).toEqual(card);
  return card;
}

describe("renderCard", () => {
  it("an item: quote, chips by role (standing note last), deadline badges, document, implemented item", async () => {
    const card = await cardOf("六(五)");
    expect(card.kind).toBe("item");
    expect(card.title).toBe("六(五) 开展畜禽养殖业氨排放控制试点");
    const [item] = card.items;
    expect(item?.quote).toContain("蛋鸡设计存栏量20万羽以上");
    expect(item?.chips.map((c) => [c.name, c.roleLabel, c.noteFrom])).toEqual([
      ["市农业农村局", "负责", null],
      ["市生态环境局", "负责", null],
      ["各县(市、区)政府", "负责", "二(一)"],
      ["市城乡一体化示范区管委会", "负责", "二(一)"],
    ]);
    expect(item?.badges).toEqual([
      { text: "到2025年", date: "2025-12-31", state: "passed", stateLabel: "已过期", approximate: false },
    ]);
    expect(card.source).toBe("《商丘市空气质量持续改善行动计划》六(五)");
    expect(card.buttons.filter((b) => b.action === "feedback").map((b) => b.label)).toEqual([
      "👍 有用",
      "👎 没用",
    ]);
    expect(renderMarkdown(card, { buttonLink }).text).toMatchInlineSnapshot(`
      "### 六(五) 开展畜禽养殖业氨排放控制试点

      > 摸清畜禽养殖场氨排放状况,将生猪设计年出栏量1万头以上、蛋鸡设计存栏量20万羽以上、肉鸡设计年出栏量100万羽以上的大型规模化畜禽养殖场纳入试点对象,加强畜禽养殖氨排放控制管理,推进养殖场粪污处理设施和恶臭气体治理设施建设。

      **负责**：市农业农村局、市生态环境局  
      **另（见二(一)）**：各县(市、区)政府、市城乡一体化示范区管委会负责落实

      **期限**：到2025年（2025-12-31，已过期）

      出处：《商丘市空气质量持续改善行动计划》六(五)  
      落实：《国务院空气质量持续改善行动计划》六(二十四) 稳步推进大气氨污染防控

      [👍 有用](vote:up)　[👎 没用](vote:down)"
    `);
  });

  it("a check: the verdict leads, then the explanation, the item and related items as buttons", async () => {
    const card = await cardOf("我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗");
    expect(card.title).toBe("是的，需要纳入试点。");
    expect(card.verdicts).toHaveLength(1);
    expect(card.verdicts[0]?.outcome).toBe("applies");
    expect(card.items[0]?.quote).toBe("蛋鸡设计存栏量20万羽以上");
    expect(card.buttons[0]).toEqual({
      action: "ask",
      label: "六(二十四) 稳步推进大气氨污染防控",
      text: "《国务院空气质量持续改善行动计划》六(二十四)",
    });
    expect(renderMarkdown(card, { buttonLink }).text).toMatchInlineSnapshot(`
      "### 是的，需要纳入试点。

      蛋鸡设计存栏量：20万羽 = 20万羽：“以上”含本数，属于试点对象。

      #### 六(五) 开展畜禽养殖业氨排放控制试点

      > 蛋鸡设计存栏量20万羽以上

      **负责**：市农业农村局、市生态环境局  
      **另（见二(一)）**：各县(市、区)政府、市城乡一体化示范区管委会负责落实

      **期限**：到2025年（2025-12-31，已过期）

      出处：《商丘市空气质量持续改善行动计划》六(五)  
      落实：《国务院空气质量持续改善行动计划》六(二十四) 稳步推进大气氨污染防控

      **相关条款**
      - [六(二十四) 稳步推进大气氨污染防控](ask:%E3%80%8A%E5%9B%BD%E5%8A%A1%E9%99%A2%E7%A9%BA%E6%B0%94%E8%B4%A8%E9%87%8F%E6%8C%81%E7%BB%AD%E6%94%B9%E5%96%84%E8%A1%8C%E5%8A%A8%E8%AE%A1%E5%88%92%E3%80%8B%E5%85%AD(%E4%BA%8C%E5%8D%81%E5%9B%9B))（《国务院空气质量持续改善行动计划》）

      [👍 有用](vote:up)　[👎 没用](vote:down)"
    `);
  });

  it("a check with several verdicts shows the overall outcome first, then every verdict", async () => {
    // The documents loaded today give one verdict per question; several come with more documents, so
    // the second verdict here is the first one judged on other facts.
    const r = await engine.answer("我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗");
    if (r.payload.kind !== "check") throw new Error("expected a check");
    const [v] = r.payload.verdicts;
    if (!v) throw new Error("expected a verdict");
    const other = {
      ...v,
      verdict: "不需要：未达到试点规模。",
      check: {
        ...v.check,
        outcome: "does_not_apply" as const,
        explanation: "生猪设计年出栏量：8000头 < 1万头。",
      },
    };
    const card = renderCard({ ...r, payload: { ...r.payload, verdicts: [v, other] } });
    expect(card.title).toBe("总的结论：适用");
    expect(card.verdicts.map((x) => x.outcome)).toEqual(["applies", "does_not_apply"]);
    expect(renderMarkdown(card).text.split("\n\n").slice(0, 2).join("\n\n")).toMatchInlineSnapshot(`
      "### 总的结论：适用

      - **是的，需要纳入试点。** 蛋鸡设计存栏量：20万羽 = 20万羽：“以上”含本数，属于试点对象。
      - **不需要：未达到试点规模。** 生猪设计年出栏量：8000头 < 1万头。"
    `);
  });

  it("an asked-for department answer names the departments first", async () => {
    const card = await cardOf("六(五)谁负责");
    expect(card.lines[0]).toBe(
      "六(五)的责任部门：负责：市农业农村局、市生态环境局；各县(市、区)政府、市城乡一体化示范区管委会（据二(一)总括规定）",
    );
  });

  it("a department listing: grouped by document, the asked role first, with badges", async () => {
    const card = await cardOf("城管局牵头哪些任务");
    expect(card.title).toBe("市城市管理局的任务");
    expect(card.lines).toEqual(["共9项任务，其中牵头1项"]);
    expect(card.groups).toHaveLength(1);
    expect(card.groups[0]?.sections.map((s) => [s.heading, s.rows.length])).toEqual([
      ["牵头", 1],
      ["负责", 6],
      ["配合", 2],
    ]);
    expect(renderMarkdown(card).text).toMatchInlineSnapshot(`
      "### 市城市管理局的任务

      共9项任务，其中牵头1项

      #### 《商丘市空气质量持续改善行动计划》

      **牵头**
      - 五(一) 深化扬尘污染综合治理（2025-12-31，已过期）

      **负责**
      - 三(二) 积极开展燃煤锅炉关停整合（2025-12-31，已过期）
      - 三(四) 持续推进清洁取暖（2024-11-15，已过期）
      - 四(二) 加强移动源污染管控（2025-12-31，已过期）
      - 四(三) 强化非道路移动源综合治理（2025-12-31，已过期）
      - 六(六) 开展餐饮油烟、恶臭异味专项治理
      - 九(一) 承接落实价格激励约束政策

      **配合**
      - 三(三) 实施工业炉窑清洁能源替代（2024-12-31，已过期；2025-12-31，已过期）
      - 六(三) 加快工业炉窑和锅炉深度治理（2024-12-31，已过期；2025-08-31，已过期；2025-12-31，已过期）"
    `);
  });

  it("a deadline listing: grouped by document, each row with its badge and sentence, the all-passed note", async () => {
    const card = await cardOf("哪些任务要在2024年年底前完成");
    expect(card.groups.map((g) => g.docName)).toEqual([
      "商丘市空气质量持续改善行动计划",
      "国务院空气质量持续改善行动计划",
    ]);
    expect(card.notes).toEqual(["今天是2026-11-28，以上期限均已过。"]);
    expect(renderMarkdown(card).text).toMatchInlineSnapshot(`
      "### 期限为2024-12-31的任务

      共4项

      #### 《商丘市空气质量持续改善行动计划》

      - **2024年年底前**（2024-12-31，已过期） 二(二) 加快淘汰落后低效产能：“2024年年底前,完成闽源钢铁有限公司1200立方米以下炼铁高炉、100吨以下炼钢转炉、100吨以下炼钢电弧炉装备大型化改造。”
      - **2024年年底前**（2024-12-31，已过期） 三(三) 实施工业炉窑清洁能源替代：“2024年年底前,采取园区(集群)集中供气、分散使用等方式,推进燃料类煤气发生炉清洁能源替代。”
      - **2024年年底前**（2024-12-31，已过期） 六(三) 加快工业炉窑和锅炉深度治理：“2024年年底前,水泥、焦化企业基本完成有组织和无组织超低排放改造;”

      #### 《国务院空气质量持续改善行动计划》

      - **2024年年底前**（2024-12-31，已过期） 六(二十一) 强化VOCs全流程、全环节综合治理：“重点区域石化、化工行业集中的城市和重点工业园区，2024年年底前建立统一的泄漏检测与修复信息管理平台。”

      今天是2026-11-28，以上期限均已过。"
    `);
  });

  it("a document answer: facts of each document as a list", async () => {
    const card = await cardOf("这个文件是谁发的");
    expect(card.documents.map((d) => d.name)).toEqual([
      "《商丘市空气质量持续改善行动计划》",
      "《国务院空气质量持续改善行动计划》",
    ]);
    expect(renderMarkdown(card).text).toMatchInlineSnapshot(`
      "### 《商丘市空气质量持续改善行动计划》

      - **标题**：商丘市人民政府关于印发商丘市空气质量持续改善行动计划的通知
      - **印发机关**：商丘市人民政府
      - **签发**：2024-07-31
      - **发布**：2024-08-01
      - **生效**：2024-08-19
      - **索引号**：3070211020000013000000/2024081500000058
      - **来源**：市政府办公室
      - **贯彻落实**：国发〔2023〕24号、豫政〔2024〕12号
      - **篇幅**：10部分35项任务

      #### 另收录：《国务院空气质量持续改善行动计划》

      - **标题**：国务院关于印发《空气质量持续改善行动计划》的通知
      - **印发机关**：国务院
      - **文号**：国发〔2023〕24号
      - **签发**：2023-11-30
      - **篇幅**：10部分39项任务"
    `);
  });

  it("not covered: the message and the loaded documents, feedback but no other buttons", async () => {
    const card = await cardOf("明天天气怎么样");
    expect(card.buttons.every((b) => b.action === "feedback")).toBe(true);
    expect(renderMarkdown(card).text).toMatchInlineSnapshot(`
      "### 这个问题不在已收录文件的范围内

      已收录：《商丘市空气质量持续改善行动计划》、《国务院空气质量持续改善行动计划》。可以问条款、责任部门、完成期限或是否适用于您的企业，例如“六(五)”或“城管局牵头哪些任务”。"
    `);
  });

  it("no such item: the section's items as candidates, each a button asking for it", async () => {
    const card = await cardOf("六(十五)");
    expect(card.candidates).toHaveLength(6);
    expect(card.buttons.filter((b) => b.action === "ask")).toHaveLength(6);
    expect(renderMarkdown(card, { buttonLink }).text).toMatchInlineSnapshot(`
      "### 没有“六(十五)”

      《商丘市空气质量持续改善行动计划》这一部分只有6项（六(一)–六(六)）。

      - [《商丘市空气质量持续改善行动计划》六(一) 加快实施低VOCs含量原辅材料替代](ask:%E3%80%8A%E5%95%86%E4%B8%98%E5%B8%82%E7%A9%BA%E6%B0%94%E8%B4%A8%E9%87%8F%E6%8C%81%E7%BB%AD%E6%94%B9%E5%96%84%E8%A1%8C%E5%8A%A8%E8%AE%A1%E5%88%92%E3%80%8B%E5%85%AD(%E4%B8%80))
      - [《商丘市空气质量持续改善行动计划》六(二) 深化VOCs无组织排放整治](ask:%E3%80%8A%E5%95%86%E4%B8%98%E5%B8%82%E7%A9%BA%E6%B0%94%E8%B4%A8%E9%87%8F%E6%8C%81%E7%BB%AD%E6%94%B9%E5%96%84%E8%A1%8C%E5%8A%A8%E8%AE%A1%E5%88%92%E3%80%8B%E5%85%AD(%E4%BA%8C))
      - [《商丘市空气质量持续改善行动计划》六(三) 加快工业炉窑和锅炉深度治理](ask:%E3%80%8A%E5%95%86%E4%B8%98%E5%B8%82%E7%A9%BA%E6%B0%94%E8%B4%A8%E9%87%8F%E6%8C%81%E7%BB%AD%E6%94%B9%E5%96%84%E8%A1%8C%E5%8A%A8%E8%AE%A1%E5%88%92%E3%80%8B%E5%85%AD(%E4%B8%89))
      - [《商丘市空气质量持续改善行动计划》六(四) 开展低效失效污染治理设施排查整治](ask:%E3%80%8A%E5%95%86%E4%B8%98%E5%B8%82%E7%A9%BA%E6%B0%94%E8%B4%A8%E9%87%8F%E6%8C%81%E7%BB%AD%E6%94%B9%E5%96%84%E8%A1%8C%E5%8A%A8%E8%AE%A1%E5%88%92%E3%80%8B%E5%85%AD(%E5%9B%9B))
      - [《商丘市空气质量持续改善行动计划》六(五) 开展畜禽养殖业氨排放控制试点](ask:%E3%80%8A%E5%95%86%E4%B8%98%E5%B8%82%E7%A9%BA%E6%B0%94%E8%B4%A8%E9%87%8F%E6%8C%81%E7%BB%AD%E6%94%B9%E5%96%84%E8%A1%8C%E5%8A%A8%E8%AE%A1%E5%88%92%E3%80%8B%E5%85%AD(%E4%BA%94))
      - [《商丘市空气质量持续改善行动计划》六(六) 开展餐饮油烟、恶臭异味专项治理](ask:%E3%80%8A%E5%95%86%E4%B8%98%E5%B8%82%E7%A9%BA%E6%B0%94%E8%B4%A8%E9%87%8F%E6%8C%81%E7%BB%AD%E6%94%B9%E5%96%84%E8%A1%8C%E5%8A%A8%E8%AE%A1%E5%88%92%E3%80%8B%E5%85%AD(%E5%85%AD))

      [👍 有用](vote:up)　[👎 没用](vote:down)"
    `);
  });

  it("an ambiguous number: the documents' items to choose from, each a button naming its document", async () => {
    // No loaded pair of documents makes a bare number ambiguous today; the payload is the one the
    // engine gives when one does.
    const r = await engine.answer("明天天气怎么样");
    if (r.payload.kind !== "not_covered") throw new Error("expected not_covered");
    const candidates = [
      { doc: "a", docName: "甲市行动计划", id: "6.5", label: "六(五)", title: "开展氨排放控制试点" },
      { doc: "b", docName: "乙市行动计划", id: "6.5", label: "六(五)", title: "开展氨排放控制试点" },
    ];
    const card = renderCard({
      ...r,
      payload: { ...r.payload, reason: "ambiguous_item", written: "六(五)", candidates },
    });
    expect(card.title).toBe("“六(五)”在多个文件中都有");
    expect(card.buttons.filter((b) => b.action === "ask").map((b) => b.action === "ask" && b.text)).toEqual([
      "《甲市行动计划》六(五)",
      "《乙市行动计划》六(五)",
    ]);
    expect(renderMarkdown(card, { buttonLink }).text).toMatchInlineSnapshot(`
      "### “六(五)”在多个文件中都有

      请选择是哪个文件的条款：

      - [《甲市行动计划》六(五) 开展氨排放控制试点](ask:%E3%80%8A%E7%94%B2%E5%B8%82%E8%A1%8C%E5%8A%A8%E8%AE%A1%E5%88%92%E3%80%8B%E5%85%AD(%E4%BA%94))
      - [《乙市行动计划》六(五) 开展氨排放控制试点](ask:%E3%80%8A%E4%B9%99%E5%B8%82%E8%A1%8C%E5%8A%A8%E8%AE%A1%E5%88%92%E3%80%8B%E5%85%AD(%E4%BA%94))

      [👍 有用](vote:up)　[👎 没用](vote:down)"
    `);
  });

  it("invalid input: a prompt and no buttons", async () => {
    const card = await cardOf("");
    expect(card.buttons).toEqual([]);
    expect(renderMarkdown(card).text).toMatchInlineSnapshot(`
      "### 请输入一个问题

      例如：“六(五)”、“城管局牵头哪些任务”、“哪些任务要在2024年年底前完成”。"
    `);
  });

  it("English questions get English cards", async () => {
    const card = await cardOf("Can I install a new coal boiler for my factory?");
    expect(card.lang).toBe("en");
    expect(card.items[0]?.badges.every((b) => b.stateLabel === "passed" || b.stateLabel === "open")).toBe(
      true,
    );
    expect(renderMarkdown(card).text).toMatchInlineSnapshot(`
      "### No — new coal boilers are not allowed (except for central heating).

      三(二): no new coal boilers except for central heating (不再新建除集中供暖外的燃煤锅炉).

      #### 三(二) 积极开展燃煤锅炉关停整合

      > 不再新建除集中供暖外的燃煤锅炉

      **Responsible**: Municipal Development and Reform Commission (市发展改革委), Municipal Ecology and Environment Bureau (市生态环境局), Municipal Urban Management Bureau (市城市管理局), Municipal Agriculture and Rural Affairs Bureau (市农业农村局), Municipal Market Supervision Administration (市市场监管局)  
      **Also (standing note in 二(一))**: County, City and District Governments (各县(市、区)政府), Urban-Rural Integration Demonstration Zone Administrative Committee (市城乡一体化示范区管委会)

      **Deadlines**: 2025年年底前 → 2025-12-31 (passed)

      Source: Shangqiu Air Quality Continuous Improvement Action Plan, item 三(二)  
      Implements: State Council Air Quality Continuous Improvement Action Plan, item 三(十一) 积极开展燃煤锅炉关停整合

      **Related items**
      - 六(六) 开展餐饮油烟、恶臭异味专项治理
      - 三(十一) 积极开展燃煤锅炉关停整合 (State Council Air Quality Continuous Improvement Action Plan)"
    `);
  });
});

describe("renderMarkdown", () => {
  it("leaves buttons out when the app cannot press them, and uses no HTML", async () => {
    const md = renderMarkdown(await cardOf("六(五)")).text;
    expect(md).not.toContain("](");
    expect(md).not.toMatch(/<[a-z]/i);
  });

  it("escapes markup characters and keeps a short notification title", () => {
    expect(escapeMarkdown("a*b_c[d]<e>`f\\")).toBe("a\\*b\\_c\\[d\\]\\<e>\\`f\\\\");
    expect(escapeMarkdown("10万羽 < 20万羽")).toBe("10万羽 < 20万羽");
    expect(escapeMarkdown("# 标题\n> 引用")).toBe("\\# 标题 > 引用");
    const card = Card.parse({
      kind: "item",
      lang: "zh",
      title: "很".repeat(60),
      verdicts: [],
      lines: [],
      items: [],
      related: [],
      groups: [],
      documents: [],
      candidates: [],
      notes: [],
      source: null,
      buttons: [],
    });
    expect(renderMarkdown(card).title).toHaveLength(40);
  });
});
