/**
 * The Stream-mode connection, kept up. The official SDK's DWClient speaks the protocol (the gateway
 * registration, the WebSocket, SYSTEM ping replies, CALLBACK dispatch, the ACK frame); this class
 * supervises it, because the SDK's own reconnect is known to fail in production: it retries every
 * second without backoff, leaks its keep-alive timer on every reconnect so old timers kill new
 * sockets, and cannot be pointed at another gateway. So each connection attempt gets a fresh client
 * with its own reconnect off and keep-alive on, the old one is disposed, and reconnects back off
 * exponentially with jitter (reset once a connection has stayed up a while). A SYSTEM `disconnect`
 * (the platform rotating connections) makes it connect again at once.
 *
 * Callbacks are ACKed only after the handler has finished, and not at all when it asks for a retry:
 * the platform then delivers the message again (exactly-once is the handler's claim on the message id).
 */
import { DWClient, type DWClientDownStream, TOPIC_ROBOT } from "dingtalk-stream";
import type { Logger } from "pino";

/** What the handler of a callback wants done with it. */
export type CallbackOutcome = "ack" | "retry";

/** Options for {@link StreamConnection}. */
export interface StreamOptions {
  clientId: string;
  clientSecret: string;
  gatewayUrl: string;
  /** Handles one robot message (the frame's parsed `data`). */
  onMessage: (data: unknown, frame: DWClientDownStream) => Promise<CallbackOutcome>;
  logger: Logger;
  /** WebSocket ping interval (ms); a missing pong by the next ping ends the connection. */
  keepAliveMs?: number;
  /** First reconnect delay (ms); doubled up to `maxDelayMs`. Defaults 1,000 and 60,000. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A connection that stayed up this long resets the backoff (ms). Default 30,000. */
  stableMs?: number;
  /** The gateway call's timeout (ms). Default 10,000. */
  timeoutMs?: number;
}

/** Fields the SDK keeps private in its typings that supervising it needs. */
interface SdkInternals {
  heartbeat_interval: number;
  dw_url?: string;
  socket?: { once(event: "close", f: () => void): void; terminate(): void };
}

/** The SDK's client, pointed at a configurable gateway, with fetch and a timeout for the registration. */
class PolicyDWClient extends DWClient {
  constructor(
    opts: { clientId: string; clientSecret: string; keepAlive: boolean },
    private readonly gatewayUrl: string,
    private readonly timeoutMs: number,
    keepAliveMs: number,
    private readonly onSystemTopic: (topic: string) => void,
  ) {
    super({ ...opts, ua: "policy-bot" });
    this.config.autoReconnect = false;
    // Private in the SDK's typings; the interval of its ping/pong keep-alive.
    this.internals.heartbeat_interval = keepAliveMs;
  }

