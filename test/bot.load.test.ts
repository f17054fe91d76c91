/**
 * Load: 2,000 updates from 200 chats through long polling, the runner and the real engine. Every
 * update is answered exactly once and in its chat's order; the throughput is printed.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, startHarness } from "../src/channels/telegram/harness.js";
import { parseTelegramHtml } from "../src/stand-ins/telegram-bot-api.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ LOG_LEVEL: "warn" });
});

afterAll(async () => {
  await h?.close();
});

it("answers 2,000 updates from 200 chats exactly once, in per-chat order", async () => {
  const CHATS = 200;
  const PER_CHAT = 10;
  const items = h.engine.plans[0]?.items ?? [];
  const expected = new Map<number, string[]>();
  const started = performance.now();
  for (let round = 0; round < PER_CHAT; round++) {
    for (let c = 0; c < CHATS; c++) {
      const chat = 10_000 + c;
      const item = items[(c * 3 + round * 5) % items.length];
      if (!item) throw new Error("no items");
      // Mostly /clause, every third a free question: both must keep their chat's order.
      const text = round % 3 === 2 ? `${item.label}的内容是什么?` : `/clause ${item.id}`;
      h.api.send(chat, text);
      const list = expected.get(chat) ?? [];
      list.push(`${item.label} ${item.title}`);
      expected.set(chat, list);
    }
  }
  const total = CHATS * PER_CHAT;
  await h.api.waitFor(() => h.api.sentTo().length >= total, 45_000, `${total} replies`);
  const seconds = (performance.now() - started) / 1000;
  await h.api.settle(200);
  const rate = total / seconds;
  console.log(
    `[load] ${total} updates from ${CHATS} chats answered in ${seconds.toFixed(2)} s: ${rate.toFixed(0)} updates/s`,
  );

  expect(h.api.sentTo()).toHaveLength(total);
  for (const [chat, headings] of expected) {
    const got = h.api.sentTo(chat).map((p) => parseTelegramHtml(p.text).split("\n")[0]);
    expect(got, `chat ${chat}`).toEqual(headings);
  }
  for (const [, count] of h.api.deliveries) expect(count).toBe(1);
  expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
});
