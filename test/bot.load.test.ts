/**
 * Load: 2,000 updates from 200 chats through long polling; the same through two instances behind
 * one webhook URL sharing one store; and one of two instances killed mid-run. Every update is
 * answered once (or, for the few in hand at the kill, at least once) and in its chat's order.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore, RedisStore, type StateStore } from "../src/channels/state/index.js";
import { type Cluster, type Harness, startCluster, startHarness } from "../src/channels/telegram/harness.js";
import type { FakeBotApi } from "../src/stand-ins/telegram-bot-api.js";
import { parseTelegramHtml } from "../src/stand-ins/telegram-bot-api.js";

/**
 * The stores instances share: one in-memory store (one process standing in for several), and —
 * when REDIS_URL is set (.ci/run starts a redis-server) — one Redis connection per instance, as
 * separate processes would have.
 */
type Backend = {
  name: string;
  stores: (count: number) => Promise<{ storeFor: (i: number) => StateStore; close: () => Promise<void> }>;
};
const backends: Backend[] = [
  {
    name: "in memory",
    stores: async () => {
      const store = new MemoryStore();
      return { storeFor: () => store, close: async () => {} };
    },
  },
];
if (process.env.REDIS_URL) {
  const url = process.env.REDIS_URL;
  backends.push({
    name: "in Redis",
    stores: async (count) => {
      const keyPrefix = `policy-bot-test:${process.pid}:${Date.now()}:`;
      const stores = await Promise.all(
        Array.from({ length: count }, () => RedisStore.connect(url, { keyPrefix })),
      );
      return {
        storeFor: (i) => stores[i] as StateStore,
        close: async () => void (await Promise.all(stores.map((s) => s.close()))),
      };
    },
  });
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const heading = (p: { text: string }) => parseTelegramHtml(p.text).split("\n")[0] ?? "";

/** Sends `perChat` questions to each of `chats` chats, round by round; returns what each chat expects. */
function load(
  api: FakeBotApi,
  items: ReadonlyArray<{ label: string; title: string }>,
  chats: number,
  perChat: number,
) {
  const expected = new Map<number, string[]>();
  for (let round = 0; round < perChat; round++)
    for (let c = 0; c < chats; c++) {
      const chat = 10_000 + c;
      const item = items[(c * 3 + round * 5) % items.length];
      if (!item) throw new Error("no items");
      // Mostly /clause, every third a free question: both must keep their chat's order.
      api.send(chat, round % 3 === 2 ? `${item.label}的内容是什么?` : `/clause ${item.label}`);
      expected.set(chat, [...(expected.get(chat) ?? []), `${item.label} ${item.title}`]);
    }
  return expected;
}

const shangqiu = (h: { engine: Harness["engine"] }) =>
  h.engine.plans.find((p) => p.doc === "shangqiu-air-quality-2024")?.items ?? [];

it("long polling: 2,000 updates from 200 chats, each answered once, in per-chat order", async () => {
  const h = await startHarness({ LOG_LEVEL: "warn" });
  cleanups.push(() => h.close());
  const started = performance.now();
  const expected = load(h.api, shangqiu(h), 200, 10);
  await h.api.waitFor(() => h.api.sentTo().length >= 2000, 90_000, "2000 replies");
  const seconds = (performance.now() - started) / 1000;
  await h.api.settle(200);
  console.log(
    `[load] polling: 2000 updates from 200 chats in ${seconds.toFixed(2)} s (${(2000 / seconds).toFixed(0)}/s)`,
  );
  expect(h.api.sentTo()).toHaveLength(2000);
  for (const [chat, headings] of expected)
    expect(h.api.sentTo(chat).map(heading), `chat ${chat}`).toEqual(headings);
  for (const [, count] of h.api.deliveries) expect(count).toBe(1);
  expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
}, 120_000);

async function cluster(
  storeFor: (i: number) => StateStore,
  env: Record<string, string> = {},
  leaseMs?: number,
) {
  const c = await startCluster(
    2,
    storeFor,
    { WEBHOOK_MAX_CONNECTIONS: "100", ...env },
    leaseMs ? { leaseMs } : {},
  );
  cleanups.push(() => c.close());
  c.api.webhookRetryMs = 200;
  return c;
}

const answeredBy = (c: Cluster, i: number) =>
  (c.logs[i] ?? []).filter((l) => l.msg === "update handled" && l.type === "message").length;

describe.each(backends)("state $name", (backend) => {
  it("two instances behind one webhook URL, one shared store: 2,000 updates from 200 chats, each answered once, in order", async () => {
    const shared = await backend.stores(2);
    cleanups.push(shared.close);
    const c = await cluster(shared.storeFor);
    const started = performance.now();
    const expected = load(c.api, shangqiu(c), 200, 10);
    await c.api.waitFor(() => c.api.sentTo().length >= 2000, 120_000, "2000 replies");
    const seconds = (performance.now() - started) / 1000;
    await c.api.settle(300);
    console.log(
      `[load] webhook ×2, state ${backend.name}: 2000 updates in ${seconds.toFixed(2)} s; instance 0 handled ${answeredBy(c, 0)}, instance 1 ${answeredBy(c, 1)}`,
    );
    expect(c.api.sentTo()).toHaveLength(2000);
    for (const [chat, headings] of expected)
      expect(c.api.sentTo(chat).map(heading), `chat ${chat}`).toEqual(headings);
    expect(answeredBy(c, 0)).toBeGreaterThan(500);
    expect(answeredBy(c, 1)).toBeGreaterThan(500);
    expect(c.api.unacknowledged).toBe(0);
  }, 180_000);

  /** A view of a shared store that fails every call once its instance is "killed", as a dead process would. */
  function killable(store: StateStore) {
    let dead = false;
    const view: StateStore = {
      claim: (k, t) => (dead ? Promise.reject(new Error("dead")) : store.claim(k, t)),
      release: (k) => (dead ? Promise.reject(new Error("dead")) : store.release(k)),
      get: <T>(k: string) => (dead ? Promise.reject(new Error("dead")) : store.get<T>(k)),
      set: (k, v, t) => (dead ? Promise.reject(new Error("dead")) : store.set(k, v, t)),
      delete: (k) => (dead ? Promise.reject(new Error("dead")) : store.delete(k)),
      hit: (k, w) => (dead ? Promise.reject(new Error("dead")) : store.hit(k, w)),
      close: async () => {},
    };
    return { view, kill: () => (dead = true) };
  }

  it("one of two instances killed mid-run: nothing is lost (Telegram redelivers what was not acknowledged), order holds", async () => {
    const shared = await backend.stores(2);
    cleanups.push(shared.close);
    const views = [killable(shared.storeFor(0)), killable(shared.storeFor(1))];
    // A short lease: a killed instance's claims expire quickly, as its process would no longer renew them.
    const c = await cluster((i) => views[i]?.view ?? shared.storeFor(i), {}, 1500);
    const expected = load(c.api, shangqiu(c), 100, 10);
    await c.api.waitFor(() => c.api.sentTo().length >= 300, 60_000, "300 replies");
    views[0]?.kill();
    await c.instances[0]?.abandon();
    const atKill = c.api.sentTo().length;
    await c.api.waitFor(
      () =>
        [...expected].every(
          ([chat, list]) =>
            new Set(c.api.sentTo(chat).map(heading)).size >= new Set(list).size &&
            c.api.sentTo(chat).length >= list.length,
        ),
      120_000,
      "every chat answered",
    );
    await c.api.settle(500);
    expect(c.api.unacknowledged).toBe(0);
    let duplicates = 0;
    for (const [chat, headings] of expected) {
      const got = c.api.sentTo(chat).map(heading);
      // An answer sent just before the kill, whose update was not yet acknowledged, is sent again.
      const once = got.filter(
        (h, i) => i === 0 || h !== got[i - 1] || headings[headings.indexOf(h) + 1] === h,
      );
      duplicates += got.length - once.length;
      expect(once, `chat ${chat}`).toEqual(headings);
    }
    const failedDeliveries = c.api.webhookAttempts.filter((a) => a.status !== 200).length;
    console.log(
      `[load] kill, state ${backend.name}: ${atKill} answers before the kill, 1000 after all; ${failedDeliveries} deliveries failed and were redelivered; ${duplicates} answers repeated`,
    );
    expect(failedDeliveries).toBeGreaterThan(0);
    expect(duplicates).toBeLessThanOrEqual(100);
  }, 180_000);
});
