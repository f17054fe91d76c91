/**
 * The DingTalk robot end to end: the real SDK client and our supervisor against the local stand-in
 * of the Stream gateway, WebSocket and reply webhook (src/stand-ins/dingtalk.ts), the real engine,
 * a MemoryStore and a SQLite answer log. The log is left in .data/test/ for `npm run report`.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type DingTalkRunning, startDingTalk } from "../src/channels/dingtalk/index.js";
import { type AnswerLog, buildReport, openAnswerLog } from "../src/channels/log/index.js";
import { MemoryStore } from "../src/channels/state/index.js";
import { projectRoot } from "../src/corpus/paths.js";
import { createEngine, type Engine } from "../src/engine/index.js";
import { DingTalkStandIn, type UserMessage } from "../src/stand-ins/dingtalk.js";

const logDir = join(projectRoot(), ".data", "test");
const logPath = join(logDir, "dingtalk-answers.sqlite");
const cacheDir = join(projectRoot(), ".cache");

let engine: Engine;
let standIn: DingTalkStandIn;
let running: DingTalkRunning;
let log: AnswerLog;
let chat = 0;

beforeAll(async () => {
  // The SDK prints "connect success" and socket errors with console.info/warn; keep the test output readable.
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
  engine = await createEngine({ cacheDir, now: () => new Date("2026-11-28T09:00:00") });
  // Redelivery after 1.5 s: long enough that a loaded CI machine does not redeliver a message still being answered.
  standIn = await DingTalkStandIn.start({ pingIntervalMs: 150, ackTimeoutMs: 1500, maxDeliveries: 3 });
  mkdirSync(logDir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(logPath + suffix, { force: true });
  log = openAnswerLog({ path: logPath, salt: "dingtalk-test-salt-0123456789" });
  running = await startDingTalk(engine, {
    env: {
      DINGTALK_CLIENT_ID: standIn.clientId,
      DINGTALK_CLIENT_SECRET: standIn.clientSecret,
      DINGTALK_GATEWAY_URL: standIn.gatewayUrl,
      DINGTALK_BOT_NAME: "政策助手",
      DINGTALK_KEEPALIVE_MS: "1000",
    },
    store: new MemoryStore(),
    log,
    logger: pino({ level: "silent" }),
    reply: { baseDelayMs: 20, maxDelayMs: 150, timeoutMs: 400 },
    stream: { baseDelayMs: 50, maxDelayMs: 300, stableMs: 60_000 },
    handleSignals: false,
  });
});

afterAll(async () => {
  await running?.stop();
  log?.close();
  await standIn?.close();
  vi.restoreAllMocks();
});

/** A conversation of its own for each test, so replies are counted per test. */
beforeEach(() => {
  chat++;
});

/** Sends a message in this test's one-to-one chat (or group) and waits for `replies` more replies there. */
async function say(text: string, extra: Partial<UserMessage> = {}, replies = 1) {
  const conversationId =
    extra.conversationId ?? `cid-test-${chat}${extra.conversationType === "2" ? "-group" : ""}`;
  const before = standIn.repliesTo(conversationId).length;
  const sent = standIn.sendMessage({ text, conversationId, ...extra });
  await standIn.waitFor(
    () => standIn.repliesTo(conversationId).length >= before + replies,
    8000,
    `a reply to ${text}`,
  );
  await standIn.waitFor(() => standIn.acked.has(sent.messageId), 3000, `the ACK of ${text}`);
  const all = standIn.repliesTo(conversationId);
  return { ...sent, reply: all[all.length - 1], all };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the Stream connection", () => {
  it("registers through the gateway (endpoint + ticket), opens the WebSocket and answers SYSTEM pings", async () => {
    expect(standIn.gatewayCalls).toBeGreaterThanOrEqual(1);
    expect(standIn.connected).toBe(true);
    await standIn.waitFor(() => standIn.pingsAnswered >= 2, 3000, "ping answers");
  });

  it("reconnects after an abrupt drop, and delivers what was sent meanwhile", async () => {
    const opened = standIn.connectionsOpened;
    standIn.drop();
    const sent = standIn.sendMessage({ text: "六(五)", conversationId: `cid-test-${chat}` });
    await standIn.waitFor(() => standIn.connectionsOpened > opened, 5000, "a new connection");
    await standIn.waitFor(() => standIn.acked.has(sent.messageId), 5000, "the queued message answered");
    expect(standIn.repliesTo(`cid-test-${chat}`)).toHaveLength(1);
  });

  it("connects again at once when the platform rotates the connection (SYSTEM disconnect)", async () => {
    const opened = standIn.connectionsOpened;
    standIn.disconnect();
    await standIn.waitFor(() => standIn.connectionsOpened > opened && standIn.connected, 3000, "rotation");
    const { reply } = await say("六(五)");
    expect(reply?.title).toContain("六(五)");
  });

  it("backs off while the gateway fails, then connects", async () => {
    const calls = standIn.gatewayCalls;
    const opened = standIn.connectionsOpened;
    standIn.failGateway(2);
    standIn.drop();
    await standIn.waitFor(
      () => standIn.connectionsOpened > opened,
      5000,
      "a connection after gateway faults",
    );
    expect(standIn.gatewayCalls - calls).toBeGreaterThanOrEqual(3);
    await say("六(五)");
  });

  it("replaces a half-open connection: no pong by the next keep-alive ping", async () => {
    const opened = standIn.connectionsOpened;
    standIn.silence(true); // the server neither answers pings nor reads frames: a dead peer behind a live socket
    await standIn.waitFor(
      () => standIn.connectionsOpened > opened,
      5000,
      "keep-alive replacing the connection",
    );
    standIn.silence(false);
    await say("六(五)");
  });
});

