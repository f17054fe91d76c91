/**
 * A local Telegram Bot API server for offline tests and benchmarks: node:http on 127.0.0.1 and a
 * random port, with Telegram's behaviours where the bot's robustness depends on them.
 *
 * - getUpdates long-polls, returns at most 100 updates, and forgets every update below `offset` (the
 *   bot's way of acknowledging); a second concurrent getUpdates ends the first with 409, and
 *   getUpdates while a webhook is set is a 409 too.
 * - Webhook delivery (setWebhook): updates are POSTed with the secret token, at most
 *   `max_connections` at once and one per chat until it is acknowledged (a 2xx), so each chat's
 *   order holds; anything else (an error status, a refused or dropped connection, a timeout) is
 *   delivered again after a pause. Tests may point delivery at several local URLs, round-robin, as a
 *   load balancer in front of several instances would.
 * - Flood control: past a per-chat, per-group or global rate, a send gets 429 with
 *   `parameters.retry_after` and the chat is blocked until then.
 * - Faults on demand: error statuses (JSON, or a proxy's HTML page for 502), dropped connections
 *   (before or after the call took effect), slow replies.
 * - sendMessage/editMessageText check HTML the way Telegram's parser does and the 4096-character
 *   limit; callback_data must fit 64 bytes; a callback query can be answered once.
 *
 * `timeScale` runs its clock faster: flood windows, retry_after blocks and webhook pauses last
 * `timeScale` times their nominal length (the bot's send queue takes the same factor), so a test can
 * stand in for a 30 s retry_after without waiting 30 s. Every call is recorded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A Bot API payload or result: free-form JSON. */
// biome-ignore lint/suspicious/noExplicitAny: payloads are free-form JSON
export type Json = any;

/** One recorded API call. */
export interface ApiCall {
  method: string;
  payload: Json;
  /** ms since the server started. */
  at: number;
  /** Whether the server answered ok. */
  ok?: boolean;
  /** The error code when it did not. */
  status?: number;
  /** The result the server returned. */
  result?: Json;
  /** The connection was dropped instead of answered. */
  dropped?: boolean;
}

/** An injected failure of one call. */
export interface Failure {
  status: number;
  description: string;
  retryAfter?: number;
  /** Answer with an HTML page instead of JSON, as a proxy in front of the API does for 502. */
  html?: boolean;
}

/** A rate: at most `limit` sends in any `windowMs` (sliding). */
export interface FloodRate {
  limit: number;
  windowMs: number;
}

/** Flood control: the rates the server enforces, and the retry_after it answers past them. */
export interface FloodControl {
  /** Seconds a chat is blocked after going over (retry_after). */
  retryAfter: number;
  perChat?: FloodRate;
  /** Groups and supergroups (negative ids), on top of perChat. */
  perGroup?: FloodRate;
  global?: FloodRate;
}

/** One webhook delivery attempt. */
export interface WebhookAttempt {
  updateId: number;
  target: string;
  /** HTTP status, or 0 for a connection error or timeout. */
  status: number;
  at: number;
}

/** Options of {@link FakeBotApi}. */
export interface FakeBotApiOptions {
  token?: string;
  username?: string;
  id?: number;
  /** The stand-in's clock relative to real time (0.1: its 30 s last 3 s). Default 1. */
  timeScale?: number;
  /** The listen backlog (pending connections the kernel queues). Default 511, as Node's. */
  backlog?: number;
}

const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);

