/**
 * A local stand-in of DingTalk's Stream mode and robot reply webhook on 127.0.0.1, for end-to-end
 * tests and offline runs. It speaks the protocol the official SDK (dingtalk-stream) speaks:
 *
 * - `POST /v1.0/gateway/connections/open` with clientId/clientSecret/subscriptions returns
 *   `{endpoint, ticket}` (401 for wrong credentials; injectable 5xx failures);
 * - a WebSocket on `endpoint?ticket=…` (single-use, short-lived tickets; 401 otherwise), written here
 *   over node:http's upgrade (RFC 6455 frames: text, ping/pong, close) so no dependency is needed;
 * - SYSTEM `ping` frames every `pingIntervalMs` that the client must echo with code 200, WebSocket
 *   ping → pong (unless silenced, to play a half-open connection), SYSTEM `disconnect` before a
 *   graceful close, and an abrupt drop;
 * - robot messages as CALLBACK frames on topic `/v1.0/im/bot/messages/get`; each must be ACKed with a
 *   `code: 200` frame carrying its messageId, else it is delivered again after `ackTimeoutMs` (up to
 *   `maxDeliveries`), also over a new connection; messages sent while no client is connected wait;
 * - the session webhook each message carries (`POST /robot/sendBySession?session=…`): text, markdown
 *   and actionCard bodies, `{errcode, errmsg}` answers, the real limits (20 messages a minute per
 *   conversation → errcode 130101, 20,000-byte bodies → 460101, expiry → 300001) and injectable
 *   faults (429 with Retry-After, 5xx, throttling, a hung request, a reset connection).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/** The robot message callback topic. */
export const ROBOT_TOPIC = "/v1.0/im/bot/messages/get";

/** Options for {@link DingTalkStandIn.start}. */
export interface DingTalkStandInOptions {
  clientId?: string;
  clientSecret?: string;
  /** SYSTEM ping frames this often (ms); 0 for none. Default 10,000. */
  pingIntervalMs?: number;
  /** An unacknowledged callback is delivered again after this long (ms). Default 60,000 (the platform's). */
  ackTimeoutMs?: number;
  /** Deliveries of one message at most (the first included). Default 4. */
  maxDeliveries?: number;
  /** How long a message's session webhook stays valid (ms). Default 90 minutes. */
  webhookTtlMs?: number;
  /** Messages a conversation's webhook accepts per minute. Default 20. */
  ratePerMinute?: number;
  /** A ticket must be used within this long (ms). Default 30,000. */
  ticketTtlMs?: number;
  /** After a SYSTEM disconnect the socket is closed this much later (ms). Default 200. */
  disconnectGraceMs?: number;
}

/** A message as a user sends it. */
export interface UserMessage {
  text: string;
  /** "1" a one-to-one chat, "2" a group. Default "1". */
  conversationType?: "1" | "2";
  conversationId?: string;
  /** The user's staff id. Default "staff-1". */
  sender?: string;
  senderNick?: string;
  /** In a group: whether the robot is @-mentioned. Default true. */
  atBot?: boolean;
  /** Another msgtype than text (picture, audio …), to test what the bot does with it. */
  msgtype?: string;
  /** The platform's message id; a fresh one by default. */
  msgId?: string;
  /** This message's session webhook lifetime (ms), instead of the stand-in's. */
  webhookTtlMs?: number;
}

/** A reply the webhook accepted. */
export interface AcceptedReply {
  conversationId: string;
  msgtype: string;
  /** The text (text), or the markdown/actionCard body. */
  text: string;
  title: string | null;
  body: Record<string, unknown>;
}

/** A fault the webhook plays for the next request instead of its normal answer. */
export type WebhookFault = "429" | "500" | "503" | "throttled" | "hang" | "reset";

interface Delivery {
  messageId: string;
  frame: string;
  deliveries: number;
  acked: boolean;
  timer: NodeJS.Timeout | null;
}

interface Connection {
  socket: Duplex;
  id: string;
  buffer: Buffer;
  fragments: Buffer[];
  closed: boolean;
}

const WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** Encodes one unmasked server frame. */
function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x80 | opcode, len])
      : len < 65536
        ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(len)]);
  return Buffer.concat([head, payload]);
}

function bigLength(len: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(len));
  return b;
}

