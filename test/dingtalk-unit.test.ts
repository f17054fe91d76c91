/** The DingTalk channel's parts on their own: reading messages, links, splitting, replies, settings, the connection loop. */
import { createServer, type Server } from "node:http";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addressed,
  dtmdLink,
  loadDingTalkConfig,
  questionOf,
  RobotMessage,
  StreamConnection,
  sendReply,
  splitMarkdown,
} from "../src/channels/dingtalk/index.js";

const message = (over: Record<string, unknown> = {}) =>
  RobotMessage.parse({
    conversationId: "cid1",
    conversationType: "2",
    msgId: "m1",
    msgtype: "text",
    text: { content: " 六(五)" },
    senderId: "$:LWCP_v1:$u",
    senderStaffId: "staff-9",
    isInAtList: true,
    sessionWebhook: "http://127.0.0.1:1/robot/sendBySession?session=x",
    sessionWebhookExpiredTime: Date.now() + 60_000,
    ...over,
  });

describe("reading a robot message", () => {
  it("takes the mention out: the platform's leftover space, a pasted @name, others' mentions, invisible characters", () => {
    expect(questionOf(message(), null)).toBe("六(五)");
    expect(questionOf(message({ text: { content: "@政策助手 城管局\u200b牵头哪些任务" } }), "政策助手")).toBe(
      "城管局牵头哪些任务",
    );
    expect(questionOf(message({ text: { content: "@张三 @李四 六(五) 谁负责" } }), null)).toBe(
      "六(五) 谁负责",
    );
  });

  it("is addressed one-to-one always, in a group only when the robot is @-mentioned", () => {
    expect(addressed(message())).toBe(true);
    expect(addressed(message({ isInAtList: false }))).toBe(false);
    expect(addressed(message({ conversationType: "1", isInAtList: undefined }))).toBe(true);
  });
});

describe("dtmd links", () => {
  it("encode what a button sends, parentheses included, so the Markdown link stays whole", () => {
    expect(dtmdLink("六(五)")).toBe("dtmd://dingtalkclient/sendMessage?content=%E5%85%AD%28%E4%BA%94%29");
    expect(dtmdLink("👍")).toBe("dtmd://dingtalkclient/sendMessage?content=%F0%9F%91%8D");
  });
});

describe("splitMarkdown", () => {
  it("keeps a short message whole and splits a long one at blank lines, each part under the limit", () => {
    expect(splitMarkdown({ title: "t", text: "a\n\nb" })).toEqual([{ title: "t", text: "a\n\nb" }]);
    const blocks = Array.from({ length: 30 }, (_, i) => `- ${i} ${"条款内容".repeat(40)}`);
    const parts = splitMarkdown({ title: "期限", text: blocks.join("\n\n") }, 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p.text)).toBeLessThanOrEqual(2000);
    expect(parts.map((p) => p.text).join("\n\n")).toBe(blocks.join("\n\n"));
    expect(parts[1]?.title).toBe("期限（续1）");
  });

  it("cuts a single paragraph longer than the limit by characters", () => {
    const parts = splitMarkdown({ title: "t", text: "很".repeat(2000) }, 1000);
    expect(parts.every((p) => Buffer.byteLength(p.text) <= 1000)).toBe(true);
    expect(parts.map((p) => p.text).join("")).toBe("很".repeat(2000));
  });
});

describe("sendReply", () => {
  const body = { msgtype: "text" as const, text: { content: "hi" } };
  const fetchOf = (answers: Array<() => Response>) => {
    const calls: number[] = [];
    const f = vi.fn(async () => {
      calls.push(Date.now());
      const next = answers.shift();
      if (!next) throw new Error("no more answers");
      return next();
    });
    return { f: f as unknown as typeof fetch, calls };
  };
  const ok = () => new Response(JSON.stringify({ errcode: 0, errmsg: "ok" }));
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  afterEach(() => {
    waits.length = 0;
  });

  it("retries 5xx, 429 (waiting Retry-After, capped), network errors and throttling, then succeeds", async () => {
    const { f } = fetchOf([
      () => new Response("", { status: 502 }),
      () => new Response("", { status: 429, headers: { "retry-after": "30" } }),
      () => {
        throw new TypeError("fetch failed");
      },
      () => new Response(JSON.stringify({ errcode: 130101, errmsg: "send too fast" })),
      ok,
    ]);
    const r = await sendReply("http://x", body, {
      fetch: f,
      sleep,
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 1000,
    });
    expect(r).toEqual({ ok: true, attempts: 5 });
    expect(waits[1]).toBe(1000); // Retry-After 30 s, capped at maxDelayMs
    expect(waits.every((w) => w <= 1000)).toBe(true);
  });

  it("gives up after the attempts, as retryable; other errcodes and 4xx are final at once", async () => {
    const fails = fetchOf(Array.from({ length: 3 }, () => () => new Response("", { status: 503 })));
    expect(await sendReply("http://x", body, { fetch: fails.f, sleep, maxAttempts: 3 })).toMatchObject({
      ok: false,
      retryable: true,
      attempts: 3,
    });
    const expired = fetchOf([() => new Response(JSON.stringify({ errcode: 300001, errmsg: "expired" }))]);
    expect(await sendReply("http://x", body, { fetch: expired.f, sleep })).toMatchObject({
      ok: false,
      retryable: false,
      attempts: 1,
    });
    const bad = fetchOf([() => new Response("", { status: 400 })]);
    expect(await sendReply("http://x", body, { fetch: bad.f, sleep })).toMatchObject({ retryable: false });
  });

  it("refuses a body over the platform's 20,000 bytes without sending it", async () => {
    const { f } = fetchOf([ok]);
    const big = { msgtype: "text" as const, text: { content: "很".repeat(7000) } };
    expect(await sendReply("http://x", big, { fetch: f, sleep })).toMatchObject({ ok: false, attempts: 0 });
  });
});

