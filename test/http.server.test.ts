// The HTTP server on a real socket: configuration, the loopback-only rule without keys, the API over
// a keep-alive connection, and `npm start` as a user runs it (the built entry, prints its address).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  bindRefusal,
  createApp,
  isLoopback,
  loadHttpConfig,
  type RunningServer,
  startServer,
} from "../src/channels/http/index.js";
import { ensureBuilt, testEngine } from "./http-fixtures.js";

describe("configuration", () => {
  it("defaults to 127.0.0.1:3000 without keys", () => {
    expect(loadHttpConfig({})).toEqual({
      host: "127.0.0.1",
      port: 3000,
      apiKeys: [],
      ratePerMinute: 120,
      bodyLimitBytes: 16 * 1024,
      publicUrl: undefined,
    });
  });

  it("reads every variable, and names each bad one", () => {
    const c = loadHttpConfig({
      HOST: "0.0.0.0",
      PORT: "8080",
      API_KEYS: " key-aaaaaaaaaaaaaaaa , key-bbbbbbbbbbbbbbbb ,",
      HTTP_RATE_LIMIT: "0",
      PUBLIC_URL: "https://policy.example.gov.cn",
    });
    expect(c).toMatchObject({
      host: "0.0.0.0",
      port: 8080,
      ratePerMinute: 0,
      publicUrl: "https://policy.example.gov.cn",
    });
    expect(c.apiKeys).toEqual(["key-aaaaaaaaaaaaaaaa", "key-bbbbbbbbbbbbbbbb"]);
    expect(() => loadHttpConfig({ PORT: "http", API_KEYS: "short", PUBLIC_URL: "nope" })).toThrow(
      /PORT: PORT must be a number.*API_KEYS.*at least 16 characters.*PUBLIC_URL/,
    );
    expect(() => loadHttpConfig({ PORT: "70000" })).toThrow(/PORT must be at most 65535/);
  });

  it("allows a non-loopback address only with API keys, and says why", () => {
    expect(["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "::", "192.168.1.5", "example.com"].some(isLoopback)).toBe(false);
    expect(bindRefusal("127.0.0.1", [])).toBeNull();
    expect(bindRefusal("0.0.0.0", ["key-aaaaaaaaaaaaaaaa"])).toBeNull();
    expect(bindRefusal("0.0.0.0", [])).toMatch(
      /refusing to listen on 0\.0\.0\.0 without API keys.*API_KEYS=/,
    );
  });
});

describe("the server", () => {
  let server: RunningServer;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  beforeAll(async () => {
    const { app } = createApp({ engine: await testEngine(), webDir: null });
    server = await startServer(app.fetch, { host: "127.0.0.1", port: 0, apiKeys: [] });
  });
  afterAll(async () => {
    agent.destroy();
    await server.close();
  });

  const send = (method: string, path: string, body?: string) =>
    new Promise<{ status: number; body: string; socket: unknown }>((resolve, reject) => {
      const req = request(
        `${server.url.replace(/\/$/, "")}${path}`,
        { method, agent, headers: body ? { "content-type": "application/json" } : {} },
        (res) => {
          let data = "";
          res.setEncoding("utf8");
          res.on("data", (d) => {
            data += d;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data, socket: req.socket }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  it("listens on a free port and answers over one keep-alive connection", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const a = await send("POST", "/v1/answer", JSON.stringify({ question: "城管局牵头哪些任务" }));
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body)).toMatchObject({ kind: "department_listing" });
    const b = await send(
      "POST",
      "/v1/answer",
      JSON.stringify({ question: "谁牵头？", session: JSON.parse(a.body).session }),
    );
    expect(b.status).toBe(200);
    expect(b.socket).toBe(a.socket);
    const bad = await send("POST", "/v1/answer", "{");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).message).toContain("Malformed JSON");
  });

  it("refuses 0.0.0.0 without keys, and a port in use, with the reason", async () => {
    const { app } = createApp({ engine: await testEngine(), webDir: null });
    await expect(startServer(app.fetch, { host: "0.0.0.0", port: 0, apiKeys: [] })).rejects.toThrow(
      /without API keys/,
    );
    await expect(
      startServer(app.fetch, { host: "127.0.0.1", port: server.port, apiKeys: [] }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});

describe("npm start", () => {
  let child: ChildProcess | undefined;
  beforeAll(() => {
    ensureBuilt();
  });
  afterEach(() => {
    child?.kill("SIGKILL");
  });

  const logDir = mkdtempSync(join(tmpdir(), "pb-start-"));
  afterAll(() => rmSync(logDir, { recursive: true, force: true }));
  const env = (extra: Record<string, string>) => ({
    ...process.env,
    TELEGRAM_BOT_TOKEN: "",
    DINGTALK_CLIENT_ID: "",
    REDIS_URL: "",
    API_KEYS: "",
    HOST: "",
    PORT: "0",
    ANSWER_LOG: join(logDir, "answers.sqlite"),
    ...extra,
  });

  it("with no configuration serves the page and the API on loopback, prints the address, stops on SIGTERM", async () => {
    child = spawn(process.execPath, ["dist/start.js"], { env: env({}), stdio: ["ignore", "pipe", "pipe"] });
    const p = child;
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      p.stdout?.on("data", (d) => {
        out += d;
        const m = /web chat and API on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      p.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      setTimeout(() => reject(new Error(`no address printed: ${out}`)), 25_000);
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/app.js"');
    const answer = await fetch(`${url}v1/answer`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "六(五)" }),
    });
    const body = (await answer.json()) as { citations: Array<{ label: string }>; answerId: string | null };
    expect(body.citations[0]?.label).toBe("六(五)");
    // The answer log is on by default: the answer has an id, and a vote on it is recorded.
    expect(body.answerId).toEqual(expect.any(String));
    const vote = await fetch(`${url}v1/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answerId: body.answerId, vote: "up" }),
    });
    expect(vote.status).toBe(200);
    expect(existsSync(join(logDir, "answers.sqlite"))).toBe(true);
    const exit = new Promise<number | null>((resolve) => p.once("exit", resolve));
    p.kill("SIGTERM");
    expect(await exit).toBe(0);
  });

  it("refuses HOST=0.0.0.0 without API_KEYS and explains", () => {
    const r = spawnSync(process.execPath, ["dist/start.js"], {
      env: env({ HOST: "0.0.0.0" }),
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refusing to listen on 0\.0\.0\.0 without API keys.*API_KEYS/s);
  });
});