  /** The SDK posts to a hard-coded URL with axios; the same request, to ours. */
  override async getEndpoint(): Promise<this> {
    const res = await fetch(this.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        clientId: this.config.clientId,
        clientSecret: this.config.clientSecret,
        ua: this.config.ua,
        subscriptions: this.config.subscriptions,
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as {
      endpoint?: string;
      ticket?: string;
      message?: string;
    };
    if (!res.ok || !body.endpoint || !body.ticket)
      throw new Error(`gateway answered HTTP ${res.status}${body.message ? `: ${body.message}` : ""}`);
    this.internals.dw_url = `${body.endpoint}?ticket=${encodeURIComponent(body.ticket)}`;
    return this;
  }

  override onSystem(downstream: DWClientDownStream): void {
    super.onSystem(downstream);
    this.onSystemTopic(downstream.headers.topic);
  }

  /** The open WebSocket (private in the SDK), to watch for its close. */
  get socketOf(): SdkInternals["socket"] {
    return this.internals.socket;
  }

  private get internals(): SdkInternals {
    return this as unknown as SdkInternals;
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

/** Keeps one Stream connection up until {@link stop}. */
export class StreamConnection {
  /** Connections opened so far. */
  connects = 0;
  private client: PolicyDWClient | null = null;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: StreamOptions) {}

  /** Starts connecting; resolves once the first connection is open (or `stop` is called). */
  async start(): Promise<void> {
    let opened!: () => void;
    const first = new Promise<void>((r) => {
      opened = r;
    });
    this.loop = this.run(opened);
    await Promise.race([first, this.loop]);
  }

  /** Whether a connection is open now. */
  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  private async run(opened: () => void): Promise<void> {
    const o = this.options;
    const base = o.baseDelayMs ?? 1000;
    const max = o.maxDelayMs ?? 60_000;
    const signal = this.stopping.signal;
    let failures = 0;
    while (!signal.aborted) {
      let rotating = false;
      let rotate!: () => void;
      const rotated = new Promise<void>((r) => {
        rotate = () => {
          rotating = true;
          r();
        };
      });
      const client = new PolicyDWClient(
        { clientId: o.clientId, clientSecret: o.clientSecret, keepAlive: true },
        o.gatewayUrl,
        o.timeoutMs ?? 10_000,
        o.keepAliveMs ?? 15_000,
        (topic) => {
          if (topic === "disconnect") rotate();
        },
      );
      client.registerCallbackListener(TOPIC_ROBOT, (frame) => this.dispatch(client, frame));
      const started = Date.now();
      try {
        await client.getEndpoint();
        await client._connect();
        this.client = client;
        this.connects++;
        o.logger.info({ connects: this.connects }, "dingtalk stream connected");
        opened();
        await new Promise<void>((resolve) => {
          client.socketOf?.once("close", resolve);
          if (!client.connected) resolve();
          rotated.then(resolve);
          signal.addEventListener("abort", () => resolve(), { once: true });
        });
      } catch (error) {
        o.logger.warn({ err: errorText(error) }, "dingtalk stream connection failed");
      }
      this.dispose(client);
      if (signal.aborted) break;
      if (Date.now() - started >= (o.stableMs ?? 30_000)) failures = 0;
      if (rotating) {
        o.logger.info("dingtalk stream: the platform rotates the connection; reconnecting");
        continue;
      }
      failures++;
      const delay = Math.round(Math.min(max, base * 2 ** (failures - 1)) * (0.8 + Math.random() * 0.4));
      o.logger.info({ delayMs: delay, failures }, "dingtalk stream: reconnecting");
      await sleep(delay, signal);
    }
  }

  private dispatch(client: PolicyDWClient, frame: DWClientDownStream): void {
    const messageId = frame.headers.messageId;
    const work = (async () => {
      let outcome: CallbackOutcome = "ack";
      try {
        outcome = await this.options.onMessage(JSON.parse(frame.data), frame);
      } catch (error) {
        // A message that cannot even be parsed would fail the same way every time: ACK it.
        this.options.logger.error({ err: errorText(error), messageId }, "dingtalk callback failed");
      }
      if (outcome === "retry") return;
      // The connection may have been replaced meanwhile; ACK on the newest one (the platform accepts
      // an ACK on any of the app's connections) or, failing that, on the one it came over.
      const target = this.client?.connected ? this.client : client;
      try {
        target.socketCallBackResponse(messageId, { ok: true });
      } catch (error) {
        this.options.logger.warn({ err: errorText(error), messageId }, "dingtalk ACK not sent");
      }
    })();
    this.inFlight.add(work);
    work.finally(() => this.inFlight.delete(work));
  }

  private dispose(client: PolicyDWClient): void {
    if (this.client === client) this.client = null;
    try {
      client.disconnect(); // clears the SDK's keep-alive timer and closes the socket
      client.socketOf?.terminate();
    } catch {
      // already gone
    }
    client.removeAllListeners();
  }

  /** Stops reconnecting, waits for callbacks being handled (at most `graceMs`), closes the connection. */
  async stop(graceMs = 5000): Promise<void> {
    const pending = [...this.inFlight];
    if (pending.length > 0)
      await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, graceMs).unref())]);
    this.stopping.abort();
    await this.loop;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
