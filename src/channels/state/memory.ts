/** The in-memory {@link StateStore}: one process, nothing shared, nothing kept across restarts. */
import type { StateStore } from "./store.js";

interface Entry {
  value: unknown;
  /** Epoch ms after which the entry is gone; Infinity for none. */
  expires: number;
}

/** Options for {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /** The clock (tests move it). */
  now?: () => number;
  /** Entries are swept at most this often (ms); expired entries are also ignored on read. */
  sweepEveryMs?: number;
}

/** A {@link StateStore} in a Map, with lazy expiry and a periodic sweep so memory stays bounded. */
export class MemoryStore implements StateStore {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly sweepEveryMs: number;
  private lastSweep = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sweepEveryMs = options.sweepEveryMs ?? 60_000;
  }

  private live(key: string): Entry | undefined {
    const now = this.now();
    if (now - this.lastSweep > this.sweepEveryMs) {
      this.lastSweep = now;
      for (const [k, e] of this.entries) if (e.expires <= now) this.entries.delete(k);
    }
    const e = this.entries.get(key);
    if (e && e.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  private put(key: string, value: unknown, ttlMs?: number): void {
    this.entries.set(key, {
      value,
      expires: ttlMs === undefined ? Number.POSITIVE_INFINITY : this.now() + ttlMs,
    });
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.put(key, true, ttlMs);
    return true;
  }

  async release(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async get<T>(key: string): Promise<T | null> {
    const e = this.live(key);
    // A copy, as a shared store would return: callers cannot change what is stored.
    return e ? (structuredClone(e.value) as T) : null;
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    this.put(key, structuredClone(value), ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async hit(key: string, windowMs: number): Promise<number> {
    const window = Math.floor(this.now() / windowMs);
    const k = `${key}:${window}`;
    const count = ((this.live(k)?.value as number | undefined) ?? 0) + 1;
    this.put(k, count, windowMs);
    return count;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
