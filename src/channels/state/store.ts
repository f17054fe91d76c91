/**
 * Where the chat channels keep what must survive between updates — and be shared between instances
 * behind one webhook URL: which updates were already handled (exactly-once), rate-limit counters,
 * each chat's conversation context and guided-check state. Values are plain JSON.
 */

/** A small key-value store with expiry. Implementations: in memory (one instance) and Redis (several). */
export interface StateStore {
  /**
   * Marks `key` as taken for `ttlMs`; true the first time, false while it is taken (a duplicate
   * delivery of the same update). Atomic across instances sharing the store.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Releases a claim (the update failed before it was handled and may be delivered again). */
  release(key: string): Promise<void>;
  /** The JSON value under `key`, or null. */
  get<T>(key: string): Promise<T | null>;
  /** Stores a JSON value, expiring after `ttlMs` when given. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Counts one hit in the current fixed window of `windowMs` for `key`; returns the count so far. */
  hit(key: string, windowMs: number): Promise<number>;
  /** Closes connections; the store is unusable afterwards. */
  close(): Promise<void>;
}
