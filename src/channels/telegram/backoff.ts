/**
 * Waiting between attempts: capped exponential backoff with jitter (so instances and chats that
 * failed together do not retry together), and a sleep that a shutdown can cut short.
 */

/** Options for {@link backoffMs}. */
export interface BackoffOptions {
  /** The first delay (ms). */
  baseMs: number;
  /** No delay exceeds this (ms). */
  capMs: number;
  /** A number in [0, 1); Math.random by default. */
  random?: () => number;
}

/**
 * The delay before retry number `attempt` (0 for the first retry): base·2^attempt capped, then
 * "equal jitter" — half of it fixed, half random — so retries spread out but never come at once.
 */
export function backoffMs(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  const random = options.random ?? Math.random;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Thrown by {@link sleep} when its signal aborts. */
export class SleepAborted extends Error {
  constructor() {
    super("wait aborted");
    this.name = "SleepAborted";
  }
}

/** Waits `ms`; rejects with {@link SleepAborted} as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new SleepAborted());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SleepAborted());
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
