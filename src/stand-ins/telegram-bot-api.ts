/**
 * A local Telegram Bot API server for offline tests: node:http on 127.0.0.1 and a random port.
 *
 * It implements the methods the bot uses with Telegram's semantics where they matter: getUpdates
 * long-polls and confirms updates below `offset`; sendMessage/editMessageText check HTML the way
 * Telegram's parser does (allowed tags, balanced, entities escaped) and the 4096-character limit;
 * buttons' callback_data must fit 64 bytes; a callback query can be answered once. Every call is
 * recorded; tests inject updates and failures (429 with retry_after, 500, …).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// biome-ignore lint/suspicious/noExplicitAny: payloads are free-form JSON
export type Json = any;

export interface ApiCall {
  method: string;
  payload: Json;
  /** ms since the server started. */
  at: number;
  /** Whether the server answered ok. */
  ok?: boolean;
  /** The result the server returned. */
  result?: Json;
}

export interface Failure {
  status: number;
  description: string;
  retryAfter?: number;
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

export class FakeBotApi {
  readonly token: string;
  readonly botUser: Json;
  readonly calls: ApiCall[] = [];
  /** Updates not yet confirmed by an offset. */
  private queue: Json[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private nextCallbackId = 1;
  private nextInlineId = 1;
  private waiters = new Set<() => void>();
  private failures: Array<{ method: string; failure: Failure }> = [];
  private chats = new Map<number, Json>();
  private messages = new Map<string, Json>();
  private answeredCallbacks = new Set<string>();
  private server: Server | null = null;
  private started = Date.now();
  /** Highest offset the bot confirmed (every update below it is gone). */
  confirmedOffset = 0;
  /** How many times each update_id was handed out by getUpdates. */
  readonly deliveries = new Map<number, number>();
  /**
   * Whether getUpdates filters by allowed_updates, as Telegram does. Tests turn it off to feed the
   * bot update types it did not ask for (edits, channel posts).
   */
  honorAllowedUpdates = true;
  private allowedUpdates: string[] | undefined;
  /** Called on every recorded call (after its response is decided). */
  onCall: ((call: ApiCall) => void) | null = null;

  constructor(options: { token?: string; username?: string; id?: number } = {}) {
    this.token = options.token ?? "123456789:TEST-token_for_offline_tests";
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

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent)
          res.writeHead(500).end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
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
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
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

  // --- Failures.

  /** The next `times` calls of `method` fail with the given status. */
  failNext(method: string, failure: Failure, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ method, failure });
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
      const pending = this.queue.some(
        (u) =>
          u.update_id >= this.confirmedOffset && !this.deliveries.has(u.update_id) && this.deliverable(u),
      );
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
      call.result = body.result;
      this.onCall?.(call);
      reply(status, body);
    };

    const fi = this.failures.findIndex((f) => f.method === method);
    if (fi >= 0) {
      const failure: Failure = this.failures.splice(fi, 1)[0]?.failure ?? { status: 500, description: "" };
      return finish(failure.status, {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
      });
    }

    try {
      const result = await this.dispatch(method, payload, res);
      if (result === ABORTED) return;
      finish(200, { ok: true, result });
    } catch (err) {
      const description = err instanceof Error ? err.message : String(err);
      const code = /^Not Found/.test(description) ? 404 : 400;
      finish(code, { ok: false, error_code: code, description });
    }
  }

  private async dispatch(method: string, p: Json, res: ServerResponse): Promise<Json> {
    switch (method) {
      case "getMe":
        return this.botUser;
      case "getUpdates":
        return this.getUpdates(p, res);
      case "deleteWebhook":
      case "setWebhook":
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
    return new Promise((resolve) => {
      let done = false;
      const finish = (value: Json) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(value);
      };
      const wake = () => {
        // Let a burst of injections land in one batch.
        setImmediate(() => finish(this.deliver(take())));
      };
      const timer = setTimeout(() => finish(this.deliver(take())), timeout * 1000);
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
