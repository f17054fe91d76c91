/**
 * Everything the bot sends goes through one queue, installed as a grammY API transformer (so
 * ctx.reply, editMessageText, answerCallbackQuery … all pass through it). Why our own queue rather
 * than @grammyjs/auto-retry with @grammyjs/transformer-throttler:
 *
 * - one FIFO per chat: a message waiting out a 429 holds back only the later messages of *its* chat,
 *   in order; other chats keep flowing;
 * - the rate counters live in the StateStore, so instances behind one webhook share Telegram's budget
 *   (the throttler's Bottleneck queues are per process);
 * - a shutdown can stop every wait at once and say what was left (the plugins' sleeps cannot be
 *   interrupted or counted);
 * - server errors get a short, bounded retry budget (default 4 retries, ~250 ms → 2 s with jitter,
 *   about 4 s in all) instead of auto-retry's long exponential waits, so a streak of 500s tells the
 *   user within seconds, not after most of a minute; every retry is logged, and so is giving up.
 *
 * Policy: a 429 is waited out for its `retry_after` (any length, as often as it comes); a 5xx,
 * a proxy's non-JSON error page, a dropped connection or a timed-out call is retried `retries` times
 * with backoff; other 4xx are the caller's (no retry). A retried call whose first attempt reached
 * Telegram may be delivered twice (Telegram has no idempotency key); that is preferred to losing it.
 */
import { setMaxListeners } from "node:events";
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "pino";
import type { StateStore } from "../state/index.js";
import { backoffMs, SleepAborted, sleep } from "./backoff.js";
import { networkCause, scrub } from "./log-fields.js";
import { type SendRateLimits, SendRates } from "./send-rates.js";

/** Thrown to the caller when a call could not be made after every retry. */
export class DeliveryFailed extends Error {
  constructor(
    readonly method: string,
    readonly chatId: number | string | null,
    readonly attempts: number,
    readonly reason: string,
  ) {
    super(
      `${method}${chatId === null ? "" : ` to chat ${chatId}`} failed after ${attempts} attempts: ${reason}`,
    );
    this.name = "DeliveryFailed";
  }
}

/** Thrown to the caller when the queue was stopped (shutdown) before its call was made. */
export class SendAborted extends Error {
  constructor(readonly method: string) {
    super(`${method} not sent: the bot is shutting down`);
    this.name = "SendAborted";
  }
}

/** Options for {@link SendQueue}. */
export interface SendQueueOptions {
  store: StateStore;
  logger: Logger;
  /** Prefix of the store's keys (the bot's id). */
  prefix: string;
  /** The sending limits kept before each message (empty: none). */
  limits: SendRateLimits;
  /** Retries after a network error, a timeout or a 5xx. */
  retries: number;
  /**
   * Most 429s waited out for one call. Default: no limit — a 429 says when to come back, and an
   * answer given up on is lost; a shutdown still ends every wait.
   */
  floodRetries?: number;
  /** One attempt's time limit (ms). */
  callTimeoutMs: number;
  /** Backoff of network/5xx retries (default 250 ms doubling to 2 s). */
  backoff?: { baseMs: number; capMs: number };
  /**
   * Multiplies every `retry_after` wait. 1 in production; tests that stand in for a 30 s flood wait
   * run Telegram's clock faster (the stand-in shortens its own block by the same factor).
   */
  retryAfterScale?: number;
  random?: () => number;
}

/** Counters since the queue was made. */
export interface SendStats {
  /** API calls made through the queue (each counted once, however many attempts). */
  calls: number;
  /** Calls that ended ok. */
  ok: number;
  /** Retries, by cause. */
  retries: { flood: number; server: number; network: number };
  /** Calls given up after their last retry. */
  gaveUp: number;
  /** Calls dropped by a shutdown. */
  aborted: number;
  /** Most calls waiting or in flight at once. */
  peakBacklog: number;
}

/** What was still queued when asked: per chat, how many calls. */
export interface Backlog {
  total: number;
  chats: Array<{ chatId: string; calls: number }>;
}

/** Methods that are cosmetic: one attempt, never queued behind messages, failures ignored. */
const BEST_EFFORT = new Set(["sendChatAction"]);

type RawResponse = {
  ok: boolean;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
};
type RawCall = (method: string, payload: unknown, signal?: AbortSignal) => Promise<RawResponse>;

/** The per-chat FIFO send queue with rate limits, retries and an abortable shutdown. */
export class SendQueue {
  private readonly rates: SendRates;
  private readonly tails = new Map<string, Promise<void>>();
  private readonly pending = new Map<string, number>();
  private readonly abortController = new AbortController();
  private inFlight = 0;
  private readonly counters: SendStats = {
    calls: 0,
    ok: 0,
    retries: { flood: 0, server: 0, network: 0 },
    gaveUp: 0,
    aborted: 0,
    peakBacklog: 0,
  };

  constructor(private readonly options: SendQueueOptions) {
    this.rates = new SendRates(options.store, options.limits, options.prefix, options.random);
    // Every waiting call listens to the one stop signal.
    setMaxListeners(0, this.abortController.signal);
  }