/** The local DingTalk: gateway, Stream WebSocket and reply webhook on one 127.0.0.1 port. */
export class DingTalkStandIn {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Gateway calls, successful or not. */
  gatewayCalls = 0;
  /** WebSocket connections accepted so far. */
  connectionsOpened = 0;
  /** SYSTEM pings the client answered. */
  pingsAnswered = 0;
  /** Replies the webhook accepted, in order. */
  readonly replies: AcceptedReply[] = [];
  /** Every webhook request with the answer it got (HTTP status and errcode, or the fault). */
  readonly webhookLog: Array<{
    conversationId: string;
    status: number;
    errcode: number | null;
    fault?: string;
  }> = [];
  /** Every callback frame sent (message id), including redeliveries. */
  readonly deliveries: string[] = [];
  /** Message ids acknowledged. */
  readonly acked = new Set<string>();
  private readonly server: Server;
  private readonly options: Required<Omit<DingTalkStandInOptions, "clientId" | "clientSecret">>;
  private readonly tickets = new Map<string, number>();
  private readonly sessions = new Map<string, { conversationId: string; expires: number }>();
  private readonly sent = new Map<string, number[]>();
  private readonly pending = new Map<string, Delivery>();
  private readonly queue: Delivery[] = [];
  private readonly faults: WebhookFault[] = [];
  private readonly gatewayFaults: number[] = [];
  private readonly pingTimers = new Set<NodeJS.Timeout>();
  private readonly hung = new Set<ServerResponse>();
  private conn: Connection | null = null;
  private silent = false;
  private port = 0;

