/**
 * Long polling, supervised. @grammyjs/runner's source and concurrent sink fetch and handle updates
 * (up to `concurrency` at once; one chat at a time through the bot's sequentialize); our own fetch
 * loop retries failed getUpdates with capped backoff and logs each retry, and a supervisor restarts
 * polling with backoff when it stops — a 409 (another instance polling the same token, or a webhook
 * still set) is logged and retried instead of silently ending the bot. Only a 401 (the token was
 * revoked) ends polling for good.
 *
 * Offsets: Telegram confirms updates by offset and hands out at most 100 from it, so holding the
 * offset back for one slow chat (a 30 s retry_after) would stall every chat behind it. The fetch
 * loop therefore confirms each batch with the next poll, and the updates still in hand are kept
 * safe another way: a stop saves those not finished (and those whose handling failed) in the
 * StateStore, and the next start replays them first — across restarts with a Redis store, within
 * the process with the in-memory one. The guard makes a replay of an update handled meanwhile a
 * no-op. A crash (no stop) loses the polled updates in hand; webhook mode does not have that gap.
 */
import {
  createConcurrentSink,
  createRunner,
  createSource,
  type RunnerHandle,
  type UpdateSupplier,
} from "@grammyjs/runner";
import { type Bot, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { StateStore } from "../state/index.js";
import { backoffMs, sleep } from "./backoff.js";
import { handleUpdate } from "./bot.js";
import { errorFields } from "./log-fields.js";
import { SendAborted } from "./send-queue.js";
import type { UpdateGuard } from "./update-guard.js";

/** Options for {@link startPolling}. */
export interface PollingOptions {
  bot: Bot;
  guard: UpdateGuard;
  logger: Logger;
  /** Where unfinished updates wait for the next start. */
  store: StateStore;
  /** Prefix of the store's keys (the bot's id). */
  keyPrefix: string;
  /** How long saved updates are kept (ms): the de-duplication window. */
  keepMs: number;
  /** For scrubbing logs. */
  token: string;
  allowedUpdates: readonly string[];
  /** getUpdates' long-polling timeout (seconds). */
  pollTimeoutSeconds: number;
  /** Most updates handled at once. */
  concurrency: number;
  /** Backoff of the supervisor's restarts (default 1 s doubling to 60 s). */
  restartBackoff?: { baseMs: number; capMs: number };
}

/** A running poller. */
export interface Polling {
  /** Stops fetching (the pending getUpdates is aborted); updates in hand carry on. */
  stopFetching(): Promise<void>;
  /** Ids of updates fetched and not yet finished. */
  unfinished(): number[];
  /** Resolves once no fetched update is unfinished. */
  idle(): Promise<void>;
  /**
   * Saves the unfinished and failed updates for the next start, and confirms every fetched update
   * to Telegram (a stop's last step).
   */
  saveAndConfirm(timeoutMs: number): Promise<void>;
  /** How often the supervisor restarted polling. */
  readonly restarts: number;
  /** Settles when polling ended: after stopFetching, or `fatal` when the token was rejected. */
  readonly ended: Promise<{ fatal: string | null }>;
}

/** Starts long polling (first replaying what the last stop left); returns at once. */
export function startPolling(o: PollingOptions): Polling {
  const { bot, guard, logger, token, store } = o;
  const leftoverKey = `${o.keyPrefix}:polling:leftover`;
  let offset = 0;
  let lastFetched = -1;
  const inHand = new Map<number, Update>();
  /** Updates whose handling failed (nothing could be delivered): kept for the next start. */
  const failed = new Map<number, Update>();
  let idleWaiters: Array<() => void> = [];
  const stopping = new AbortController();
  let restarts = 0;
  let runner: RunnerHandle | null = null;

  const finished = (id: number) => {
    inHand.delete(id);
    if (inHand.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };

  const supplier: UpdateSupplier<Update> = {
    async supply(batchSize, signal) {
      for (let failures = 0; ; ) {
        try {
          const updates = await bot.api.getUpdates(
            {
              offset,
              limit: Math.max(1, Math.min(100, batchSize)),
              timeout: o.pollTimeoutSeconds,
              allowed_updates: [...o.allowedUpdates] as never,
            },
            signal,
          );
          if (failures > 0) logger.info({ after_failures: failures }, "getUpdates works again");
          for (const u of updates) inHand.set(u.update_id, u);
          const last = updates.at(-1);
          if (last) {
            offset = last.update_id + 1;
            lastFetched = last.update_id;
          }
          return updates;
        } catch (err) {
          if (signal.aborted) throw err;
          const code = err instanceof GrammyError ? err.error_code : undefined;
          if (code === 401 || code === 409) throw err; // the supervisor decides
          const retryAfter = err instanceof GrammyError ? err.parameters.retry_after : undefined;
          const delay =
            retryAfter !== undefined
              ? retryAfter * 1000
              : backoffMs(failures, { baseMs: 500, capMs: 30_000 });
          failures++;
          logger.warn(
            { attempt: failures, delay_ms: delay, err: errorFields(err, token) },
            "getUpdates failed: retrying",
          );
          await sleep(delay, signal as unknown as AbortSignal);
        }
      }
    },
  };

  const consume = async (update: Update): Promise<void> => {
    const id = update.update_id;
    inHand.set(id, update);
    try {
      const outcome = await guard.run(id, () => handleUpdate(bot, update));
      if (outcome !== "handled") logger.info({ update_id: id, outcome }, "update skipped");
    } catch (err) {
      failed.set(id, update);
      if (err instanceof SendAborted) logger.info({ update_id: id }, "update left for the next start");
      else
        logger.error(
          { update_id: id, err: errorFields(err, token) },
          "update not handled: kept to be tried again at the next start",
        );
    } finally {
      finished(id);
    }
  };

  async function supervise(): Promise<{ fatal: string | null }> {
    const backoff = o.restartBackoff ?? { baseMs: 1000, capMs: 60_000 };
    const leftovers = await store.get<Update[]>(leftoverKey).catch(() => null);
    let replay = leftovers ?? [];
    if (replay.length > 0) {
      await store.delete(leftoverKey);
      logger.info({ updates: replay.length }, "replaying the updates the last stop left unfinished");
    }
    while (!stopping.signal.aborted) {
      const sink = createConcurrentSink({ consume }, async () => {}, { concurrency: o.concurrency });
      // Before anything new, so each chat's order holds.
      if (replay.length > 0) await sink.handle(replay.sort((a, b) => a.update_id - b.update_id));
      replay = [];
      runner = createRunner(createSource(supplier), sink);
      runner.start();
      try {
        await runner.task();
        if (stopping.signal.aborted) break;
        throw new Error("polling ended by itself");
      } catch (err) {
        if (stopping.signal.aborted) break;
        const code = err instanceof GrammyError ? err.error_code : undefined;
        const fields = errorFields(err, token);
        if (code === 401) {
          logger.fatal(
            { err: fields },
            "Telegram rejected the token (401 Unauthorized) while polling: stopping",
          );
          return { fatal: String(fields.message) };
        }
        const delay = backoffMs(restarts, backoff);
        restarts++;
        logger.error(
          { err: fields, restarts, delay_ms: delay },
          code === 409
            ? "polling conflict (409): another instance polls this token, or a webhook is set; restarting polling"
            : "polling stopped: restarting",
        );
        await sleep(delay, stopping.signal).catch(() => {});
      }
    }
    return { fatal: null };
  }

  const ended = supervise();

  return {
    get restarts() {
      return restarts;
    },
    ended,
    async stopFetching() {
      stopping.abort();
      await runner?.stop();
      await ended;
    },
    unfinished: () => [...inHand.keys()].sort((a, b) => a - b),
    idle: () =>
      inHand.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    async saveAndConfirm(timeoutMs: number) {
      const left = new Map([...failed, ...inHand]);
      if (left.size > 0) {
        try {
          await store.set(leftoverKey, [...left.values()], o.keepMs);
          logger.warn(
            { updates: left.size, update_ids: [...left.keys()].slice(0, 50) },
            "saved the unfinished updates for the next start",
          );
        } catch (err) {
          logger.error(
            { updates: left.size, err: errorFields(err, token) },
            "could not save the unfinished updates: they are lost",
          );
        }
      }
      if (lastFetched < 0) return;
      try {
        // timeout 0: confirms everything fetched and returns at once; an update it hands back is
        // not confirmed, so the next start receives it.
        await bot.api.getUpdates(
          { offset: lastFetched + 1, limit: 1, timeout: 0 },
          AbortSignal.timeout(timeoutMs) as never,
        );
        logger.info({ offset: lastFetched + 1 }, "confirmed the fetched updates to Telegram");
      } catch (err) {
        logger.warn({ err: errorFields(err, token) }, "could not confirm the fetched updates");
      }
    },
  };
}
