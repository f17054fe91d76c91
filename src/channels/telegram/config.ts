/**
 * The bot's configuration: read from the environment (and `.env` through dotenv), validated by zod.
 * An invalid configuration throws one readable error that lists every bad variable, never a value
 * of the token.
 */
import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import type { SendRateLimits } from "./send-rates.js";

/** pino's levels, as LOG_LEVEL accepts them. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated configuration `createBot` and `runBot` use. */
export interface BotConfig {
  token: string;
  /** Bot API root without a trailing slash: https://api.telegram.org or a local Bot API server. */
  apiRoot: string;
  mode: "polling" | "webhook";
  /** Public HTTPS URL Telegram posts updates to (webhook mode only). */
  webhookUrl: string | null;
  /** Compared with the X-Telegram-Bot-Api-Secret-Token header (webhook mode only). */
  webhookSecret: string | null;
  /** Port the webhook server listens on; 0 picks a free one. */
  port: number;
  /** Address the webhook server binds to. */
  host: string;
  /** Chats (and, for inline queries, users) the bot serves; null serves everyone. */
  allowedChatIds: ReadonlySet<number> | null;
  logLevel: LogLevel;
  /** Per-user limit: at most `max` updates every `windowMs`. */
  rateLimit: { max: number; windowMs: number };
  /** Redis for state shared by several instances (de-duplication, limits, conversations); null: in memory. */
  redisUrl: string | null;
  /** How long a handled update_id is remembered, so a redelivery is not answered twice (ms). */
  dedupWindowMs: number;
  /** Sending limits kept before each message (Telegram's published ones by default). */
  sendLimits: SendRateLimits;
  /** Retries of a call after a network error, a timeout or a 5xx. */
  sendRetries: number;
  /** One API call's time limit (ms); long polling adds its own timeout to it. */
  callTimeoutMs: number;
  /** 0: an unreachable or misconfigured Bot API stops start-up at once; else keep trying this long (ms). */
  startupRetryMs: number;
  /** A stop finishes in-flight work for at most this long, then drops what is left (ms). */
  shutdownTimeoutMs: number;
  /** Largest webhook request body accepted (bytes); larger ones get 413. */
  webhookMaxBodyBytes: number;
  /** setWebhook's max_connections: updates Telegram sends at once. */
  webhookMaxConnections: number;
}

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

