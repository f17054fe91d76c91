/**
 * The DingTalk channel's settings from the environment (.env), validated with zod: the app's
 * credentials, where to register the Stream connection, and the robot's name as it appears after @.
 */
import { GATEWAY_URL } from "dingtalk-stream";
import { z } from "zod";

const blankAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The environment variables this channel reads. */
export const DingTalkEnv = z.object({
  /** The app's Client ID (formerly AppKey), from the developer console. */
  DINGTALK_CLIENT_ID: z.preprocess(blankAsUndefined, z.string().min(1)),
  /** The app's Client Secret (formerly AppSecret). Never logged. */
  DINGTALK_CLIENT_SECRET: z.preprocess(blankAsUndefined, z.string().min(1)),
  /** Where Stream connections are registered; the platform's by default, a local stand-in in tests. */
  DINGTALK_GATEWAY_URL: z.preprocess(blankAsUndefined, z.url().default(GATEWAY_URL)),
  /** The robot's display name, taken out of questions that still carry "@name". */
  DINGTALK_BOT_NAME: z.preprocess(blankAsUndefined, z.string().optional()),
  /** WebSocket ping interval (ms); a connection whose pong does not come back by the next ping is replaced. */
  DINGTALK_KEEPALIVE_MS: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1000).default(15_000)),
  LOG_LEVEL: z.preprocess(
    blankAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
});

/** The channel's settings. */
export interface DingTalkConfig {
  clientId: string;
  clientSecret: string;
  gatewayUrl: string;
  botName: string | null;
  keepAliveMs: number;
  logLevel: z.infer<typeof DingTalkEnv>["LOG_LEVEL"];
}

/** Whether the environment asks for the DingTalk bot (both credentials set). */
export function dingTalkConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.DINGTALK_CLIENT_ID?.trim() && env.DINGTALK_CLIENT_SECRET?.trim());
}

/** Reads and validates the settings; throws one error naming every bad variable. */
export function loadDingTalkConfig(env: Record<string, string | undefined> = process.env): DingTalkConfig {
  const parsed = DingTalkEnv.safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    throw new Error(`invalid DingTalk settings: ${names.join(", ")} (see .env.example)`);
  }
  const e = parsed.data;
  return {
    clientId: e.DINGTALK_CLIENT_ID,
    clientSecret: e.DINGTALK_CLIENT_SECRET,
    gatewayUrl: e.DINGTALK_GATEWAY_URL,
    botName: e.DINGTALK_BOT_NAME ?? null,
    keepAliveMs: e.DINGTALK_KEEPALIVE_MS,
    logLevel: e.LOG_LEVEL,
  };
}
