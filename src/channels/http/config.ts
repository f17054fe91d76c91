/**
 * The HTTP server's settings from the environment, validated: HOST, PORT, API_KEYS, HTTP_RATE_LIMIT,
 * HTTP_BODY_LIMIT, PUBLIC_URL. A bad value stops start-up with a message naming each bad variable.
 */
import { z } from "zod";
import { describeIssues } from "./app.js";

/** The server's settings. */
export interface HttpConfig {
  host: string;
  port: number;
  apiKeys: string[];
  ratePerMinute: number;
  bodyLimitBytes: number;
  publicUrl: string | undefined;
}

const int = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .transform((s) => (s === "" ? String(fallback) : s))
    .transform(Number)
    .pipe(
      z
        .number({ error: `${name} must be a number` })
        .int(`${name} must be a whole number`)
        .min(min, `${name} must be at least ${min}`)
        .max(max, `${name} must be at most ${max}`),
    );

const Env = z.object({
  HOST: z
    .string()
    .trim()
    .default("127.0.0.1")
    .transform((s) => s || "127.0.0.1"),
  PORT: int("PORT", 0, 65535, 3000),
  API_KEYS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(16, "each API key must be at least 16 characters"))),
  HTTP_RATE_LIMIT: int("HTTP_RATE_LIMIT", 0, 1_000_000, 120),
  HTTP_BODY_LIMIT: int("HTTP_BODY_LIMIT", 1024, 10 * 1024 * 1024, 16 * 1024),
  PUBLIC_URL: z.url({ error: "PUBLIC_URL must be a URL such as https://policy.example.gov.cn" }).optional(),
});

/** Reads the settings; throws one error naming every bad variable. */
export function loadHttpConfig(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const parsed = Env.safeParse({ ...env, PUBLIC_URL: env.PUBLIC_URL || undefined });
  if (!parsed.success) throw new Error(`bad configuration: ${describeIssues(parsed.error)}`);
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    apiKeys: e.API_KEYS,
    ratePerMinute: e.HTTP_RATE_LIMIT,
    bodyLimitBytes: e.HTTP_BODY_LIMIT,
    publicUrl: e.PUBLIC_URL,
  };
}

/** Whether `host` is a loopback address (only this machine can connect). */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * Why the server must not listen on `host`, or null when it may: without API keys anyone who can
 * reach the address could use the API and the MCP tools, so only loopback is allowed.
 */
export function bindRefusal(host: string, apiKeys: readonly string[]): string | null {
  if (apiKeys.length > 0 || isLoopback(host)) return null;
  return (
    `refusing to listen on ${host} without API keys: anyone who can reach this machine could use the API ` +
    "and the MCP tools. Set API_KEYS=<key1>,<key2> (clients then send `Authorization: Bearer <key>`), or " +
    "keep HOST=127.0.0.1 and put a reverse proxy with its own access control in front."
  );
}