/** Telegram-like HTML check; returns the plain text or throws with Telegram's kind of message. */
export function parseTelegramHtml(html: string): string {
  const stack: string[] = [];
  let text = "";
  const re = /<(\/?)([a-zA-Z-]*)([^<>]*)>|&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);|[<>&]|[^<>&]+/g;
  for (const m of html.matchAll(re)) {
    const raw = m[0];
    if (raw.startsWith("<") && raw.length > 1) {
      const closing = m[1] === "/";
      const name = (m[2] ?? "").toLowerCase();
      if (!ALLOWED_TAGS.has(name))
        throw new Error(
          `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${m.index}`,
        );
      if (closing) {
        if (stack.pop() !== name)
          throw new Error(
            `Bad Request: can't parse entities: Unmatched end tag at byte offset ${m.index}, expected "</${stack.at(-1) ?? ""}>", found "</${name}>"`,
          );
      } else stack.push(name);
    } else if (raw.startsWith("&") && raw.length > 1) {
      const e = m[4] ?? "";
      const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
      if (e.startsWith("#x")) text += String.fromCodePoint(Number.parseInt(e.slice(2), 16));
      else if (e.startsWith("#")) text += String.fromCodePoint(Number(e.slice(1)));
      else if (named[e] !== undefined) text += named[e];
      else
        throw new Error(
          `Bad Request: can't parse entities: Unsupported entity "&${e};" at byte offset ${m.index}`,
        );
    } else if (raw === "<" || raw === ">" || raw === "&") {
      throw new Error(`Bad Request: can't parse entities: Unexpected "${raw}" at byte offset ${m.index}`);
    } else text += raw;
  }
  if (stack.length > 0)
    throw new Error(
      `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`,
    );
  return text;
}

/** Methods flood control applies to: what puts a message into a chat. */
const FLOODED = new Set(["sendMessage", "editMessageText"]);

