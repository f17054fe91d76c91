/**
 * Inline mode: `@bot 六(五)` or `@bot 氨排放` in any chat lists matching items; choosing one inserts
 * its citation (quote, departments, deadlines, document) with a button opening it in the bot.
 */
import { Composer, type Context, InlineKeyboard } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { Citation } from "../../../answer/index.js";
import { citationHtml, cleanText, truncate } from "../../../render/index.js";
import { deepLinkPayload, docHash } from "../callbacks.js";
import { type Lang, t } from "../i18n.js";
import type { BotServices } from "../services.js";
import { langFor } from "./commands.js";

/** Longest inline query looked up (Telegram's own limit). */
export const MAX_INLINE_QUERY = 256;

/** A citation that fits one message: the quote is shortened while the whole would not. */
function citationMessage(c: Citation, lang: Lang): string {
  let quote = c.quote;
  let html = citationHtml(c, lang);
  while (html.length > 4000 && quote.length > 50) {
    quote = truncate(quote, Math.floor(quote.length * 0.8));
    html = citationHtml({ ...c, quote }, lang);
  }
  return html;
}

/** Answers inline queries with up to 50 citations. */
export function inlineSearch(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();
  c.on("inline_query", async (ctx) => {
    const query = cleanText(ctx.inlineQuery.query).trim().slice(0, MAX_INLINE_QUERY);
    const lang = langFor(ctx, query);
    const strings = t(lang);
    if (!query) {
      await ctx.answerInlineQuery([], {
        cache_time: 300,
        button: { text: strings.inlineHint, start_parameter: "help" },
      });
      return;
    }
    const seen = new Set<string>();
    const results: InlineQueryResultArticle[] = [];
    for (const hit of await s.engine.search(query, 50)) {
      // The bot's language for the document and department names, whatever the query's script.
      const cited = s.engine.item(hit.doc, hit.id, lang);
      const c = cited ? { ...cited, quote: hit.quote, quoteStart: hit.quoteStart } : hit;
      const doc = Buffer.byteLength(`${c.doc}:${c.id}`) <= 64 ? c.doc : docHash(c.doc);
      const id = `${doc}:${c.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      results.push({
        type: "article",
        id,
        title: truncate(`${c.label} ${c.title}`, 100),
        description: truncate(`${c.docName} · ${c.quote.replace(/\s+/g, " ")}`, 120),
        input_message_content: {
          message_text: citationMessage(c, lang),
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        },
        reply_markup: new InlineKeyboard().url(
          strings.openInBot,
          `https://t.me/${ctx.me.username}?start=${deepLinkPayload(c.doc, c.id, s.primaryDoc)}`,
        ),
      });
      if (results.length >= 50) break;
    }
    await ctx.answerInlineQuery(results, {
      cache_time: 300,
      ...(results.length === 0 ? { button: { text: strings.inlineNone, start_parameter: "help" } } : {}),
    });
  });
  return c;
}
