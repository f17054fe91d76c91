/**
 * A question in a conversation, for the channels that name their conversations with a session id
 * (web page, JSON API, MCP): the session's last context is read from the {@link Conversations} store,
 * the engine answers against it, the new context is kept, and the answer goes to the answer log.
 */
import { randomUUID } from "node:crypto";
import type { Engine, Response } from "../../engine/index.js";
import type { AnswerLog } from "../log/index.js";
import type { Conversations } from "../state/index.js";

/** One question, as a channel received it. */
export interface AskInput {
  question: string;
  /** The conversation it continues; a new one is started when absent. */
  session?: string | undefined;
  /** web, api, mcp … (the answer log's channel). */
  channel: string;
  /** Who asked, as the channel knows them (the log keeps only a salted hash); null when unknown. */
  user: string | null;
  /**
   * Keeps conversations of different clients apart even if they chose the same session id (an API
   * key's id); empty for a server without keys.
   */
  scope?: string;
}

/** The answer, the session to continue with and the answer's id in the log. */
export interface AskOutput {
  response: Response;
  session: string;
  /** For a vote on this answer; null when logging is off or failed. */
  answerId: string | null;
}

/** Answers questions in sessions; shared by the web page, the API and the MCP tools. */
export class Asker {
  constructor(
    private readonly engine: Engine,
    private readonly conversations: Conversations,
    private readonly log: AnswerLog,
    /** Told when the log fails: an answer is never lost because it could not be logged. */
    private readonly onLogError: (error: unknown) => void = () => {},
    private readonly newSession: () => string = randomUUID,
  ) {}

  /** Answers one question in its session (a new session when none is given). */
  async ask(input: AskInput): Promise<AskOutput> {
    const session = input.session ?? this.newSession();
    const key = input.scope ? `${input.scope}/${session}` : session;
    const context = input.session ? await this.conversations.get(key) : null;
    const started = performance.now();
    const response = await this.engine.answer(input.question, { context });
    const latencyMs = performance.now() - started;
    // Input that is not a question at all leaves the conversation where it was.
    if (response.kind !== "invalid_input") await this.conversations.set(key, response.context);
    return { response, session, answerId: this.record(input, response, latencyMs) };
  }

  /** Answers one question outside any conversation (a check's facts), logging it like any answer. */
  async once(
    input: Omit<AskInput, "session" | "scope">,
  ): Promise<{ response: Response; answerId: string | null }> {
    const started = performance.now();
    const response = await this.engine.answer(input.question);
    return { response, answerId: this.record(input, response, performance.now() - started) };
  }

  private record(
    input: Omit<AskInput, "session" | "scope">,
    response: Response,
    latencyMs: number,
  ): string | null {
    try {
      return this.log.record({
        channel: input.channel,
        user: input.user,
        question: input.question,
        response,
        latencyMs,
      });
    } catch (error) {
      this.onLogError(error);
      return null;
    }
  }

  /** Records a vote; false when the answer is unknown to the log (or logging is off). */
  feedback(answerId: string, vote: "up" | "down", user: string | null): boolean {
    try {
      return this.log.feedback(answerId, vote, user);
    } catch (error) {
      this.onLogError(error);
      return false;
    }
  }
}