/** The stand-in server. */
export class FakeBotApi {
  readonly token: string;
  readonly botUser: Json;
  readonly calls: ApiCall[] = [];
  readonly timeScale: number;
  private readonly backlog: number;
  /** Updates not yet confirmed by an offset (polling) or acknowledged (webhook). */
  private queue: Json[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private nextCallbackId = 1;
  private nextInlineId = 1;
  private waiters = new Set<() => void>();
  private failures: Array<{ method: string; failure: Failure }> = [];
  private drops: Array<{ method: string; when: "before" | "after" }> = [];
  private latency = new Map<string, number>();
  private chats = new Map<number, Json>();
  private messages = new Map<string, Json>();
  private answeredCallbacks = new Set<string>();
  private server: Server | null = null;
  private started = Date.now();
  private pendingPoll: ((value: Json) => void) | null = null;
  /** Highest offset the bot confirmed (every update below it is gone). */
  confirmedOffset = 0;
  /** How many times each update_id was handed out, by getUpdates or a webhook POST. */
  readonly deliveries = new Map<number, number>();
  /**
   * Whether getUpdates filters by allowed_updates, as Telegram does. Tests turn it off to feed the
   * bot update types it did not ask for (edits, channel posts).
   */
  honorAllowedUpdates = true;
  private allowedUpdates: string[] | undefined;
  /** Called on every recorded call (after its response is decided). */
  onCall: ((call: ApiCall) => void) | null = null;

  /** Flood control, off by default. */
  flood: FloodControl | null = null;
  /** 429s flood control answered. */
  floodRejections = 0;
  /** Which limit each 429 was for: a chat still blocked, or the chat, group or global rate. */
  readonly floodCauses = { blocked: 0, chat: 0, group: 0, global: 0 };
  private sendTimes = new Map<number, number[]>();
  private globalTimes: number[] = [];
  private blockedUntil = new Map<number, number>();

  /** The webhook set by the bot, if any. */
  webhook: { url: string; secret: string; maxConnections: number } | null = null;
  /** Where webhook updates actually go (local URLs, round-robin); the registered URL when null. */
  webhookTargets: string[] | null = null;
  /** How long a webhook POST may take before it counts as failed (nominal ms). */
  webhookTimeoutMs = 60_000;
  /** Pause before an update whose delivery failed is tried again (nominal ms). */
  webhookRetryMs = 1_000;
  readonly webhookAttempts: WebhookAttempt[] = [];
  private webhookInFlight = new Map<number, Json>();
  private webhookRetryAt = new Map<number, number>();
  private webhookTimer: NodeJS.Timeout | null = null;
  private nextTarget = 0;
  private webhookAborts = new Set<AbortController>();

  constructor(options: FakeBotApiOptions = {}) {
    this.token = options.token ?? "123456789:TEST-token_for_offline_tests";
    this.timeScale = options.timeScale ?? 1;
    this.backlog = options.backlog ?? 511;
    this.botUser = {
      id: options.id ?? Number(this.token.split(":")[0]),
      is_bot: true,
      first_name: "Policy Bot",
      username: options.username ?? "policy_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_guest_queries: false,
    };
  }

  /** Listens on 127.0.0.1 and a free port; returns the API root. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent)
          res.writeHead(500).end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }));
      });
    });
    await new Promise<void>((resolve) =>
      this.server?.listen({ port: 0, host: "127.0.0.1", backlog: this.backlog }, resolve),
    );
    return this.apiRoot;
  }

  get apiRoot(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("server not started");
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const w of this.waiters) w();
    this.waiters.clear();
    if (this.webhookTimer) clearTimeout(this.webhookTimer);
    this.webhookTimer = null;
    this.webhook = null;
    for (const a of this.webhookAborts) a.abort();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }

  /** A nominal duration on the stand-in's clock, in real ms. */
  private scaled(ms: number): number {
    return ms * this.timeScale;
  }

  // --- Injecting updates.

  /** Queues an update; returns its update_id. */
  inject(update: Json): number {
    const update_id = this.nextUpdateId++;
    const full = { update_id, ...update };
    const chat = full.message?.chat ?? full.callback_query?.message?.chat ?? full.channel_post?.chat;
    if (chat) this.chats.set(chat.id, chat);
    this.queue.push(full);
    for (const w of this.waiters) w();
    this.waiters.clear();
    this.pumpWebhook();
    return update_id;
  }

  user(id: number, language_code = "zh-hans", first_name = `User${id}`): Json {
    return { id, is_bot: false, first_name, language_code };
  }

  privateChat(id: number): Json {
    return { id, type: "private", first_name: `User${id}` };
  }

  groupChat(id: number): Json {
    return { id, type: "supergroup", title: `Group ${id}` };
  }

  /** A text message; `/command` at the start gets a bot_command entity, @mentions get mention entities. */
  message(options: { chat: Json; from?: Json; text?: string; extra?: Json }): Json {
    const message_id = this.nextMessageId++;
    const from = options.from ?? this.user(options.chat.id > 0 ? options.chat.id : 42);
    const msg: Json = { message_id, date: Math.floor(Date.now() / 1000), chat: options.chat, from };
    if (options.text !== undefined) {
      msg.text = options.text;
      const entities: Json[] = [];
      const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(options.text);
      if (cmd) entities.push({ type: "bot_command", offset: 0, length: cmd[0].length });
      for (const m of options.text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{5,32}/g))
        entities.push({ type: "mention", offset: m.index ?? 0, length: m[0].length });
      if (entities.length > 0) msg.entities = entities;
    }
    Object.assign(msg, options.extra ?? {});
    this.chats.set(options.chat.id, options.chat);
    this.messages.set(`${options.chat.id}:${message_id}`, msg);
    return msg;
  }

  /** Injects a text message in a private chat with user `chatId`. */
  send(chatId: number, text: string, from?: Json): number {
    return this.inject({ message: this.message({ chat: this.privateChat(chatId), text, from }) });
  }

  /** Injects a press of a button with `data` under the bot's message `message`. */
  press(message: Json, data: string, from?: Json): { updateId: number; callbackId: string } {
    const callbackId = String(this.nextCallbackId++);
    const updateId = this.inject({
      callback_query: {
        id: callbackId,
        from: from ?? this.user(message.chat.id > 0 ? message.chat.id : 42),
        message,
        chat_instance: `ci${message.chat.id}`,
        data,
      },
    });
    return { updateId, callbackId };
  }

  inline(query: string, from?: Json): { updateId: number; inlineId: string } {
    const inlineId = String(this.nextInlineId++);
    const updateId = this.inject({
      inline_query: { id: inlineId, from: from ?? this.user(7), query, offset: "" },
    });
    return { updateId, inlineId };
  }

  // --- Faults.