  /** The grammY API transformer; install with `bot.api.config.use(queue.transformer)`. */
  readonly transformer: Transformer = (prev, method, payload, signal) => {
    // Long polling has its own retry loop (polling.ts); it must never wait behind messages.
    if (method === "getUpdates") return prev(method, payload, signal);
    const raw = prev as unknown as RawCall;
    const chatId = (payload as { chat_id?: number | string } | undefined)?.chat_id ?? null;
    if (BEST_EFFORT.has(method))
      return prev(method, payload, signal).catch(() => ({ ok: true, result: true }) as never);
    const call = () => this.deliver(raw, method, payload, chatId);
    const result = chatId === null ? this.track("", call) : this.enqueue(String(chatId), call);
    return result as never;
  };

  /** Counters so far. */
  stats(): SendStats {
    return structuredClone(this.counters);
  }

  /** Calls waiting or in flight, by chat (chat "" holds calls without one: callback and inline answers). */
  backlog(): Backlog {
    const chats = [...this.pending.entries()]
      .filter(([, n]) => n > 0)
      .map(([chatId, calls]) => ({ chatId, calls }));
    return { total: chats.reduce((n, c) => n + c.calls, 0), chats };
  }

  /** Stops every wait now: queued and waiting calls reject with {@link SendAborted}. */
  abort(): void {
    this.abortController.abort();
  }

  /** Whether {@link abort} was called. */
  get aborted(): boolean {
    return this.abortController.signal.aborted;
  }

  private async track<T>(chat: string, run: () => Promise<T>): Promise<T> {
    this.pending.set(chat, (this.pending.get(chat) ?? 0) + 1);
    this.inFlight++;
    this.counters.peakBacklog = Math.max(this.counters.peakBacklog, this.inFlight);
    try {
      return await run();
    } finally {
      this.inFlight--;
      const left = (this.pending.get(chat) ?? 1) - 1;
      if (left > 0) this.pending.set(chat, left);
      else this.pending.delete(chat);
    }
  }

  /** Runs `run` after every earlier call to the same chat has settled. */
  private enqueue<T>(chat: string, run: () => Promise<T>): Promise<T> {
    const before = this.tails.get(chat) ?? Promise.resolve();
    const result = this.track(chat, () => before.then(run, run));
    const tail = result.then(
      () => {},
      () => {},
    );
    this.tails.set(chat, tail);
    void tail.then(() => {
      if (this.tails.get(chat) === tail) this.tails.delete(chat);
    });
    return result;
  }

  private async deliver(
    prev: RawCall,
    method: string,
    payload: unknown,
    chatId: number | string | null,
  ): Promise<RawResponse> {
    const o = this.options;
    const log = o.logger;
    const stop = this.abortController.signal;
    const floodRetries = o.floodRetries ?? Number.POSITIVE_INFINITY;
    const backoff = { baseMs: o.backoff?.baseMs ?? 250, capMs: o.backoff?.capMs ?? 2000, random: o.random };
    this.counters.calls++;
    let failures = 0;
    let floods = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        if (stop.aborted) throw new SleepAborted();
        if (chatId !== null) await this.rates.acquire(chatId, stop);
        let res: RawResponse | null = null;
        let reason: string;
        try {
          res = await prev(method, payload, AbortSignal.any([stop, AbortSignal.timeout(o.callTimeoutMs)]));
          reason = `${res.error_code ?? ""} ${res.description ?? ""}`.trim();
        } catch (err) {
          if (stop.aborted) throw new SleepAborted();
          reason = networkReason(err);
        }
        if (chatId !== null && res) await this.rates.sent(chatId).catch(() => {});
        if (res?.ok) {
          this.counters.ok++;
          return res;
        }
        if (res && res.error_code === 429) {
          const retryAfter = res.parameters?.retry_after ?? 1;
          if (floods >= floodRetries) return this.giveUp(method, chatId, attempt, reason);
          floods++;
          this.counters.retries.flood++;
          const waitMs =
            retryAfter * 1000 * (o.retryAfterScale ?? 1) + Math.floor((o.random ?? Math.random)() * 250);
          log.warn(
            { method, chat_id: chatId, attempt, retry_after: retryAfter, wait_ms: waitMs },
            "flood control: waiting retry_after before sending again",
          );
          await sleep(waitMs, stop);
          continue;
        }
        if (res && (res.error_code ?? 0) < 500) return res; // the caller's error (400, 403 …): no retry
        if (failures >= o.retries) return this.giveUp(method, chatId, attempt, reason);
        const delay = backoffMs(failures, backoff);
        failures++;
        if (res) this.counters.retries.server++;
        else this.counters.retries.network++;
        log.warn(
          {
            method,
            chat_id: chatId,
            attempt,
            retries_left: o.retries - failures + 1,
            delay_ms: delay,
            reason,
          },
          res ? "Bot API server error: retrying" : "network error: retrying",
        );
        await sleep(delay, stop);
      } catch (err) {
        if (err instanceof SleepAborted) {
          this.counters.aborted++;
          throw new SendAborted(method);
        }
        throw err;
      }
    }
  }

  private giveUp(method: string, chatId: number | string | null, attempts: number, reason: string): never {
    this.counters.gaveUp++;
    this.options.logger.error(
      { method, chat_id: chatId, attempts, reason },
      `gave up: ${method} failed ${attempts} times in a row`,
    );
    throw new DeliveryFailed(method, chatId, attempts, reason);
  }
}

/** A failed call's cause in words, without the URL (it holds the token). */
function networkReason(err: unknown): string {
  if (err instanceof HttpError) return `network: ${networkCause(err)}`;
  return err instanceof Error ? scrub(err.message) : scrub(String(err));
}
