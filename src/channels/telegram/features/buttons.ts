/**
 * The buttons under answers: an item's full text, its related items, its departments (each carrying
 * the document's id), and 👍/👎 on a logged answer.
 */
import { Composer, type Context } from "grammy";
import { fullItemHtml, itemButtons, itemDepartmentsHtml, relatedReply } from "../../../render/index.js";
import { parseCallbackData, resolveDocRef } from "../callbacks.js";
import { langOfUser, t } from "../i18n.js";
import { keyboardOf } from "../keyboard.js";
import { answerCallback, replyHtml } from "../reply.js";
import type { BotServices } from "../services.js";

/** Full text (f), related items (r) and departments (d) of an item. */
export function itemButtonsFeature(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();
  c.callbackQuery(/^[frd]:/, async (ctx, next) => {
    const data = parseCallbackData(ctx.callbackQuery.data);
    if (data?.kind !== "item") return next();
    const { lang } = data;
    const doc = resolveDocRef(data.docRef, s.docs);
    const item = doc ? s.engine.item(doc, data.id, lang) : null;
    if (!item) return answerCallback(ctx, t(lang).unknownButton);
    // A button under an inline message has no chat to answer in: the item's name as an alert.
    if (!ctx.chat) return answerCallback(ctx, `${item.label} ${item.title}`, true);
    await answerCallback(ctx);
    if (data.action === "f") {
      const buttons = itemButtons(item.doc, item.id, lang).map((row) =>
        row.filter((b) => b.action.kind !== "full"),
      );
      return replyHtml(ctx, fullItemHtml(item, lang), keyboardOf(buttons, lang));
    }
    if (data.action === "r") {
      const reply = relatedReply(item, s.engine.related(item.doc, item.id, 5, lang), lang);
      return replyHtml(ctx, reply.html, keyboardOf(reply.buttons, lang));
    }
    await replyHtml(ctx, itemDepartmentsHtml(item, lang));
  });
  return c;
}

/** 👍/👎: the vote goes to the answer log (a later vote by the same user replaces theirs). */
export function votes(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();
  c.callbackQuery(/^v:/, async (ctx, next) => {
    const data = parseCallbackData(ctx.callbackQuery.data);
    if (data?.kind !== "vote") return next();
    const lang = langOfUser(ctx.from.language_code);
    let recorded = false;
    try {
      recorded = s.answerLog.feedback(data.answerId, data.vote, String(ctx.from.id));
    } catch (err) {
      s.logger.warn({ err: String(err) }, "could not record feedback");
    }
    s.logger.info({ update_id: ctx.update.update_id, vote: data.vote, recorded }, "feedback");
    await answerCallback(ctx, recorded ? t(lang).thanks[data.vote] : t(lang).thanks.unknown);
  });
  return c;
}
