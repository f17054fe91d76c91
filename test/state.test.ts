/**
 * The state stores: one contract, run against MemoryStore and RedisStore alike, then what only a
 * shared store must do — two clients racing for the same claims, expiry on the server, Redis
 * restarted mid-test, start-up that fails fast. Redis is REDIS_URL when set; otherwise a
 * redis-server this file starts itself. In CI (CI=true) a missing REDIS_URL fails the suite.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createStore,
  MemoryStore,
  RedisStore,
  type RedisStoreOptions,
  redactRedisUrl,
  type StateStore,
} from "../src/channels/state/index.js";

const inCI = ["true", "1"].includes(String(process.env.CI).toLowerCase());
const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A redis-server this test owns (in the foreground, so it is ours to stop by pid). */
class OwnRedis {
  private process: ChildProcess | undefined;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 20_000);
      child.stdout?.on("data", (d) => {
        out += d;
        if (out.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}): ${out}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
}

/** Redis for the shared-store tests: REDIS_URL, or our own server, or none (a local run without Redis). */
let redisUrl: string | null = process.env.REDIS_URL || null;
let ownRedis: OwnRedis | undefined;

beforeAll(async () => {
  if (redisUrl) return;
  if (inCI)
    throw new Error("REDIS_URL is not set: CI must provide Redis for the state-store tests (.ci/run)");
  if (!hasRedisServer) return;
  ownRedis = new OwnRedis(await freePort());
  await ownRedis.start();
  redisUrl = ownRedis.url;
}, 60_000);

/** Each store gets keys of its own, so test files sharing one Redis never meet. */
const runPrefix = `test:${process.pid}:${randomUUID()}:`;
const prefix = () => `${runPrefix}${randomUUID()}:`;

afterAll(async () => {
  if (redisUrl && !ownRedis) {
    // A shared Redis (REDIS_URL) keeps nothing of this run.
    const client = new Redis(redisUrl, { lazyConnect: true });
    await client.connect();
    const keys = await client.keys(`${runPrefix}*`);
    if (keys.length > 0) await client.del(...keys);
    await client.quit();
  }
  await ownRedis?.stop();
});
const quietLog = () => {
  const lines: string[] = [];
  return { lines, log: (level: string, message: string) => void lines.push(`${level}: ${message}`) };
};
const connect = (url: string, options: RedisStoreOptions = {}) =>
  RedisStore.connect(url, { keyPrefix: prefix(), log: quietLog().log, ...options });

