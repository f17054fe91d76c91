/**
 * Long polling, supervised. @grammyjs/runner's source and concurrent sink fetch and handle updates
 * (up to `concurrency` at once; one chat at a time through the bot's sequentialize); our own fetch
 * loop retries failed getUpdates with capped backoff and logs each retry, and a supervisor restarts
 * polling with backoff when it stops — a 409 (another instance polling the same token, or a webhook
 * still set) is logged and retried instead of silently ending the bot. Only a 401 (the token was
 * revoked) ends polling for good.
 *
 * Offsets: the fetch loop asks for the update after the last one fetched, which confirms the batch
 * before it to Telegram. A stop confirms what was handled and leaves the unfinished for the next
 * start (with a shared store, the guard skips those handled meanwhile).
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
import { backoffMs, sleep } from "./backoff.js";
import { handleUpdate } from "./bot.js";
import { errorFields } from "./log-fields.js";
import type { UpdateGuard } from "./update-guard.js";

/** Options for {@link startPolling}. */
export interface PollingOptions {
  bot: Bot;
  guard: UpdateGuard;
  logger: Logger;
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
   * Confirms to Telegram every update up to the first unfinished one (or all fetched), so the next
   * start receives exactly the updates not handled.
   */
  confirm(timeoutMs: number): Promise<void>;
  /** How often the supervisor restarted polling. */
  readonly restarts: number;
  /** Settles when polling ended: after stopFetching, or `fatal` when the token was rejected. */
  readonly ended: Promise<{ fatal: string | null }>;
}

/** Starts long polling; returns at once. */
export function startPolling(o: PollingOptions): Polling {
  const { bot, guard, logger, token } = o;
  let offset = 0;
  let lastFetched = -1;
  const unfinished = new Set<number>();
  let idleWaiters: Array<() => void> = [];
  const stopping = new AbortController();
  let restarts = 0;
  let runner: RunnerHandle | null = null;

  const finished = (id: number) => {
    unfinished.delete(id);
    if (unfinished.size === 0) {
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
          for (const u of updates) unfinished.add(u.update_id);
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
    try {
      const outcome = await guard.run(id, () => handleUpdate(bot, update));
      if (outcome !== "handled") logger.info({ update_id: id, outcome }, "update skipped");
    } catch (err) {
      logger.error(
        { update_id: id, err: errorFields(err, token) },
        "update not handled: its answer is lost unless Telegram delivers it again (after a restart)",
      );
    } finally {
      finished(id);
    }
  };

  async function supervise(): Promise<{ fatal: string | null }> {
    const backoff = o.restartBackoff ?? { baseMs: 1000, capMs: 60_000 };
    while (!stopping.signal.aborted) {
      const sink = createConcurrentSink({ consume }, async () => {}, { concurrency: o.concurrency });
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
    unfinished: () => [...unfinished].sort((a, b) => a - b),
    idle: () =>
      unfinished.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    async confirm(timeoutMs: number) {
      const first = [...unfinished].sort((a, b) => a - b)[0];
      const next = first ?? lastFetched + 1;
      if (lastFetched < 0) return;
      try {
        // limit 1 and timeout 0: confirms everything below `next` and returns at once; an update
        // it hands back is not confirmed, so the next start receives it.
        await bot.api.getUpdates(
          { offset: next, limit: 1, timeout: 0 },
          AbortSignal.timeout(timeoutMs) as never,
        );
        logger.info({ offset: next, unfinished: unfinished.size }, "confirmed handled updates to Telegram");
      } catch (err) {
        logger.warn({ err: errorFields(err, token) }, "could not confirm the handled updates");
      }
    },
  };
}
