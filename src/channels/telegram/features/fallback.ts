/**
 * What no other feature took: an unknown command gets the list of commands, a sticker or photo a
 * text-only hint, a button the bot no longer knows a polite answer.
 */
import { Composer, type Context } from "grammy";
import { escapeHtml as esc } from "../../../render/index.js";
import { COMMANDS, langOfUser, t } from "../i18n.js";
import { answerCallback, replyHtml } from "../reply.js";

/** The last feature: answers whatever is left. */
export function fallback(): Composer<Context> {
  const c = new Composer<Context>();
  c.on("message:text", (ctx) => {
    const lang = langOfUser(ctx.from?.language_code);
    return replyHtml(ctx, `${esc(t(lang).unknownCommand)}\n${COMMANDS.map((x) => `/${x}`).join(" ")}`);
  });
  c.on("message", (ctx) => replyHtml(ctx, esc(t(langOfUser(ctx.from?.language_code)).textOnly)));
  c.on("callback_query", (ctx) => answerCallback(ctx, t(langOfUser(ctx.from.language_code)).unknownButton));
  return c;
}
