/**
 * Replies through a message's session webhook, the platform's reply endpoint: POST a text or
 * markdown body, read `{errcode, errmsg}`. Network errors, timeouts, HTTP 429 and 5xx and the
 * platform's throttling (errcode 130101, 20 messages a minute per conversation) are retried with
 * bounded, jittered exponential backoff (honouring Retry-After); anything else is final. Long
 * markdown is split at paragraph boundaries to stay under the 20,000-byte body limit.
 */
import type { MarkdownMessage } from "../../render/index.js";

/** A body for the session webhook. */
export type ReplyBody =
  | { msgtype: "text"; text: { content: string } }
  | { msgtype: "markdown"; markdown: { title: string; text: string } };

/** How a reply went. `retryable` failures may succeed if the message is handled again later. */
export type ReplyResult =
  | { ok: true; attempts: number }
  | { ok: false; attempts: number; retryable: boolean; reason: string };

/** Options for {@link sendReply}. */
export interface ReplyOptions {
  /** Attempts in all (the first included). Default 4. */
  maxAttempts?: number;
  /** First backoff (ms), doubled each retry. Default 500. */
  baseDelayMs?: number;
  /** Longest single wait (ms), Retry-After included. Default 8,000. */
  maxDelayMs?: number;
  /**
   * One request's timeout (ms). Default 5,000: four attempts and their waits stay near 25 s, well
   * inside the 60 s after which DingTalk delivers an un-ACKed message again.
   */
  timeoutMs?: number;
  /** For tests: the wait between attempts. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** The platform's "send too fast" code. */
export const ERRCODE_THROTTLED = 130101;
/** Bytes a reply body may have. */
export const MAX_BODY_BYTES = 20_000;
/** Markdown text per message, in bytes, leaving room for the title and JSON escaping. */
export const MAX_MARKDOWN_BYTES = 12_000;

const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function backoff(attempt: number, o: Required<Pick<ReplyOptions, "baseDelayMs" | "maxDelayMs">>): number {
  const exp = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exp * (0.8 + Math.random() * 0.4));
}

/** Posts one body to a session webhook, retrying what may pass later. */
export async function sendReply(
  url: string,
  body: ReplyBody,
  options: ReplyOptions = {},
): Promise<ReplyResult> {
  const o = {
    maxAttempts: options.maxAttempts ?? 4,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8000,
    timeoutMs: options.timeoutMs ?? 5000,
  };
  const sleep = options.sleep ?? sleepFor;
  const doFetch = options.fetch ?? fetch;
  const payload = JSON.stringify(body);
  if (Buffer.byteLength(payload) > MAX_BODY_BYTES)
    return { ok: false, attempts: 0, retryable: false, reason: "body over 20000 bytes" };
  let last = "";
  for (let attempt = 1; attempt <= o.maxAttempts; attempt++) {
    let wait = backoff(attempt, o);
    try {
      const res = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", accept: "application/json" },
        body: payload,
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      const text = await res.text();
      if (res.status === 429 || res.status >= 500) {
        last = `HTTP ${res.status}`;
        const after = Number(res.headers.get("retry-after"));
        if (Number.isFinite(after) && after > 0) wait = Math.min(o.maxDelayMs, after * 1000);
      } else if (!res.ok) {
        return { ok: false, attempts: attempt, retryable: false, reason: `HTTP ${res.status}` };
      } else {
        let answer: { errcode?: number; errmsg?: string } = {};
        try {
          answer = JSON.parse(text);
        } catch {
          answer = {};
        }
        const code = answer.errcode ?? 0;
        if (code === 0) return { ok: true, attempts: attempt };
        last = `errcode ${code} ${answer.errmsg ?? ""}`.trim();
        if (code !== ERRCODE_THROTTLED && code !== -1)
          return { ok: false, attempts: attempt, retryable: false, reason: last };
        if (code === ERRCODE_THROTTLED) wait = Math.max(wait, Math.min(o.maxDelayMs, o.baseDelayMs * 4));
      }
    } catch (error) {
      last = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    if (attempt < o.maxAttempts) await sleep(wait);
  }
  return { ok: false, attempts: o.maxAttempts, retryable: true, reason: last };
}

/** Splits markdown into messages that fit, at blank lines (a single huge paragraph is cut by characters). */
export function splitMarkdown(message: MarkdownMessage, maxBytes = MAX_MARKDOWN_BYTES): MarkdownMessage[] {
  if (Buffer.byteLength(message.text) <= maxBytes) return [message];
  const parts: string[] = [];
  let current = "";
  const push = () => {
    if (current) parts.push(current);
    current = "";
  };
  for (const block of message.text.split("\n\n")) {
    const candidate = current ? `${current}\n\n${block}` : block;
    if (Buffer.byteLength(candidate) <= maxBytes) {
      current = candidate;
      continue;
    }
    push();
    let rest = block;
    while (Buffer.byteLength(rest) > maxBytes) {
      let cut = Math.floor(maxBytes / 3);
      while (cut < rest.length && Buffer.byteLength(rest.slice(0, cut + 1)) <= maxBytes) cut++;
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  push();
  return parts.map((text, i) => ({ title: i === 0 ? message.title : `${message.title}（续${i}）`, text }));
}
