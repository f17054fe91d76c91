/**
 * Operations: graceful stop and restart without losing or repeating an update, signal handling,
 * start-up failures that say what is wrong, the webhook server (secret, bad requests, exactly-once
 * under duplicate delivery, redelivery of what failed), the allowlist and the per-user rate limit.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../src/channels/http/index.js";
import {
  ask,
  captureLogger,
  type Harness,
  inject,
  type LogLine,
  startHarness,
  testEngine,
  testEnv,
} from "../src/channels/telegram/harness.js";
import { loadBotConfig, type RunOptions, runBot, StartupError } from "../src/channels/telegram/index.js";
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

async function stubApi(): Promise<FakeBotApi> {
  const api = new FakeBotApi();
  await api.start();
  cleanups.push(() => api.close());
  return api;
}

const heading = (text: string) => parseTelegramHtml(text).split("\n")[0];

describe("graceful stop and restart", () => {
  it("loses no update and answers none twice across a restart", async () => {
    // A small sink, so the stop comes while a batch is unconfirmed: only the stop's confirmation
    // prevents repeats.
    const h = await harness({}, { handleSignals: false, concurrency: 3 });
    const items = h.engine.plans[0]?.items ?? [];
    const chats = [11, 12, 13, 14];
    const expected = new Map<number, string[]>(chats.map((c) => [c, []]));
    const sendBatch = (n: number) => {
      for (let i = 0; i < n; i++) {
        const chat = chats[i % chats.length] ?? 11;
        const item = items[(i * 7) % items.length];
        if (!item) throw new Error("no items");
        h.api.send(chat, `/clause ${item.label}`);
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
    const delivered = [...h.api.deliveries.keys()];
    expect(h.api.sentTo()).toHaveLength(delivered.length);
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
    await ask(h.api, 21, "六(五)");
    (ours[0] as (s: NodeJS.Signals) => void)("SIGTERM");
    await h.api.waitFor(() => h.logs.some((l) => l.msg === "bot stopped"));
    expect(await h.running.done).toEqual({ reason: "stopped" });
    expect(process.listeners("SIGTERM").filter((l) => !before.has(l))).toHaveLength(0);
    const polls = h.api.callsOf("getUpdates").length;
    h.api.send(21, "6.5");
    await new Promise((r) => setTimeout(r, 200));
    expect(h.api.callsOf("getUpdates").length).toBe(polls);
  });
});

describe("start-up failures say what is wrong", () => {
  async function start(env: Record<string, string>) {
    const logs: LogLine[] = [];
    const config = loadBotConfig(env);
    const started = Date.now();
    const error = await runBot(
      { engine: await testEngine(), config, logger: captureLogger(logs) },
      { handleSignals: false },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    return { error, logs, ms: Date.now() - started };
  }

  it("a rejected token (401) fails at once, naming the variable and not the token", async () => {
    const api = await stubApi();
    const { error, ms } = await start({
      TELEGRAM_BOT_TOKEN: "999:WRONGtokenWRONG",
      TELEGRAM_API_ROOT: api.apiRoot,
    });
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/Telegram rejected TELEGRAM_BOT_TOKEN \(401 Unauthorized\)/);
    expect((error as Error).message).not.toContain("WRONGtokenWRONG");
    expect(ms).toBeLessThan(2000);
  });

  it("a wrong root (404) fails at once, naming TELEGRAM_API_ROOT", async () => {
    const api = await stubApi();
    const { error } = await start({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: `${api.apiRoot}/wrong`,
    });
    expect((error as Error).message).toMatch(
      /TELEGRAM_API_ROOT=http:\/\/127\.0\.0\.1:\d+\/wrong answered 404/,
    );
  });

  it("an unreachable API is retried, each attempt logged, then fails naming it", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r)); // nothing listens there now
    const { error, logs, ms } = await start({
      TELEGRAM_BOT_TOKEN: "123:abc",
      TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      STARTUP_RETRY_SECONDS: "3",
    });
    expect((error as Error).message).toMatch(
      /could not reach the Bot API at TELEGRAM_API_ROOT=.*: ECONNREFUSED/,
    );
    expect(logs.filter((l) => l.msg === "start-up: Bot API not usable yet, retrying").length).toBeGreaterThan(
      0,
    );
    expect(ms).toBeLessThan(5000);
  });

  it("something that is not a Bot API is named as such", async () => {
    const server = createServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<html>hi</html>"),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    cleanups.push(() => new Promise((r) => server.close(() => r())));
    const { error } = await start({
      TELEGRAM_BOT_TOKEN: "123:abc",
      TELEGRAM_API_ROOT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      STARTUP_RETRY_SECONDS: "1",
    });
    expect((error as Error).message).toMatch(/did not answer like a Bot API/);
  });
});

describe("webhook mode", () => {
  async function webhookBot(env: Record<string, string> = {}) {
    const api = await stubApi();
    api.webhookTargets = []; // Telegram's deliveries off: the tests post themselves
    const logs: LogLine[] = [];
    const config = loadBotConfig(
      testEnv(api, {
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example.org/telegram/hook",
        WEBHOOK_SECRET: "s3cret_Token-1",
        PORT: "0",
        HOST: "127.0.0.1",
        WEBHOOK_MAX_BODY_BYTES: "65536",
        ...env,
      }),
    );
    const running = await runBot(
      { engine: await testEngine(), config, logger: captureLogger(logs, "info") },
      { handleSignals: false },
    );
    cleanups.push(() => running.stop());
    const url = `http://127.0.0.1:${running.port}/telegram/hook`;
    const post = (
      body: string,
      headers: Record<string, string> = { "X-Telegram-Bot-Api-Secret-Token": "s3cret_Token-1" },
      to = url,
    ) => fetch(to, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
    let nextId = 1000;
    const update = (chat: number, text: string, id = nextId++) =>
      JSON.stringify({ update_id: id, message: api.message({ chat: api.privateChat(chat), text }) });
    return { api, running, logs, url, post, update };
  }

  it("registers itself and serves the webhook path only, with the right secret", async () => {
    const { api, running, url, post, update, logs } = await webhookBot();
    expect(running.mode).toBe("webhook");
    expect(api.callsOf("setWebhook")[0]?.payload).toMatchObject({
      url: "https://bot.example.org/telegram/hook",
      secret_token: "s3cret_Token-1",
      allowed_updates: ["message", "callback_query", "inline_query"],
      max_connections: 40,
    });
    expect(api.callsOf("getUpdates")).toHaveLength(0);
    expect((await post(update(31, "六(五)"), {})).status).toBe(401);
    expect((await post(update(31, "六(五)"), { "X-Telegram-Bot-Api-Secret-Token": "wrong" })).status).toBe(
      401,
    );
    expect((await fetch(url)).status).toBe(405);
    expect(
      (await post(update(31, "六(五)"), undefined, `http://127.0.0.1:${running.port}/other`)).status,
    ).toBe(404);
    expect(api.sentTo(31)).toHaveLength(0);
    const ok = await post(update(31, "六(五)"));
    expect(ok.status).toBe(200);
    // Acknowledged only once handled: the answer is already out.
    expect(api.sentTo(31)).toHaveLength(1);
    expect(logs.some((l) => l.msg === "webhook request with a wrong secret token")).toBe(true);
  });

  it("answers bad requests with 4xx, never 500: invalid JSON 400, not an update 400, too large 413", async () => {
    const { post } = await webhookBot();
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ hello: 1 }))).status).toBe(400);
    expect((await post(JSON.stringify([1, 2]))).status).toBe(400);
    expect((await post(JSON.stringify({ update_id: 1, message: { text: "x".repeat(70_000) } }))).status).toBe(
      413,
    );
  });

  it("a duplicate delivery, at once or later, is answered once", async () => {
    const { api, post, update } = await webhookBot();
    const body = update(32, "六(五)", 77);
    const statuses = await Promise.all([post(body), post(body), post(body)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await post(body)).status).toBe(200);
    await api.settle(100);
    expect(api.sentTo(32)).toHaveLength(1);
  });

  it("an update that could not be answered is not acknowledged, and Telegram's redelivery answers it once", async () => {
    const { api, running, update, logs } = await webhookBot({ TELEGRAM_SEND_RETRIES: "0" });
    api.webhookTargets = [`http://127.0.0.1:${running.port}/telegram/hook`];
    api.webhookRetryMs = 100;
    // The answer and the apology both fail: the update must come back.
    api.failNext("sendMessage", { status: 500, description: "Internal Server Error" }, 2);
    api.send(33, "六(五)");
    await api.waitFor(() => api.sentTo(33).length === 1, 10_000, "the redelivered answer");
    await api.settle(200);
    expect(api.webhookAttempts.map((a) => a.status)).toEqual([500, 200]);
    expect(heading(api.sentTo(33)[0].text)).toBe("六(五) 开展畜禽养殖业氨排放控制试点");
    expect(
      logs.some((l) => l.msg === "update not handled: answering 500 so Telegram delivers it again"),
    ).toBe(true);
    expect(update).toBeDefined();
  });
});

describe("webhook mounted on npm start's HTTP server", () => {
  it("serves the webhook path on the shared server, with the same rules, and leaves the other routes alone", async () => {
    const api = await stubApi();
    api.webhookTargets = [];
    const engine = await testEngine();
    const web = createApp({ engine, webDir: null });
    const config = loadBotConfig(
      testEnv(api, {
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example.org/telegram/hook",
        WEBHOOK_SECRET: "s3cret_Token-1",
        PORT: "1", // not listened on: the webhook is mounted
      }),
    );
    const running = await runBot(
      {
        engine,
        config,
        logger: captureLogger([], "warn"),
        mountWebhook: (path, handler) => web.mount(path, (c) => handler(c.req.raw)),
      },
      { handleSignals: false },
    );
    cleanups.push(() => running.stop());
    expect(running.port).toBeNull();
    const post = (body: string, secret = "s3cret_Token-1") =>
      web.app.request("/telegram/hook", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      });
    const update = JSON.stringify({
      update_id: 5,
      message: api.message({ chat: api.privateChat(34), text: "六(五)" }),
    });
    expect((await post(update, "wrong")).status).toBe(401);
    expect((await post("{nope")).status).toBe(400);
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    expect(api.sentTo(34).map((p) => heading(p.text))).toEqual(["六(五) 开展畜禽养殖业氨排放控制试点"]);
    expect((await web.app.request("/healthz")).status).toBe(200);
    await running.stop();
    expect((await post(update)).status).toBe(503);
  });
});

describe("allowlist", () => {
  it("serves listed chats only; refusals are rate-limited (one a window)", async () => {
    const h = await harness({ ALLOWED_CHAT_IDS: "41, -10041" });
    expect((await ask(h.api, 41, "六(五)")).map((p) => heading(p.text))).toEqual([
      "六(五) 开展畜禽养殖业氨排放控制试点",
    ]);
    for (let i = 0; i < 5; i++) h.api.send(42, "六(五)");
    await h.api.waitFor(() => h.api.sentTo(42).length >= 1);
    await h.api.settle(200);
    expect(h.api.sentTo(42).map((p) => parseTelegramHtml(p.text))).toEqual([
      "抱歉，本机器人未对此聊天开放。",
    ]);
    const otherGroup = h.api.groupChat(-10042);
    const mention = {
      message: h.api.message({ chat: otherGroup, from: h.api.user(43), text: "@policy_test_bot 六(五)" }),
    };
    expect((await inject(h.api, mention, -10042)).map((p) => parseTelegramHtml(p.text))).toEqual([
      "抱歉，本机器人未对此聊天开放。",
    ]);
    const refusedInline = h.api.inline("六(五)", h.api.user(44));
    const r1 = await h.api.waitFor(() =>
      h.api.callsOf("answerInlineQuery").find((c) => c.payload.inline_query_id === refusedInline.inlineId),
    );
    expect(r1.payload.results).toEqual([]);
  });
});

describe("rate limit", () => {
  it("answers up to the limit, then one polite notice, and drops the excess; buttons are still answered", async () => {
    const h = await harness({ RATE_LIMIT_MAX: "3", RATE_LIMIT_WINDOW_SECONDS: "60" });
    for (let i = 0; i < 6; i++) h.api.send(51, "六(五)");
    await h.api.waitFor(() => h.api.sentTo(51).length >= 4);
    await h.api.settle(150);
    const texts = h.api.sentTo(51).map((p) => parseTelegramHtml(p.text));
    expect(texts.filter((t) => t.startsWith("六(五)"))).toHaveLength(3);
    expect(texts.filter((t) => t.includes("提问太频繁"))).toHaveLength(1);
    expect(texts).toHaveLength(4);
    const { callbackId } = h.api.press(h.api.botMessages(51)[0], "f:shangqiu-air-quality-2024:6.5:z");
    const answered = await h.api.waitFor(() =>
      h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === callbackId),
    );
    expect(answered.payload.text).toMatch(/提问太频繁/);
    expect(await ask(h.api, 52, "六(五)")).toHaveLength(1);
  });
});
