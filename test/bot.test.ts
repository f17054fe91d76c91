/**
 * The real bot (grammY's HTTP client, @grammyjs/runner long polling via runBot) against a local Bot
 * API server, with the real engine.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTelegramHtml } from "./support/fake-bot-api.js";
import { ask, buttons, type Harness, inject, startHarness } from "./support/harness.js";

let h: Harness;
const EN = { language_code: "en" };
const userEn = (id: number) => ({ id, is_bot: false, first_name: `Eve${id}`, ...EN });

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** Plain text of a reply, as Telegram shows it. */
const plain = (p: { text: string }) => parseTelegramHtml(p.text);

describe("start-up", () => {
  it("identifies itself, registers commands in Chinese and English and starts long polling", async () => {
    const { api } = h;
    expect(api.callsOf("getMe")).toHaveLength(1);
    const commands = api.callsOf("setMyCommands");
    expect(commands.map((c) => c.payload.language_code ?? "default").sort()).toEqual(["default", "zh"]);
    const names = (c: { payload: { commands: Array<{ command: string }> } }) =>
      c.payload.commands.map((x) => x.command);
    for (const c of commands)
      expect(names(c)).toEqual(["start", "help", "clause", "dept", "deadlines", "check", "about"]);
    expect(commands.find((c) => c.payload.language_code === "zh")?.payload.commands[2].description).toMatch(
      /条款/,
    );
    expect(api.callsOf("deleteWebhook")).toHaveLength(1);
    const poll = await api.waitFor(() => api.callsOf("getUpdates")[0]);
    expect(poll.payload.allowed_updates).toEqual(["message", "callback_query", "inline_query"]);
    expect(poll.payload.timeout).toBe(30);
  });
});

