/**
 * The real bot (grammY's HTTP client, the send queue, long polling) against the local Bot API
 * stand-in, with the real engine: commands, answers rendered from the payload, follow-ups, buttons,
 * votes, inline mode, the guided check, groups, bad input, logs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, buttons, type Harness, inject, startHarness } from "../src/channels/telegram/harness.js";
import { type Json, parseTelegramHtml } from "../src/stand-ins/telegram-bot-api.js";

let h: Harness;
const EN = { language_code: "en" };
const userEn = (id: number) => ({ id, is_bot: false, first_name: `Eve${id}`, ...EN });
const SQ = "shangqiu-air-quality-2024";
const SC = "state-council-2023-24";
/** The national plan's display name, as the engine gives it. */
const national = () => h.engine.documents().find((d) => d.doc === SC)?.name ?? SC;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** Plain text of a reply, as Telegram shows it. */
const plain = (p: { text: string }) => parseTelegramHtml(p.text);

/** Presses a button under the last message the bot sent to `chat`; resolves once it is answered. */
async function press(chat: number, data: string, message?: Json) {
  const target = message ?? h.api.botMessages(chat).at(-1);
  const { callbackId } = h.api.press(target, data);
  const answered = await h.api.waitFor(() =>
    h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === callbackId),
  );
  await h.api.settle(60);
  return answered;
}

describe("start-up", () => {
  it("identifies itself, registers commands in Chinese and English and starts long polling", async () => {
    const { api } = h;
    expect(api.callsOf("getMe")).toHaveLength(1);
    const commands = api.callsOf("setMyCommands");
    expect(commands.map((c) => c.payload.language_code ?? "default").sort()).toEqual(["default", "zh"]);
    for (const c of commands)
      expect(c.payload.commands.map((x: { command: string }) => x.command)).toEqual([
        "start",
        "help",
        "clause",
        "dept",
        "deadlines",
        "check",
        "about",
      ]);
    expect(api.callsOf("deleteWebhook")).toHaveLength(1);
    const poll = await api.waitFor(() => api.callsOf("getUpdates")[0]);
    expect(poll.payload.allowed_updates).toEqual(["message", "callback_query", "inline_query"]);
    expect(poll.payload.timeout).toBe(30);
    expect(poll.payload.limit).toBeLessThanOrEqual(100);
  });
});

