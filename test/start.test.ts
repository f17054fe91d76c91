import { type ChildProcess, spawn, spawnSync } from "node:child_process";
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
});

const exited = (p: ChildProcess) =>
  new Promise<number | null>((resolve) => p.once("exit", (code) => resolve(code)));

describe("npm start", () => {
  it("serves a local Bot API server by long polling when a token is set, and stops cleanly on SIGTERM", async () => {
    api = new FakeBotApi({ token: "123:abc" });
    const root = await api.start();
    child = spawn(process.execPath, ["dist/start.js"], {
      // PORT 0: the web server npm start opens beside the bot takes a free port.
      env: {
        ...process.env,
        TELEGRAM_BOT_TOKEN: "123:abc",
        TELEGRAM_API_ROOT: root,
        LOG_LEVEL: "warn",
        PORT: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    api.send(42, "六(五)");
    const [reply] = await api.waitFor(
      () => (api?.sentTo(42).length ? api.sentTo(42) : null),
      20_000,
      "a reply",
    );
    expect(reply.text).toContain("开展畜禽养殖业氨排放控制试点");
    const exit = exited(child);
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(stderr).not.toContain("123:abc");
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