describe("commands", () => {
  it("/start greets and /start 6_5 opens the item", async () => {
    const [hello] = await ask(h.api, 101, "/start");
    expect(plain(hello)).toMatch(/商丘市空气质量持续改善行动计划/);
    const [item] = await ask(h.api, 101, "/start 6_5");
    expect(plain(item)).toContain("六(五) 开展畜禽养殖业氨排放控制试点");
    expect(buttons(item).map((b) => b.text)).toEqual(["全文", "相关条款", "负责部门"]);
    const [en] = await ask(h.api, 102, "/start", userEn(102));
    expect(plain(en)).toMatch(/^Hello, Eve102!/);
    const [bad] = await ask(h.api, 101, "/start 99_99");
    expect(plain(bad)).toMatch(/你好/);
  });

  it("/help explains what to ask, with examples", async () => {
    const [zh] = await ask(h.api, 103, "/help");
    expect(plain(zh)).toMatch(/\/clause 六\(五\)/);
    expect(plain(zh)).toMatch(/氨排放/);
    const [en] = await ask(h.api, 104, "/help", userEn(104));
    expect(plain(en)).toMatch(/What you can ask/);
  });

  it("/clause accepts 六(五), 六（五） and 6.5, and says so when an item does not exist", async () => {
    for (const ref of ["六(五)", "六（五）", "6.5"]) {
      const [r] = await ask(h.api, 105, `/clause ${ref}`);
      expect(plain(r)).toContain("六(五) 开展畜禽养殖业氨排放控制试点");
      expect(r.text).toContain("<blockquote>");
      expect(plain(r)).toContain("市农业农村局");
      expect(plain(r)).toMatch(/来源:《商丘市空气质量持续改善行动计划》六\(五\)/);
    }
    const [en] = await ask(h.api, 106, "/clause 6.5", userEn(106));
    expect(plain(en)).toContain("Item 六(五): 开展畜禽养殖业氨排放控制试点");
    expect(plain(en)).toContain("Municipal Agriculture and Rural Affairs Bureau (市农业农村局)");
    expect(plain(en)).toMatch(/Source: 商丘市空气质量持续改善行动计划, item 六\(五\)/);
    const [missing] = await ask(h.api, 105, "/clause 99.9");
    expect(plain(missing)).toMatch(/没有找到条款“99.9”/);
    const [usage] = await ask(h.api, 105, "/clause");
    expect(plain(usage)).toMatch(/用法/);
  });

  it("/dept lists every item of a department by role; aliases and English names work", async () => {
    const [zh] = await ask(h.api, 107, "/dept 城管局");
    const text = plain(zh);
    expect(text).toContain("市城市管理局 的任务");
    expect(text).toMatch(/牵头 \(\d+\)[\s\S]*五\(一\) 深化扬尘污染综合治理/);
    expect(text).toMatch(/负责 \(\d+\)/);
    expect(text).toMatch(/配合 \(\d+\)/);
    const [en] = await ask(h.api, 108, "/dept urban management", userEn(108));
    expect(plain(en)).toContain("Tasks of Municipal Urban Management Bureau (市城市管理局)");
    expect(plain(en)).toMatch(/Lead \(\d+\)/);
    const [unknown] = await ask(h.api, 107, "/dept 火星局");
    expect(plain(unknown)).toMatch(/不认识部门“火星局”/);
  });

  it("/dept of a department in every item splits a long reply on paragraph boundaries", async () => {
    const replies = await ask(h.api, 109, "/dept 各县(市、区)政府");
    const all = replies.map(plain).join("\n");
    expect(all).toMatch(/任务/);
    for (const r of replies) expect(r.text.length).toBeLessThanOrEqual(4096);
  });

  it("/deadlines shows a timeline, filtered by year, overdue or open", async () => {
    const today = h.engine.today();
    const [all] = await ask(h.api, 110, "/deadlines");
    expect(plain(all)).toContain(`时限一览 — ${today}`);
    expect(plain(all)).toMatch(/\d{4}-\d{2}-\d{2} (⏰ 已过期|🕒 未到期)\n• /);
    const [y2024] = await ask(h.api, 110, "/deadlines 2024");
    const dates = [...plain(y2024).matchAll(/^(\d{4})-\d{2}-\d{2}/gm)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates)).toEqual(new Set(["2024"]));
    const [overdue] = await ask(h.api, 110, "/deadlines overdue");
    expect(plain(overdue)).not.toContain("未到期\n");
    const [open] = await ask(h.api, 110, "/deadlines open");
    expect(plain(open)).not.toMatch(/⏰/);
    const [usage] = await ask(h.api, 110, "/deadlines someday");
    expect(plain(usage)).toMatch(/用法/);
    const [en] = await ask(h.api, 111, "/deadlines 2025", userEn(111));
    expect(plain(en)).toMatch(/^Deadlines in 2025/);
  });

  it("/about shows the document's metadata and source", async () => {
    const meta = h.engine.plans[0]?.meta;
    const [r] = await ask(h.api, 112, "/about");
    const text = plain(r);
    expect(text).toContain(meta?.planTitle);
    expect(text).toContain(meta?.issuer);
    if (meta?.published) expect(text).toContain(meta.published);
    if (meta?.sourceOffice) expect(text).toContain(meta.sourceOffice);
    expect(text).toMatch(/国发〔2023〕24号/);
  });

  it("an unknown command points to the commands", async () => {
    const [r] = await ask(h.api, 113, "/frobnicate");
    expect(plain(r)).toMatch(/没有这个命令[\s\S]*\/clause/);
  });
});