describe("answers from the payload", () => {
  it("an item: focus first, bold heading, the quoted sentence, departments by role, deadlines, document, implemented item, buttons", async () => {
    const [r] = await ask(h.api, 201, "氨排放控制试点由哪个部门负责?");
    expect(r.parse_mode).toBe("HTML");
    expect(r.text).toContain("<b>六(五) 开展畜禽养殖业氨排放控制试点</b>");
    expect(r.text).toMatch(/<blockquote>[^<]*氨排放[^<]*<\/blockquote>/);
    const text = plain(r);
    expect(text).toMatch(/^六\(五\)的责任部门\n负责：市农业农村局、市生态环境局/);
    expect(text).toMatch(/另：各县\(市、区\)政府.*负责落实（见二\(一\)）/);
    expect(text).toMatch(/期限\n(⏰|🕒) 到2025年（2025-12-31，(已过期|未到期)）/);
    expect(text).toContain("出处：《商丘市空气质量持续改善行动计划》六(五)");
    expect(text).toContain(`落实：《${national()}》六(二十四) 稳步推进大气氨污染防控`);
    const bs = buttons(r);
    expect(bs.map((b) => b.text)).toEqual(["全文", "相关条款", "负责部门", "👍", "👎"]);
    expect(bs.slice(0, 3).map((b) => b.data)).toEqual([`f:${SQ}:6.5:z`, `r:${SQ}:6.5:z`, `d:${SQ}:6.5:z`]);
    for (const b of bs) expect(Buffer.byteLength(b.data ?? "")).toBeLessThanOrEqual(64);
  });

  it("passed/open comes from the engine at answer time", async () => {
    const [r] = await ask(h.api, 202, "六(五)");
    const deadline = h.answerLog.records.at(-1)?.response.citations[0]?.deadlines[0];
    expect(deadline).toBeDefined();
    expect(plain(r)).toContain(
      `${deadline?.passed ? "⏰" : "🕒"} 到2025年（2025-12-31，${deadline?.passed ? "已过期" : "未到期"}）`,
    );
  });

  it("English questions get English, with the departments' English and Chinese names", async () => {
    const [r] = await ask(h.api, 203, "Which department leads the ammonia emission pilot?", userEn(203));
    const text = plain(r);
    expect(text).toContain("六(五) 开展畜禽养殖业氨排放控制试点");
    expect(text).toMatch(/Municipal Agriculture and Rural Affairs Bureau \(市农业农村局\)/);
    expect(text).toMatch(/Source: .*item 六\(五\) \(6\.5\)/);
    expect(
      buttons(r)
        .slice(0, 3)
        .map((b) => b.text),
    ).toEqual(["Full text", "Related items", "Departments"]);
    expect(buttons(r)[0]?.data).toBe(`f:${SQ}:6.5:e`);
  });

  it("a check: the verdict first, then the comparison, the clause with the quoted phrase", async () => {
    const [r] = await ask(h.api, 204, "我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗");
    const text = plain(r);
    expect(text).toMatch(/^✅ 是的，需要纳入试点。\n蛋鸡设计存栏量：20万羽/);
    expect(text).toContain("六(五) 开展畜禽养殖业氨排放控制试点\n蛋鸡设计存栏量20万羽以上");
    expect(r.text.indexOf("✅")).toBeLessThan(r.text.indexOf("六(五)"));
  });

  it("a department listing: grouped by role, each item a button carrying the document", async () => {
    const [r] = await ask(h.api, 205, "城管局要做哪些事?");
    const text = plain(r);
    expect(text).toMatch(/^市城市管理局在《商丘市空气质量持续改善行动计划》中涉及\d+项任务/);
    expect(text).toMatch(/牵头 \(1\)\n• 五\(一\) 深化扬尘污染综合治理/);
    const items = buttons(r).filter((b) => b.data?.startsWith("f:"));
    expect(items.length).toBeGreaterThan(3);
    for (const b of items) expect(b.data).toMatch(new RegExp(`^f:${SQ}:\\d+\\.\\d+:z$`));
  });

  it("a deadline listing names each document", async () => {
    const [r] = await ask(h.api, 206, "哪些任务要在2024年年底前完成");
    const text = plain(r);
    expect(text).toMatch(/任务共\d+项/);
    expect(text).toMatch(/(⏰|🕒) 2024年年底前/);
  });

  it("an item that does not exist: the message, and the section's items as buttons", async () => {
    const [r] = await ask(h.api, 207, "六(九)");
    expect(plain(r)).toMatch(/^没有“六\(九\)”：《商丘市空气质量持续改善行动计划》这一部分只有6项/);
    const items = buttons(r).filter((b) => b.data?.startsWith("f:"));
    expect(items.map((b) => b.text)).toEqual(["六(一)", "六(二)", "六(三)", "六(四)", "六(五)", "六(六)"]);
  });

  it("a question the documents do not cover gets the polite answer, naming the documents", async () => {
    const [r] = await ask(h.api, 208, "What is the weather in Paris tomorrow?", userEn(208));
    expect(plain(r)).toMatch(/do not cover this question/);
    expect(buttons(r).filter((b) => b.data?.startsWith("f:"))).toEqual([]);
  });

  it("every answer is logged with channel telegram and the user id as given", async () => {
    const before = h.answerLog.records.length;
    await ask(h.api, 209, "城管局牵头哪些任务");
    const record = h.answerLog.records[before];
    expect(record).toMatchObject({ channel: "telegram", user: "209", question: "城管局牵头哪些任务" });
    expect(record?.response.kind).toBe("department_listing");
    expect(record?.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe("follow-ups", () => {
  it("“谁牵头？” after an answer is read against it, per chat", async () => {
    await ask(h.api, 301, "六个百分之百出自哪条");
    const [follow] = await ask(h.api, 301, "谁牵头？");
    expect(plain(follow)).toMatch(/^五\(一\)的责任部门\n牵头：市城市管理局/);
    // Another chat has no such context.
    const [alone] = await ask(h.api, 302, "谁牵头？");
    expect(plain(alone)).not.toMatch(/^五\(一\)/);
  });

  it("a follow-up after /clause works too", async () => {
    await ask(h.api, 303, "/clause 六(五)");
    const [follow] = await ask(h.api, 303, "什么时候到期？");
    expect(plain(follow)).toMatch(/^六\(五\)的期限\n/);
  });
});

describe("commands", () => {
  it("/start greets with the documents; /start with a deep link opens the item of that document", async () => {
    const [hello] = await ask(h.api, 401, "/start");
    expect(plain(hello)).toContain(`《商丘市空气质量持续改善行动计划》、《${national()}》`);
    const [item] = await ask(h.api, 401, "/start 6_5");
    expect(plain(item)).toMatch(/^六\(五\) 开展畜禽养殖业氨排放控制试点/);
    const [nationalItem] = await ask(h.api, 401, `/start 6_24-${SC}`);
    expect(plain(nationalItem)).toMatch(/^六\(二十四\) 稳步推进大气氨污染防控/);
    expect(plain(nationalItem)).toContain(`出处：《${national()}》六(二十四)`);
    const [en] = await ask(h.api, 402, "/start", userEn(402));
    expect(plain(en)).toMatch(/^Hello, Eve402!/);
    const [bad] = await ask(h.api, 401, "/start 99_99");
    expect(plain(bad)).toMatch(/^你好/);
  });

  it("/help explains what to ask, with examples", async () => {
    const [zh] = await ask(h.api, 403, "/help");
    expect(plain(zh)).toMatch(/\/clause 六\(五\)/);
    const [en] = await ask(h.api, 404, "/help", userEn(404));
    expect(plain(en)).toMatch(/What you can ask/);
  });

  it("/clause accepts 六(五), 六（五） and 6.5; a missing item gets the candidates", async () => {
    for (const ref of ["六(五)", "六（五）", "6.5"]) {
      const [r] = await ask(h.api, 405, `/clause ${ref}`);
      expect(plain(r)).toMatch(/^六\(五\) 开展畜禽养殖业氨排放控制试点/);
      expect(plain(r)).toContain("出处：《商丘市空气质量持续改善行动计划》六(五)");
    }
    const [missing] = await ask(h.api, 405, "/clause 六(九)");
    expect(plain(missing)).toMatch(/没有“六\(九\)”/);
    const [usage] = await ask(h.api, 405, "/clause");
    expect(plain(usage)).toMatch(/用法/);
  });

  it("/dept lists a department's items by role; a document narrows it", async () => {
    const [zh] = await ask(h.api, 406, "/dept 城管局");
    expect(plain(zh)).toMatch(/^市城市管理局在《商丘市空气质量持续改善行动计划》中涉及9项任务/);
    const [en] = await ask(h.api, 407, "/dept urban management", userEn(407));
    expect(plain(en)).toMatch(/^Municipal Urban Management Bureau \(市城市管理局\) is named in 9 items/);
    // The State Council's plan names no municipal bureau: narrowed to it, the list is empty.
    const [narrowed] = await ask(h.api, 406, "/dept 城管局 国务院");
    expect(plain(narrowed)).toBe("市城市管理局在已收录文件中没有列出任务。");
    const [unknown] = await ask(h.api, 406, "/dept 火星局");
    expect(plain(unknown)).toMatch(/不认识部门“火星局”/);
  });

  it("/deadlines filters by year, overdue or open, and by document", async () => {
    const today = h.engine.today();
    const [all] = await ask(h.api, 409, "/deadlines");
    expect(plain(all)).toContain(`— ${today}`);
    const [y2024] = await ask(h.api, 409, "/deadlines 2024 商丘");
    const text = plain(y2024);
    expect(text).toMatch(/^2024年/);
    expect(text).not.toContain(`《${national()}》`);
    const years = [...text.matchAll(/（约?(\d{4})-\d{2}-\d{2}，/g)].map((m) => m[1]);
    expect(new Set(years)).toEqual(new Set(["2024"]));
    const [overdue] = await ask(h.api, 409, "/deadlines overdue");
    expect(plain(overdue)).not.toContain("🕒");
    const [usage] = await ask(h.api, 409, "/deadlines someday");
    expect(plain(usage)).toMatch(/^Usage: \/deadlines/);
    const [unknownDoc] = await ask(h.api, 409, "/deadlines 2024 火星计划");
    expect(plain(unknownDoc)).toMatch(/没有找到文件/);
  });

  it("/about lists every document with its id, issuer and number", async () => {
    const [r] = await ask(h.api, 410, "/about");
    const text = plain(r);
    expect(text).toMatch(
      /1\. 《商丘市空气质量持续改善行动计划》\nshangqiu-air-quality-2024\n发文机关：商丘市人民政府/,
    );
    expect(text).toMatch(
      new RegExp(`2\\. 《${national()}》\nstate-council-2023-24\n发文机关：国务院\n文号：国发〔2023〕24号`),
    );
  });

  it("an unknown command points to the commands", async () => {
    const [r] = await ask(h.api, 411, "/frobnicate");
    expect(plain(r)).toMatch(/没有这个命令[\s\S]*\/clause/);
  });
});

describe("buttons", () => {
  it("full text underlines the quote; related items and departments; each callback answered once", async () => {
    await ask(h.api, 501, "六(五)由哪个部门负责?");
    const before = h.api.sentTo(501).length;
    for (const data of [`f:${SQ}:6.5:z`, `r:${SQ}:6.5:z`, `d:${SQ}:6.5:z`]) await press(501, data);
    const [full, related, depts] = h.api.sentTo(501).slice(before);
    expect(full.text).toContain("<u>摸清畜禽养殖场氨排放状况");
    expect(plain(full)).toContain("(五)开展畜禽养殖业氨排放控制试点。");
    expect(buttons(full).map((b) => b.text)).toEqual(["相关条款", "负责部门"]);
    expect(plain(related)).toMatch(/^与六\(五\)相关的条款\n• /);
    for (const b of buttons(related)) expect(b.data).toMatch(new RegExp(`^f:${SQ}:\\d+\\.\\d+:z$`));
    expect(plain(depts)).toMatch(/^六\(五\)的责任部门 开展畜禽养殖业氨排放控制试点\n\n负责：市农业农村局/);
    const answers = h.api.callsOf("answerCallbackQuery").map((c) => c.payload.callback_query_id);
    expect(new Set(answers).size).toBe(answers.length);
  });

  it("a button of the national document opens that document's item", async () => {
    await ask(h.api, 502, "六(五)");
    const before = h.api.sentTo(502).length;
    await press(502, `f:${SC}:6.24:z`);
    expect(plain(h.api.sentTo(502)[before])).toMatch(/^六\(二十四\) 稳步推进大气氨污染防控/);
  });

  it("👍/👎 are recorded against the logged answer, by the voter", async () => {
    const [r] = await ask(h.api, 503, "六(五)");
    const up = buttons(r).find((b) => b.text === "👍");
    const answerId = up?.data?.slice(4);
    const call = await press(503, up?.data ?? "");
    expect(call.payload.text).toMatch(/谢谢/);
    expect(h.answerLog.votes.at(-1)).toEqual({ answerId, vote: "up", user: "503" });
    const unknown = await press(503, "v:d:no-such-answer");
    expect(unknown.payload.text).toMatch(/无法评价/);
  });

  it("unknown, forged and data-less callbacks get a polite answer", async () => {
    await ask(h.api, 504, "六(五)");
    const cases: Array<[string, RegExp]> = [
      ["zzz", /按钮已失效/],
      [`f:nope:6.5:z`, /按钮已失效/],
      [`f:${SQ}:99.99:z`, /按钮已失效/],
      [`d:${SQ}:6.5:x`, /按钮已失效/],
      ["f:#00000000:6.5:z", /按钮已失效/],
      ["k:no-such-check:z", /核查已失效/],
      ["s:0:0", /核查已失效/],
      ["x".repeat(64), /按钮已失效/],
    ];
    for (const [data, text] of cases) expect((await press(504, data)).payload.text, data).toMatch(text);
    const message = h.api.botMessages(504).at(-1);
    h.api.inject({
      callback_query: {
        id: "game-1",
        from: h.api.user(504),
        message,
        chat_instance: "c",
        game_short_name: "g",
      },
    });
    const game = await h.api.waitFor(() =>
      h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === "game-1"),
    );
    expect(game.payload.text).toMatch(/按钮已失效/);
  });
});

describe("inline mode", () => {
  it("lists the cited item with a citation to insert and a deep link carrying the document", async () => {
    const { inlineId } = h.api.inline("六(五)");
    const call = await h.api.waitFor(() =>
      h.api.callsOf("answerInlineQuery").find((c) => c.payload.inline_query_id === inlineId),
    );
    expect(call.ok).toBe(true);
    const [first] = call.payload.results;
    expect(first.id).toBe(`${SQ}:6.5`);
    expect(first.title).toBe("六(五) 开展畜禽养殖业氨排放控制试点");
    const msg = parseTelegramHtml(first.input_message_content.message_text);
    expect(msg).toMatch(
      /^六\(五\) 开展畜禽养殖业氨排放控制试点\n[\s\S]*市农业农村局[\s\S]*出处：《商丘市空气质量持续改善行动计划》/,
    );
    expect(first.reply_markup.inline_keyboard[0][0].url).toBe("https://t.me/policy_test_bot?start=6_5");
  });

  it("searches keywords (≤ 50 results) and handles empty and over-long queries", async () => {
    const { inlineId } = h.api.inline("氨排放");
    const call = await h.api.waitFor(() =>
      h.api.callsOf("answerInlineQuery").find((c) => c.payload.inline_query_id === inlineId),
    );
    expect(call.payload.results.length).toBeGreaterThan(0);
    expect(call.payload.results.length).toBeLessThanOrEqual(50);
    const empty = h.api.inline("");
    const e = await h.api.waitFor(() =>
      h.api.callsOf("answerInlineQuery").find((c) => c.payload.inline_query_id === empty.inlineId),
    );
    expect(e.payload.results).toEqual([]);
    expect(e.payload.button.start_parameter).toBe("help");
    const long = h.api.inline("氨".repeat(300));
    const l = await h.api.waitFor(() =>
      h.api.callsOf("answerInlineQuery").find((c) => c.payload.inline_query_id === long.inlineId),
    );
    expect(l.ok).toBe(true);
  });
});

describe("/check", () => {
  const checks = () => h.engine.guidedChecks();

  /** Presses `data` under `message` and returns the edit it made. */
  async function step(chat: number, message: Json, data: string) {
    const edits = h.api.callsOf("editMessageText").length;
    await press(chat, data, message);
    await h.api.waitFor(() => h.api.callsOf("editMessageText").length > edits);
    const edit = h.api.callsOf("editMessageText").at(-1);
    return { payload: edit?.payload, message: edit?.result };
  }

  it("walks a guided check built from engine.guidedChecks() to its verdict, which is answered and logged", async () => {
    const chat = 601;
    const [chooser] = await ask(h.api, chat, "/check");
    expect(buttons(chooser).map((b) => b.text)).toEqual(checks().map((c) => c.title.zh));
    const check = checks()[0];
    if (!check) throw new Error("no guided checks");
    let shown = await step(chat, h.api.botMessages(chat).at(-1), buttons(chooser)[0]?.data ?? "");
    const choices = [1, 0, 2];
    const values: Record<string, string> = {};
    for (const [i, option] of choices.entries()) {
      const s = check.steps[i];
      if (!s) throw new Error("no such step");
      expect(parseTelegramHtml(shown.payload.text)).toContain(s.prompt.zh);
      expect(buttons(shown.payload).map((b) => b.text)).toEqual(s.options.map((o) => o.label.zh));
      values[s.fact] = s.options[option]?.value ?? "";
      const before = h.api.sentTo(chat).length;
      shown = await step(chat, shown.message, buttons(shown.payload)[option]?.data ?? "");
      if (i === choices.length - 1) {
        expect(shown.payload.reply_markup).toBeUndefined();
        await h.api.waitFor(() => h.api.sentTo(chat).length > before);
      }
    }
    const verdict = h.api.sentTo(chat).at(-1);
    const expected = await h.engine.answer(check.toQuestion(values, "zh"));
    expect(parseTelegramHtml(verdict.text)).toMatch(/^(✅|⛔|❓) /);
    expect(parseTelegramHtml(verdict.text)).toContain(expected.check?.explanation.split("\n")[0] ?? "");
    expect(h.answerLog.records.at(-1)?.question).toBe(check.toQuestion(values, "zh"));
  });

  it("a button pressed twice, or one of another message, is stale", async () => {
    const chat = 602;
    const [chooser] = await ask(h.api, chat, "/check");
    const first = await step(chat, h.api.botMessages(chat).at(-1), buttons(chooser)[0]?.data ?? "");
    const option = buttons(first.payload)[0]?.data ?? "";
    await step(chat, first.message, option);
    const again = await press(chat, option, first.message);
    expect(again.payload.text).toMatch(/核查已失效/);
    const elsewhere = await press(chat, "s:0:0", h.api.botMessages(chat)[0]);
    expect(elsewhere.payload.text).toMatch(/核查已失效/);
  });
});

describe("groups", () => {
  it("answers a mention, a reply to the bot and its commands; stays quiet otherwise", async () => {
    const chat = h.api.groupChat(-1001);
    const member = h.api.user(701);
    const say = (text: string, extra?: Json) =>
      inject(h.api, { message: h.api.message({ chat, from: member, text, extra }) }, chat.id);
    const mention = await say("@policy_test_bot 六(五)由谁负责?");
    expect(mention).toHaveLength(1);
    expect(plain(mention[0])).toContain("六(五) 开展畜禽养殖业氨排放控制试点");
    expect(mention[0].reply_parameters.message_id).toBeGreaterThan(0);
    expect(await say("大家好,今天开会吗?")).toHaveLength(0);
    expect(await say("/clause@other_bot 6.5")).toHaveLength(0);
    const reply = await say("城管局负责哪些任务?", { reply_to_message: h.api.botMessages(chat.id).at(-1) });
    expect(plain(reply[0])).toMatch(/市城市管理局/);
    expect(await say("/clause@policy_test_bot 6.5")).toHaveLength(1);
    expect(await say("/about")).toHaveLength(1);
  });
});

describe("bad updates", () => {
  it("stickers get a text-only hint; edits and channel posts are ignored", async () => {
    const chat = h.api.privateChat(801);
    const sticker = await inject(
      h.api,
      { message: h.api.message({ chat, extra: { sticker: { file_id: "s" } } }) },
      801,
    );
    expect(plain(sticker[0])).toMatch(/我只能读文字消息/);
    h.api.honorAllowedUpdates = false;
    try {
      h.api.inject({ edited_message: { ...h.api.message({ chat, text: "六(五)" }), edit_date: 1 } });
      h.api.inject({
        channel_post: {
          message_id: 1,
          date: 1,
          chat: { id: -100777, type: "channel", title: "N" },
          text: "/clause 6.5",
        },
      });
      await h.api.settle(150);
      expect(h.api.sentTo(801)).toHaveLength(1);
      expect(h.api.sentTo(-100777)).toHaveLength(0);
    } finally {
      h.api.honorAllowedUpdates = true;
    }
  });

  it("empty, whitespace and 10,000-character texts get a polite reply", async () => {
    const [empty] = await ask(h.api, 802, "   \n\t ");
    expect(plain(empty)).toMatch(/请输入一个问题/);
    const [long] = await ask(h.api, 802, "氨".repeat(10_000));
    expect(plain(long)).toMatch(/问题太长了/);
  });

  it("HTML injection is escaped", async () => {
    const evil = '<b>boom</b><script>alert(1)</script> & <a href="x">六(五)</a>';
    const [r] = await ask(h.api, 803, evil);
    expect(r.text).not.toMatch(/<script>|<a href/);
    const [dept] = await ask(h.api, 803, "/dept <b>x</b> & <i>");
    expect(plain(dept)).toContain("“<b>x</b> & <i>”");
    const [name] = await ask(h.api, 804, "/start", {
      id: 804,
      is_bot: false,
      first_name: "<b>M</b> &amp;",
      language_code: "en",
    });
    expect(plain(name)).toContain("Hello, <b>M</b> &amp;!");
  });
});

describe("logs", () => {
  it("never contain the token, nor message texts above debug level", async () => {
    const marker = "独特标记氨排放XYZ";
    await ask(h.api, 901, `${marker}?`);
    for (const l of h.logs) {
      expect(l.raw).not.toContain(h.api.token.split(":")[1]);
      if (l.level > 20) expect(l.raw).not.toContain(marker);
    }
    expect(h.logs.some((l) => l.level === 20 && l.raw.includes(marker))).toBe(true);
    expect(h.logs.some((l) => l.msg === "update handled" && typeof l.ms === "number")).toBe(true);
  });
});
