import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeBotApi } from "../src/stand-ins/telegram-bot-api.js";

// `npm start` as a user runs it: the built entry, a token and a local Bot API server by long polling.
beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
});

let child: ChildProcess | undefined;
let api: FakeBotApi | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  await api?.close();
  api = undefined;
});

const exited = (p: ChildProcess) =>
  new Promise<number | null>((resolve) => p.once("exit", (code) => resolve(code)));

function start(env: Record<string, string>): { child: ChildProcess; stderr: () => string } {
  const c = spawn(process.execPath, ["dist/start.js"], {
    // PORT 0: the web server npm start opens beside the bot takes a free port.
    env: { ...process.env, LOG_LEVEL: "warn", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  c.stderr?.on("data", (d) => {
    stderr += d;
  });
  child = c;
  return { child: c, stderr: () => stderr };
}

describe("npm start", () => {
  it("serves a local Bot API server by long polling when a token is set, and stops cleanly on SIGTERM", async () => {
    api = new FakeBotApi({ token: "123:abc" });
    const root = await api.start();
    const bot = start({ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_API_ROOT: root });
    api.send(42, "六(五)");
    const [reply] = await api.waitFor(
      () => (api?.sentTo(42).length ? api.sentTo(42) : null),
      20_000,
      "a reply",
    );
    expect(reply.text).toContain("开展畜禽养殖业氨排放控制试点");
    const exit = exited(bot.child);
    bot.child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(bot.stderr()).not.toContain("123:abc");
  });

  it("npm run chat opens the terminal chat", async () => {
    const r = spawnSync(process.execPath, ["dist/chat.js"], {
      env: { ...process.env, TELEGRAM_BOT_TOKEN: "" },
      input: "六(五)\n/quit\n",
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("六(五) 开展畜禽养殖业氨排放控制试点");
  });
});

describe("npm start fails clearly", () => {
  it("a rejected token: a log line naming it, exit 1", async () => {
    api = new FakeBotApi({ token: "123:abc" });
    const root = await api.start();
    const bot = start({ TELEGRAM_BOT_TOKEN: "123:wrong", TELEGRAM_API_ROOT: root });
    expect(await exited(bot.child)).toBe(1);
    expect(bot.stderr()).toMatch(
      /"problem":"Telegram rejected TELEGRAM_BOT_TOKEN \(401 Unauthorized\)[^"]*","msg":"cannot start the Telegram bot"/,
    );
    expect(bot.stderr()).not.toContain("123:wrong");
  });

  it("an unreachable API: a log line naming it and a non-zero exit within 30 s", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r));
    const started = Date.now();
    const bot = start({ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
    expect(await exited(bot.child)).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(bot.stderr()).toMatch(
      /could not reach the Bot API at TELEGRAM_API_ROOT=http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/,
    );
    expect(bot.stderr()).toMatch(/start-up: Bot API not usable yet, retrying/);
  }, 40_000);

  it("REDIS_URL set but Redis unreachable: a line naming it, exit 1, Telegram not polled", async () => {
    api = new FakeBotApi({ token: "123:abc" });
    const root = await api.start();
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r));
    const bot = start({
      TELEGRAM_BOT_TOKEN: "123:abc",
      TELEGRAM_API_ROOT: root,
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    expect(await exited(bot.child)).toBe(1);
    expect(bot.stderr()).toMatch(/REDIS_URL/);
    expect(api.callsOf("getUpdates")).toHaveLength(0);
  }, 30_000);

  it("SIGTERM under load, with answers waiting out a 60 s flood: exits within 10 s, saying what is left", async () => {
    api = new FakeBotApi({ token: "123:abc" });
    const root = await api.start();
    api.flood = { retryAfter: 60, perChat: { limit: 1, windowMs: 60_000 } };
    const bot = start({
      TELEGRAM_BOT_TOKEN: "123:abc",
      TELEGRAM_API_ROOT: root,
      TELEGRAM_CHAT_SEND_RATE: "100",
    });
    for (let round = 0; round < 3; round++) for (let c = 0; c < 20; c++) api.send(500 + c, "六(五)");
    await api.waitFor(() => api?.floodRejections ?? 0 >= 5, 20_000, "flood control to bite");
    const exit = exited(bot.child);
    const started = Date.now();
    bot.child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(bot.stderr()).toMatch(
      /"messages_unsent":[1-9]\d*.*"msg":"shutdown budget reached: dropping what is left/,
    );
    expect(bot.stderr()).toMatch(/saved the unfinished updates for the next start/);
  }, 40_000);
});