describe("answers", () => {
  it("answers a Chinese question: bold label and title, quote, departments by role, deadlines, source, buttons", async () => {
    const [r] = await ask(h.api, 201, "氨排放控制试点由哪个部门负责?");
    expect(r.parse_mode).toBe("HTML");
    expect(r.text).toContain("<b>六(五) 开展畜禽养殖业氨排放控制试点</b>");
    expect(r.text).toMatch(/<blockquote>[^<]*氨排放[^<]*<\/blockquote>/); // the sentence that answers, verbatim
    const text = plain(r);
    expect(text).toMatch(/责任部门\n负责:市农业农村局、市生态环境局/);
    expect(text).toMatch(/各县\(市、区\)政府.*依据总体说明/);
    expect(text).toMatch(/时限\n• 到2025年 \(2025-12-31\) — (⏰ 已过期|🕒 未到期)/);
    expect(text).toMatch(/来源:《商丘市空气质量持续改善行动计划》六\(五\)$/);
    const bs = buttons(r);
    expect(bs.map((b) => b.text)).toEqual(["全文", "相关条款", "负责部门"]);
    expect(bs.map((b) => b.data)).toEqual(["f:0:6.5:z", "r:0:6.5:z", "d:0:6.5:z"]);
  });

  it("answers an English question in English, with English department names and the Chinese ones", async () => {
    const [r] = await ask(h.api, 202, "Which department leads the ammonia emission pilot?", userEn(202));
    const text = plain(r);
    expect(text).toContain("Item 六(五): 开展畜禽养殖业氨排放控制试点");
    expect(text).toMatch(
      /Departments\nResponsible: Municipal Agriculture and Rural Affairs Bureau \(市农业农村局\); Municipal Ecology and Environment Bureau \(市生态环境局\)/,
    );
    expect(text).toMatch(/Deadlines\n• 到2025年 \(2025-12-31\) — .*(passed|open)/);
    expect(buttons(r).map((b) => b.text)).toEqual(["Full text", "Related items", "Departments"]);
    expect(buttons(r)[0]?.data).toBe("f:0:6.5:e");
  });

  it("a listing question gets the listing with buttons to each item", async () => {
    const [r] = await ask(h.api, 203, "城管局要做哪些事?");
    const text = plain(r);
    expect(text).toMatch(/^市城市管理局在本计划中涉及\d+项任务/);
    expect(text).toMatch(/【牵头】\n• 五\(一\) 深化扬尘污染综合治理/);
    expect(buttons(r).length).toBeGreaterThan(1);
    for (const b of buttons(r)) expect(b.data).toMatch(/^f:\d:\d+\.\d+:z$/);
  });

  it("a question the plans do not cover gets the engine's polite answer and no buttons", async () => {
    const [r] = await ask(h.api, 204, "What is the weather in Paris tomorrow?", userEn(204));
    expect(plain(r)).toMatch(/do not cover this question/);
    expect(r.reply_markup).toBeUndefined();
  });

  it("each button works and every callback is answered exactly once", async () => {
    const [answer] = await ask(h.api, 205, "六(五)由哪个部门负责?");
    const message = h.api.botMessages(205).at(-1);
    const before = h.api.sentTo(205).length;
    for (const b of buttons(answer)) {
      const { callbackId } = h.api.press(message, b.data ?? "");
      await h.api.waitFor(() =>
        h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === callbackId),
      );
    }
    await h.api.settle(80);
    const [full, related, depts] = h.api.sentTo(205).slice(before);
    expect(plain(full)).toContain("(五)开展畜禽养殖业氨排放控制试点。");
    expect(plain(full)).toMatch(/责任部门/);
    expect(plain(related)).toMatch(/^与 六\(五\) 相关的条款\n• /);
    for (const b of buttons(related)) expect(b.data).toMatch(/^f:\d:\d+\.\d+:z$/);
    expect(plain(depts)).toMatch(/六\(五\) 的责任部门[\s\S]*负责:市农业农村局/);
    const answers = h.api.callsOf("answerCallbackQuery").map((c) => c.payload.callback_query_id);
    expect(new Set(answers).size).toBe(answers.length);
  });
});