describe("answers", () => {
  it("answers a one-to-one question with a markdown card: quote, departments, deadline, source, tappable buttons", async () => {
    const { reply } = await say("六(五)");
    expect(reply?.msgtype).toBe("markdown");
    expect(reply?.title).toBe("六(五) 开展畜禽养殖业氨排放控制试点");
    expect(reply?.text).toContain("> 摸清畜禽养殖场氨排放状况");
    expect(reply?.text).toContain("**负责**：市农业农村局、市生态环境局");
    expect(reply?.text).toContain("到2025年（2025-12-31，已过期）");
    expect(reply?.text).toContain("[👍 有用](dtmd://dingtalkclient/sendMessage?content=%F0%9F%91%8D)");
  });

  it("reads a follow-up against the chat's previous answer", async () => {
    await say("六(五)");
    const { reply } = await say("谁牵头？");
    expect(reply?.text).toContain("六(五)的责任部门");
  });

  it("in a group answers only when @-mentioned, without the mention, and shows a rating hint instead of links", async () => {
    const group = `cid-group-${chat}`;
    const quiet = standIn.sendMessage({
      text: "六(五)",
      conversationType: "2",
      conversationId: group,
      atBot: false,
    });
    await standIn.waitFor(() => standIn.acked.has(quiet.messageId), 3000, "the ACK of group chatter");
    expect(standIn.repliesTo(group)).toHaveLength(0);
    const { reply } = await say("@政策助手 城管局牵头哪些任务", {
      conversationType: "2",
      conversationId: group,
    });
    expect(reply?.title).toBe("市城市管理局的任务");
    expect(reply?.text).not.toContain("dtmd://");
    expect(reply?.text).toContain("@我 并回复 👍 或 👎");
  });

  it("answers /dept, /deadlines and /help; a bad filter gets its usage", async () => {
    expect((await say("/dept 环保局")).reply?.title).toBe("市生态环境局的任务");
    expect((await say("/deadlines 2025")).reply?.text).toContain("2025-12-31");
    expect((await say("/deadlines 下周")).reply?.text).toContain("用法：/deadlines");
    expect((await say("/dept 不存在的局")).reply?.text).toContain("没有找到");
    expect((await say("/help")).reply?.text).toContain("/check");
  });

  it("runs the guided check as a dialogue of numbered replies, then answers the question it makes", async () => {
    const list = (await say("/check")).reply;
    expect(list?.text).toContain(
      "1. [畜禽养殖场是否纳入氨排放控制试点](dtmd://dingtalkclient/sendMessage?content=1)",
    );
    expect((await say("1")).reply?.text).toContain("第1/3步：养殖什么？");
    expect((await say("9")).reply?.text).toContain("请回复列表中的序号");
    expect((await say("蛋鸡")).reply?.text).toContain("第2/3步");
    expect((await say("1")).reply?.text).toContain("第3/3步");
    const answer = (await say("2")).reply;
    expect(answer?.title).toBe("是的，需要纳入试点。");
  });

  it("takes 👍 / 👎 as a rating of the chat's last answer and logs it", async () => {
    expect((await say("👍")).reply?.text).toContain("还没有可以评价的回答");
    await say("明天天气怎么样");
    expect((await say("👎")).reply?.text).toContain("已记录：👎");
    const db = new Database(logPath, { readonly: true });
    const votes = db
      .prepare("SELECT a.question, f.vote FROM feedback f JOIN answers a ON a.id = f.answer_id")
      .all() as Array<{ question: string; vote: string }>;
    db.close();
    expect(votes).toContainEqual({ question: "明天天气怎么样", vote: "down" });
  });

  it("asks for text when sent a picture", async () => {
    expect((await say("", { msgtype: "picture" })).reply?.text).toContain("只能回答文字问题");
  });
});

