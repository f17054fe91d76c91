/**
 * Who may call the API and how often: optional API keys (`Authorization: Bearer …`), a Host check
 * that keeps a key-less localhost server from being reached through DNS rebinding, and a per-client
 * fixed-window rate limit counted in the {@link StateStore} (so instances sharing a store share it).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { StateStore } from "../state/index.js";
import type { ApiError } from "./schemas.js";

/** The caller as the guard identified it. */
export interface Client {
  /** `key:<hash prefix>` for an API key, `ip:<address>` otherwise: what is rate-limited and logged. */
  id: string;
  /** Namespace of the caller's sessions: the key's id with keys, empty without. */
  scope: string;
}

/** Hono variables set by the guard. */
export interface GuardEnv {
  Variables: { client: Client };
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** An error body as the API returns it. */
export function apiError(c: Context, status: 400 | 401 | 403 | 404 | 413 | 429 | 500, body: ApiError) {
  return c.json(body, status);
}

/** The address the request came from (the socket's peer); "local" when there is no socket (tests). */
export function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}

/** Host names a key-less server answers to: loopback only. */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/**
 * Identifies the caller. With keys, a request without a valid `Authorization: Bearer <key>` gets
 * 401. Without keys the server listens on loopback only, and a request naming another Host (a page
 * on some web site reaching 127.0.0.1 through DNS rebinding) gets 403.
 */
export function authenticate(apiKeys: readonly string[]): MiddlewareHandler<GuardEnv> {
  const keys = apiKeys.map((k) => ({ hash: digest(k), id: `key:${digest(k).toString("hex").slice(0, 12)}` }));
  return async (c, next) => {
    if (keys.length === 0) {
      const host = c.req.header("host") ?? new URL(c.req.url).host;
      if (!LOCAL_HOST.test(host)) {
        return apiError(c, 403, {
          error: "forbidden",
          message: `this server has no API keys and answers only requests to localhost, not to ${host}`,
        });
      }
      c.set("client", { id: `ip:${peerAddress(c)}`, scope: "" });
      return next();
    }
    const auth = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    const given = m?.[1] ? digest(m[1]) : null;
    const key = given ? keys.find((k) => timingSafeEqual(k.hash, given)) : undefined;
    if (!key) {
      c.header("WWW-Authenticate", 'Bearer realm="policy-bot"');
      return apiError(c, 401, {
        error: "unauthorized",
        message: auth ? "the API key is not valid" : "send an API key: Authorization: Bearer <key>",
      });
    }
    c.set("client", { id: key.id, scope: key.id });
    return next();
  };
}

/** Allows `perMinute` requests per client per minute (0 switches the limit off); 429 beyond, with Retry-After. */
export function rateLimit(store: StateStore, perMinute: number): MiddlewareHandler<GuardEnv> {
  const windowMs = 60_000;
  return async (c, next) => {
    if (perMinute <= 0) return next();
    const count = await store.hit(`rate:http:${c.get("client").id}`, windowMs);
    if (count > perMinute) {
      c.header("Retry-After", String(Math.ceil((windowMs - (Date.now() % windowMs)) / 1000)));
      return apiError(c, 429, {
        error: "rate_limited",
        message: `more than ${perMinute} requests in a minute; try again shortly`,
      });
    }
    return next();
  };
}