describe("inline mode", () => {
  it("lists the cited item for 六(五), with a citation to insert", async () => {
    const { inlineId } = h.api.inline("六(五)");
    const call = await h.api.waitFor(() =>
      h.api.callsOf("answerInlineQuery").find((c) => c.payload.inline_query_id === inlineId),
    );
    expect(call.ok).toBe(true);
    const [first] = call.payload.results;
    expect(first.id).toBe("0:6.5");
    expect(first.title).toBe("六(五) 开展畜禽养殖业氨排放控制试点");
    const msg = parseTelegramHtml(first.input_message_content.message_text);
    expect(msg).toMatch(
      /六\(五\) 开展畜禽养殖业氨排放控制试点\n\n.*开展畜禽养殖业氨排放控制试点[\s\S]*市农业农村局[\s\S]*来源/,
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
    expect(call.payload.results.map((r: { id: string }) => r.id)).toContain("0:6.5");
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
  /** The guided checks the bot offers: the engine's, built from the rules files. */
  const checks = () => h.engine.guidedChecks();
  type Button = { text: string; data?: string };
  const keyboardOf = (payload: {
    reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
  }) =>
    (payload.reply_markup?.inline_keyboard ?? [])
      .flat()
      .map((b) => ({ text: b.text, data: b.callback_data }));

  /** Presses a button under `message`; returns the edit it causes. */
  async function press(message: unknown, button: Button | undefined) {
    if (!button?.data) throw new Error("no such button");
    const edits = h.api.callsOf("editMessageText").length;
    const { callbackId } = h.api.press(message, button.data);
    const answered = await h.api.waitFor(() =>
      h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === callbackId),
    );
    expect(answered.ok).toBe(true);
    await h.api.waitFor(() => h.api.callsOf("editMessageText").length > edits);
    const edit = h.api.callsOf("editMessageText").at(-1);
    return { payload: edit?.payload, message: edit?.result, keyboard: keyboardOf(edit?.payload ?? {}) };
  }

  async function walk(chat: number, lang: "zh" | "en", checkIndex: number, optionIndexes: number[]) {
    const from = lang === "en" ? userEn(chat) : undefined;
    const [chooser] = await ask(h.api, chat, "/check", from);
    expect(keyboardOf(chooser).map((b) => b.text)).toEqual(checks().map((c) => c.title[lang]));
    const check = checks()[checkIndex];
    if (!check) throw new Error("no such check");
    let step = await press(h.api.botMessages(chat).at(-1), keyboardOf(chooser)[checkIndex]);
    const values: Record<string, string> = {};
    for (const [i, option] of optionIndexes.entries()) {
      const s = check.steps[i];
      if (!s) throw new Error("no such step");
      // Each step shows its prompt and its options as buttons.
      expect(parseTelegramHtml(step.payload.text)).toContain(s.prompt[lang]);
      expect(step.keyboard.map((b) => b.text)).toEqual(s.options.map((o) => o.label[lang]));
      values[s.fact] = s.options[option]?.value ?? "";
      const before = h.api.sentTo(chat).length;
      step = await press(step.message, step.keyboard[option]);
      if (i === optionIndexes.length - 1) {
        // The last press leaves a summary without buttons and sends the verdict.
        expect(step.payload.reply_markup).toBeUndefined();
        await h.api.waitFor(() => h.api.sentTo(chat).length > before);
      }
    }
    const verdict = h.api.sentTo(chat).at(-1);
    const expected = (await h.engine.answer(check.toQuestion(values, lang))).check;
    return { verdict, expected };
  }

  it("walks a guided check with inline keyboards to its verdict (Chinese)", async () => {
    expect(checks().length).toBeGreaterThan(0);
    const { verdict, expected } = await walk(301, "zh", 0, [1, 0, 2]);
    expect(expected?.outcome).toBe("applies");
    const text = parseTelegramHtml(verdict.text);
    expect(text).toMatch(/^✅ 结论:适用\n/);
    expect(text).toContain(expected?.explanation.split("\n")[0]);
    expect(text).toContain("六(五) 开展畜禽养殖业氨排放控制试点");
    expect(keyboardOf(verdict).map((b) => b.data)).toEqual(["f:0:6.5:z", "r:0:6.5:z", "d:0:6.5:z"]);
  });

  it("walks a guided check in English", async () => {
    const index = checks().findIndex((c) => c.steps.length === 1);
    const { verdict, expected } = await walk(302, "en", index, [0]);
    const head = {
      applies: "✅ Verdict: applies",
      does_not_apply: "⛔ Verdict: does not apply",
      need_more_info: "❓",
    };
    expect(parseTelegramHtml(verdict.text).startsWith(head[expected?.outcome ?? "need_more_info"])).toBe(
      true,
    );
  });

  it("rejects forged steps politely", async () => {
    const [chooser] = await ask(h.api, 303, "/check");
    const message = h.api.botMessages(303).at(-1);
    for (const data of ["k:0:z:9", "k:0:z:0000", "k:0:q:0"]) {
      const { callbackId } = h.api.press(message, data);
      const call = await h.api.waitFor(() =>
        h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === callbackId),
      );
      expect(call.payload.text, data).toMatch(/核查已失效|按钮已失效/);
    }
    expect(chooser).toBeDefined();
  });
});

describe("groups", () => {
  const group = () => h.api.groupChat(-1001);
  it("answers a mention, a reply to the bot and its commands; stays quiet otherwise", async () => {
    const chat = group();
    const member = h.api.user(501);
    const mention = await inject(
      h.api,
      { message: h.api.message({ chat, from: member, text: "@policy_test_bot 六(五)由谁负责?" }) },
      chat.id,
    );
    expect(mention).toHaveLength(1);
    expect(plain(mention[0])).toContain("六(五) 开展畜禽养殖业氨排放控制试点");
    expect(mention[0].reply_parameters.message_id).toBeGreaterThan(0);

    const quiet = await inject(
      h.api,
      { message: h.api.message({ chat, from: member, text: "大家好,今天开会吗?" }) },
      chat.id,
    );
    expect(quiet).toHaveLength(0);
    const sticker = await inject(
      h.api,
      { message: h.api.message({ chat, from: member, extra: { sticker: { file_id: "x" } } }) },
      chat.id,
    );
    expect(sticker).toHaveLength(0);
    const other = await inject(
      h.api,
      { message: h.api.message({ chat, from: member, text: "/clause@other_bot 6.5" }) },
      chat.id,
    );
    expect(other).toHaveLength(0);

    const botMessage = h.api.botMessages(chat.id).at(-1);
    const reply = await inject(
      h.api,
      {
        message: h.api.message({
          chat,
          from: member,
          text: "城管局负责哪些任务?",
          extra: { reply_to_message: botMessage },
        }),
      },
      chat.id,
    );
    expect(reply).toHaveLength(1);
    expect(plain(reply[0])).toMatch(/市城市管理局/);

    const cmd = await inject(
      h.api,
      { message: h.api.message({ chat, from: member, text: "/clause@policy_test_bot 6.5" }) },
      chat.id,
    );
    expect(cmd).toHaveLength(1);
    const plainCmd = await inject(
      h.api,
      { message: h.api.message({ chat, from: member, text: "/about" }) },
      chat.id,
    );
    expect(plainCmd).toHaveLength(1);
  });
});

describe("bad updates", () => {
  it("stickers and photos get a text-only hint; edits and channel posts are ignored", async () => {
    const chat = h.api.privateChat(601);
    const sticker = await inject(
      h.api,
      { message: h.api.message({ chat, extra: { sticker: { file_id: "s" } } }) },
      601,
    );
    expect(plain(sticker[0])).toMatch(/我只能读文字消息/);
    const photo = await inject(
      h.api,
      { message: h.api.message({ chat, extra: { photo: [{ file_id: "p" }], caption: "看这个" } }) },
      601,
    );
    expect(plain(photo[0])).toMatch(/我只能读文字消息/);
    // Telegram would not send these (allowed_updates); the bot must still ignore them if it gets them.
    h.api.honorAllowedUpdates = false;
    try {
      const editedId = h.api.inject({
        edited_message: { ...h.api.message({ chat, text: "六(五)" }), edit_date: 1 },
      });
      const channel = { id: -100777, type: "channel", title: "News" };
      const postId = h.api.inject({
        channel_post: { message_id: 1, date: 1, chat: channel, text: "/clause 6.5" },
      });
      await h.api.settle(150);
      expect(h.api.deliveries.get(editedId)).toBe(1);
      expect(h.api.deliveries.get(postId)).toBe(1);
      expect(h.api.sentTo(601)).toHaveLength(2);
      expect(h.api.sentTo(channel.id)).toHaveLength(0);
    } finally {
      h.api.honorAllowedUpdates = true;
    }
  });

  it("empty, whitespace and 10,000-character texts get a polite reply", async () => {
    const [empty] = await ask(h.api, 602, "");
    expect(plain(empty)).toMatch(/请输入问题/);
    const [blank] = await ask(h.api, 602, "   \n\t ");
    expect(plain(blank)).toMatch(/请输入问题/);
    const [long] = await ask(h.api, 602, "氨".repeat(10_000));
    expect(plain(long)).toMatch(/问题太长了/);
    const [longEn] = await ask(h.api, 603, "a".repeat(10_000), userEn(603));
    expect(plain(longEn)).toMatch(/too long/);
  });

  it("HTML and Markdown injection is escaped", async () => {
    const evil =
      '<b>boom</b><script>alert(1)</script> & <a href="x">六(五)</a> *bold* _it_ [x](http://e.vil) `code`';
    const [r] = await ask(h.api, 604, evil);
    expect(r.parse_mode).toBe("HTML");
    expect(r.text).not.toMatch(/<script>|<a href/);
    const [dept] = await ask(h.api, 604, "/dept <b>x</b> & <i>");
    expect(plain(dept)).toContain("“<b>x</b> & <i>”");
    const [clause] = await ask(h.api, 604, "/clause </blockquote><b>");
    expect(plain(clause)).toContain("</blockquote><b>");
    const [en] = await ask(h.api, 605, "/start", {
      id: 605,
      is_bot: false,
      first_name: "<b>Mallory</b> &amp;",
      language_code: "en",
    });
    expect(plain(en)).toContain("Hello, <b>Mallory</b> &amp;!");
  });

  it("unknown, forged and data-less callbacks get a polite answer", async () => {
    const [answer] = await ask(h.api, 606, "六(五)");
    expect(answer).toBeDefined();
    const message = h.api.botMessages(606).at(-1);
    const cases: Array<[string, RegExp]> = [
      ["zzz", /按钮已失效/],
      ["f:9:6.5:z", /按钮已失效/],
      ["f:0:99.99:z", /按钮已失效/],
      ["d:0:6.5:x", /按钮已失效/],
      ["k:99:z:0", /核查已失效/],
      ["k:0:z:zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", /核查已失效/],
      ["x".repeat(64), /按钮已失效/],
    ];
    for (const [data, text] of cases) {
      const { callbackId } = h.api.press(message, data);
      const call = await h.api.waitFor(() =>
        h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === callbackId),
      );
      expect(call.payload.text, data).toMatch(text);
    }
    const gameId = "game-1";
    h.api.inject({
      callback_query: {
        id: gameId,
        from: h.api.user(606),
        message,
        chat_instance: "c",
        game_short_name: "g",
      },
    });
    const game = await h.api.waitFor(() =>
      h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === gameId),
    );
    expect(game.payload.text).toMatch(/按钮已失效/);
  });
});

