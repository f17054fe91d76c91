/**
 * The DingTalk robot over the {@link Engine}: one robot message in, at most one reply out through the
 * message's session webhook. A thin adapter — the engine answers, the card renderer lays the answer
 * out, this file only decides what a message asks for:
 *
 * - exactly once per platform message id (a claim in the StateStore, "done" once answered; the
 *   platform redelivers a callback that is not ACKed, and a failed reply is left un-ACKed so it comes
 *   again);
 * - in groups only when @-mentioned (the mention taken out); one-to-one always;
 * - commands /help, /dept, /deadlines, /check (the guided check as a dialogue of numbered replies,
 *   tappable in one-to-one chats), 👍 / 👎 rating the chat's last answer;
 * - anything else is a question, read against the chat's previous answer (follow-ups).
 *
 * Every answer is logged (the user as a salted hash) after it has been delivered.
 */
import type { Logger } from "pino";
import { Response } from "../../answer/index.js";
import type { Engine } from "../../engine/index.js";
import {
  type Card,
  type CardButton,
  exampleQuestions,
  renderCard,
  renderMarkdown,
  renderText,
} from "../../render/index.js";
import type { Lang } from "../../understand/index.js";
import type { AnswerLog } from "../log/index.js";
import { Conversations, type StateStore } from "../state/index.js";
import {
  addressed,
  isGroup,
  questionOf,
  type RobotMessage,
  RobotMessage as RobotMessageSchema,
  senderOf,
} from "./message.js";
import { type ReplyBody, type ReplyOptions, sendReply, splitMarkdown } from "./reply.js";
import type { CallbackOutcome } from "./stream.js";
import { langOf, STRINGS } from "./strings.js";

/** The channel's name in logs, conversations and state keys. */
export const CHANNEL = "dingtalk";
/** A message id being handled is claimed this long: past it, a crashed handler's message may be taken again. */
export const IN_FLIGHT_TTL_MS = 2 * 60 * 1000;
/** A handled message id is remembered this long: longer than the platform keeps redelivering. */
export const DONE_TTL_MS = 24 * 60 * 60 * 1000;
/** A chat's last answer can be rated this long. */
export const LAST_ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
/** A guided check waits this long for the next reply. */
export const CHECK_TTL_MS = 30 * 60 * 1000;
/** Longest question passed to the engine. */
export const MAX_QUESTION = 1000;

/** What the bot needs. */
export interface DingTalkBotDeps {
  engine: Engine;
  store: StateStore;
  log: AnswerLog;
  logger: Logger;
  /** The robot's display name, removed from questions that still carry "@name". */
  botName?: string | null;
  /** Retry tuning for replies (tests shorten the waits). */
  reply?: ReplyOptions;
}

/** A guided check in progress: which check (-1 while choosing one) and the options chosen so far. */
interface CheckState {
  check: number;
  choices: number[];
  lang: Lang;
}

type Vote = "up" | "down";

const UP = new Set(["👍", "[赞]", "赞", "有用", "+1", "/good"]);
const DOWN = new Set(["👎", "[踩]", "踩", "没用", "-1", "/bad"]);
const CANCEL = new Set(["取消", "退出", "cancel", "/cancel", "quit"]);

