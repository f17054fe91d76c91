/**
 * Which updates the bot serves at all: not edits or channel posts, and in groups only what is
 * addressed to it (its commands, a mention, a reply to one of its messages). Everything else stops
 * here, before the rate limit counts it.
 */
import { Composer, type Context } from "grammy";
import type { Message } from "grammy/types";
import { cleanText } from "../../../render/index.js";
import { isGroup } from "../reply.js";
import type { BotServices } from "../services.js";

/** The bot's own command at the start of a message (`/clause`, `/clause@thisbot`), if any. */
export function ownCommand(ctx: Context, msg: Message): boolean {
  const text = msg.text ?? msg.caption ?? "";
  const entity = (msg.entities ?? msg.caption_entities ?? []).find(
    (e) => e.type === "bot_command" && e.offset === 0,
  );
  if (!entity) return false;
  const [, at] = text.slice(0, entity.length).split("@");
  return at === undefined || at.toLowerCase() === ctx.me.username.toLowerCase();
}

/** Whether a group message is meant for the bot: its command, a mention, or a reply to it. */
export function addressedInGroup(ctx: Context, msg: Message): boolean {
  if (ownCommand(ctx, msg)) return true;
  if (msg.reply_to_message?.from?.id === ctx.me.id) return true;
  const text = msg.text ?? msg.caption ?? "";
  const mention = `@${ctx.me.username}`.toLowerCase();
  for (const e of msg.entities ?? msg.caption_entities ?? []) {
    if (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === mention)
      return true;
    if (e.type === "text_mention" && e.user?.id === ctx.me.id) return true;
  }
  return false;
}

/** The question in a message, without the bot's @mention. */
export function questionText(ctx: Context, text: string): string {
  const mention = new RegExp(`@${ctx.me.username.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "gi");
  return cleanText(text).replace(mention, " ").replace(/\s+/g, " ").trim();
}

/** Stops updates the bot does not serve. */
export function servedUpdates(s: BotServices): Composer<Context> {
  const served = new Composer<Context>();
  served.use(async (ctx, next) => {
    const u = ctx.update;
    if (u.edited_message || u.channel_post || u.edited_channel_post || ctx.chat?.type === "channel") {
      s.logger.debug({ update_id: u.update_id }, "ignored update type");
      return;
    }
    if (u.message && isGroup(ctx) && !addressedInGroup(ctx, u.message)) return;
    await next();
  });
  return served;
}
