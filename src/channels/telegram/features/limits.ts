/**
 * The per-user rate limit, then the chat allowlist — in that order, so refusals are rate-limited
 * too (a stranger hammering the bot gets one refusal a window, not one per message). Counters live
 * in the StateStore, so several instances enforce one limit.
 */
import { Composer, type Context } from "grammy";
import { langOfUser, t } from "../i18n.js";
import { answerCallback } from "../reply.js";
import type { BotServices } from "../services.js";

/** Replies with a notice suited to the update: an alert for a button, an empty inline answer, a message. */
async function notice(ctx: Context, text: string, inlineCacheSeconds: number): Promise<void> {
  if (ctx.callbackQuery) await answerCallback(ctx, text, true);
  else if (ctx.inlineQuery)
    await ctx.answerInlineQuery([], { cache_time: inlineCacheSeconds, is_personal: true });
  else if (ctx.message) await ctx.reply(text);
}

/** At most RATE_LIMIT_MAX updates per user every RATE_LIMIT_WINDOW_SECONDS; the first excess is told so. */
export function userRateLimit(s: BotServices): Composer<Context> {
  const limited = new Composer<Context>();
  const { max, windowMs } = s.config.rateLimit;
  limited.use(async (ctx, next) => {
    const user = ctx.from?.id;
    if (user === undefined) return next();
    const count = await s.store.hit(`${s.keyPrefix}:rate:user:${user}`, windowMs);
    if (count <= max) return next();
    s.logger.info({ update_id: ctx.update.update_id, user_id: user }, "rate limited");
    // A button must always be answered; a message only the first time over the limit.
    if (ctx.callbackQuery || ctx.inlineQuery || count === max + 1)
      await notice(ctx, t(langOfUser(ctx.from?.language_code)).rateLimited, 5);
  });
  return limited;
}

/** Serves only ALLOWED_CHAT_IDS (when set); others get a polite refusal, at most once a window. */
export function allowlist(s: BotServices): Composer<Context> {
  const allowed = s.config.allowedChatIds;
  const gate = new Composer<Context>();
  if (!allowed) return gate;
  gate.use(async (ctx, next) => {
    const id = ctx.chat?.id ?? ctx.from?.id;
    if (id !== undefined && allowed.has(id)) return next();
    s.logger.info({ update_id: ctx.update.update_id, chat_id: id }, "chat not on the allowlist");
    const first = await s.store.claim(`${s.keyPrefix}:refused:${id}`, s.config.rateLimit.windowMs);
    if (first || ctx.callbackQuery || ctx.inlineQuery)
      await notice(ctx, t(langOfUser(ctx.from?.language_code)).notAllowed, 60);
  });
  return gate;
}
