/**
 * Telegram's published sending limits, kept before each message leaves: about 30 messages a second
 * overall, about 1 a second to one chat, 20 a minute to one group. The counters live in the
 * {@link StateStore}, so several instances behind one webhook share one budget (with Redis) instead
 * of each spending the whole of it.
 */
import type { StateStore } from "../state/index.js";
import { sleep } from "./backoff.js";

/** At most `limit` messages in each fixed window of `windowMs`. */
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
    if (chat) await this.slot(`${this.prefix}:send:chat:${chatId}`, chat, signal);
    if (group && Number(chatId) < 0) await this.slot(`${this.prefix}:send:group:${chatId}`, group, signal);
    if (global) await this.slot(`${this.prefix}:send:all`, global, signal);
  }

  private async slot(key: string, rate: RateLimit, signal?: AbortSignal): Promise<void> {
    while ((await this.store.hit(key, rate.windowMs)) > rate.limit) {
      // Until the window turns, plus a little jitter so waiters do not all hit the store at once.
      const left = rate.windowMs - (Date.now() % rate.windowMs);
      await sleep(left + Math.floor(this.random() * Math.min(50, rate.windowMs / 10)), signal);
    }
  }
}
