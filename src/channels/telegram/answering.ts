/**
 * One question's way through the bot: the chat's last context from the store, `engine.answer`,
 * the answer logged (for 👍/👎), the new context kept, the reply rendered from the payload.
 */
import type { Context } from "grammy";
import type { Response } from "../../engine/index.js";
import { renderTelegram, type TelegramReply } from "../../render/index.js";
import type { Lang } from "../../understand/index.js";
import { keyboardOf } from "./keyboard.js";
import { errorFields } from "./log-fields.js";
import { replyHtml } from "./reply.js";
import type { BotServices } from "./services.js";

/** "typing…" is shown only when an answer takes longer than this (ms), to spare an API call. */
const TYPING_AFTER_MS = 400;

/** The chat a conversation belongs to: the chat, or the user for updates without one. */
export function conversationKey(ctx: Context): number | null {
  return ctx.chat?.id ?? ctx.from?.id ?? null;
}

/** A rendered reply and the language its buttons speak. */
export interface RenderedAnswer {
  reply: TelegramReply;
  lang: Lang;
}

const renderDefault = (r: Response): RenderedAnswer => ({ reply: renderTelegram(r), lang: r.lang });

/**
 * Answers `question` in the chat's conversation (a follow-up reads the previous answer's context)
 * and logs the answer. `render` may replace the default rendering (a /clause shows the item).
 */
export async function answerQuestion(
  ctx: Context,
  s: BotServices,
  question: string,
  render: (r: Response) => RenderedAnswer = renderDefault,
): Promise<void> {
  const chat = conversationKey(ctx);
  const context = chat === null ? null : await s.conversations.get(chat);
  const typing = setTimeout(() => {
    ctx.replyWithChatAction("typing").catch(() => {});
  }, TYPING_AFTER_MS);
  const started = performance.now();
  let response: Response;
  try {
    response = await s.engine.answer(question, { context });
  } finally {
    clearTimeout(typing);
  }
  const latencyMs = performance.now() - started;
  s.logger.debug({ update_id: ctx.update.update_id, question, kind: response.kind }, "answered");
  let answerId: string | null = null;
  try {
    answerId = s.answerLog.record({
      channel: "telegram",
      user: ctx.from ? String(ctx.from.id) : null,
      question,
      response,
      latencyMs,
    });
  } catch (err) {
    s.logger.warn({ err: errorFields(err, s.config.token) }, "could not log the answer");
  }
  const { reply, lang } = render(response);
  await replyHtml(ctx, reply.html, keyboardOf(reply.buttons, lang, answerId));
  // Kept once the answer is out: a redelivered question is then read as it was the first time.
  if (chat !== null) await s.conversations.set(chat, response.context);
}
