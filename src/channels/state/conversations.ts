/**
 * Each chat's conversation: the context of its last answer, kept in a {@link StateStore} so a
 * follow-up reaching another instance still finds it. Contexts expire after a quiet while.
 */
import type { Context } from "../../engine/index.js";
import type { StateStore } from "./store.js";

/** A conversation goes quiet after this long without a question (ms). */
export const CONVERSATION_TTL_MS = 30 * 60 * 1000;

/** The conversations of one channel. */
export class Conversations {
  constructor(
    private readonly store: StateStore,
    /** The channel's name, so two channels' chat ids never collide (telegram, dingtalk, web …). */
    private readonly channel: string,
    private readonly ttlMs = CONVERSATION_TTL_MS,
  ) {}

  private key(chat: string | number): string {
    return `conv:${this.channel}:${chat}`;
  }

  /** The context of the chat's last answer, or null. */
  get(chat: string | number): Promise<Context | null> {
    return this.store.get<Context>(this.key(chat));
  }

  /** Remembers the context of the chat's latest answer (null forgets it). */
  async set(chat: string | number, context: Context | null): Promise<void> {
    if (context) await this.store.set(this.key(chat), context, this.ttlMs);
    else await this.store.delete(this.key(chat));
  }
}
