/**
 * Operations: graceful stop and restart without losing or repeating an update, signal handling,
 * webhook mode with its secret token, the chat allowlist and the per-user rate limit.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  ask,
  captureLogger,
  type Harness,
  inject,
  type LogLine,
  startHarness,
  testEngine,
} from "../src/channels/telegram/harness.js";
import { loadBotConfig, type RunOptions, runBot } from "../src/channels/telegram/index.js";
import { FakeBotApi, parseTelegramHtml } from "../src/stand-ins/telegram-bot-api.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function harness(
  env: Record<string, string> = {},
  options: RunOptions = { handleSignals: false },
): Promise<Harness> {
  const h = await startHarness(env, options);
  cleanups.push(() => h.close());
  return h;
}

const heading = (text: string) => parseTelegramHtml(text).split("\n")[0];

describe("graceful stop and restart", () => {
  it("loses no update and answers none twice across a restart", async () => {
    // A small sink, so the runner waits for capacity before its next getUpdates: the stop comes while
    // the last batch's offset is unconfirmed, and only the stop's own confirmation prevents repeats.
    const h = await harness({}, { handleSignals: false, concurrency: 3 });
    const items = h.engine.plans[0]?.items ?? [];
    const chats = [11, 12, 13, 14];
    const expected = new Map<number, string[]>(chats.map((c) => [c, []]));
    const sendBatch = (n: number) => {
      for (let i = 0; i < n; i++) {
        const chat = chats[i % chats.length] ?? 11;
        const item = items[(i * 7) % items.length];
        if (!item) throw new Error("no items");
        h.api.send(chat, `/clause ${item.id}`);
        expected.get(chat)?.push(`${item.label} ${item.title}`);
      }
    };
    let stopped: Promise<void> | undefined;
    h.api.onCall = (call) => {
      if (!stopped && call.method === "sendMessage") stopped = h.running.stop();
    };
    sendBatch(40);
    await await h.api.waitFor(() => stopped);
    h.api.onCall = null;
    const answeredAtStop = h.api.sentTo().length;
    const delivered = [...h.api.deliveries.keys()];
    // Everything delivered before the stop was answered, and its offset confirmed.
    expect(answeredAtStop).toBe(delivered.length);
    expect(h.api.confirmedOffset).toBe(Math.max(...delivered) + 1);

    sendBatch(40); // arrives while the bot is down
    await h.restart();
    await h.api.waitFor(() => h.api.sentTo().length >= 80, 15_000, "80 replies");
    await h.api.settle(100);
    expect(h.api.sentTo()).toHaveLength(80);
    for (const chat of chats)
      expect(
        h.api.sentTo(chat).map((p) => heading(p.text)),
        `chat ${chat}`,
      ).toEqual(expected.get(chat));
  });

  it("stops on SIGTERM through the installed handler", async () => {
    const before = new Set(process.listeners("SIGTERM"));
    const h = await harness({}, { handleSignals: true, exitOnSignal: false });
    const ours = process.listeners("SIGTERM").filter((l) => !before.has(l));
    expect(ours).toHaveLength(1);
    expect(process.listeners("SIGINT").length).toBeGreaterThan(0);
    await ask(h.api, 21, "六(五)");
    (ours[0] as (s: NodeJS.Signals) => void)("SIGTERM");
    await h.api.waitFor(() => h.logs.some((l) => l.msg === "bot stopped"));
    expect(process.listeners("SIGTERM").filter((l) => !before.has(l))).toHaveLength(0);
    // Stopped: a new message is not fetched.
    const polls = h.api.callsOf("getUpdates").length;
    h.api.send(21, "6.5");
    await new Promise((r) => setTimeout(r, 200));
    expect(h.api.callsOf("getUpdates").length).toBe(polls);
    expect(h.logs.find((l) => l.msg === "stopping")?.signal).toBe("SIGTERM");
  });
});

describe("start-up failures", () => {
  it("a rejected token is a readable error; a revoked one ends polling as fatal", async () => {
    const api = new FakeBotApi();
    await api.start();
    cleanups.push(() => api.close());
    const engine = await testEngine();
    const logs: LogLine[] = [];
    const wrong = loadBotConfig({
      TELEGRAM_BOT_TOKEN: "999:WRONGtokenWRONGtoken",
      TELEGRAM_API_ROOT: api.apiRoot,
    });
    await expect(
      runBot({ engine, config: wrong, logger: captureLogger(logs) }, { handleSignals: false }),
    ).rejects.toThrow(/Telegram rejected TELEGRAM_BOT_TOKEN \(401 Unauthorized\)/);

    const config = loadBotConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    const running = await runBot({ engine, config, logger: captureLogger(logs) }, { handleSignals: false });
    cleanups.push(() => running.stop());
    api.failNext("getUpdates", {
      status: 409,
      description: "Conflict: terminated by other getUpdates request",
    });
    api.send(61, "六(五)"); // wakes the pending poll; the next one gets the 409
    expect(await running.done).toEqual({
      reason: "fatal",
      error: "Conflict: terminated by other getUpdates request",
    });
    expect(logs.some((l) => l.msg === "polling stopped" && l.level === 60)).toBe(true);
    for (const l of logs) expect(l.raw).not.toContain(api.token);
  });
});

describe("webhook mode", () => {
  it("serves updates on the webhook path only with the right secret token", async () => {
    const api = new FakeBotApi();
    await api.start();
    const logs: LogLine[] = [];
    const config = loadBotConfig({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/telegram/hook",
      WEBHOOK_SECRET: "s3cret_Token-1",
      PORT: "0",
      HOST: "127.0.0.1",
    });
    const running = await runBot(
      { engine: await testEngine(), config, logger: captureLogger(logs) },
      { handleSignals: false },
    );
    cleanups.push(async () => {
      await running.stop();
      await api.close();
    });
    expect(running.mode).toBe("webhook");
    const [setWebhook] = api.callsOf("setWebhook");
    expect(setWebhook?.payload).toMatchObject({
      url: "https://bot.example.org/telegram/hook",
      secret_token: "s3cret_Token-1",
      allowed_updates: ["message", "callback_query", "inline_query"],
    });
    expect(api.callsOf("getUpdates")).toHaveLength(0);

    const url = `http://127.0.0.1:${running.port}/telegram/hook`;
    const update = (text: string) =>
      JSON.stringify({ update_id: 1, message: api.message({ chat: api.privateChat(31), text }) });
    const post = (body: string, headers: Record<string, string> = {}, to = url) =>
      fetch(to, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

    expect((await post(update("六(五)"))).status).toBe(401);
    expect((await post(update("六(五)"), { "X-Telegram-Bot-Api-Secret-Token": "wrong" })).status).toBe(401);
    expect((await fetch(url)).status).toBe(404);
    expect((await post(update("六(五)"), {}, `http://127.0.0.1:${running.port}/other`)).status).toBe(404);
    expect(api.sentTo(31)).toHaveLength(0);

    const ok = await post(update("六(五)"), { "X-Telegram-Bot-Api-Secret-Token": "s3cret_Token-1" });
    expect(ok.status).toBe(200);
    await api.waitFor(() => api.sentTo(31).length === 1);
    expect(parseTelegramHtml(api.sentTo(31)[0].text)).toContain("六(五) 开展畜禽养殖业氨排放控制试点");
    expect(logs.some((l) => l.msg === "webhook request with a wrong secret token")).toBe(true);
  });
});

describe("allowlist", () => {
  it("serves listed chats only and refuses others politely", async () => {
    const h = await harness({ ALLOWED_CHAT_IDS: "41, -10041" });
    expect((await ask(h.api, 41, "六(五)")).map((p) => heading(p.text))).toEqual([
      "六(五) 开展畜禽养殖业氨排放控制试点",
    ]);
    const [refusal] = await ask(h.api, 42, "六(五)");
    expect(parseTelegramHtml(refusal.text)).toBe("抱歉,本机器人未对此聊天开放。");

    const allowedGroup = h.api.groupChat(-10041);
    const otherGroup = h.api.groupChat(-10042);
    const mention = (chat: ReturnType<FakeBotApi["groupChat"]>) => ({
      message: h.api.message({ chat, from: h.api.user(43), text: "@policy_test_bot 六(五)" }),
    });
    expect(await inject(h.api, mention(allowedGroup), -10041)).toHaveLength(1);
    const refused = await inject(h.api, mention(otherGroup), -10042);
    expect(refused.map((p) => parseTelegramHtml(p.text))).toEqual(["抱歉,本机器人未对此聊天开放。"]);
    const chatter = { message: h.api.message({ chat: otherGroup, from: h.api.user(43), text: "随便聊聊" }) };
    expect(await inject(h.api, chatter, -10042)).toHaveLength(0);

    const message = h.api.message({ chat: h.api.privateChat(42), text: "x" });
    const { callbackId } = h.api.press(message, "f:0:6.5:z");
    const answered = await h.api.waitFor(() =>
      h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === callbackId),
    );
    expect(answered.payload.text).toBe("抱歉,本机器人未对此聊天开放。");

    const refusedInline = h.api.inline("六(五)", h.api.user(44));
    const r1 = await h.api.waitFor(() =>
      h.api.callsOf("answerInlineQuery").find((c) => c.payload.inline_query_id === refusedInline.inlineId),
    );
    expect(r1.payload.results).toEqual([]);
    const allowedInline = h.api.inline("六(五)", h.api.user(41));
    const r2 = await h.api.waitFor(() =>
      h.api.callsOf("answerInlineQuery").find((c) => c.payload.inline_query_id === allowedInline.inlineId),
    );
    expect(r2.payload.results.length).toBeGreaterThan(0);
  });
});

describe("rate limit", () => {
  it("answers up to the limit, then sends one polite notice and drops the excess", async () => {
    const h = await harness({ RATE_LIMIT_MAX: "3", RATE_LIMIT_WINDOW_SECONDS: "60" });
    for (let i = 0; i < 6; i++) h.api.send(51, "六(五)");
    await h.api.waitFor(() => h.api.sentTo(51).length >= 4);
    await h.api.settle(150);
    const texts = h.api.sentTo(51).map((p) => parseTelegramHtml(p.text));
    expect(texts.filter((t) => t.startsWith("六(五)"))).toHaveLength(3);
    expect(texts.filter((t) => t.includes("提问太频繁"))).toHaveLength(1);
    expect(texts).toHaveLength(4);
    // A button pressed over the limit is still answered.
    const message = h.api.botMessages(51)[0];
    const { callbackId } = h.api.press(message, "f:0:6.5:z");
    const answered = await h.api.waitFor(() =>
      h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === callbackId),
    );
    expect(answered.payload.text).toMatch(/提问太频繁/);
    // Other users are not affected.
    expect(await ask(h.api, 52, "六(五)")).toHaveLength(1);
  });
});
