// The web chat page in a real headless Chromium (Debian's package, driven by playwright-core): the
// headline questions asked as a person would, and what that person sees — verdicts, chips, badges,
// the highlighted quote, listings by document, follow-ups, English, votes, the two views, a phone.
// Screenshots of each state go to test/artifacts/ (gitignored).
// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText() is the rendered text a person sees, not the DOM property
import { existsSync, mkdirSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AnswerResult, createApp, type RunningServer, startServer } from "../src/channels/http/index.js";
import { ensureBuilt, MemoryLog, testEngine } from "./http-fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const ARTIFACTS = "test/artifacts";
const present = existsSync(CHROMIUM);
if (!present && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install -y chromium)`);
if (!present)
  process.stderr.write(`web tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)\n`);

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const log = new MemoryLog();
/** Everything the page asked for, and every error it raised. */
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (!present) return;
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const { app } = createApp({ engine: await testEngine(), log });
  server = await startServer(app.fetch, { host: "127.0.0.1", port: 0, apiKeys: [] });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  if (!present) return;
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1100, height: 1000 }, locale: "zh-CN" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: server.url.replace(/\/$/, ""),
  });
  page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  await page.goto(server.url);
});

/** Types a question, sends it with Enter and returns the answer card that appears. */
async function ask(question: string) {
  const before = await page.locator("article.answer").count();
  await page.fill("#question", question);
  await page.press("#question", "Enter");
  await page.waitForFunction((n) => document.querySelectorAll("article.answer").length > n, before);
  return page.locator("article.answer").nth(before);
}

const shot = (name: string, target: { screenshot(o: { path: string }): Promise<unknown> } = page) =>
  target.screenshot({ path: `${ARTIFACTS}/${name}.png` });

describe.skipIf(!present)("the web chat page", { timeout: 90_000 }, () => {
  it("an egg-farm check: the verdict first, then the clause with chips, badges and the quote highlighted", async () => {
    const answer = await ask("我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗");
    expect(await answer.getAttribute("data-kind")).toBe("check");
    // The verdict comes first: the overall outcome, then the verdict sentence and its clause.
    const first = answer.locator(":scope > *").first();
    expect(await first.getAttribute("class")).toContain("verdicts");
    expect(await first.locator(".outcome-pill").innerText()).toBe("适用");
    expect(await first.locator(".verdict-text").innerText()).toBe("是的，需要纳入试点。");
    expect(await first.locator(".verdict-clause").innerText()).toContain("六(五)");
    const card = answer.locator("section.citation").first();
    expect(await card.locator(".card-head").innerText()).toContain("六(五)");
    expect(await card.locator(".card-head .doc-name").innerText()).toBe("《商丘市空气质量持续改善行动计划》");
    expect(await card.locator(".quote").innerText()).toContain("蛋鸡设计存栏量20万羽以上");
    // Departments as chips under their role; the standing note's departments beside them.
    const responsible = card.locator(".role-group", { has: page.locator(".role-label.role-responsible") });
    expect(await responsible.locator(".chip").allInnerTexts()).toEqual(["市农业农村局", "市生态环境局"]);
    expect(await card.locator(".standing-note").innerText()).toContain("二(一)");
    // The deadline is still open on 2025-06-01.
    const badge = card.locator(".badge").first();
    expect(await badge.getAttribute("class")).toContain("open");
    expect(await badge.innerText()).toMatch(/到2025年\s*2025-12-31\s*未到期/);
    // The national item it implements.
    expect(await card.locator(".implements").innerText()).toContain("六(二十四)");
    // The full text opens with the quoted sentence marked where quoteStart says.
    expect(await card.locator(".full-text").isVisible()).toBe(false);
    await card.locator("details.text summary").click();
    expect(await card.locator(".full-text mark").innerText()).toBe("蛋鸡设计存栏量20万羽以上");
    expect(await card.locator(".full-text").innerText()).toMatch(/^\(五\)开展畜禽养殖业氨排放控制试点。/);
    await shot("check", answer);
    await shot("check-page");
  });

  it("shows every verdict when a check has several, under the overall outcome", async () => {
    // The documents rarely give two verdicts for one question, so the server's real answer gets a
    // second (need_more_info) verdict on the way to the page: the page must show both.
    await page.route("**/v1/answer", async (route) => {
      const real = await route.fetch();
      const body = (await real.json()) as AnswerResult;
      if (body.payload.kind !== "check") return route.fulfill({ response: real });
      const [first] = body.payload.verdicts;
      if (!first) throw new Error("no verdict");
      body.payload.verdicts.push({
        ...first,
        check: { ...first.check, outcome: "need_more_info", missing: ["养殖数量：设计存栏量还是实际存栏量"] },
        verdict: "还需要更多信息。",
        doc: "state-council-2023-24",
        itemId: "6.24",
        phrase: "开展京津冀及周边地区大气氨排放控制试点",
      });
      return route.fulfill({ response: real, json: body });
    });
    const answer = await ask("我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗");
    expect(await answer.locator(".verdicts .outcome-pill").innerText()).toBe("适用");
    const verdicts = answer.locator(".verdict");
    expect(await verdicts.count()).toBe(2);
    expect(await verdicts.nth(0).getAttribute("class")).toContain("outcome-applies");
    expect(await verdicts.nth(1).getAttribute("class")).toContain("outcome-need_more_info");
    expect(await verdicts.nth(1).locator(".missing li").innerText()).toBe(
      "养殖数量：设计存栏量还是实际存栏量",
    );
    expect(await verdicts.nth(1).locator(".verdict-clause").innerText()).toContain("六(二十四)");
    await shot("check-two-verdicts", answer);
  });

  it("says what it does not cover, answers about the documents themselves", async () => {
    const off = await ask("明天天气怎么样");
    expect(await off.getAttribute("data-kind")).toBe("not_covered");
    expect(await off.locator(".not-covered").innerText()).toContain("不在已收录文件的范围内");
    const docs = await ask("谁发布的");
    expect(await docs.getAttribute("data-kind")).toBe("document");
    expect(await docs.locator(".documents").innerText()).toContain("商丘市人民政府");
  });

  it("an item cited by its label loads its related items on demand", async () => {
    const answer = await ask("六(五)");
    await answer.locator("button.more-related").click();
    await answer.locator(".related .item-link").first().waitFor();
    expect(await answer.locator(".related .item-link").count()).toBeGreaterThan(0);
  });

  it("copies the citation with the document, label and verbatim quote", async () => {
    const answer = await ask("六(五)");
    await answer.locator("button.copy").first().click();
    await page.waitForFunction(() => document.querySelector("button.copy.done") !== null);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^《商丘市空气质量持续改善行动计划》六\(五\) 开展畜禽养殖业氨排放控制试点：“.+”$/);
    expect(await answer.locator("button.copy").first().innerText()).toBe("已复制");
  });

  it("a department listing: grouped by document, the lead task first, deadlines as badges", async () => {
    const answer = await ask("城管局牵头哪些任务");
    expect(await answer.getAttribute("data-kind")).toBe("department_listing");
    expect(await answer.locator(".listing-head").innerText()).toBe("市城市管理局 · 9项");
    const group = answer.locator(".doc-group").first();
    expect(await group.locator("h3").innerText()).toBe("《商丘市空气质量持续改善行动计划》");
    const sections = group.locator(".role-section");
    expect(await sections.first().locator(".role-label").innerText()).toBe("牵头");
    expect(await sections.first().locator("li").innerText()).toContain("五(一) 深化扬尘污染综合治理");
    expect(await group.locator(".role-section.role-responsible li").count()).toBe(6);
    expect(await group.locator(".role-section.role-support li").count()).toBe(2);
    // 三(三) has a passed (2024) and an open (2025) deadline.
    const row = group.locator("li", { hasText: "三(三)" });
    expect(await row.locator(".badge.passed").innerText()).toContain("已过期");
    expect(await row.locator(".badge.open").innerText()).toContain("未到期");
    await shot("department-listing", answer);
  });

  it("a deadline listing: a timeline per document, every 2024-12-31 deadline passed, today marked", async () => {
    const answer = await ask("哪些任务要在2024年年底前完成");
    expect(await answer.getAttribute("data-kind")).toBe("deadline_listing");
    const groups = answer.locator(".doc-group");
    // The local plan, then the State Council plan it implements.
    expect(await groups.locator("h3").allInnerTexts()).toEqual([
      "《商丘市空气质量持续改善行动计划》",
      expect.stringMatching(/^《.*空气质量持续改善行动计划》$/),
    ]);
    expect(await groups.nth(1).getAttribute("data-doc")).toBe("state-council-2023-24");
    const local = groups.first();
    expect(await local.locator(".tl-entry .label").allInnerTexts()).toEqual(["二(二)", "三(三)", "六(三)"]);
    expect(await local.locator(".tl-entry time").allInnerTexts()).toEqual([
      "2024-12-31",
      "2024-12-31",
      "2024-12-31",
    ]);
    expect(await local.locator(".tl-entry.passed").count()).toBe(3);
    expect(await local.locator(".tl-sentence").first().innerText()).toContain("闽源钢铁");
    expect(await local.locator(".today-marker").innerText()).toContain("2025-06-01");
    await shot("deadline-listing", answer);
  });

  it("a follow-up in the same conversation: 谁牵头？ after a topic answers about the same item", async () => {
    const topic = await ask("散煤治理");
    expect(await topic.locator("section.citation .card-head .label").first().innerText()).toBe("三(四)");
    expect(await topic.locator(".related .item-link").count()).toBeGreaterThan(0);
    const followUp = await ask("谁牵头？");
    const focus = followUp.locator(".focus");
    expect(await focus.innerText()).toContain("三(四)");
    expect(await focus.locator(".chip").allInnerTexts()).toContain("市城市管理局");
    await shot("follow-up");
  });

  it("a question in English gets English labels and English department names", async () => {
    const answer = await ask("What is the Public Security Bureau responsible for?");
    expect(await answer.getAttribute("lang")).toBe("en");
    expect(await answer.locator(".listing-head").innerText()).toBe(
      "Municipal Public Security Bureau (市公安局) · 5 items",
    );
    expect(await answer.locator(".doc-group h3").first().innerText()).toBe(
      "Shangqiu Air Quality Continuous Improvement Action Plan",
    );
    expect(await answer.locator(".role-label").first().innerText()).toBe("Responsible");
    expect(await answer.locator(".badge").first().innerText()).toMatch(/passed|open/);
    await shot("english", answer);
  });

  it("votes on an answer: the vote reaches the answer log", async () => {
    const answer = await ask("六(五)");
    const votes = log.votes.length;
    await answer.locator("button.vote.up").click();
    await page.waitForSelector("article.answer .thanks");
    expect(log.votes.length).toBe(votes + 1);
    expect(log.votes.at(-1)?.vote).toBe("up");
    expect(log.records.at(-1)?.channel).toBe("web");
    expect(await answer.locator("button.vote.up").isDisabled()).toBe(true);
  });

  it("opens a related item as a card", async () => {
    const answer = await ask("散煤治理");
    const link = answer.locator(".related .item-link").first();
    const label = await link.locator(".label").innerText();
    await link.click();
    const card = page.locator("article.looked-up").last();
    await card.waitFor();
    expect(await card.locator(".card-head .label").innerText()).toBe(label);
  });

  it("the department view lists every department and a chosen one's tasks by role", async () => {
    await page.click("#tab-departments");
    await page.waitForSelector(".dept-list .chip");
    expect(await page.locator(".dept-list .chip").count()).toBeGreaterThan(20);
    await page.click('.dept-list button[data-name="市城市管理局"]');
    await page.waitForSelector(".dept-detail .department-listing");
    expect(await page.locator(".dept-detail .role-section.role-lead li").innerText()).toContain("五(一)");
    await page.fill(".dept-filter", "公安");
    expect(await page.locator(".dept-list .chip").allInnerTexts()).toEqual([
      expect.stringContaining("市公安局"),
    ]);
    await shot("departments-view");
  });

  it("a department chip in an answer opens the department view", async () => {
    const answer = await ask("六(五)");
    await answer.locator(".chip", { hasText: "市生态环境局" }).first().click();
    await page.waitForSelector(".dept-detail .department-listing");
    expect(page.url()).toContain("#departments");
    expect(await page.locator(".dept-detail .listing-head").innerText()).toContain("市生态环境局");
  });

  it("the deadline timeline filters by year and by passed / open", async () => {
    await page.click("#tab-deadlines");
    await page.waitForSelector(".deadline-body .timeline");
    const all = await page.locator(".deadline-body .tl-entry").count();
    await page.selectOption("select.state", "open");
    // The body is emptied while the filtered listing loads: wait for entries, and none passed.
    await page.waitForFunction(
      () =>
        document.querySelectorAll(".deadline-body .tl-entry").length > 0 &&
        document.querySelectorAll(".deadline-body .tl-entry.passed").length === 0,
    );
    const open = await page.locator(".deadline-body .tl-entry.open").count();
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(all);
    await page.selectOption("select.state", "");
    await page.selectOption("select.year", "2024");
    await page.waitForFunction(() => {
      const times = [...document.querySelectorAll(".deadline-body .tl-entry time")];
      return times.length > 0 && times.every((t) => t.textContent?.startsWith("2024"));
    });
    expect(await page.locator(".deadline-body .tl-entry.open").count()).toBe(0);
    await shot("deadlines-view");
  });

  it("switches the page's own words to English", async () => {
    await page.click("#lang");
    expect(await page.locator("#tab-ask").innerText()).toBe("Ask");
    expect(await page.locator("#send").innerText()).toBe("Ask");
    await page.locator(".examples .example", { hasText: "Public Security Bureau" }).waitFor();
  });

  it("fits a phone: no sideways scrolling, the question bar at hand", async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "zh-CN",
    });
    page = await phone.newPage();
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(server.url);
    const answer = await ask("我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗");
    await answer.locator("details.text summary").first().click();
    const width = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(width.scroll).toBeLessThanOrEqual(width.inner);
    expect(await page.locator("#ask-form").isVisible()).toBe(true);
    await shot("mobile");
    await phone.close();
  });

  it("asks for the access key when the server has API keys, and then answers", async () => {
    const key = "k-0123456789abcdef";
    const { app } = createApp({ engine: await testEngine(), apiKeys: [key] });
    const keyed = await startServer(app.fetch, { host: "127.0.0.1", port: 0, apiKeys: [key] });
    try {
      await page.goto(keyed.url);
      await page.waitForSelector("#key-form:not([hidden])");
      expect(await page.locator("#key-form label").innerText()).toContain("访问密钥");
      await page.fill("#key", key);
      await page.click("#key-save");
      expect(await page.locator("#key-form").isHidden()).toBe(true);
      const answer = await ask("六(五)");
      expect(await answer.locator(".card-head .label").first().innerText()).toBe("六(五)");
    } finally {
      await keyed.close();
    }
  });

  it("loaded nothing from anywhere but this server, and raised no errors", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith("http://127.0.0.1:") && !u.startsWith("data:"))).toEqual([]);
    // The keyed server's first refusals (401 before the key is given) are the only errors expected.
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
  });
});