  private constructor(options: DingTalkStandInOptions) {
    this.clientId = options.clientId ?? "ding-stand-in-client";
    this.clientSecret = options.clientSecret ?? "stand-in-secret";
    this.options = {
      pingIntervalMs: options.pingIntervalMs ?? 10_000,
      ackTimeoutMs: options.ackTimeoutMs ?? 60_000,
      maxDeliveries: options.maxDeliveries ?? 4,
      webhookTtlMs: options.webhookTtlMs ?? 90 * 60 * 1000,
      ratePerMinute: options.ratePerMinute ?? 20,
      ticketTtlMs: options.ticketTtlMs ?? 30_000,
      disconnectGraceMs: options.disconnectGraceMs ?? 200,
    };
    this.server = createServer((req, res) => {
      this.route(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    this.server.on("upgrade", (req, socket) => this.upgrade(req, socket));
  }

  /** Starts the stand-in on a free port of 127.0.0.1. */
  static async start(options: DingTalkStandInOptions = {}): Promise<DingTalkStandIn> {
    const s = new DingTalkStandIn(options);
    await new Promise<void>((resolve) => s.server.listen(0, "127.0.0.1", resolve));
    const address = s.server.address();
    s.port = typeof address === "object" && address ? address.port : 0;
    return s;
  }

  /** Where the SDK registers a connection (DINGTALK_GATEWAY_URL). */
  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.port}/v1.0/gateway/connections/open`;
  }

  /** Whether a client is connected now. */
  get connected(): boolean {
    return this.conn !== null && !this.conn.closed;
  }

  // --- The gateway and the webhook.

  private async route(req: IncomingMessage, res: ServerResponse): Promise<null> {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${this.port}`);
    const body = await readBody(req);
    if (req.method === "POST" && url.pathname === "/v1.0/gateway/connections/open")
      return this.open(body, res);
    if (req.method === "POST" && url.pathname === "/robot/sendBySession")
      return this.webhook(url.searchParams.get("session") ?? "", body, res);
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ code: "NotFound" }));
    return null;
  }

  private open(body: Buffer, res: ServerResponse): null {
    this.gatewayCalls++;
    const json = (status: number, value: unknown): null => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      return null;
    };
    const fault = this.gatewayFaults.shift();
    if (fault) return json(fault, { code: "ServiceUnavailable", message: "stand-in gateway fault" });
    let request: {
      clientId?: string;
      clientSecret?: string;
      subscriptions?: Array<{ type: string; topic: string }>;
    };
    try {
      request = JSON.parse(body.toString("utf8"));
    } catch {
      return json(400, { code: "InvalidParameter", message: "body is not JSON" });
    }
    if (request.clientId !== this.clientId || request.clientSecret !== this.clientSecret)
      return json(401, { code: "InvalidAuthentication", message: "clientId or clientSecret is wrong" });
    if (!request.subscriptions?.some((s) => s.type === "CALLBACK" && s.topic === ROBOT_TOPIC))
      return json(400, { code: "InvalidParameter", message: "no subscription to robot messages" });
    const ticket = randomUUID();
    this.tickets.set(ticket, Date.now() + this.options.ticketTtlMs);
    return json(200, { endpoint: `ws://127.0.0.1:${this.port}/connect`, ticket });
  }

  private webhook(session: string, body: Buffer, res: ServerResponse): null {
    const target = this.sessions.get(session);
    const conversationId = target?.conversationId ?? "";
    const answer = (
      status: number,
      errcode: number,
      errmsg: string,
      headers: Record<string, string> = {},
    ): null => {
      this.webhookLog.push({ conversationId, status, errcode: status === 200 ? errcode : null });
      res
        .writeHead(status, { "content-type": "application/json", ...headers })
        .end(JSON.stringify({ errcode, errmsg }));
      return null;
    };
    const fault = this.faults.shift();
    if (fault) {
      if (fault === "hang") {
        this.webhookLog.push({ conversationId, status: 0, errcode: null, fault });
        this.hung.add(res);
        return null;
      }
      if (fault === "reset") {
        this.webhookLog.push({ conversationId, status: 0, errcode: null, fault });
        res.socket?.destroy();
        return null;
      }
      if (fault === "429") return answer(429, 0, "Too Many Requests", { "retry-after": "1" });
      if (fault === "throttled") return answer(200, 130101, "send too fast, exceed 20 times per minute");
      return answer(Number(fault), -1, "stand-in server error");
    }
    if (!target) return answer(200, 300001, "session webhook does not exist");
    if (Date.now() > target.expires) return answer(200, 300001, "session webhook expired");
    if (body.length > 20_000) return answer(200, 460101, "body size must be within 20000 bytes");
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(body.toString("utf8"));
    } catch {
      return answer(200, 40035, "body is not JSON");
    }
    const reply = readReply(conversationId, message);
    if (!reply) return answer(200, 40035, "invalid msgtype or missing content");
    const now = Date.now();
    const recent = (this.sent.get(conversationId) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.options.ratePerMinute) {
      this.sent.set(conversationId, recent);
      return answer(200, 130101, "send too fast, exceed 20 times per minute");
    }
    recent.push(now);
    this.sent.set(conversationId, recent);
    this.replies.push(reply);
    return answer(200, 0, "ok");
  }

  // --- The Stream WebSocket.

  private upgrade(req: IncomingMessage, socket: Duplex): void {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${this.port}`);
    const ticket = url.searchParams.get("ticket") ?? "";
    const expires = this.tickets.get(ticket);
    this.tickets.delete(ticket); // single use
    const key = req.headers["sec-websocket-key"];
    if (url.pathname !== "/connect" || !expires || expires < Date.now() || typeof key !== "string") {
      socket.end("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    const accept = createHash("sha1")
      .update(key + WS_GUID)
      .digest("base64");
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    // One connection per app here: a new one replaces the old (the platform balances across several).
    const previous = this.conn;
    const conn: Connection = {
      socket,
      id: randomUUID(),
      buffer: Buffer.alloc(0),
      fragments: [],
      closed: false,
    };
    this.conn = conn;
    this.connectionsOpened++;
    if (previous && !previous.closed) this.closeConnection(previous, 1000);
    socket.on("data", (chunk: Buffer) => this.onData(conn, chunk));
    const gone = () => this.forget(conn);
    socket.on("close", gone);
    socket.on("error", gone);
    if (this.options.pingIntervalMs > 0) {
      const timer = setInterval(() => {
        if (conn.closed) return clearInterval(timer);
        this.sendSystem(conn, "ping", { opaque: randomUUID() });
      }, this.options.pingIntervalMs);
      timer.unref();
      this.pingTimers.add(timer);
      socket.on("close", () => {
        clearInterval(timer);
        this.pingTimers.delete(timer);
      });
    }
    // Redeliver what is waiting: queued while nobody was connected.
    for (const d of this.queue.splice(0)) this.deliver(d);
  }

  private forget(conn: Connection): void {
    conn.closed = true;
    if (this.conn === conn) this.conn = null;
  }

  private onData(conn: Connection, chunk: Buffer): void {
    conn.buffer = Buffer.concat([conn.buffer, chunk]);
    for (;;) {
      const b = conn.buffer;
      if (b.length < 2) return;
      const fin = (b[0] ?? 0) & 0x80;
      const opcode = (b[0] ?? 0) & 0x0f;
      const masked = (b[1] ?? 0) & 0x80;
      let len = (b[1] ?? 0) & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (b.length < 4) return;
        len = b.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (b.length < 10) return;
        len = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      const maskAt = offset;
      if (masked) offset += 4;
      if (b.length < offset + len) return;
      const payload = Buffer.from(b.subarray(offset, offset + len));
      if (masked) for (let i = 0; i < len; i++) payload[i] = (payload[i] ?? 0) ^ (b[maskAt + (i % 4)] ?? 0);
      conn.buffer = b.subarray(offset + len);
      this.onFrame(conn, fin !== 0, opcode, payload);
    }
  }

  private onFrame(conn: Connection, fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode === 0x8) {
      this.closeConnection(conn, 1000);
      return;
    }
    if (opcode === 0x9) {
      if (!this.silent) conn.socket.write(encodeFrame(0xa, payload));
      return;
    }
    if (opcode === 0xa) return;
    if (opcode === 0x1 || opcode === 0x0) {
      conn.fragments.push(payload);
      if (!fin) return;
      const text = Buffer.concat(conn.fragments).toString("utf8");
      conn.fragments = [];
      if (!this.silent) this.onUpstream(text);
    }
  }

  /** A frame from the client: the answer to a SYSTEM ping, or the ACK of a callback. */
  private onUpstream(text: string): void {
    let frame: { code?: number; headers?: { messageId?: string; topic?: string } };
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    const id = frame.headers?.messageId;
    if (frame.code !== 200 || !id) return;
    if (frame.headers?.topic === "ping") {
      this.pingsAnswered++;
      return;
    }
    const d = this.pending.get(id);
    if (!d) return;
    d.acked = true;
    if (d.timer) clearTimeout(d.timer);
    this.pending.delete(id);
    this.acked.add(id);
  }

  private send(conn: Connection, value: unknown): boolean {
    if (conn.closed) return false;
    conn.socket.write(encodeFrame(0x1, Buffer.from(JSON.stringify(value), "utf8")));
    return true;
  }

  private sendSystem(conn: Connection, topic: string, data: unknown): void {
    this.send(conn, {
      specVersion: "1.0",
      type: "SYSTEM",
      headers: {
        contentType: "application/json",
        messageId: randomUUID(),
        time: String(Date.now()),
        topic,
        connectionId: conn.id,
      },
      data: JSON.stringify(data),
    });
  }

  private closeConnection(conn: Connection, code: number): void {
    if (conn.closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    conn.socket.write(encodeFrame(0x8, payload));
    conn.socket.end();
    this.forget(conn);
  }

  private deliver(d: Delivery): void {
    const conn = this.conn;
    if (!conn || conn.closed) {
      this.queue.push(d);
      return;
    }
    d.deliveries++;
    this.deliveries.push(d.messageId);
    this.send(conn, JSON.parse(d.frame));
    d.timer = setTimeout(() => {
      d.timer = null;
      if (d.acked) return;
      if (d.deliveries >= this.options.maxDeliveries) {
        this.pending.delete(d.messageId);
        return;
      }
      this.deliver(d);
    }, this.options.ackTimeoutMs);
    d.timer.unref();
  }

  // --- What a test does.

  /** A user sends a message; returns the callback's messageId (the frame header the ACK names). */
  sendMessage(m: UserMessage): { messageId: string; msgId: string; conversationId: string } {
    const type = m.conversationType ?? "1";
    const sender = m.sender ?? "staff-1";
    const conversationId = m.conversationId ?? (type === "1" ? `cid-1to1-${sender}` : "cid-group-1");
    const session = randomBytes(12).toString("hex");
    const expires = Date.now() + (m.webhookTtlMs ?? this.options.webhookTtlMs);
    this.sessions.set(session, { conversationId, expires });
    const msgId = m.msgId ?? `msg${randomBytes(8).toString("hex")}`;
    const atBot = type === "2" ? (m.atBot ?? true) : false;
    const msgtype = m.msgtype ?? "text";
    const data = {
      conversationId,
      ...(atBot ? { atUsers: [{ dingtalkId: "$:LWCP_v1:$robot" }] } : {}),
      chatbotCorpId: "ding-corp",
      chatbotUserId: "$:LWCP_v1:$robot",
      msgId,
      senderNick: m.senderNick ?? "张三",
      isAdmin: false,
      senderStaffId: sender,
      sessionWebhookExpiredTime: expires,
      createAt: Date.now(),
      senderCorpId: "ding-corp",
      conversationType: type,
      senderId: `$:LWCP_v1:$${sender}`,
      ...(type === "2" ? { conversationTitle: "大气办工作群", isInAtList: atBot } : {}),
      sessionWebhook: `http://127.0.0.1:${this.port}/robot/sendBySession?session=${session}`,
      robotCode: this.clientId,
      msgtype,
      // In a group the platform takes the robot's @name out of the text and leaves the space after it.
      ...(msgtype === "text" ? { text: { content: atBot ? ` ${m.text}` : m.text } } : { content: {} }),
    };
    const messageId = randomUUID();
    const frame = JSON.stringify({
      specVersion: "1.0",
      type: "CALLBACK",
      headers: {
        appId: this.clientId,
        connectionId: this.conn?.id ?? "",
        contentType: "application/json",
        messageId,
        time: String(Date.now()),
        topic: ROBOT_TOPIC,
      },
      data: JSON.stringify(data),
    });
    const d: Delivery = { messageId, frame, deliveries: 0, acked: false, timer: null };
    this.pending.set(messageId, d);
    this.deliver(d);
    return { messageId, msgId, conversationId };
  }

  /** The platform rotates the connection: SYSTEM disconnect, then a close a little later. */
  disconnect(): void {
    const conn = this.conn;
    if (!conn) return;
    this.sendSystem(conn, "disconnect", { reason: "stand-in rotation" });
    setTimeout(() => this.closeConnection(conn, 1000), this.options.disconnectGraceMs).unref();
  }

  /** The network fails: the socket is destroyed without a close frame. */
  drop(): void {
    const conn = this.conn;
    if (!conn) return;
    conn.socket.destroy();
    this.forget(conn);
  }

  /** Half-open: the server stops answering pings and reading frames (true) or resumes (false). */
  silence(on: boolean): void {
    this.silent = on;
  }

  /** The next `count` gateway registrations fail with `status`. */
  failGateway(count: number, status = 503): void {
    for (let i = 0; i < count; i++) this.gatewayFaults.push(status);
  }

  /** The next webhook requests get these faults, in order, before normal answers resume. */
  injectWebhookFaults(...faults: WebhookFault[]): void {
    this.faults.push(...faults);
  }

  /** Expires every session webhook handed out so far. */
  expireWebhooks(): void {
    for (const s of this.sessions.values()) s.expires = 0;
  }

  /** Replies accepted for one conversation. */
  repliesTo(conversationId: string): AcceptedReply[] {
    return this.replies.filter((r) => r.conversationId === conversationId);
  }

  /** Resolves when `predicate` holds (checked every 10 ms); rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = "condition"): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > until) throw new Error(`stand-in: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Stops everything: timers, sockets, hung requests, the server. */
  async close(): Promise<void> {
    for (const t of this.pingTimers) clearInterval(t);
    for (const d of this.pending.values()) if (d.timer) clearTimeout(d.timer);
    for (const res of this.hung) res.destroy();
    if (this.conn) this.conn.socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** A reply body as the platform validates it; null when it would be refused. */
function readReply(conversationId: string, body: Record<string, unknown>): AcceptedReply | null {
  const msgtype = typeof body.msgtype === "string" ? body.msgtype : "";
  const part = (body[msgtype] ?? null) as Record<string, unknown> | null;
  if (!part || typeof part !== "object") return null;
  const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : null);
  if (msgtype === "text") {
    const content = str(part.content);
    return content ? { conversationId, msgtype, text: content, title: null, body } : null;
  }
  if (msgtype === "markdown" || msgtype === "actionCard") {
    const title = str(part.title);
    const text = str(part.text);
    return title && text ? { conversationId, msgtype, text, title, body } : null;
  }
  return null;
}