  /** The next `times` calls of `method` fail with the given status. */
  failNext(method: string, failure: Failure, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ method, failure });
  }

  /**
   * The next `times` calls of `method` lose their connection: "before" the call takes effect (the
   * request is lost) or "after" (it took effect; only the answer is lost).
   */
  dropNext(method: string, times = 1, when: "before" | "after" = "before"): void {
    for (let i = 0; i < times; i++) this.drops.push({ method, when });
  }

  /** Every call of `method` is answered `ms` late (0 removes the delay). */
  slow(method: string, ms: number): void {
    if (ms > 0) this.latency.set(method, ms);
    else this.latency.delete(method);
  }

  // --- Inspection.

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot sent (ok sendMessage calls), optionally to one chat. */
  sentTo(chatId?: number): Json[] {
    return this.calls
      .filter(
        (c) => c.method === "sendMessage" && c.ok && (chatId === undefined || c.payload.chat_id === chatId),
      )
      .map((c) => c.payload);
  }

  /** The message objects the server returned for the bot's sendMessage calls to a chat, in order. */
  botMessages(chatId: number): Json[] {
    return this.calls
      .filter((c) => c.method === "sendMessage" && c.ok && c.payload.chat_id === chatId)
      .map((c) => c.result);
  }

  /** Updates not yet confirmed or acknowledged. */
  get unacknowledged(): number {
    return this.queue.length;
  }

  async waitFor<T>(
    probe: () => T | undefined | false | null,
    timeoutMs = 10_000,
    what = "condition",
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits until no update is pending and nothing new was called for `quietMs`. */
  async settle(quietMs = 150, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let count = -1;
    let since = Date.now();
    for (;;) {
      const pending =
        this.webhookInFlight.size > 0 ||
        (this.webhook
          ? this.queue.length > 0
          : this.queue.some(
              (u) =>
                u.update_id >= this.confirmedOffset &&
                !this.deliveries.has(u.update_id) &&
                this.deliverable(u),
            ));
      if (this.calls.length !== count || pending) {
        count = this.calls.length;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) return;
      if (Date.now() > deadline) throw new Error("timed out waiting for the bot to settle");
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  // --- HTTP.

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? "").split("?")[0] ?? "");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = (status: number, body: Json) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (!m) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    if (m[1] !== this.token) return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = m[2] ?? "";
    const body = Buffer.concat(chunks).toString("utf8");
    let payload: Json = {};
    if (body) {
      try {
        payload = JSON.parse(body);
      } catch {
        return reply(400, { ok: false, error_code: 400, description: "Bad Request: invalid JSON" });
      }
    }
    const call: ApiCall = { method, payload, at: Date.now() - this.started };
    this.calls.push(call);
    const finish = (status: number, body: Json) => {
      call.ok = body.ok === true;
      if (!call.ok) call.status = status;
      call.result = body.result;
      this.onCall?.(call);
      reply(status, body);
    };

    const delay = this.latency.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));

    const di = this.drops.findIndex((d) => d.method === method);
    const drop = di >= 0 ? this.drops.splice(di, 1)[0] : undefined;
    if (drop?.when === "before") {
      call.ok = false;
      call.dropped = true;
      this.onCall?.(call);
      res.socket?.destroy();
      return;
    }

    const fi = this.failures.findIndex((f) => f.method === method);
    if (fi >= 0) {
      const failure: Failure = this.failures.splice(fi, 1)[0]?.failure ?? { status: 500, description: "" };
      if (failure.html) {
        call.ok = false;
        call.status = failure.status;
        this.onCall?.(call);
        res
          .writeHead(failure.status, { "content-type": "text/html" })
          .end(
            `<html><head><title>${failure.status} ${failure.description}</title></head><body><center><h1>${failure.status} ${failure.description}</h1></center><hr><center>nginx</center></body></html>`,
          );
        return;
      }
      return finish(failure.status, {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
      });
    }

    const flooded = FLOODED.has(method) ? this.floodCheck(Number(payload.chat_id)) : null;
    if (flooded !== null) {
      this.floodRejections++;
      return finish(429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${flooded}`,
        parameters: { retry_after: flooded },
      });
    }

    try {
      const result = await this.dispatch(method, payload, res);
      if (result === ABORTED) return;
      if (drop?.when === "after") {
        call.ok = true;
        call.result = result;
        call.dropped = true;
        this.onCall?.(call);
        res.socket?.destroy();
        return;
      }
      finish(200, { ok: true, result });
    } catch (err) {
      const description = err instanceof Error ? err.message : String(err);
      const code = /^Not Found/.test(description) ? 404 : /^Conflict/.test(description) ? 409 : 400;
      finish(code, { ok: false, error_code: code, description });
    }
  }

  /** Null when a send to `chatId` may go now; else the retry_after (seconds) it is answered with. */
  private floodCheck(chatId: number): number | null {
    const flood = this.flood;
    if (!flood) return null;
    const now = Date.now();
    const blocked = this.blockedUntil.get(chatId) ?? 0;
    if (blocked > now) {
      this.floodCauses.blocked++;
      return Math.max(1, Math.ceil((blocked - now) / this.scaled(1000)));
    }
    const times = this.sendTimes.get(chatId) ?? [];
    const within = (list: number[], rate: FloodRate) =>
      list.filter((t) => t > now - this.scaled(rate.windowMs)).length;
    if (flood.global) {
      const windowMs = this.scaled(flood.global.windowMs);
      this.globalTimes = this.globalTimes.filter((t) => t > now - windowMs);
    }
    const cause =
      flood.perChat !== undefined && within(times, flood.perChat) >= flood.perChat.limit
        ? "chat"
        : flood.perGroup !== undefined && chatId < 0 && within(times, flood.perGroup) >= flood.perGroup.limit
          ? "group"
          : flood.global !== undefined && this.globalTimes.length >= flood.global.limit
            ? "global"
            : null;
    if (cause) {
      this.floodCauses[cause]++;
      this.blockedUntil.set(chatId, now + this.scaled(flood.retryAfter * 1000));
      return flood.retryAfter;
    }
    const keep = this.scaled(Math.max(flood.perChat?.windowMs ?? 0, flood.perGroup?.windowMs ?? 0));
    this.sendTimes.set(chatId, [...times.filter((t) => t > now - keep), now]);
    if (flood.global) this.globalTimes.push(now);
    return null;
  }

  private async dispatch(method: string, p: Json, res: ServerResponse): Promise<Json> {
    switch (method) {
      case "getMe":
        return this.botUser;
      case "getUpdates":
        return this.getUpdates(p, res);
      case "deleteWebhook":
        this.webhook = null;
        if (p.drop_pending_updates) this.queue = [];
        return true;
      case "setWebhook":
        this.webhook = {
          url: String(p.url ?? ""),
          secret: String(p.secret_token ?? ""),
          maxConnections: Number(p.max_connections ?? 40),
        };
        if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates;
        this.pumpWebhook();
        return true;
      case "getWebhookInfo":
        return { url: this.webhook?.url ?? "", pending_update_count: this.queue.length };
      case "sendChatAction":
        return true;
      case "setMyCommands": {
        const commands: Json[] = p.commands ?? [];
        if (commands.length > 100) throw new Error("Bad Request: too many commands");
        for (const c of commands) {
          if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw new Error("Bad Request: BOT_COMMAND_INVALID");
          if (!c.description || c.description.length > 256)
            throw new Error("Bad Request: command description is invalid");
        }
        return true;
      }
      case "sendMessage":
        return this.sendMessage(p);
      case "editMessageText":
        return this.editMessageText(p);
      case "answerCallbackQuery": {
        const id = String(p.callback_query_id);
        if (this.answeredCallbacks.has(id))
          throw new Error(
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
          );
        if (p.text && p.text.length > 200) throw new Error("Bad Request: MESSAGE_TOO_LONG");
        this.answeredCallbacks.add(id);
        return true;
      }
      case "answerInlineQuery": {
        const results: Json[] = p.results ?? [];
        if (results.length > 50) throw new Error("Bad Request: RESULTS_TOO_MUCH");
        const ids = new Set<string>();
        for (const r of results) {
          if (!r.id || Buffer.byteLength(r.id) > 64 || ids.has(r.id))
            throw new Error("Bad Request: RESULT_ID_INVALID");
          ids.add(r.id);
          if (!r.title) throw new Error("Bad Request: RESULT_TITLE_EMPTY");
          const content = r.input_message_content;
          this.checkText(content?.message_text, content?.parse_mode);
          this.checkMarkup(r.reply_markup);
        }
        return true;
      }
      default:
        throw new Error("Not Found: method not found");
    }
  }

  private getUpdates(p: Json, res: ServerResponse): Promise<Json> {
    if (this.webhook)
      throw new Error(
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    // Only one getUpdates at a time: a new one terminates the one waiting.
    this.pendingPoll?.(CONFLICT);
    const offset = Number(p.offset ?? 0);
    if (offset > this.confirmedOffset) {
      this.confirmedOffset = offset;
      this.queue = this.queue.filter((u) => u.update_id >= offset);
    }
    const limit = Math.max(1, Math.min(100, Number(p.limit ?? 100)));
    if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates;
    const take = () => this.queue.filter((u) => u.update_id >= offset && this.deliverable(u)).slice(0, limit);
    const now = take();
    const timeout = Number(p.timeout ?? 0);
    if (now.length > 0 || timeout <= 0) return Promise.resolve(this.deliver(now));
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (value: Json) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.waiters.delete(wake);
        if (this.pendingPoll === terminate) this.pendingPoll = null;
        if (value === CONFLICT)
          reject(
            new Error(
              "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            ),
          );
        else resolve(value === ABORTED ? ABORTED : this.deliver(value));
      };
      const terminate = (value: Json) => finish(value);
      this.pendingPoll = terminate;
      const wake = () => {
        // Let a burst of injections land in one batch.
        setImmediate(() => finish(take()));
      };
      const timer = setTimeout(() => finish(take()), timeout * 1000);
      this.waiters.add(wake);
      // The client gave up (aborted the long poll): nothing is delivered.
      res.once("close", () => finish(ABORTED));
    });
  }

  private deliverable(u: Json): boolean {
    const allowed = this.allowedUpdates;
    if (!this.honorAllowedUpdates || !allowed || allowed.length === 0) return true;
    return allowed.some((k) => k in u);
  }

  private deliver(updates: Json[]): Json {
    for (const u of updates) this.deliveries.set(u.update_id, (this.deliveries.get(u.update_id) ?? 0) + 1);
    return updates;
  }

  // --- Webhook delivery.

  /** The chat an update belongs to for ordering: its chat, else its sender. */
  private queueKey(u: Json): string {
    const chat = u.message?.chat?.id ?? u.callback_query?.message?.chat?.id ?? u.channel_post?.chat?.id;
    if (chat !== undefined) return `c${chat}`;
    const from = u.inline_query?.from?.id ?? u.callback_query?.from?.id;
    return from !== undefined ? `u${from}` : `x${u.update_id}`;
  }

  /** Starts every delivery the rules allow now, and schedules the next look. */
  private pumpWebhook(): void {
    const hook = this.webhook;
    if (!hook || !this.server) return;
    const targets = this.webhookTargets ?? [hook.url];
    if (targets.length === 0) return;
    const busy = new Set([...this.webhookInFlight.values()].map((u) => this.queueKey(u)));
    const seen = new Set<string>();
    const now = Date.now();
    let nextLook = Number.POSITIVE_INFINITY;
    for (const u of this.queue) {
      if (this.webhookInFlight.size >= hook.maxConnections) break;
      const key = this.queueKey(u);
      if (seen.has(key)) continue; // a later update of a chat waits for the earlier one
      seen.add(key);
      if (busy.has(key) || !this.deliverable(u)) continue;
      const retryAt = this.webhookRetryAt.get(u.update_id) ?? 0;
      if (retryAt > now) {
        nextLook = Math.min(nextLook, retryAt);
        continue;
      }
      const target = targets[this.nextTarget++ % targets.length] ?? hook.url;
      this.webhookInFlight.set(u.update_id, u);
      busy.add(key);
      void this.post(u, target, hook.secret);
    }
    if (this.webhookTimer) clearTimeout(this.webhookTimer);
    this.webhookTimer = null;
    if (Number.isFinite(nextLook))
      this.webhookTimer = setTimeout(() => this.pumpWebhook(), Math.max(5, nextLook - now));
  }

  private async post(u: Json, target: string, secret: string): Promise<void> {
    this.deliveries.set(u.update_id, (this.deliveries.get(u.update_id) ?? 0) + 1);
    const abort = new AbortController();
    this.webhookAborts.add(abort);
    const timer = setTimeout(() => abort.abort(), this.scaled(this.webhookTimeoutMs));
    let status = 0;
    try {
      const res = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify(u),
        signal: abort.signal,
      });
      status = res.status;
      await res.arrayBuffer().catch(() => {});
    } catch {
      status = 0;
    } finally {
      clearTimeout(timer);
      this.webhookAborts.delete(abort);
    }
    this.webhookAttempts.push({ updateId: u.update_id, target, status, at: Date.now() - this.started });
    this.webhookInFlight.delete(u.update_id);
    if (status >= 200 && status < 300) {
      this.queue = this.queue.filter((q) => q.update_id !== u.update_id);
      this.webhookRetryAt.delete(u.update_id);
    } else {
      this.webhookRetryAt.set(u.update_id, Date.now() + this.scaled(this.webhookRetryMs));
    }
    this.pumpWebhook();
  }

  // --- Checks Telegram makes.

  private checkText(text: unknown, parseMode: unknown): string {
    if (typeof text !== "string") throw new Error("Bad Request: message text is empty");
    const plain = parseMode === "HTML" ? parseTelegramHtml(text) : text;
    if (plain.trim().length === 0) throw new Error("Bad Request: message text is empty");
    if (plain.length > 4096) throw new Error("Bad Request: message is too long");
    return plain;
  }

  private checkMarkup(markup: Json): void {
    if (!markup) return;
    for (const row of markup.inline_keyboard ?? []) {
      if (row.length === 0) throw new Error("Bad Request: REPLY_MARKUP_INVALID (empty row)");
      for (const button of row) {
        if (!button.text) throw new Error("Bad Request: BUTTON_TEXT_EMPTY");
        if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64)
          throw new Error("Bad Request: BUTTON_DATA_INVALID");
        if (
          button.callback_data === undefined &&
          button.url === undefined &&
          button.switch_inline_query === undefined
        )
          throw new Error("Bad Request: BUTTON_TYPE_INVALID");
      }
    }
  }

  private sendMessage(p: Json): Json {
    const chat = this.chats.get(Number(p.chat_id));
    if (!chat) throw new Error("Bad Request: chat not found");
    const plain = this.checkText(p.text, p.parse_mode);
    this.checkMarkup(p.reply_markup);
    const message_id = this.nextMessageId++;
    const msg: Json = {
      message_id,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: this.botUser,
      text: plain,
      ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
    };
    this.messages.set(`${chat.id}:${message_id}`, msg);
    return msg;
  }

  private editMessageText(p: Json): Json {
    const key = `${p.chat_id}:${p.message_id}`;
    const msg = this.messages.get(key);
    if (!msg) throw new Error("Bad Request: message to edit not found");
    const plain = this.checkText(p.text, p.parse_mode);
    this.checkMarkup(p.reply_markup);
    if (msg.text === plain && JSON.stringify(msg.reply_markup) === JSON.stringify(p.reply_markup))
      throw new Error("Bad Request: message is not modified");
    const edited = { ...msg, text: plain, edit_date: Math.floor(Date.now() / 1000) };
    if (p.reply_markup) edited.reply_markup = p.reply_markup;
    else delete edited.reply_markup;
    this.messages.set(key, edited);
    return edited;
  }
}

const ABORTED = Symbol("aborted");
const CONFLICT = Symbol("conflict");