const intVar = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    blank,
    z
      .string()
      .default(String(fallback))
      .refine((s) => /^\d+$/.test(s.trim()), `${name} must be a whole number`)
      .transform((s) => Number(s.trim()))
      .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`),
  );

const EnvSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: z.preprocess(
      trimmed,
      z
        .string({ error: "TELEGRAM_BOT_TOKEN is required (ask @BotFather for one)" })
        .min(1, "TELEGRAM_BOT_TOKEN is required (ask @BotFather for one)")
        // Real tokens are longer; a local Bot API server accepts any id:secret (123:abc).
        .regex(/^\d+:[A-Za-z0-9_-]+$/, "TELEGRAM_BOT_TOKEN does not look like a bot token (123456:ABC…)"),
    ),
    TELEGRAM_API_ROOT: z.preprocess(
      blank,
      z
        .string()
        .default("https://api.telegram.org")
        .refine((s) => /^https?:\/\/[^\s/]+/.test(s.trim()), "TELEGRAM_API_ROOT must be an http(s) URL")
        .transform((s) => s.trim().replace(/\/+$/, "")),
    ),
    BOT_MODE: z.preprocess(
      (v) => (typeof blank(v) === "string" ? (v as string).trim().toLowerCase() : undefined),
      z.enum(["polling", "webhook"], { error: "BOT_MODE must be polling or webhook" }).default("polling"),
    ),
    WEBHOOK_URL: z.preprocess(
      blank,
      z
        .string()
        .refine((s) => /^https:\/\/[^\s/]+/.test(s.trim()), "WEBHOOK_URL must be an https:// URL")
        .transform((s) => s.trim())
        .optional(),
    ),
    WEBHOOK_SECRET: z.preprocess(
      blank,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, "WEBHOOK_SECRET must be 1–256 characters of A–Z, a–z, 0–9, _ and -")
        .optional(),
    ),
    PORT: intVar("PORT", 0, 65535, 8080),
    HOST: z.preprocess(blank, z.string().default("0.0.0.0")),
    ALLOWED_CHAT_IDS: z.preprocess(
      blank,
      z
        .string()
        .refine(
          (s) =>
            s
              .split(",")
              .map((x) => x.trim())
              .filter(Boolean)
              .every((x) => /^-?\d+$/.test(x)),
          "ALLOWED_CHAT_IDS must be chat ids separated by commas, e.g. 12345,-100987654321",
        )
        .optional(),
    ),
    LOG_LEVEL: z.preprocess(
      (v) => (typeof blank(v) === "string" ? (v as string).trim().toLowerCase() : undefined),
      z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
    ),
    RATE_LIMIT_MAX: intVar("RATE_LIMIT_MAX", 1, 10_000, 20),
    RATE_LIMIT_WINDOW_SECONDS: intVar("RATE_LIMIT_WINDOW_SECONDS", 1, 3600, 10),
    REDIS_URL: z.preprocess(
      blank,
      z
        .string()
        .refine((s) => /^rediss?:\/\/\S+$/.test(s.trim()), "REDIS_URL must be a redis:// or rediss:// URL")
        .transform((s) => s.trim())
        .optional(),
    ),
    DEDUP_WINDOW_SECONDS: intVar("DEDUP_WINDOW_SECONDS", 60, 7 * 86_400, 86_400),
    TELEGRAM_SEND_RATE: intVar("TELEGRAM_SEND_RATE", 1, 100_000, 30),
    TELEGRAM_CHAT_SEND_RATE: intVar("TELEGRAM_CHAT_SEND_RATE", 1, 100_000, 1),
    TELEGRAM_GROUP_SEND_RATE: intVar("TELEGRAM_GROUP_SEND_RATE", 1, 100_000, 20),
    TELEGRAM_SEND_RETRIES: intVar("TELEGRAM_SEND_RETRIES", 0, 10, 4),
    TELEGRAM_CALL_TIMEOUT_SECONDS: intVar("TELEGRAM_CALL_TIMEOUT_SECONDS", 1, 300, 15),
    STARTUP_RETRY_SECONDS: intVar("STARTUP_RETRY_SECONDS", 0, 86_400, 0),
    SHUTDOWN_TIMEOUT_SECONDS: intVar("SHUTDOWN_TIMEOUT_SECONDS", 1, 9, 8),
    WEBHOOK_MAX_BODY_BYTES: intVar("WEBHOOK_MAX_BODY_BYTES", 1024, 10_000_000, 262_144),
    WEBHOOK_MAX_CONNECTIONS: intVar("WEBHOOK_MAX_CONNECTIONS", 1, 100, 40),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL)
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_URL"],
        message: "WEBHOOK_URL is required when BOT_MODE=webhook",
      });
    if (!env.WEBHOOK_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message: "WEBHOOK_SECRET is required when BOT_MODE=webhook",
      });
  });

/** Thrown by {@link loadBotConfig}; `problems` has one line per invalid variable. */
export class BotConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid bot configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "BotConfigError";
  }
}

/**
 * Validates the bot's environment. With the default `process.env`, a `.env` file in the working
 * directory is read first (it never overrides variables already set).
 */
export function loadBotConfig(env: Record<string, string | undefined> = process.env): BotConfig {
  if (env === process.env) loadDotenv({ quiet: true });
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      // zod's own messages for a missing variable say "expected string, received undefined".
      return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
    });
    throw new BotConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  const ids = e.ALLOWED_CHAT_IDS?.split(",")
    .map((x) => x.trim())
    .filter(Boolean)
    .map(Number);
  return {
    token: e.TELEGRAM_BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT,
    mode: e.BOT_MODE,
    webhookUrl: e.WEBHOOK_URL ?? null,
    webhookSecret: e.WEBHOOK_SECRET ?? null,
    port: e.PORT,
    host: e.HOST,
    allowedChatIds: ids && ids.length > 0 ? new Set(ids) : null,
    logLevel: e.LOG_LEVEL,
    rateLimit: { max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    redisUrl: e.REDIS_URL ?? null,
    dedupWindowMs: e.DEDUP_WINDOW_SECONDS * 1000,
    sendLimits: {
      global: { limit: e.TELEGRAM_SEND_RATE, windowMs: 1000 },
      chat: { limit: e.TELEGRAM_CHAT_SEND_RATE, windowMs: 1000 },
      group: { limit: e.TELEGRAM_GROUP_SEND_RATE, windowMs: 60_000 },
    },
    sendRetries: e.TELEGRAM_SEND_RETRIES,
    callTimeoutMs: e.TELEGRAM_CALL_TIMEOUT_SECONDS * 1000,
    startupRetryMs: e.STARTUP_RETRY_SECONDS * 1000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    webhookMaxBodyBytes: e.WEBHOOK_MAX_BODY_BYTES,
    webhookMaxConnections: e.WEBHOOK_MAX_CONNECTIONS,
  };
}
