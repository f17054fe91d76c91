/** State shared by the chat channels: the store (memory or Redis) and per-chat conversations. */
import { z } from "zod";
import { MemoryStore } from "./memory.js";
import { RedisStore, type RedisStoreOptions } from "./redis.js";
import type { StateStore } from "./store.js";

export { CONVERSATION_TTL_MS, Conversations } from "./conversations.js";
export { MemoryStore, type MemoryStoreOptions } from "./memory.js";
export {
  REDIS_STORE_DEFAULTS,
  RedisStore,
  type RedisStoreOptions,
  redactRedisUrl,
  type StoreLog,
} from "./redis.js";
export type { StateStore } from "./store.js";

/** The variables {@link createStore} reads: REDIS_URL, when set, must be a redis:// or rediss:// URL. */
export const StoreEnv = z.object({
  REDIS_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^rediss?:\/\/[^\s]+$/.test(v), {
      message: "REDIS_URL must look like redis://host:6379 (or rediss:// for TLS)",
    }),
});
export type StoreEnv = z.infer<typeof StoreEnv>;

/**
 * The store the environment asks for: Redis when REDIS_URL is set (shared by every instance; fails
 * fast, naming REDIS_URL, when it cannot be reached), else one process's memory.
 */
export async function createStore(
  env: Record<string, string | undefined> = process.env,
  options: RedisStoreOptions = {},
): Promise<StateStore> {
  const parsed = StoreEnv.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const url = parsed.data.REDIS_URL;
  return url ? RedisStore.connect(url, options) : new MemoryStore();
}