describe("Bot API failures", () => {
  it("retries a 429 after retry_after and delivers the reply once", async () => {
    h.api.failNext("sendMessage", {
      status: 429,
      description: "Too Many Requests: retry after 1",
      retryAfter: 1,
    });
    const started = Date.now();
    const replies = await ask(h.api, 701, "六(五)");
    expect(replies).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const attempts = h.api.callsOf("sendMessage").filter((c) => c.payload.chat_id === 701);
    expect(attempts.map((c) => c.ok)).toEqual([false, true]);
  });

  it("retries a 500 and recovers from failing getUpdates", async () => {
    h.api.failNext("sendMessage", { status: 500, description: "Internal Server Error" });
    const replies = await ask(h.api, 702, "六(五)");
    expect(replies).toHaveLength(1);
    h.api.failNext("getUpdates", { status: 500, description: "Internal Server Error" }, 2);
    h.api.failNext("getUpdates", {
      status: 429,
      description: "Too Many Requests: retry after 1",
      retryAfter: 1,
    });
    const failedBefore = h.api.callsOf("getUpdates").filter((c) => c.ok === false).length;
    const later = await ask(h.api, 703, "六(五)");
    expect(later).toHaveLength(1);
    await h.api.waitFor(
      () => h.api.callsOf("getUpdates").filter((c) => c.ok === false).length === failedBefore + 3,
    );
    const again = await ask(h.api, 703, "6.5");
    expect(again).toHaveLength(1);
  });

  it("when sending fails for good, the error boundary logs and replies politely; the bot keeps running", async () => {
    h.api.failNext("sendMessage", { status: 400, description: "Bad Request: something unexpected" });
    const replies = await ask(h.api, 704, "六(五)");
    expect(replies.map(plain)).toEqual(["抱歉,处理这条消息时出错了,请稍后再试。"]);
    expect(h.logs.some((l) => l.msg === "update failed" && l.level === 50)).toBe(true);
    const after = await ask(h.api, 704, "6.5");
    expect(plain(after[0])).toContain("六(五)");
  });
});

describe("logs", () => {
  it("never contain the token, nor message texts above debug level", async () => {
    const marker = "独特标记氨排放XYZ";
    await ask(h.api, 801, `${marker}?`);
    expect(h.logs.length).toBeGreaterThan(0);
    for (const l of h.logs) {
      expect(l.raw).not.toContain(h.api.token);
      expect(l.raw).not.toContain(h.api.token.split(":")[1]);
      if (l.level > 20) expect(l.raw).not.toContain(marker);
    }
    expect(h.logs.some((l) => l.level === 20 && l.raw.includes(marker))).toBe(true);
    expect(h.logs.some((l) => l.msg === "update handled" && typeof l.ms === "number")).toBe(true);
  });
});
