/**
 * The webhook server (node:http). An update is acknowledged (200) only once it was handled — or
 * found handled already — so Telegram delivers again whatever an instance did not finish: a crash,
 * a 500, a 503 while stopping. Because Telegram keeps one update per chat in flight until it is
 * acknowledged, answering after handling also keeps each chat's order across instances.
 *
 * Requests are checked before any work: the path (404), the method (405), the secret token (401),
 * the body's size (413) and JSON (400 — never a 500 for a client's mistake).
 */
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { handleUpdate } from "./bot.js";
import { errorFields } from "./log-fields.js";
import type { UpdateGuard } from "./update-guard.js";

/** Options for {@link startWebhookServer}. */
export interface WebhookServerOptions {
  bot: Bot;
  guard: UpdateGuard;
  logger: Logger;
  /** For scrubbing logs. */
  token: string;
  /** The path updates are posted to (WEBHOOK_URL's). */
  path: string;
  secret: string;
  port: number;
  host: string;
  maxBodyBytes: number;
}

/** A running webhook server. */
export interface WebhookServer {
  readonly port: number;
  /** Updates being handled now. */
  inFlight(): number;
  /** Refuses new requests (503: Telegram delivers them again) and stops accepting connections. */
  stopAccepting(): void;
  /** Resolves once no update is being handled. */
  idle(): Promise<void>;
  /** Closes every connection and the server. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

/** Reads a request body, failing with {@link BodyTooLarge} past `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Compares the secret header in constant time. */
function sameSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isUpdate(value: unknown): value is Update {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const id = (value as { update_id?: unknown }).update_id;
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 0;
}

/** Starts the server; resolves once it listens. */
export async function startWebhookServer(o: WebhookServerOptions): Promise<WebhookServer> {
  const { logger, guard, bot } = o;
  let accepting = true;
  let inFlight = 0;
  let idleWaiters: Array<() => void> = [];
  const stopping = new AbortController();

  const send = (res: ServerResponse, status: number, body = "", headers: Record<string, string> = {}) => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (!accepting) return send(res, 503, "shutting down", { connection: "close", "retry-after": "1" });
    if (path !== o.path) return send(res, 404, "not found");
    if (req.method !== "POST") return send(res, 405, "method not allowed", { allow: "POST" });
    if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], o.secret)) {
      logger.warn({ path }, "webhook request with a wrong secret token");
      return send(res, 401, "secret token is wrong");
    }
    let body: Buffer;
    try {
      body = await readBody(req, o.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        logger.warn({ limit: o.maxBodyBytes }, "webhook request body too large");
        return send(res, 413, "body too large", { connection: "close" });
      }
      throw err;
    }
    let update: unknown;
    try {
      update = JSON.parse(body.toString("utf8"));
    } catch {
      logger.warn({ bytes: body.length }, "webhook request is not JSON");
      return send(res, 400, "invalid JSON");
    }
    if (!isUpdate(update)) return send(res, 400, "not an update");
    inFlight++;
    try {
      const outcome = await guard.run(update.update_id, () => handleUpdate(bot, update), stopping.signal);
      if (outcome === "busy") {
        // Another instance holds it: not acknowledged, so Telegram tries again later.
        logger.info(
          { update_id: update.update_id },
          "update busy elsewhere: asking Telegram to deliver it again",
        );
        return send(res, 503, "busy", { "retry-after": "1" });
      }
      if (outcome === "duplicate")
        logger.info({ update_id: update.update_id }, "duplicate delivery acknowledged");
      send(res, 200);
    } catch (err) {
      logger.error(
        { update_id: update.update_id, err: errorFields(err, o.token) },
        "update not handled: answering 500 so Telegram delivers it again",
      );
      send(res, 500, "not handled");
    } finally {
      inFlight--;
      if (inFlight === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err: errorFields(err, o.token) }, "webhook request failed");
      send(res, 500);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : o.port;
  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));

  return {
    port,
    inFlight: () => inFlight,
    stopAccepting() {
      accepting = false;
      stopping.abort();
      server.close();
      server.closeIdleConnections();
    },
    idle: () =>
      inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    async close() {
      accepting = false;
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
