/**
 * Pure parts of the bot: configuration, callback data and deep links, HTML splitting of rendered
 * replies, the send queue (against a scripted API), the update guard, backoff.
 */
import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import type { DepartmentListingPayload } from "../src/answer/index.js";
import { MemoryStore } from "../src/channels/state/index.js";
import { backoffMs } from "../src/channels/telegram/backoff.js";
import {
  CALLBACK_LIMIT,
  checkStartData,
  deepLinkPayload,
  docHash,
  itemData,
  parseCallbackData,
  parseDeepLink,
  resolveDocRef,
  voteData,
} from "../src/channels/telegram/callbacks.js";
import { BotConfigError, loadBotConfig } from "../src/channels/telegram/config.js";
import { captureLogger, type LogLine } from "../src/channels/telegram/harness.js";
import {
  DeliveryFailed,
  SendAborted,
  SendQueue,
  type SendQueueOptions,
} from "../src/channels/telegram/send-queue.js";
import { UpdateGuard } from "../src/channels/telegram/update-guard.js";
import { escapeHtml, MESSAGE_LIMIT, splitHtml } from "../src/render/index.js";
import { departmentListingReply } from "../src/render/telegram.js";
import { parseTelegramHtml } from "../src/stand-ins/telegram-bot-api.js";

const TOKEN = "123456:ABCdef_ghi-JKLmnop";