describe("exactly once and the reply webhook's faults", () => {
  it("handles a redelivered message (same msgId) once, and ACKs both deliveries", async () => {
    const first = await say("六(五)");
    const again = standIn.sendMessage({
      text: "六(五)",
      conversationId: first.conversationId,
      msgId: first.msgId,
    });
    await standIn.waitFor(() => standIn.acked.has(again.messageId), 3000, "the duplicate's ACK");
    await sleep(100);
    expect(standIn.repliesTo(first.conversationId)).toHaveLength(1);
  });

  it("retries replies on 429 (Retry-After), 5xx, throttling, a hung request and a reset connection", async () => {
    standIn.injectWebhookFaults("429", "503", "throttled");
    const r1 = await say("六(五)");
    expect(r1.all).toHaveLength(1);
    standIn.injectWebhookFaults("hang", "reset");
    const r2 = await say("六(五)");
    expect(r2.all).toHaveLength(2);
    const log1 = standIn.webhookLog.filter((e) => e.conversationId === r1.conversationId);
    expect(log1.map((e) => e.fault ?? e.errcode ?? e.status)).toEqual([
      429,
      503,
      130101,
      0,
      "hang",
      "reset",
      0,
    ]);
  });

  it("leaves a message un-ACKed when every retry failed, so the platform redelivers it and it is answered once", async () => {
    standIn.injectWebhookFaults("503", "503", "503", "503"); // one whole handling (4 attempts)
    const conversationId = `cid-test-${chat}`;
    const sent = standIn.sendMessage({ text: "六(五)", conversationId });
    await standIn.waitFor(
      () => standIn.repliesTo(conversationId).length === 1,
      8000,
      "the answer after redelivery",
    );
    await standIn.waitFor(() => standIn.acked.has(sent.messageId), 3000, "the ACK");
    expect(standIn.deliveries.filter((id) => id === sent.messageId)).toHaveLength(2);
  });

  it("gives up on an expired session webhook without retrying, and ACKs", async () => {
    const conversationId = `cid-test-${chat}`;
    const sent = standIn.sendMessage({ text: "六(五)", conversationId, webhookTtlMs: -1 });
    await standIn.waitFor(() => standIn.acked.has(sent.messageId), 3000, "the ACK");
    expect(standIn.repliesTo(conversationId)).toHaveLength(0);
    expect(standIn.deliveries.filter((id) => id === sent.messageId)).toHaveLength(1);
  });

  it("is bounded when the webhook never recovers: deliveries × attempts requests, then the platform stops", async () => {
    const conversationId = `cid-test-${chat}`;
    standIn.injectWebhookFaults(...Array.from({ length: 12 }, () => "500" as const));
    const sent = standIn.sendMessage({ text: "六(五)", conversationId });
    await standIn.waitFor(
      () => standIn.webhookLog.filter((e) => e.conversationId === conversationId).length >= 12,
      10_000,
      "every attempt",
    );
    await sleep(1800);
    expect(standIn.deliveries.filter((id) => id === sent.messageId)).toHaveLength(3);
    expect(standIn.webhookLog.filter((e) => e.conversationId === conversationId)).toHaveLength(12);
    expect(standIn.acked.has(sent.messageId)).toBe(false);
    expect(standIn.repliesTo(conversationId)).toHaveLength(0);
  });
});

describe("the answer log the robot leaves", () => {
  it("has every delivered answer, for npm run report", () => {
    const db = new Database(logPath, { readonly: true });
    const report = buildReport(db, { days: 1, limit: 10 });
    db.close();
    expect(report.totals.byChannel.dingtalk).toBeGreaterThan(10);
    expect(report.mostAsked[0]?.question).toBe("六(五)");
    expect(report.notCovered.map((r) => r.question)).toContain("明天天气怎么样");
    expect(report.downvoted.map((r) => r.question)).toContain("明天天气怎么样");
  });
});
