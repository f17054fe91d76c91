/**
 * The webhook endpoint. An update is acknowledged (200) only once it was handled — or found handled
 * already — so Telegram delivers again whatever an instance did not finish: a crash, a 500, a 503
 * while stopping. Because Telegram keeps one update per chat in flight until it is acknowledged,
 * answering after handling also keeps each chat's order across instances.
 *
 * Requests are checked before any work: the path (404), the method (405), the secret token (401),
 * the body's size (413) and JSON (400 — never a 500 for a client's mistake).
 *
 * The endpoint serves either on a port of its own (node:http, {@link startWebhookServer}) or mounted
 * on npm start's HTTP server (its `fetch`, a Web Request → Response handler).
 */
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { handleUpdate } from "./bot.js";
import { errorFields } from "./log-fields.js";
import type { UpdateGuard } from "./update-guard.js";

/** Options for {@link WebhookEndpoint}. */
export interface WebhookOptions {
  bot: Bot;
  guard: UpdateGuard;
  logger: Logger;
  /** For scrubbing logs. */
  token: string;
  /** The path updates are posted to (WEBHOOK_URL's). */
  path: string;
  secret: string;
  maxBodyBytes: number;
}

/** A request as the endpoint needs it, whichever server received it. */
interface WebhookRequest {
  method: string;
  path: string;
  secretHeader: string | null;
  /** Content-Length as declared, if any. */
  declaredLength: number | null;
  /** The body, failing with {@link BodyTooLarge} past `limit` bytes. */
  body(limit: number): Promise<Buffer>;
}

/** The endpoint's answer. */
interface WebhookReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

class BodyTooLarge extends Error {}

/** Compares the secret header in constant time. */
function sameSecret(header: string | null, secret: string): boolean {
  if (header === null) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isUpdate(value: unknown): value is Update {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const id = (value as { update_id?: unknown }).update_id;
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 0;
}

const reply = (status: number, body = "", headers: Record<string, string> = {}): WebhookReply => ({
  status,
  body,
  headers: { "content-type": "text/plain; charset=utf-8", ...headers },
});

/** The webhook's rules, independent of the server it is served by. */
export class WebhookEndpoint {
  private accepting = true;
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly stopping = new AbortController();

  constructor(private readonly o: WebhookOptions) {}

  /** The path it serves. */
  get path(): string {
    return this.o.path;
  }

  /** Updates being handled now. */
  inFlight(): number {
    return this.active;
  }

  /** Refuses new requests from now on (503: Telegram delivers them again). */
  stopAccepting(): void {
    this.accepting = false;
    this.stopping.abort();
  }

  /** Resolves once no update is being handled. */
  idle(): Promise<void> {
    return this.active === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Serves a Web Request (npm start's server mounts this at the webhook's path). */
  readonly fetch = async (request: Request): Promise<Response> => {
    const length = request.headers.get("content-length");
    const out = await this.handle({
      method: request.method,
      path: new URL(request.url).pathname,
      secretHeader: request.headers.get("x-telegram-bot-api-secret-token"),
      declaredLength: length === null ? null : Number(length),
      body: async (limit) => {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of request.body ?? []) {
          size += chunk.byteLength;
          if (size > limit) throw new BodyTooLarge();
          chunks.push(Buffer.from(chunk));
        }
        return Buffer.concat(chunks);
      },
    });
    return new Response(out.body, { status: out.status, headers: out.headers });
  };

  /** Serves a node:http request. */
  async serveNode(req: IncomingMessage): Promise<WebhookReply> {
    const secret = req.headers["x-telegram-bot-api-secret-token"];
    const length = req.headers["content-length"];
    return this.handle({
      method: req.method ?? "GET",
      path: (req.url ?? "/").split("?")[0] ?? "/",
      secretHeader: typeof secret === "string" ? secret : null,
      declaredLength: length === undefined ? null : Number(length),
      body: (limit) =>
        new Promise((resolve, reject) => {
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
        }),
    });
  }

  private async handle(req: WebhookRequest): Promise<WebhookReply> {
    const { logger, guard, bot } = this.o;
    if (!this.accepting) return reply(503, "shutting down", { connection: "close", "retry-after": "1" });
    if (req.path !== this.o.path) return reply(404, "not found");
    if (req.method !== "POST") return reply(405, "method not allowed", { allow: "POST" });
    if (!sameSecret(req.secretHeader, this.o.secret)) {
      logger.warn({ path: req.path }, "webhook request with a wrong secret token");
      return reply(401, "secret token is wrong");
    }
    let body: Buffer;
    try {
      if (req.declaredLength !== null && req.declaredLength > this.o.maxBodyBytes) throw new BodyTooLarge();
      body = await req.body(this.o.maxBodyBytes);
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err;
      logger.warn({ limit: this.o.maxBodyBytes }, "webhook request body too large");
      return reply(413, "body too large", { connection: "close" });
    }
    let update: unknown;
    try {
      update = JSON.parse(body.toString("utf8"));
    } catch {
      logger.warn({ bytes: body.length }, "webhook request is not JSON");
      return reply(400, "invalid JSON");
    }
    if (!isUpdate(update)) return reply(400, "not an update");
    this.active++;
    try {
      const outcome = await guard.run(
        update.update_id,
        () => handleUpdate(bot, update),
        this.stopping.signal,
      );
      if (outcome === "busy") {
        // Another instance holds it: not acknowledged, so Telegram tries again later.
        logger.info(
          { update_id: update.update_id },
          "update busy elsewhere: asking Telegram to deliver it again",
        );
        return reply(503, "busy", { "retry-after": "1" });
      }
      if (outcome === "duplicate")
        logger.info({ update_id: update.update_id }, "duplicate delivery acknowledged");
      return reply(200);
    } catch (err) {
      logger.error(
        { update_id: update.update_id, err: errorFields(err, this.o.token) },
        "update not handled: answering 500 so Telegram delivers it again",
      );
      return reply(500, "not handled");
    } finally {
      this.active--;
      if (this.active === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }
}

/** A webhook endpoint on a port of its own. */
export interface WebhookServer {
  readonly port: number;
  /** Stops accepting connections (the endpoint answers 503 on those still open). */
  stopAccepting(): void;
  /** Closes every connection and the server. */
  close(): Promise<void>;
}

/** Serves `endpoint` with node:http on `port` and `host`; resolves once it listens. */
export async function startWebhookServer(
  endpoint: WebhookEndpoint,
  port: number,
  host: string,
  logger: Logger,
  token: string,
): Promise<WebhookServer> {
  const server: Server = createServer((req, res) => {
    endpoint.serveNode(req).then(
      (out) => {
        if (!res.headersSent && !res.destroyed) res.writeHead(out.status, out.headers).end(out.body);
      },
      (err: unknown) => {
        logger.error({ err: errorFields(err, token) }, "webhook request failed");
        if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
  return {
    port: typeof address === "object" && address ? address.port : port,
    stopAccepting() {
      server.close();
      server.closeIdleConnections();
    },
    async close() {
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
