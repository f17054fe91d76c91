/**
 * The Redis {@link StateStore}: what several instances behind one webhook URL share. Claims are
 * `SET NX PX` (atomic on the server, so exactly one instance wins an update); hits are `INCR` and
 * `PEXPIRE` in one transaction, in a fixed window; values are JSON strings.
 *
 * Failure is bounded everywhere. Start-up fails fast with a message naming REDIS_URL when Redis
 * cannot be reached. A lost connection is retried a bounded number of times with a log line each;
 * meanwhile every operation fails at once (no queue that would run a stale claim minutes later),
 * and an operation on a live but stuck connection times out. Callers treat a failed operation like
 * any other failed update: the platform delivers it again.
 */
import { Redis } from "ioredis";
import type { StateStore } from "./store.js";

/** Where the store reports connection trouble: one line per event. */
export type StoreLog = (level: "info" | "warn" | "error", message: string) => void;

/** Options for {@link RedisStore.connect}. */
export interface RedisStoreOptions {
  /** Prepended to every key, so several products (or tests) can share one Redis. */
  keyPrefix?: string;
  /** How long start-up may take to reach Redis and get a PING answered (ms). */
  connectTimeoutMs?: number;
  /** How many times a lost connection is retried before the store gives up. */
  maxReconnects?: number;
  /** The longest wait between two reconnect attempts (ms); waits double from 100 ms up to it. */
  maxReconnectDelayMs?: number;
  /** How long one operation may wait for its reply (ms). */
  commandTimeoutMs?: number;
  /** Default: a line on stderr. */
  log?: StoreLog;
  /** The clock that places a hit in its window (tests move it). */
  now?: () => number;
}

/** Defaults: a restart of Redis (a few seconds) is ridden out; a dead Redis is given up on after ~30 s. */
export const REDIS_STORE_DEFAULTS = {
  keyPrefix: "policy-bot:",
  connectTimeoutMs: 5_000,
  maxReconnects: 20,
  maxReconnectDelayMs: 2_000,
  commandTimeoutMs: 5_000,
} as const;

/** The URL with its password replaced, for messages. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(not a URL)";
  }
}

const logToStderr: StoreLog = (level, message) => process.stderr.write(`redis ${level}: ${message}\n`);

/** What the connection's event handlers and the store share. */
interface Connection {
  /** Start-up succeeded: from now on a lost connection is retried. */
  started: boolean;
  /** close() was called, or start-up failed: no more reconnecting. */
  closing: boolean;
  /** The connection is down (said once in the log until it is back). */
  outage: boolean;
}

/** A {@link StateStore} in Redis. Create it with {@link RedisStore.connect}. */
export class RedisStore implements StateStore {
  private closed = false;

  private constructor(
    private readonly client: Redis,
    private readonly where: string,
    private readonly connection: Connection,
    private readonly now: () => number,
  ) {}

  /**
   * Connects and checks the server answers; rejects within `connectTimeoutMs` with a message
   * naming REDIS_URL when it cannot. Never waits longer, never retries at start-up: a wrong URL
   * should stop the program at once, not leave it hanging.
   */
  static async connect(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const o = { ...REDIS_STORE_DEFAULTS, ...options };
    const log = options.log ?? logToStderr;
    const where = redactRedisUrl(url);
    const c: Connection = { started: false, closing: false, outage: false };
    const client = new Redis(url, {
      lazyConnect: true,
      keyPrefix: o.keyPrefix,
      connectTimeout: o.connectTimeoutMs,
      commandTimeout: o.commandTimeoutMs,
      // While the connection is down, operations fail at once instead of queueing: a queued claim
      // or hit that ran after its caller had given up would take an update nobody handles.
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => {
        if (!c.started || c.closing) return null;
        if (attempt > o.maxReconnects) {
          log(
            "error",
            `gave up reconnecting to ${where} after ${o.maxReconnects} attempts; state operations will fail`,
          );
          return null;
        }
        // ioredis asks for the first delay before it emits "close": say the connection is lost first.
        if (attempt === 1 && !c.outage) log("warn", `connection to ${where} lost`);
        c.outage = true;
        const delay = Math.min(100 * 2 ** (attempt - 1), o.maxReconnectDelayMs);
        log("warn", `reconnecting to ${where} in ${delay} ms (attempt ${attempt} of ${o.maxReconnects})`);
        return delay;
      },
    });
    const said = new Set<string>();
    client.on("error", (error: Error) => {
      // Every failed attempt repeats its error: say each different one once per outage.
      if (!c.started || c.closing || said.has(error.message)) return;
      said.add(error.message);
      log("warn", `${where}: ${error.message}`);
    });
    client.on("ready", () => {
      if (c.outage) log("info", `reconnected to ${where}`);
      c.outage = false;
      said.clear();
    });

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${o.connectTimeoutMs} ms`)),
        o.connectTimeoutMs,
      );
    });
    try {
      await Promise.race([client.connect().then(() => client.ping()), timeout]);
    } catch (error) {
      c.closing = true;
      client.disconnect();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`cannot reach Redis at REDIS_URL=${where}: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
    c.started = true;
    return new RedisStore(client, where, c, options.now ?? Date.now);
  }

  /** Runs one operation, naming the store and the operation when it fails. */
  private async run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    if (this.closed) throw new Error(`redis ${operation}: the store is closed`);
    try {
      return await command();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`redis ${operation} at ${this.where}: ${reason}`);
    }
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const reply = await this.run("claim", () => this.client.set(key, "1", "PX", positiveMs(ttlMs), "NX"));
    return reply === "OK";
  }

  async release(key: string): Promise<void> {
    await this.run("release", () => this.client.del(key));
  }

  async get<T>(key: string): Promise<T | null> {
    const raw = await this.run("get", () => this.client.get(key));
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as T;
    } catch {
      throw new Error(`redis get at ${this.where}: the value of ${key} is not JSON`);
    }
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    const json = JSON.stringify(value ?? null);
    await this.run("set", () =>
      ttlMs === undefined ? this.client.set(key, json) : this.client.set(key, json, "PX", positiveMs(ttlMs)),
    );
  }

  async delete(key: string): Promise<void> {
    await this.run("delete", () => this.client.del(key));
  }

  /**
   * The window is `floor(now / windowMs)` by this process's clock (instances should run NTP), and
   * its counter expires when the window ends.
   */
  async hit(key: string, windowMs: number): Promise<number> {
    const width = positiveMs(windowMs);
    const now = this.now();
    const windowKey = `${key}:${Math.floor(now / width)}`;
    const left = width - (now % width);
    const results = await this.run("hit", () =>
      this.client.multi().incr(windowKey).pexpire(windowKey, left).exec(),
    );
    const [count] = results ?? [];
    if (!count || count[0] || typeof count[1] !== "number")
      throw new Error(`redis hit at ${this.where}: ${count?.[0]?.message ?? "transaction aborted"}`);
    return count[1];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.connection.closing = true;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}

/** Redis takes whole positive milliseconds. */
function positiveMs(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}