describe("loadBotConfig", () => {
  it("applies defaults: Telegram's published send limits, a day's de-duplication, fail-fast start-up", () => {
    const c = loadBotConfig({ TELEGRAM_BOT_TOKEN: TOKEN });
    expect(c).toMatchObject({
      token: TOKEN,
      apiRoot: "https://api.telegram.org",
      mode: "polling",
      allowedChatIds: null,
      rateLimit: { max: 20, windowMs: 10_000 },
      redisUrl: null,
      dedupWindowMs: 86_400_000,
      sendLimits: {
        global: { limit: 30, windowMs: 1000 },
        chat: { limit: 1, windowMs: 1000 },
        group: { limit: 20, windowMs: 60_000 },
      },
      sendRetries: 4,
      startupRetryMs: 0,
      shutdownTimeoutMs: 8000,
      webhookMaxBodyBytes: 262_144,
    });
  });

  it("reads every variable", () => {
    const c = loadBotConfig({
      TELEGRAM_BOT_TOKEN: ` ${TOKEN} `,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      BOT_MODE: "Webhook",
      WEBHOOK_URL: "https://bot.example.org/hook",
      WEBHOOK_SECRET: "abc_DEF-123",
      PORT: "3000",
      ALLOWED_CHAT_IDS: "12345, -100987654321,",
      LOG_LEVEL: "DEBUG",
      RATE_LIMIT_MAX: "5",
      RATE_LIMIT_WINDOW_SECONDS: "30",
      REDIS_URL: "redis://127.0.0.1:6379/2",
      DEDUP_WINDOW_SECONDS: "600",
      TELEGRAM_SEND_RATE: "25",
      TELEGRAM_CHAT_SEND_RATE: "2",
      TELEGRAM_GROUP_SEND_RATE: "15",
      TELEGRAM_SEND_RETRIES: "2",
      STARTUP_RETRY_SECONDS: "120",
      SHUTDOWN_TIMEOUT_SECONDS: "5",
      WEBHOOK_MAX_BODY_BYTES: "65536",
    });
    expect(c.apiRoot).toBe("http://127.0.0.1:8081");
    expect(c.mode).toBe("webhook");
    expect([...(c.allowedChatIds ?? [])]).toEqual([12345, -100987654321]);
    expect(c.redisUrl).toBe("redis://127.0.0.1:6379/2");
    expect(c.dedupWindowMs).toBe(600_000);
    expect(c.sendLimits.global?.limit).toBe(25);
    expect(c.sendLimits.chat?.limit).toBe(2);
    expect(c.sendLimits.group).toEqual({ limit: 15, windowMs: 60_000 });
    expect(c.sendRetries).toBe(2);
    expect(c.startupRetryMs).toBe(120_000);
    expect(c.shutdownTimeoutMs).toBe(5000);
    expect(c.webhookMaxBodyBytes).toBe(65_536);
  });

  it("lists every invalid variable in one readable error, without the token", () => {
    let error: unknown;
    try {
      loadBotConfig({
        TELEGRAM_BOT_TOKEN: "not-a-token-secret",
        TELEGRAM_API_ROOT: "ftp://x",
        BOT_MODE: "push",
        PORT: "eighty",
        REDIS_URL: "http://nope",
        SHUTDOWN_TIMEOUT_SECONDS: "30",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BotConfigError);
    const message = (error as Error).message;
    for (const name of [
      "TELEGRAM_BOT_TOKEN",
      "TELEGRAM_API_ROOT",
      "BOT_MODE",
      "PORT",
      "REDIS_URL",
      "SHUTDOWN_TIMEOUT_SECONDS",
    ])
      expect(message).toContain(name);
    expect(message).not.toContain("not-a-token-secret");
  });

  it("requires a URL and secret in webhook mode", () => {
    expect(() => loadBotConfig({})).toThrow(/TELEGRAM_BOT_TOKEN is required/);
    expect(() => loadBotConfig({ TELEGRAM_BOT_TOKEN: TOKEN, BOT_MODE: "webhook" })).toThrow(
      /WEBHOOK_URL is required when BOT_MODE=webhook[\s\S]*WEBHOOK_SECRET is required/,
    );
  });
});

describe("callback data and deep links", () => {
  const docs = ["shangqiu-air-quality-2024", "state-council-2023-24"];

  it("item buttons carry the document id and round-trip within 64 bytes", () => {
    const data = itemData("r", "state-council-2023-24", "6.24", "en");
    expect(data).toBe("r:state-council-2023-24:6.24:e");
    expect(parseCallbackData(data)).toEqual({
      kind: "item",
      action: "r",
      docRef: "state-council-2023-24",
      id: "6.24",
      lang: "en",
    });
    expect(resolveDocRef("state-council-2023-24", docs)).toBe("state-council-2023-24");
  });

  it("a document id too long for 64 bytes travels as its hash", () => {
    const long = `a-very-long-document-identifier-${"x".repeat(60)}`;
    const data = itemData("f", long, "12.34", "zh");
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_LIMIT);
    const parsed = parseCallbackData(data);
    expect(parsed?.kind === "item" && resolveDocRef(parsed.docRef, [...docs, long])).toBe(long);
    expect(resolveDocRef(docHash("other"), docs)).toBeNull();
  });

  it("votes and checks", () => {
    expect(parseCallbackData(voteData("down", "42") ?? "")).toEqual({
      kind: "vote",
      vote: "down",
      answerId: "42",
    });
    expect(voteData("up", "x".repeat(80))).toBeNull();
    expect(checkStartData("规则 甲", 3, "en")).toBe("k:#3:e");
    expect(parseCallbackData("k:#3:e")).toEqual({ kind: "check-start", checkId: "#3", lang: "en" });
    expect(parseCallbackData(checkStartData("ammonia-pilot", 0, "zh"))).toEqual({
      kind: "check-start",
      checkId: "ammonia-pilot",
      lang: "zh",
    });
    expect(parseCallbackData("s:2:1")).toEqual({ kind: "check-step", step: 2, option: 1 });
  });

  it("rejects anything it did not write", () => {
    for (const bad of [
      "",
      "f",
      "f:doc:6.5",
      "f:doc:6.5:x",
      "q:doc:6.5:z",
      "f:doc:a.b:z",
      "k:bad id:z",
      "s:a:1",
      "六",
    ])
      expect(parseCallbackData(bad), bad).toBeNull();
  });

  it("deep links: bare for the primary document, with the id for another, hashed when they cannot carry it", () => {
    expect(deepLinkPayload(docs[0] ?? "", "6.5", docs[0] ?? null)).toBe("6_5");
    expect(deepLinkPayload("state-council-2023-24", "6.24", docs[0] ?? null)).toBe(
      "6_24-state-council-2023-24",
    );
    const odd = deepLinkPayload("doc_with_underscores", "1.2", null);
    expect(odd).toMatch(/^1_2--[0-9a-f]{8}$/);
    expect(parseDeepLink("6_5")).toEqual({ docRef: null, id: "6.5" });
    expect(parseDeepLink("6_24-state-council-2023-24")).toEqual({
      docRef: "state-council-2023-24",
      id: "6.24",
    });
    expect(parseDeepLink(odd)?.docRef).toBe(docHash("doc_with_underscores"));
    expect(parseDeepLink("help")).toBeNull();
    for (const p of [odd, "6_24-state-council-2023-24"]) expect(p).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe("HTML", () => {
  it("escapes what Telegram's parser treats as markup", () => {
    const evil = `<b>x</b> & "q" <script>`;
    expect(parseTelegramHtml(escapeHtml(evil))).toBe(evil);
  });

  it("a long rendered listing splits into valid messages on paragraph boundaries", () => {
    const entries = Array.from({ length: 300 }, (_, i) => ({
      id: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
      label: `第${i}项`,
      title: `任务<${i}>&标题`.repeat(3),
      department: "市生态环境局",
      role: (["lead", "responsible", "support"] as const)[i % 3] ?? "lead",
      viaStandingNote: false,
      noteFrom: null,
      deadlines: [],
    }));
    const payload: DepartmentListingPayload = {
      kind: "department_listing",
      departments: [{ name: "市生态环境局", en: null }],
      role: null,
      deadline: null,
      total: entries.length,
      groups: [{ doc: "d", docName: "某计划", entries }],
    };
    const { html } = departmentListingReply(payload, "zh");
    const parts = splitHtml(html);
    expect(parts.length).toBeGreaterThan(2);
    let text = "";
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      text += parseTelegramHtml(p);
    }
    expect(text.replace(/\s+/g, "")).toBe(parseTelegramHtml(html).replace(/\s+/g, ""));
  });
});

type Raw = {
  ok: boolean;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
  result?: unknown;
};

/** A send queue over a scripted API: `script(method, payload, attempt)` answers each attempt. */
function scripted(
  script: (
    method: string,
    payload: { chat_id?: number; text?: string },
    attempt: number,
  ) => Raw | Promise<Raw>,
  options: Partial<SendQueueOptions> = {},
) {
  const logs: LogLine[] = [];
  const calls: Array<{ method: string; chat?: number; text?: string; at: number }> = [];
  const attempts = new Map<string, number>();
  const started = Date.now();
  const queue = new SendQueue({
    store: new MemoryStore(),
    logger: captureLogger(logs),
    prefix: "tg:1",
    limits: {},
    retries: 4,
    callTimeoutMs: 2000,
    backoff: { baseMs: 5, capMs: 20 },
    ...options,
  });
  const prev = async (method: string, payload: { chat_id?: number; text?: string }) => {
    const key = `${method}:${payload.chat_id}:${payload.text}`;
    const n = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, n);
    calls.push({ method, chat: payload.chat_id, text: payload.text, at: Date.now() - started });
    return script(method, payload, n);
  };
  const send = (chat: number, text: string, method = "sendMessage") =>
    queue.transformer(prev as never, method as never, { chat_id: chat, text } as never) as Promise<Raw>;
  return { queue, send, calls, logs };
}

describe("send queue", () => {
  it("waits out retry_after for one chat while other chats go on; the chat's later messages keep their order", async () => {
    const { send, calls, queue } = scripted(
      (_m, p, attempt) =>
        p.text === "a1" && attempt === 1
          ? {
              ok: false,
              error_code: 429,
              description: "Too Many Requests: retry after 1",
              parameters: { retry_after: 1 },
            }
          : { ok: true, result: p.text },
      { retryAfterScale: 0.3 },
    );
    const results = await Promise.all([send(1, "a1"), send(1, "a2"), send(2, "b1")]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const order = calls.map((c) => c.text);
    expect(order.indexOf("b1")).toBeLessThan(order.lastIndexOf("a1"));
    expect(order.lastIndexOf("a1")).toBeLessThan(order.indexOf("a2"));
    const retry = calls.filter((c) => c.text === "a1");
    expect((retry[1]?.at ?? 0) - (retry[0]?.at ?? 0)).toBeGreaterThanOrEqual(280);
    expect(queue.stats().retries.flood).toBe(1);
  });

  it("a streak of 500s is retried a bounded number of times with backoff, each retry logged, then a clear failure", async () => {
    const { send, calls, logs, queue } = scripted(() => ({
      ok: false,
      error_code: 500,
      description: "Internal Server Error",
    }));
    await expect(send(7, "x")).rejects.toBeInstanceOf(DeliveryFailed);
    expect(calls).toHaveLength(5);
    expect(logs.filter((l) => l.msg === "Bot API server error: retrying")).toHaveLength(4);
    const gaveUp = logs.find((l) => l.level === 50);
    expect(gaveUp?.msg).toBe("gave up: sendMessage failed 5 times in a row");
    expect(gaveUp).toMatchObject({ chat_id: 7, attempts: 5 });
    expect(queue.stats()).toMatchObject({ gaveUp: 1, retries: { server: 4 } });
  });

  it("network errors (a proxy's HTML page, a dropped connection) are retried; 4xx are not", async () => {
    const { send, calls, queue } = scripted((_m, p, attempt) => {
      if (p.text === "net" && attempt < 3)
        throw new HttpError("Network request for 'sendMessage' failed!", new Error("other side closed"));
      if (p.text === "bad") return { ok: false, error_code: 400, description: "Bad Request: chat not found" };
      return { ok: true, result: true };
    });
    expect((await send(1, "net")).ok).toBe(true);
    expect((await send(1, "bad")).error_code).toBe(400);
    expect(calls.filter((c) => c.text === "bad")).toHaveLength(1);
    expect(queue.stats().retries.network).toBe(2);
  });

  it("keeps the rate limits over any stretch of time: a gap per chat, slots shared by all", async () => {
    const { send, calls } = scripted(() => ({ ok: true, result: true }), {
      limits: { chat: { limit: 2, windowMs: 200 }, global: { limit: 3, windowMs: 200 } },
    });
    await Promise.all([1, 2, 3, 4, 5].flatMap((i) => [send(3, `a${i}`), send(4, `b${i}`)]));
    expect(calls.filter((c) => c.chat === 3).map((c) => c.text)).toEqual(["a1", "a2", "a3", "a4", "a5"]);
    const atMost = (list: number[], windowMs: number) =>
      Math.max(...list.map((t) => list.filter((u) => u >= t && u < t + windowMs).length));
    // Two a chat and three in all in any 200 ms (a few ms of timer slack allowed).
    expect(
      atMost(
        calls.filter((c) => c.chat === 3).map((c) => c.at),
        195,
      ),
    ).toBeLessThanOrEqual(2);
    expect(
      atMost(
        calls.map((c) => c.at),
        195,
      ),
    ).toBeLessThanOrEqual(3);
  });

  it("a shutdown stops every wait at once and says what was left", async () => {
    const { send, queue } = scripted(() => ({
      ok: false,
      error_code: 429,
      description: "Too Many Requests",
      parameters: { retry_after: 30 },
    }));
    const waiting = [send(1, "a"), send(1, "b"), send(2, "c")].map((p) => p.catch((e: unknown) => e));
    await new Promise((r) => setTimeout(r, 50));
    expect(queue.backlog()).toEqual({
      total: 3,
      chats: [
        { chatId: "1", calls: 2 },
        { chatId: "2", calls: 1 },
      ],
    });
    const started = Date.now();
    queue.abort();
    const errors = await Promise.all(waiting);
    expect(Date.now() - started).toBeLessThan(200);
    for (const e of errors) expect(e).toBeInstanceOf(SendAborted);
    expect(queue.backlog().total).toBe(0);
  });

  it("chat actions are best effort: one attempt, failures ignored", async () => {
    const { send, calls } = scripted(() => {
      throw new HttpError("down", new Error("ECONNRESET"));
    });
    expect((await send(1, "", "sendChatAction")).ok).toBe(true);
    expect(calls).toHaveLength(1);
  });
});

describe("update guard", () => {
  const guard = (store = new MemoryStore(), options: { leaseMs?: number; waitMs?: number } = {}) =>
    new UpdateGuard({
      store,
      logger: captureLogger([]),
      prefix: "tg:1",
      windowMs: 60_000,
      pollMs: 10,
      ...options,
    });

  it("handles an update once; a later delivery is a duplicate", async () => {
    const g = guard();
    let runs = 0;
    const handle = async () => {
      runs++;
    };
    expect(await g.run(1, handle)).toBe("handled");
    expect(await g.run(1, handle)).toBe("duplicate");
    expect(runs).toBe(1);
  });

  it("two deliveries at once (two instances sharing a store): one handles, the other waits and skips", async () => {
    const store = new MemoryStore();
    const [a, b] = [guard(store), guard(store)];
    let runs = 0;
    const slow = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 100));
    };
    const outcomes = await Promise.all([a?.run(5, slow), b?.run(5, slow)]);
    expect(outcomes.sort()).toEqual(["duplicate", "handled"]);
    expect(runs).toBe(1);
  });

  it("a failed handling releases the update for the next delivery", async () => {
    const g = guard();
    await expect(
      g.run(2, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await g.run(2, async () => {})).toBe("handled");
  });

  it("a holder that died leaves a lease that expires; the next delivery takes the update over", async () => {
    const store = new MemoryStore();
    await store.claim("tg:1:update:3:lease", 150); // an instance claimed it and was killed
    let runs = 0;
    expect(
      await guard(store, { leaseMs: 150 }).run(3, async () => {
        runs++;
      }),
    ).toBe("handled");
    expect(runs).toBe(1);
    await store.claim("tg:1:update:4:lease", 10_000);
    expect(await guard(store, { waitMs: 50 }).run(4, async () => {})).toBe("busy");
  });
});

describe("backoff", () => {
  it("doubles up to the cap, with jitter in the upper half", () => {
    const at = (attempt: number, r: number) =>
      backoffMs(attempt, { baseMs: 250, capMs: 2000, random: () => r });
    expect([0, 1, 2, 3, 4].map((a) => at(a, 1))).toEqual([250, 500, 1000, 2000, 2000]);
    expect([0, 1, 2, 3, 4].map((a) => at(a, 0))).toEqual([125, 250, 500, 1000, 1000]);
  });
});
