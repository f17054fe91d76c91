/**
 * Telegram's published sending limits, kept before each message leaves: about 30 messages a second
 * overall, about 1 a second to one chat, 20 a minute to one group. The counters live in the
 * {@link StateStore}, so several instances behind one webhook share one budget (with Redis) instead
 * of each spending the whole of it.
 *
 * Telegram counts over any stretch of time, not calendar seconds: two messages 1 ms apart across a
 * second's boundary are two in a second. So "L per W" is kept as at most one message per slot of
 * W/(L−1) — any stretch of W then touches at most L slots — and "1 per W" (a chat) as a gap of W
 * after the chat's last message. Both are stretched by {@link SAFETY_MARGIN}: messages leave when
 * their slot opens but reach Telegram after a varying delay, and two sent exactly a gap apart can
 * arrive closer than that.
 */
import type { StateStore } from "../state/index.js";
import { sleep } from "./backoff.js";

/** At most `limit` messages in any `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** The limits a {@link SendRates} keeps; a missing one is not kept. */
export interface SendRateLimits {
  /** Every message the bot sends. */
  global?: RateLimit;
  /** Messages to one chat (private or group). */
  chat?: RateLimit;
  /** Messages to one group or supergroup (negative chat ids), on top of `chat`. */
  group?: RateLimit;
}

/** Telegram's published limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this). */
export const TELEGRAM_LIMITS: Required<SendRateLimits> = {
  global: { limit: 30, windowMs: 1000 },
  chat: { limit: 1, windowMs: 1000 },
  group: { limit: 20, windowMs: 60_000 },
};

/** Slots and gaps are this much longer than the limit alone would need (network and timer jitter). */
export const SAFETY_MARGIN = 1.1;

/** Below this a slot is not worth a store round trip (ms). */
const NEGLIGIBLE_MS = 1;

/** Waits for a slot under every limit that applies to a chat. */
export class SendRates {
  constructor(
    private readonly store: StateStore,
    private readonly limits: SendRateLimits,
    /** Prefix of the store's keys (the bot's id), so two bots sharing a store keep apart. */
    private readonly prefix: string,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * Resolves once a message to `chatId` may go: the chat's own limits first, the shared global one
   * last (a slot of the scarcest budget is not spent while the chat still has to wait). Rejects when
   * `signal` aborts (shutdown).
   */
  async acquire(chatId: number | string, signal?: AbortSignal): Promise<void> {
    const { chat, group, global } = this.limits;
    if (chat) await this.gap(`${this.prefix}:send:chat:${chatId}`, signal);
    if (group && Number(chatId) < 0) await this.slot(`${this.prefix}:send:group:${chatId}`, group, signal);
    if (global) await this.slot(`${this.prefix}:send:all`, global, signal);
  }

  /**
   * Records that a message to `chatId` was answered by Telegram: the chat's gap runs from here.
   * Telegram saw the message no later than it answered, so a gap counted from the answer holds on
   * Telegram's side however long the message took to get there.
   */
  async sent(chatId: number | string): Promise<void> {
    const gapMs = this.chatGapMs();
    if (gapMs === null) return;
    await this.store.set(`${this.prefix}:send:chat:${chatId}`, Date.now(), Math.ceil(gapMs) + 1000);
  }

  private chatGapMs(): number | null {
    const chat = this.limits.chat;
    const gapMs = chat ? (chat.windowMs / chat.limit) * SAFETY_MARGIN : 0;
    return gapMs < NEGLIGIBLE_MS ? null : gapMs;
  }

  /**
   * A chat's messages leave one at a time (the send queue keeps a FIFO per chat), so a gap after the
   * last one is exact; its time is kept in the store (by {@link sent}) for any instance to see.
   */
  private async gap(key: string, signal?: AbortSignal): Promise<void> {
    const gapMs = this.chatGapMs();
    if (gapMs === null) return;
    const last = (await this.store.get<number>(key)) ?? 0;
    const wait = last + gapMs - Date.now();
    if (wait > 0) await sleep(wait, signal);
  }

  /** Shared by every chat and instance: one message per slot of W/(L−1), counted atomically. */
  private async slot(key: string, rate: RateLimit, signal?: AbortSignal): Promise<void> {
    const slotMs = (rate.limit > 1 ? rate.windowMs / (rate.limit - 1) : rate.windowMs) * SAFETY_MARGIN;
    if (slotMs < NEGLIGIBLE_MS) return;
    const slot = Math.ceil(slotMs);
    while ((await this.store.hit(key, slot)) > 1) {
      // Until the slot turns, plus a little jitter so waiters do not all hit the store at once.
      const left = slot - (Date.now() % slot);
      await sleep(left + Math.floor(this.random() * Math.min(20, slot / 4)), signal);
    }
  }
}
