/**
 * The bot's error boundary (bot.catch): log without texts or token, tell the user, never crash.
 *
 * - A reply Telegram would not take after every retry (DeliveryFailed): the user is told that the
 *   answer could not be delivered. If even that fails the error is rethrown, so the update counts
 *   as not handled — a webhook answers 500 and Telegram delivers it again later.
 * - A shutdown that cut sending short (SendAborted): rethrown for the same reason, without a reply.
 * - Anything else (a bug, a 400): a polite "something went wrong"; the update counts as handled.
 */
import type { BotError, Context } from "grammy";
import { escapeHtml as esc } from "../../render/index.js";
import { langOfUser, t } from "./i18n.js";
import { errorFields } from "./log-fields.js";
import { answerCallback } from "./reply.js";
import { DeliveryFailed, SendAborted } from "./send-queue.js";
import type { BotServices } from "./services.js";

/** The handler for `bot.catch`. */
export function errorBoundary(s: BotServices): (err: BotError<Context>) => Promise<void> {
  return async (err) => {
    const ctx = err.ctx;
    const fields = { update_id: ctx.update.update_id, chat_id: ctx.chat?.id };
    if (err.error instanceof SendAborted) {
      s.logger.warn(fields, "update not finished: the bot is shutting down");
      throw err.error;
    }
    s.logger.error({ ...fields, err: errorFields(err.error, s.config.token) }, "update failed");
    const lang = langOfUser(ctx.from?.language_code);
    const undelivered = err.error instanceof DeliveryFailed;
    try {
      if (undelivered && ctx.chat) await ctx.reply(esc(t(lang).notDelivered), { parse_mode: "HTML" });
      else if (ctx.callbackQuery) await answerCallback(ctx, t(lang).error);
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 5 });
      else if (ctx.chat) await ctx.reply(esc(t(lang).error), { parse_mode: "HTML" });
    } catch (e) {
      s.logger.error({ ...fields, err: errorFields(e, s.config.token) }, "could not tell the user either");
      if (undelivered || e instanceof SendAborted) throw err.error;
    }
  };
}