/** The contract every StateStore keeps. */
function contract(name: string, open: () => Promise<StateStore>, available: () => boolean) {
  describe(`${name} (the StateStore contract)`, () => {
    let store: StateStore;
    beforeAll(async () => {
      if (!available()) return;
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });
    const test = (title: string, fn: () => Promise<void>) =>
      it(title, async (ctx) => {
        if (!available()) ctx.skip();
        await fn();
      });

    test("claims a key once until it is released", async () => {
      expect(await store.claim("update:1", 10_000)).toBe(true);
      expect(await store.claim("update:1", 10_000)).toBe(false);
      expect(await store.claim("update:2", 10_000)).toBe(true);
      await store.release("update:1");
      expect(await store.claim("update:1", 10_000)).toBe(true);
    });

    test("gives a claim to exactly one of many concurrent callers", async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => store.claim("update:race", 10_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    test("lets a claim expire after its ttl", async () => {
      expect(await store.claim("update:short", 80)).toBe(true);
      expect(await store.claim("update:short", 80)).toBe(false);
      await sleep(200);
      expect(await store.claim("update:short", 80)).toBe(true);
    });

    test("stores JSON values and returns copies", async () => {
      expect(await store.get("missing")).toBeNull();
      const value = {
        question: "六(五)谁牵头？",
        items: [{ doc: "shangqiu", id: "6.5" }],
        n: 3.5,
        ok: true,
        none: null,
        nested: { deep: ["a", 1, false] },
      };
      await store.set("conv:a", value);
      const got = await store.get<typeof value>("conv:a");
      expect(got).toEqual(value);
      (got as typeof value).items.push({ doc: "x", id: "1" });
      expect(await store.get("conv:a")).toEqual(value);
      for (const scalar of [0, "文本", false, [1, 2]]) {
        await store.set("scalar", scalar);
        expect(await store.get("scalar")).toEqual(scalar);
      }
    });

    test("overwrites, deletes, and forgets a ttl when set again without one", async () => {
      await store.set("k", { v: 1 }, 80);
      await store.set("k", { v: 2 });
      await sleep(200);
      expect(await store.get("k")).toEqual({ v: 2 });
      await store.delete("k");
      expect(await store.get("k")).toBeNull();
      await store.delete("never-set");
    });

    test("expires a value after its ttl", async () => {
      await store.set("ttl", "soon gone", 80);
      expect(await store.get("ttl")).toBe("soon gone");
      await sleep(200);
      expect(await store.get("ttl")).toBeNull();
    });

    test("counts hits per key within a fixed window, and starts again in the next", async () => {
      const hour = 3_600_000;
      expect(await store.hit("rate:u1", hour)).toBe(1);
      expect(await store.hit("rate:u1", hour)).toBe(2);
      expect(await store.hit("rate:u2", hour)).toBe(1);
      expect(await store.hit("rate:u1", hour)).toBe(3);
      const counts = await Promise.all(Array.from({ length: 20 }, () => store.hit("rate:burst", hour)));
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const window = 150;
      expect(await store.hit("rate:fast", window)).toBeGreaterThanOrEqual(1);
      await sleep(window + 50);
      expect(await store.hit("rate:fast", window)).toBe(1);
    });

    test("keeps claims, values and counters apart", async () => {
      await store.set("same", { a: 1 });
      expect(await store.claim("other", 10_000)).toBe(true);
      expect(await store.hit("same", 3_600_000)).toBe(1);
      expect(await store.get("same")).toEqual({ a: 1 });
    });
  });
}

contract(
  "MemoryStore",
  async () => new MemoryStore(),
  () => true,
);
contract(
  "RedisStore",
  () => connect(redisUrl as string),
  () => redisUrl !== null,
);

describe("RedisStore shared by several instances", () => {
  const needRedis = (ctx: { skip: () => void }) => {
    if (!redisUrl) ctx.skip();
  };

  it("gives each claim to exactly one of two clients racing for it", async (ctx) => {
    needRedis(ctx);
    const keyPrefix = prefix();
    const [a, b] = await Promise.all([
      connect(redisUrl as string, { keyPrefix }),
      connect(redisUrl as string, { keyPrefix }),
    ]);
    try {
      const keys = Array.from({ length: 300 }, (_, i) => `update:${i}`);
      const [wonByA, wonByB] = await Promise.all([
        Promise.all(keys.map((k) => a.claim(k, 30_000))),
        Promise.all(keys.map((k) => b.claim(k, 30_000))),
      ]);
      keys.forEach((_, i) => {
        expect(Number(wonByA[i]) + Number(wonByB[i])).toBe(1);
      });
      const hitsA = Promise.all(Array.from({ length: 25 }, () => a.hit("rate:shared", 3_600_000)));
      const hitsB = Promise.all(Array.from({ length: 25 }, () => b.hit("rate:shared", 3_600_000)));
      const all = [...(await hitsA), ...(await hitsB)].sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      await a.set("conv:telegram:42", { items: ["6.5"] });
      expect(await b.get("conv:telegram:42")).toEqual({ items: ["6.5"] });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("expires on the server: a claim taken by one client is free for the other after its ttl", async (ctx) => {
    needRedis(ctx);
    const keyPrefix = prefix();
    const a = await connect(redisUrl as string, { keyPrefix });
    const b = await connect(redisUrl as string, { keyPrefix });
    try {
      expect(await a.claim("update:ttl", 150)).toBe(true);
      expect(await b.claim("update:ttl", 150)).toBe(false);
      await sleep(300);
      expect(await b.claim("update:ttl", 150)).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("fails operations after close, naming the store", async (ctx) => {
    needRedis(ctx);
    const store = await connect(redisUrl as string);
    await store.close();
    await store.close();
    await expect(store.get("x")).rejects.toThrow(/closed/);
  });
});

describe("RedisStore start-up", () => {
  let silent: Server;
  let silentPort = 0;
  beforeAll(async () => {
    // Accepts connections and never answers: a wrong port, a proxy with nothing behind it.
    silent = createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => silent.close(resolve)));

  it("fails fast, naming REDIS_URL, when nothing listens", async () => {
    const url = `redis://:secret@127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const error = await RedisStore.connect(url, { connectTimeoutMs: 2_000 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/REDIS_URL=redis:\/\/:\*\*\*@127\.0\.0\.1/);
    expect((error as Error).message).not.toContain("secret");
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("fails within its timeout, naming REDIS_URL, when the server never answers", async () => {
    const started = Date.now();
    const error = await RedisStore.connect(`redis://127.0.0.1:${silentPort}`, {
      connectTimeoutMs: 700,
    }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/REDIS_URL=redis:\/\/127\.0\.0\.1:\d+.*700 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("createStore picks memory without REDIS_URL, Redis with it, and rejects a bad one by name", async () => {
    expect(await createStore({})).toBeInstanceOf(MemoryStore);
    expect(await createStore({ REDIS_URL: "  " })).toBeInstanceOf(MemoryStore);
    await expect(createStore({ REDIS_URL: "http://localhost:6379" })).rejects.toThrow(/REDIS_URL/);
    await expect(
      createStore({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }, { connectTimeoutMs: 1_000 }),
    ).rejects.toThrow(/REDIS_URL/);
    if (redisUrl) {
      const store = await createStore({ REDIS_URL: redisUrl }, { keyPrefix: prefix() });
      expect(store).toBeInstanceOf(RedisStore);
      await store.close();
    }
  });

  it("redacts the password of a URL", () => {
    expect(redactRedisUrl("redis://user:pw@h:1/0")).toBe("redis://user:***@h:1/0");
    expect(redactRedisUrl("redis://h:1")).toBe("redis://h:1");
  });
});

describe("RedisStore when Redis restarts", () => {
  // Needs a server of its own to stop and start; in CI redis-server is installed by .ci/run.
  const canRun = () => hasRedisServer;

  it("fails operations during the outage, reconnects, and works again", async (ctx) => {
    if (!canRun()) {
      if (inCI) throw new Error("redis-server is not installed: the restart test must run in CI");
      ctx.skip();
    }
    const server = new OwnRedis(await freePort());
    await server.start();
    const { lines, log } = quietLog();
    const store = await RedisStore.connect(server.url, {
      keyPrefix: prefix(),
      log,
      maxReconnects: 50,
      maxReconnectDelayMs: 200,
      commandTimeoutMs: 1_000,
    });
    try {
      expect(await store.claim("update:before", 60_000)).toBe(true);
      await store.set("conv:1", { n: 1 });
      await server.stop();
      const started = Date.now();
      await expect(store.get("conv:1")).rejects.toThrow(/redis get at redis:\/\/127\.0\.0\.1/);
      expect(Date.now() - started).toBeLessThan(1_500);
      await server.start();
      // Reconnects by itself within a few attempts.
      let back = false;
      for (let i = 0; i < 100 && !back; i++) {
        back = await store.claim("update:after", 60_000).catch(() => false);
        if (!back) await sleep(100);
      }
      expect(back).toBe(true);
      // The server kept nothing (--save ''): old claims are gone, so they can be taken again.
      expect(await store.claim("update:before", 60_000)).toBe(true);
      expect(await store.get("conv:1")).toBeNull();
      expect(
        lines.some((l) => /^warn: connection to redis:\/\/127\.0\.0\.1:\d+\/? ?(lost|failed)/.test(l)),
      ).toBe(true);
      expect(lines.some((l) => /^warn: reconnecting to .* \(attempt 1 of 50\)/.test(l))).toBe(true);
      expect(lines.some((l) => /^info: reconnected to /.test(l))).toBe(true);
    } finally {
      await store.close();
      await server.stop();
    }
  }, 60_000);

  it("gives up after its reconnect attempts with a clear log, and then fails at once", async (ctx) => {
    if (!canRun()) {
      if (inCI) throw new Error("redis-server is not installed: the restart test must run in CI");
      ctx.skip();
    }
    const server = new OwnRedis(await freePort());
    await server.start();
    const { lines, log } = quietLog();
    const store = await RedisStore.connect(server.url, {
      keyPrefix: prefix(),
      log,
      maxReconnects: 3,
      maxReconnectDelayMs: 50,
    });
    try {
      await server.stop();
      const deadline = Date.now() + 10_000;
      while (!lines.some((l) => l.startsWith("error: gave up")) && Date.now() < deadline) await sleep(50);
      expect(lines.filter((l) => /attempt \d of 3/.test(l))).toHaveLength(3);
      expect(lines.at(-1)).toMatch(
        /^error: gave up reconnecting to redis:\/\/127\.0\.0\.1:\d+\/? after 3 attempts/,
      );
      await expect(store.claim("x", 1000)).rejects.toThrow(/redis claim at/);
    } finally {
      await store.close();
      await server.stop();
    }
  }, 60_000);
});
