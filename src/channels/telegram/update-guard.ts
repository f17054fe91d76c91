/**
 * Exactly-once handling of updates, by update_id, in the {@link StateStore} shared by every
 * instance. Telegram delivers an update again when it was not acknowledged (a webhook answered
 * late or not at all, a poller died before confirming its offset); the guard makes the second
 * delivery a no-op while keeping a crash from losing the update:
 *
 * - `lease` (claimed atomically, short, renewed while the update is handled): someone is on it;
 * - `done` (kept for the de-duplication window): it was handled; later deliveries are skipped.
 *
 * A delivery that finds a lease waits for the holder to finish; when the holder dies its lease
 * expires and the waiter takes the update over. If handling fails, the lease is released so the
 * next delivery tries again.
 */
import type { Logger } from "pino";
import type { StateStore } from "../state/index.js";
import { sleep } from "./backoff.js";

/** What became of one delivery. */
export type GuardOutcome =
  /** This delivery handled the update. */
  | "handled"
  /** It had been handled already (by this or another instance): nothing done. */
  | "duplicate"
  /** Another delivery is handling it and did not finish within the wait: not acknowledged. */
  | "busy";

/** Options for {@link UpdateGuard}. */
export interface UpdateGuardOptions {
  store: StateStore;
  logger: Logger;
  /** Prefix of the store's keys (the bot's id). */
  prefix: string;
  /** How long a handled update_id is remembered (ms). */
  windowMs: number;
  /** A lease's lifetime (ms); renewed every third of it while handling. */
  leaseMs?: number;
  /** How long a second delivery waits for the first to finish (ms). */
  waitMs?: number;
  /** How often a waiting delivery looks again (ms). */
  pollMs?: number;
}

/** Runs each update's handler at most once across deliveries and instances. */
export class UpdateGuard {
  readonly leaseMs: number;
  private readonly waitMs: number;
  private readonly pollMs: number;

  constructor(private readonly options: UpdateGuardOptions) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.waitMs = options.waitMs ?? this.leaseMs + 5_000;
    this.pollMs = options.pollMs ?? 200;
  }

  private key(updateId: number, what: "done" | "lease"): string {
    return `${this.options.prefix}:update:${updateId}:${what}`;
  }

  /**
   * Handles update `updateId` with `handle` unless it was handled already. Rejects (after releasing
   * the lease) when `handle` rejects, so the update can be delivered and tried again.
   */
  async run(updateId: number, handle: () => Promise<void>, signal?: AbortSignal): Promise<GuardOutcome> {
    const { store, logger } = this.options;
    const done = this.key(updateId, "done");
    const lease = this.key(updateId, "lease");
    const waitUntil = Date.now() + this.waitMs;
    let waited = false;
    for (;;) {
      if (await store.get(done)) return "duplicate";
      if (await store.claim(lease, this.leaseMs)) {
        // The holder may have finished between the two reads: it sets `done` before releasing.
        if (await store.get(done)) {
          await store.release(lease);
          return "duplicate";
        }
        break;
      }
      if (!waited)
        logger.info({ update_id: updateId }, "update is being handled by another delivery: waiting");
      waited = true;
      if (Date.now() >= waitUntil || signal?.aborted) return "busy";
      await sleep(this.pollMs, signal).catch(() => {});
    }
    if (waited) logger.info({ update_id: updateId }, "took over an update whose lease had expired");
    const renew = setInterval(() => {
      store.set(lease, true, this.leaseMs).catch((err: unknown) => {
        logger.warn({ update_id: updateId, err: String(err) }, "could not renew an update's lease");
      });
    }, this.leaseMs / 3);
    try {
      await handle();
    } catch (err) {
      clearInterval(renew);
      await store.release(lease).catch(() => {});
      throw err;
    }
    clearInterval(renew);
    await store.set(done, 1, this.options.windowMs);
    await store.release(lease);
    return "handled";
  }
}