describe("settings", () => {
  it("names every bad variable, and defaults the gateway to the platform's", () => {
    expect(() => loadDingTalkConfig({ DINGTALK_CLIENT_ID: "", DINGTALK_KEEPALIVE_MS: "5" })).toThrow(
      /DINGTALK_CLIENT_ID, DINGTALK_CLIENT_SECRET, DINGTALK_KEEPALIVE_MS/,
    );
    const c = loadDingTalkConfig({ DINGTALK_CLIENT_ID: "id", DINGTALK_CLIENT_SECRET: "secret" });
    expect(c.gatewayUrl).toBe("https://api.dingtalk.com/v1.0/gateway/connections/open");
    expect(c.botName).toBeNull();
  });
});

describe("the connection loop", () => {
  let server: Server | null = null;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    server = null;
  });

  it("keeps retrying with growing delays while the gateway refuses the credentials, and stops when told", async () => {
    const calls: number[] = [];
    server = createServer((_req, res) => {
      calls.push(Date.now());
      res
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ message: "bad secret" }));
    });
    await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    const warnings: string[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => warnings.push(line) });
    const connection = new StreamConnection({
      clientId: "id",
      clientSecret: "wrong",
      gatewayUrl: `http://127.0.0.1:${port}/v1.0/gateway/connections/open`,
      onMessage: async () => "ack",
      logger,
      baseDelayMs: 40,
      maxDelayMs: 200,
    });
    void connection.start();
    await new Promise((r) => setTimeout(r, 700));
    await connection.stop();
    const after = calls.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.length).toBe(after); // stopped
    expect(after).toBeGreaterThanOrEqual(3);
    expect(after).toBeLessThan(12); // backed off, not hammering
    const gaps = calls.slice(1).map((t, i) => t - (calls[i] ?? t));
    expect(Math.max(...gaps)).toBeGreaterThan(Math.min(...gaps));
    expect(warnings.join("")).toContain("gateway answered HTTP 401: bad secret");
    expect(connection.connected).toBe(false);
  });
});

describe("exactly once while a reply is still being retried", () => {
  it("does not ACK a redelivery of a message in hand; handles it afresh once the first handling gave up; ACKs after done", async () => {
    const { createEngine } = await import("../src/engine/index.js");
    const { MemoryStore } = await import("../src/channels/state/index.js");
    const { noAnswerLog } = await import("../src/channels/log/index.js");
    const { DingTalkBot } = await import("../src/channels/dingtalk/index.js");
    const engine = await createEngine({ now: () => new Date("2026-11-28T09:00:00") });
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const answers: number[] = [];
    let failing = true;
    const fetchStub = (async () => {
      await gate;
      answers.push(failing ? 503 : 200);
      return failing
        ? new Response("", { status: 503 })
        : new Response(JSON.stringify({ errcode: 0, errmsg: "ok" }));
    }) as unknown as typeof fetch;
    const bot = new DingTalkBot({
      engine,
      store: new MemoryStore(),
      log: noAnswerLog,
      logger: pino({ level: "silent" }),
      reply: { fetch: fetchStub, sleep: async () => {}, maxAttempts: 2 },
    });
    const data = { ...message({ conversationType: "1", isInAtList: undefined }) };
    const first = bot.handle(data);
    expect(await bot.handle(data)).toBe("retry"); // in hand: neither answered nor ACKed
    release();
    expect(await first).toBe("retry"); // both attempts failed: left for the platform to deliver again
    failing = false;
    expect(await bot.handle(data)).toBe("ack"); // the redelivery is answered
    expect(await bot.handle(data)).toBe("ack"); // and a later one only ACKed
    expect(answers).toEqual([503, 503, 200]);
  });
});
