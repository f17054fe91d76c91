/**
 * How a reply leaves: HTML split on paragraph boundaries into messages Telegram accepts, the
 * keyboard under the last part, the question quoted in groups; edits that fall back to a new
 * message; callback queries answered exactly once.
 */
import { type Context, GrammyError, type InlineKeyboard } from "grammy";
import { splitHtml, truncate } from "../../render/index.js";

/** Whether the update comes from a group or supergroup. */
export function isGroup(ctx: Context): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

/** Sends HTML in as many messages as it needs; the keyboard goes under the last. */
export async function replyHtml(ctx: Context, html: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitHtml(html);
  // In groups, the first part quotes the message it answers (a command or a mention).
  const quote = isGroup(ctx) && !ctx.callbackQuery ? ctx.msg?.message_id : undefined;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(part, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
      ...(i === 0 && quote !== undefined
        ? { reply_parameters: { message_id: quote, allow_sending_without_reply: true } }
        : {}),
    });
  }
}

/** Replaces the text of the message a button sits under; sends a new message when it cannot. */
export async function editOrReply(
  ctx: Context,
  html: string,
  keyboard?: InlineKeyboard,
): Promise<number | null> {
  const message = ctx.callbackQuery?.message;
  if (message && html.length <= 4096) {
    try {
      await ctx.editMessageText(html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: keyboard } : {}),
      });
      return message.message_id;
    } catch (err) {
      if (err instanceof GrammyError && /not modified/i.test(err.description)) return message.message_id;
      if (!(err instanceof GrammyError && err.error_code === 400)) throw err;
    }
  }
  const sent = await ctx.reply(html, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(keyboard ? { reply_markup: keyboard } : {}),
  });
  return sent.message_id;
}

const answered = new WeakSet<Context>();

/** Answers the update's callback query, at most once however often it is called. */
export async function answerCallback(ctx: Context, text?: string, alert = false): Promise<void> {
  if (!ctx.callbackQuery || answered.has(ctx)) return;
  answered.add(ctx);
  await ctx.answerCallbackQuery(text ? { text: truncate(text, 200), show_alert: alert } : undefined);
}