/** A button in DingTalk markdown: a dtmd link that sends its text as the user's next message. */
export function dtmdLink(content: string): string {
  const encoded = encodeURIComponent(content).replace(
    /[()!'*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `dtmd://dingtalkclient/sendMessage?content=${encoded}`;
}

/** What pressing a card button sends. */
function buttonText(b: CardButton): string {
  return b.action === "ask" ? b.text : b.vote === "up" ? "👍" : "👎";
}

/** The DingTalk robot's message handler. */
export class DingTalkBot {
  private readonly conversations: Conversations;
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: DingTalkBotDeps) {
    this.conversations = new Conversations(deps.store, CHANNEL);
  }

  /**
   * Handles one callback's data. "ack" when it is done with (answered, ignored, a duplicate, or a
   * reply that can never be delivered); "retry" when the reply failed in a way a later delivery may
   * not (the claim is released, so the redelivered message is handled afresh).
   */
  async handle(data: unknown): Promise<CallbackOutcome> {
    const parsed = RobotMessageSchema.safeParse(data);
    if (!parsed.success) {
      this.deps.logger.warn({ issues: parsed.error.issues.length }, "dingtalk: not a robot message; ignored");
      return "ack";
    }
    const m = parsed.data;
    const claim = `${CHANNEL}:msg:${m.msgId}`;
    if (!(await this.deps.store.claim(claim, IN_FLIGHT_TTL_MS))) {
      // Handled already: ACK. Still being handled (its reply may yet fail): no ACK, so the platform
      // keeps it and delivers it again should the first handling give up.
      const done = (await this.deps.store.get<string>(claim)) === "done";
      this.deps.logger.info({ msgId: m.msgId, done }, "dingtalk: duplicate delivery");
      return done ? "ack" : "retry";
    }
    const outcome = await this.inOrder(m.conversationId, () => this.respond(m));
    if (outcome === "retry") await this.deps.store.release(claim);
    else await this.deps.store.set(claim, "done", DONE_TTL_MS);
    return outcome;
  }

  /** Runs a chat's messages one after another (a dialogue's replies must not overtake each other). */
  private inOrder<T>(chat: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(chat) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(chat, settled);
    settled.then(() => {
      if (this.chains.get(chat) === settled) this.chains.delete(chat);
    });
    return next;
  }

  private async respond(m: RobotMessage): Promise<CallbackOutcome> {
    if (!addressed(m)) return "ack"; // group chatter not meant for the robot
    const log = this.deps.logger;
    try {
      if (m.msgtype !== "text") return await this.sendText(m, STRINGS.zh.textOnly);
      const text = questionOf(m, this.deps.botName ?? null);
      // A command's language is its argument's: "/check" alone is Chinese, "/dept Public Security" English.
      const lang = langOf(text.replace(/^\/[a-z]+\s*/i, ""));
      const s = STRINGS[lang];
      log.debug({ msgId: m.msgId, text }, "dingtalk: message");
      if (text.length > MAX_QUESTION) return await this.sendText(m, s.tooLong);
      const vote = UP.has(text) ? "up" : DOWN.has(text) ? "down" : null;
      if (vote) return await this.rate(m, vote, lang);
      const checkKey = this.key(m, "check");
      const check = await this.deps.store.get<CheckState>(checkKey);
      if (check && !text.startsWith("/")) {
        const handled = await this.checkReply(m, check, text);
        if (handled) return handled;
      }
      const command = /^\/([a-z]+)(?:\s+([\s\S]*))?$/i.exec(text);
      if (command)
        return await this.command(m, (command[1] ?? "").toLowerCase(), (command[2] ?? "").trim(), lang);
      if (text === "帮助" || text.toLowerCase() === "help") return await this.sendHelp(m, lang);
      return await this.answer(m, text);
    } catch (error) {
      log.error(
        { msgId: m.msgId, err: error instanceof Error ? error.message : String(error) },
        "dingtalk: failed",
      );
      await this.sendText(m, STRINGS.zh.error).catch(() => "ack");
      return "ack";
    }
  }

  /** State keys are per chat and per person: in a group, each member has their own dialogue. */
  private key(m: RobotMessage, what: string): string {
    return `${CHANNEL}:${what}:${m.conversationId}:${senderOf(m)}`;
  }

  // --- Replies.

  private async send(m: RobotMessage, body: ReplyBody): Promise<{ outcome: CallbackOutcome; sent: boolean }> {
    if (Date.now() > m.sessionWebhookExpiredTime) {
      this.deps.logger.warn({ msgId: m.msgId }, "dingtalk: the session webhook has expired; not answered");
      return { outcome: "ack", sent: false };
    }
    const r = await sendReply(m.sessionWebhook, body, this.deps.reply);
    if (r.ok) return { outcome: "ack", sent: true };
    this.deps.logger.warn(
      { msgId: m.msgId, attempts: r.attempts, reason: r.reason },
      "dingtalk: reply failed",
    );
    return { outcome: r.retryable ? "retry" : "ack", sent: false };
  }

  private async sendText(m: RobotMessage, content: string): Promise<CallbackOutcome> {
    return (await this.send(m, { msgtype: "text", text: { content } })).outcome;
  }

  /** Sends markdown, in several messages when long; true when at least the first went out. */
  private async sendMarkdown(
    m: RobotMessage,
    message: { title: string; text: string },
  ): Promise<{ outcome: CallbackOutcome; sent: boolean }> {
    const parts = splitMarkdown(message);
    let sent = false;
    for (const part of parts) {
      const r = await this.send(m, { msgtype: "markdown", markdown: part });
      if (!r.sent) return sent ? { outcome: "ack", sent } : r; // a later part lost: not worth resending the first
      sent = true;
    }
    return { outcome: "ack", sent };
  }

  private async sendHelp(m: RobotMessage, lang: Lang): Promise<CallbackOutcome> {
    const s = STRINGS[lang];
    const text = s.help(exampleQuestions(lang).slice(0, 4));
    return (await this.sendMarkdown(m, { title: lang === "zh" ? "使用说明" : "Help", text })).outcome;
  }

  /** The card as DingTalk markdown: tappable buttons one-to-one; in groups a hint instead. */
  private markdownOf(m: RobotMessage, card: Card): { title: string; text: string } {
    const group = isGroup(m);
    const md = renderMarkdown(card, { buttonLink: group ? () => null : (b) => dtmdLink(buttonText(b)) });
    const votes = card.buttons.some((b) => b.action === "feedback");
    if (group && votes) md.text += `\n\n${STRINGS[card.lang].groupVoteHint}`;
    return md;
  }

  /** Delivers an answer, then remembers it for follow-ups and ratings and logs it. */
  private async deliver(m: RobotMessage, question: string, response: Response, latencyMs: number) {
    const sent = await this.sendMarkdown(m, this.markdownOf(m, renderCard(response)));
    if (!sent.sent) return sent.outcome;
    const user = senderOf(m);
    if (response.context) await this.conversations.set(`${m.conversationId}:${user}`, response.context);
    const id = this.deps.log.record({ channel: CHANNEL, user, question, response, latencyMs });
    if (id) await this.deps.store.set(this.key(m, "last"), id, LAST_ANSWER_TTL_MS);
    return sent.outcome;
  }

  // --- What a message asks for.

  private async answer(m: RobotMessage, question: string): Promise<CallbackOutcome> {
    const context = await this.conversations.get(`${m.conversationId}:${senderOf(m)}`);
    const started = performance.now();
    const response = await this.deps.engine.answer(question, { context });
    return this.deliver(m, question, response, performance.now() - started);
  }

  private async rate(m: RobotMessage, vote: Vote, lang: Lang): Promise<CallbackOutcome> {
    const s = STRINGS[lang];
    const id = await this.deps.store.get<string>(this.key(m, "last"));
    if (!id || !this.deps.log.feedback(id, vote, senderOf(m))) return this.sendText(m, s.nothingToRate);
    return this.sendText(m, s.thanks[vote]);
  }

  private async command(m: RobotMessage, name: string, arg: string, lang: Lang): Promise<CallbackOutcome> {
    const s = STRINGS[lang];
    const started = performance.now();
    const listing = (payload: Response["payload"], argLang: Lang) => {
      const resolved = {
        query: `/${name}${arg ? ` ${arg}` : ""}`,
        status: "answered" as const,
        lang: argLang,
        kind: payload.kind,
        citations: [],
        check: null,
        payload,
        context: null,
      };
      return Response.parse({ ...resolved, answer: renderText(resolved) });
    };
    switch (name) {
      case "dept": {
        if (!arg) return this.sendText(m, s.deptUsage);
        const argLang = langOf(arg);
        const payload = arg.length <= 100 ? this.deps.engine.departmentTasks(arg, { lang: argLang }) : null;
        if (!payload) return this.sendText(m, STRINGS[argLang].deptUnknown(arg.slice(0, 64)));
        const response = listing(payload, argLang);
        return this.deliver(m, response.query, response, performance.now() - started);
      }
      case "deadlines": {
        const a = arg.toLowerCase();
        const filter = /^\d{4}$/.test(a)
          ? { year: Number(a) }
          : ["open", "upcoming", "未到期", "未过期"].includes(a)
            ? { state: "open" as const }
            : ["passed", "overdue", "已过期", "逾期", "过期"].includes(a)
              ? { state: "passed" as const }
              : a === "" || a === "all" || a === "全部"
                ? {}
                : null;
        if (!filter) return this.sendText(m, s.deadlinesUsage);
        const response = listing(this.deps.engine.deadlines(filter, lang), lang);
        return this.deliver(m, response.query, response, performance.now() - started);
      }
      case "check":
        return this.startCheck(m, arg, lang);
      case "cancel":
        await this.deps.store.delete(this.key(m, "check"));
        return this.sendText(m, s.checkCancelled);
      default:
        return this.sendHelp(m, lang);
    }
  }

  // --- The guided check.

  /** A numbered list of choices; tappable in one-to-one chats. */
  private options(m: RobotMessage, labels: readonly string[]): string {
    return labels
      .map((label, i) => {
        const n = String(i + 1);
        return isGroup(m) ? `${n}. ${label}` : `${n}. [${label}](${dtmdLink(n)})`;
      })
      .join("\n");
  }

  private async startCheck(m: RobotMessage, arg: string, lang: Lang): Promise<CallbackOutcome> {
    const checks = this.deps.engine.guidedChecks();
    const s = STRINGS[lang];
    if (checks.length === 0) return this.sendText(m, s.checkNone);
    const chosen = Number(arg);
    if (Number.isInteger(chosen) && chosen >= 1 && chosen <= checks.length)
      return this.checkStep(m, { check: chosen - 1, choices: [], lang });
    await this.deps.store.set(this.key(m, "check"), { check: -1, choices: [], lang }, CHECK_TTL_MS);
    const list = this.options(
      m,
      checks.map((c) => c.title[lang]),
    );
    return (
      await this.sendMarkdown(m, {
        title: lang === "zh" ? "逐步判断" : "Check",
        text: `${s.checkChoose}\n\n${list}`,
      })
    ).outcome;
  }

  /** Shows the next step of a check, or answers once every step has a choice. */
  private async checkStep(m: RobotMessage, state: CheckState): Promise<CallbackOutcome> {
    const check = this.deps.engine.guidedChecks()[state.check];
    const lang = state.lang;
    if (!check) return this.sendText(m, STRINGS[lang].checkNone);
    const values: Record<string, string> = {};
    const done: string[] = [];
    for (const [i, choice] of state.choices.entries()) {
      const step = check.steps[i];
      const option = step?.options[choice];
      if (!step || !option) continue;
      values[step.fact] = option.value;
      done.push(`✔ ${step.prompt[lang]} **${option.label[lang]}**`);
    }
    const key = this.key(m, "check");
    const step = check.steps[state.choices.length];
    if (!step) {
      await this.deps.store.delete(key);
      return this.answer(m, check.toQuestion(values, lang));
    }
    await this.deps.store.set(key, state, CHECK_TTL_MS);
    const prompt = STRINGS[lang].checkStep(state.choices.length + 1, check.steps.length, step.prompt[lang]);
    const text = [
      `### ${check.title[lang]}`,
      done.join("  \n"),
      prompt,
      this.options(
        m,
        step.options.map((o) => o.label[lang]),
      ),
    ]
      .filter(Boolean)
      .join("\n\n");
    return (await this.sendMarkdown(m, { title: check.title[lang], text })).outcome;
  }

  /**
   * A reply during a check: a number or an option's label advances it, "取消" ends it. Anything else
   * ends the dialogue and is read as a new question (null).
   */
  private async checkReply(
    m: RobotMessage,
    state: CheckState,
    text: string,
  ): Promise<CallbackOutcome | null> {
    const s = STRINGS[state.lang];
    const key = this.key(m, "check");
    if (CANCEL.has(text.toLowerCase())) {
      await this.deps.store.delete(key);
      return this.sendText(m, s.checkCancelled);
    }
    const checks = this.deps.engine.guidedChecks();
    const labels =
      state.check < 0
        ? checks.map((c) => c.title[state.lang])
        : (checks[state.check]?.steps[state.choices.length]?.options.map((o) => o.label[state.lang]) ?? []);
    const n = /^\d{1,2}$/.test(text) ? Number(text) - 1 : labels.indexOf(text);
    if (n < 0 || n >= labels.length) {
      if (/^\d{1,2}$/.test(text)) return this.sendText(m, s.checkInvalid);
      await this.deps.store.delete(key);
      return null;
    }
    if (state.check < 0) return this.checkStep(m, { check: n, choices: [], lang: state.lang });
    return this.checkStep(m, { ...state, choices: [...state.choices, n] });
  }
}
