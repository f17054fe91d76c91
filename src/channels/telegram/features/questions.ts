/**
 * Free questions: any text that is not a command is asked of the engine in the chat's conversation,
 * so "谁牵头？" after an answer is read against it.
 */
import { Composer, type Context } from "grammy";
import { escapeHtml as esc } from "../../../render/index.js";
import { answerQuestion } from "../answering.js";
import { t } from "../i18n.js";
import { replyHtml } from "../reply.js";
import type { BotServices } from "../services.js";
import { langFor } from "./commands.js";
import { ownCommand, questionText } from "./served.js";

/** Longest question passed to the engine; longer ones get a polite refusal. */
export const MAX_QUESTION = 1000;

/** Answers text messages that are not commands. */
export function questions(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();
  c.on("message:text", async (ctx, next) => {
    if (ownCommand(ctx, ctx.message)) return next();
    const text = questionText(ctx, ctx.message.text);
    if (text.length > MAX_QUESTION) return replyHtml(ctx, esc(t(langFor(ctx, text)).tooLong(MAX_QUESTION)));
    await answerQuestion(ctx, s, text);
  });
  return c;
}
